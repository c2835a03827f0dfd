package io.openslb.controlplane.actions;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address block as ACL entries and whitelist items carry it. Parsing is strict
 * and never resolves names: IPv4 is four decimal octets without leading zeros, IPv6 is RFC 4291
 * text (with {@code ::} and an optional dotted IPv4 tail), optionally followed by {@code /prefix}.
 * {@link #toString} is the normal form: host bits cleared, IPv6 in RFC 5952 form, and the prefix
 * always written.
 *
 * @param address the network address (host bits zero): 4 or 16 bytes
 * @param explicitPrefix whether the text had a {@code /prefix} (a bare address is /32 or /128)
 */
record Cidr(byte[] address, int prefix, boolean explicitPrefix) {

  boolean ipv6() {
    return address.length == 16;
  }

  /** {@code ipv4} or {@code ipv6}, as AddressIPVersion spells it. */
  String version() {
    return ipv6() ? "ipv6" : "ipv4";
  }

  /** The normal form with the prefix, e.g. {@code 10.0.0.0/24}, {@code 2001:db8::/32}, {@code 1.2.3.4/32}. */
  @Override
  public String toString() {
    return addressText() + "/" + prefix;
  }

  /** Bare address for a full-length block given without a prefix, otherwise {@link #toString}. */
  String asWritten() {
    return explicitPrefix ? toString() : addressText();
  }

  String addressText() {
    return ipv6() ? formatV6(address) : formatV4(address);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.address, address);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(address) + prefix;
  }

  static Optional<Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    byte[] bytes = addr.indexOf(':') >= 0 ? parseV6(addr) : parseV4(addr);
    if (bytes == null) {
      return Optional.empty();
    }
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || (p.length() > 1 && p.charAt(0) == '0')) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
      if (prefix > bits) {
        return Optional.empty();
      }
    }
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    return Optional.of(new Cidr(bytes, prefix, slash >= 0));
  }

  private static byte[] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      Integer v = octet(parts[i]);
      if (v == null) {
        return null;
      }
      out[i] = (byte) (int) v;
    }
    return out;
  }

  private static Integer octet(String p) {
    if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
        || (p.length() > 1 && p.charAt(0) == '0')) {
      return null;
    }
    int v = Integer.parseInt(p);
    return v > 255 ? null : v;
  }

  private static byte[] parseV6(String s) {
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] left = groups(gap < 0 ? s : s.substring(0, gap), gap < 0);
    int[] right = gap < 0 ? new int[0] : groups(s.substring(gap + 2), true);
    if (left == null || right == null) {
      return null;
    }
    int total = left.length + right.length;
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    int[] full = new int[8];
    System.arraycopy(left, 0, full, 0, left.length);
    System.arraycopy(right, 0, full, 8 - right.length, right.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (full[i] >> 8);
      out[2 * i + 1] = (byte) full[i];
    }
    return out;
  }

  /** Colon-separated hex groups; a dotted IPv4 tail (two groups) only where {@code tailAllowed}. */
  private static int[] groups(String s, boolean tailAllowed) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int[] out = new int[parts.length + 1];
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (tailAllowed && i == parts.length - 1 && p.indexOf('.') >= 0) {
        byte[] v4 = parseV4(p);
        if (v4 == null) {
          return null;
        }
        out[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        out[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (char c : p.toCharArray()) {
        int d = c < 128 ? Character.digit(c, 16) : -1;
        if (d < 0) {
          return null;
        }
        v = v * 16 + d;
      }
      out[n++] = v;
    }
    return Arrays.copyOf(out, n);
  }

  private static String formatV4(byte[] b) {
    return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
  }

  /** RFC 5952: lower case, no leading zeros, the longest run (first on a tie) of 2+ zero groups as {@code ::}. */
  private static String formatV6(byte[] b) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
