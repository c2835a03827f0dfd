package io.openslb.dataplane.schedule;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * {@code sch} (source IP), {@code tch} (source IP and port, destination IP and port) and {@code
 * qch} (QUIC connection id, else source) consistent hashing on a ring of virtual nodes. Each member
 * gets virtual nodes in proportion to its weight and placed by its own identity, so adding or
 * removing one member moves only about 1/N of the keys.
 */
final class ConsistentHash implements Scheduler {
  static final int NODES_PER_WEIGHT_UNIT = 4;
  static final int MIN_NODES = 40;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final long[] points;
  private final Backend[] owners;
  private final ToLongFunction<FlowKey> keyHash;
  private final int distinct;

  private ConsistentHash(long[] points, Backend[] owners, ToLongFunction<FlowKey> keyHash, int distinct) {
    this.points = points;
    this.owners = owners;
    this.keyHash = keyHash;
    this.distinct = distinct;
  }

  static ConsistentHash sourceIp(List<Backend> members) {
    return build(members, f -> hash(f.client().getAddress().getAddress()));
  }

  /** Hashes the addresses' bytes and ports as they are: no text is built per pick. */
  static ConsistentHash fourTuple(List<Backend> members) {
    return build(members, f -> finish(mix(mix(FNV_OFFSET, f.client()), f.local())));
  }

  static ConsistentHash quic(List<Backend> members) {
    return build(members, f -> f.quicConnectionId() != null && f.quicConnectionId().length > 0
        ? hash(f.quicConnectionId())
        : hash(f.client().getAddress().getAddress()));
  }

  private static ConsistentHash build(List<Backend> members, ToLongFunction<FlowKey> keyHash) {
    int total = 0;
    int[] nodes = new int[members.size()];
    for (int i = 0; i < members.size(); i++) {
      nodes[i] = Math.max(MIN_NODES, members.get(i).weight() * NODES_PER_WEIGHT_UNIT);
      total += nodes[i];
    }
    long[][] pairs = new long[total][2];
    int k = 0;
    for (int i = 0; i < members.size(); i++) {
      String id = members.get(i).member().serverId() + "@" + members.get(i).member().address();
      for (int v = 0; v < nodes[i]; v++) {
        pairs[k][0] = hash((id + "#" + v).getBytes(StandardCharsets.UTF_8));
        pairs[k][1] = i;
        k++;
      }
    }
    Arrays.sort(pairs, (a, b) -> Long.compareUnsigned(a[0], b[0]));
    long[] points = new long[total];
    Backend[] owners = new Backend[total];
    for (int i = 0; i < total; i++) {
      points[i] = pairs[i][0];
      owners[i] = members.get((int) pairs[i][1]);
    }
    return new ConsistentHash(points, owners, keyHash, members.size());
  }

  @Override
  public Backend pick(FlowKey flow, Set<Backend> excluded) {
    if (points.length == 0) {
      return null;
    }
    long h = keyHash.applyAsLong(flow);
    int i = lowerBound(h);
    for (int step = 0; step < points.length; step++) {
      Backend b = owners[(i + step) % points.length];
      if (!excluded.contains(b)) {
        return b;
      }
      if (excluded.size() >= distinct) {
        return null;
      }
    }
    return null;
  }

  private int lowerBound(long h) {
    int lo = 0;
    int hi = points.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(points[mid], h) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == points.length ? 0 : lo;
  }

  /** 64-bit FNV-1a followed by a murmur3 finaliser: fast, stable across runs and nodes. */
  static long hash(byte[] data) {
    return finish(mix(FNV_OFFSET, data));
  }

  /** FNV-1a over an address's bytes and its port (two bytes); nothing for a missing address. */
  private static long mix(long h, InetSocketAddress a) {
    if (a == null) {
      return h;
    }
    h = mix(h, a.getAddress().getAddress());
    h = (h ^ (a.getPort() >>> 8)) * FNV_PRIME;
    return (h ^ (a.getPort() & 0xff)) * FNV_PRIME;
  }

  private static long mix(long h, byte[] data) {
    for (byte b : data) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return h;
  }

  /** murmur3's 64-bit finaliser: spreads FNV's low-entropy high bits over the ring. */
  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
