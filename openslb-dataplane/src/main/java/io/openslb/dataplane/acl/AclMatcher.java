package io.openslb.dataplane.acl;

import io.openslb.dataplane.config.AclSpec;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides on accept whether a source address may pass. CIDRs are compiled into sorted, merged
 * ranges per address family and searched by binary search, so 300 entries cost about 9
 * comparisons. Immutable and thread-safe.
 */
public final class AclMatcher {
  private static final Pattern DOTTED_QUAD = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private final boolean white;
  private final boolean passAll;
  private final long[] v4Start;
  private final long[] v4End;
  private final BigInteger[] v6Start;
  private final BigInteger[] v6End;

  private AclMatcher(boolean white, boolean passAll, long[][] v4, BigInteger[][] v6) {
    this.white = white;
    this.passAll = passAll;
    this.v4Start = v4[0];
    this.v4End = v4[1];
    this.v6Start = v6[0];
    this.v6End = v6[1];
  }

  /** Null spec (access control off) admits everything. Invalid entries are skipped. */
  public static AclMatcher compile(AclSpec spec) {
    if (spec == null) {
      return new AclMatcher(false, true, new long[2][0], new BigInteger[2][0]);
    }
    List<long[]> v4 = new ArrayList<>();
    List<BigInteger[]> v6 = new ArrayList<>();
    for (String cidr : spec.cidrs()) {
      try {
        String[] parts = cidr.trim().split("/", -1);
        if (parts.length > 2 || !literal(parts[0])) {
          continue;
        }
        byte[] addr = InetAddress.getByName(parts[0]).getAddress();
        int bits = addr.length * 8;
        int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
        if (prefix < 0 || prefix > bits) {
          continue;
        }
        BigInteger a = new BigInteger(1, addr);
        BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
        BigInteger start = a.subtract(a.mod(size));
        BigInteger end = start.add(size).subtract(BigInteger.ONE);
        if (addr.length == 4) {
          v4.add(new long[] {start.longValue(), end.longValue()});
        } else {
          v6.add(new BigInteger[] {start, end});
        }
      } catch (Exception e) {
        // validated at the API edge; a bad stored entry must not block the rest
      }
    }
    boolean passAll = spec.cidrs().isEmpty() && spec.emptyMeansAll();
    return new AclMatcher(spec.white(), passAll, mergeV4(v4), mergeV6(v6));
  }

  /**
   * Whether {@code s} is an address literal: a dotted quad, or IPv6 (has a colon).
   * {@link InetAddress#getByName} would otherwise look a name up in DNS, or read {@code 10.1} as
   * {@code 10.0.0.1}.
   */
  private static boolean literal(String s) {
    return s.indexOf(':') >= 0 || DOTTED_QUAD.matcher(s).matches();
  }

  public boolean admits(InetAddress source) {
    if (passAll) {
      return true;
    }
    return listed(source) == white;
  }

  private boolean listed(InetAddress source) {
    byte[] b = source.getAddress();
    if (b.length == 4) {
      long v = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
      int i = Arrays.binarySearch(v4Start, v);
      int idx = i >= 0 ? i : -i - 2;
      return idx >= 0 && v <= v4End[idx];
    }
    BigInteger v = new BigInteger(1, b);
    int i = Arrays.binarySearch(v6Start, v);
    int idx = i >= 0 ? i : -i - 2;
    return idx >= 0 && v.compareTo(v6End[idx]) <= 0;
  }

  private static long[][] mergeV4(List<long[]> ranges) {
    ranges.sort(Comparator.comparingLong(r -> r[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] r : ranges) {
      if (!merged.isEmpty() && r[0] <= merged.get(merged.size() - 1)[1] + 1) {
        long[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(new long[] {r[0], r[1]});
      }
    }
    long[][] out = new long[2][merged.size()];
    for (int i = 0; i < merged.size(); i++) {
      out[0][i] = merged.get(i)[0];
      out[1][i] = merged.get(i)[1];
    }
    return out;
  }

  private static BigInteger[][] mergeV6(List<BigInteger[]> ranges) {
    ranges.sort(Comparator.comparing(r -> r[0]));
    List<BigInteger[]> merged = new ArrayList<>();
    for (BigInteger[] r : ranges) {
      if (!merged.isEmpty() && r[0].compareTo(merged.get(merged.size() - 1)[1].add(BigInteger.ONE)) <= 0) {
        BigInteger[] last = merged.get(merged.size() - 1);
        last[1] = last[1].max(r[1]);
      } else {
        merged.add(new BigInteger[] {r[0], r[1]});
      }
    }
    BigInteger[][] out = new BigInteger[2][merged.size()];
    for (int i = 0; i < merged.size(); i++) {
      out[0][i] = merged.get(i)[0];
      out[1][i] = merged.get(i)[1];
    }
    return out;
  }
}
