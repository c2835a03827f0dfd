package io.openslb.dataplane.schedule;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The ring of virtual nodes behind the hash kinds ({@link SourceHash}, {@link FourTupleHash},
 * {@link QuicHash}), which differ only in what of the flow they hash ({@link #keyHash}). Each
 * member gets virtual nodes in proportion to its weight (at least {@value #MIN_NODES}), placed by
 * its own {@link Backend#identity identity} alone, so adding or removing one member moves only the
 * keys it gains or loses: about 1/N of them. A flow goes to the owner of the first virtual node at
 * or after its key's hash; an excluded owner is skipped to the next one on the ring, so retries are
 * as stable as first picks.
 *
 * <p>A hash scheduler has no state: the same key lands on the same member for as long as the
 * membership is the same, however often the scheduler is rebuilt.
 *
 * <p>Threading: the ring is built at construction and only read afterwards; a pick is a binary
 * search and a walk of two arrays: lock-free, allocation-free.
 */
abstract sealed class ConsistentHash implements Scheduler permits SourceHash, FourTupleHash, QuicHash {
  static final int NODES_PER_WEIGHT_UNIT = 4;
  static final int MIN_NODES = 40;
  static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final long[] points;
  private final Backend[] owners;
  private final int distinct;

  ConsistentHash(List<Backend> list) {
    Backend[] members = Schedulers.pickable(list);
    int total = 0;
    int[] nodes = new int[members.length];
    for (int i = 0; i < members.length; i++) {
      nodes[i] = Math.max(MIN_NODES, members[i].weight() * NODES_PER_WEIGHT_UNIT);
      total += nodes[i];
    }
    long[][] pairs = new long[total][2];
    int k = 0;
    for (int i = 0; i < members.length; i++) {
      String id = members[i].identity();
      for (int v = 0; v < nodes[i]; v++) {
        pairs[k][0] = hash((id + "#" + v).getBytes(StandardCharsets.UTF_8));
        pairs[k][1] = i;
        k++;
      }
    }
    Arrays.sort(pairs, (a, b) -> Long.compareUnsigned(a[0], b[0]));
    this.points = new long[total];
    this.owners = new Backend[total];
    for (int i = 0; i < total; i++) {
      points[i] = pairs[i][0];
      owners[i] = members[(int) pairs[i][1]];
    }
    this.distinct = members.length;
  }

  /** The flow's position on the ring. */
  abstract long keyHash(FlowKey flow);

  @Override
  public final Backend pick(FlowKey flow, Set<Backend> excluded) {
    if (points.length == 0) {
      return null;
    }
    long h = keyHash(flow);
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
  static long mix(long h, InetSocketAddress a) {
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
  static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
