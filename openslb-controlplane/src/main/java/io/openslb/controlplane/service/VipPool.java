package io.openslb.controlplane.service;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses handed to new load balancers: a CIDR, e.g. {@code 127.1.0.0/16}. The first and
 * last address of a block wider than /31 are never handed out (network and broadcast).
 */
public final class VipPool {
  private final String cidr;
  private final BigInteger first;
  private final BigInteger last;
  private final int length;

  private VipPool(String cidr, BigInteger first, BigInteger last, int length) {
    this.cidr = cidr;
    this.first = first;
    this.last = last;
    this.length = length;
  }

  public static VipPool parse(String cidr) {
    String[] parts = cidr.trim().split("/");
    try {
      InetAddress base = InetAddress.getByName(parts[0]);
      int bits = base.getAddress().length * 8;
      int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("bad prefix length in " + cidr);
      }
      BigInteger addr = new BigInteger(1, base.getAddress());
      BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
      BigInteger network = addr.subtract(addr.mod(size));
      BigInteger broadcast = network.add(size).subtract(BigInteger.ONE);
      if (bits - prefix >= 2) {
        network = network.add(BigInteger.ONE);
        broadcast = broadcast.subtract(BigInteger.ONE);
      }
      return new VipPool(cidr.trim(), network, broadcast, bits / 8);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR: " + cidr, e);
    }
  }

  public String cidr() {
    return cidr;
  }

  public boolean ipv6() {
    return length == 16;
  }

  public boolean contains(String address) {
    Optional<BigInteger> a = toNumber(address);
    return a.isPresent() && a.get().compareTo(first) >= 0 && a.get().compareTo(last) <= 0;
  }

  /** The lowest address of the pool not in {@code used}. */
  public Optional<String> firstFree(Set<String> used) {
    int scanned = 0;
    for (BigInteger a = first; a.compareTo(last) <= 0 && scanned < 1_000_000; a = a.add(BigInteger.ONE), scanned++) {
      String s = toAddress(a);
      if (!used.contains(s)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private Optional<BigInteger> toNumber(String address) {
    if (address == null || !(address.contains(".") || address.contains(":"))) {
      return Optional.empty();
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return bytes.length == length ? Optional.of(new BigInteger(1, bytes)) : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private String toAddress(BigInteger n) {
    byte[] raw = n.toByteArray();
    byte[] bytes = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
