package io.openslb.dataplane.proxy.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The binary PROXY protocol v2 header of a UDP flow (HAProxy's proxy-protocol.txt): signature,
 * {@code 0x21} (version 2, PROXY), {@code 0x12} UDP4 or {@code 0x22} UDP6 (DGRAM transport),
 * address length, then source address, destination address, source port, destination port.
 *
 * <p>Which datagrams carry it: every one. The PROXY protocol specification says that for UDP the
 * header and the payload travel in the same datagram and that the receiver parses the header of
 * each datagram independently (a datagram can be lost or reordered, so "only the first one" cannot
 * work). Alibaba's CLB documentation only says that ProxyProtocolV2Enabled passes the client address
 * to TCP and UDP backends with v2; it does not say more, so we follow the specification.
 *
 * <p>Built once per session, as bytes; netty-codec-haproxy's encoder is a pipeline handler for
 * streams and would cost a message object per datagram.
 */
final class ProxyHeaderV2 {
  private static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
  private static final byte VERSION_2_PROXY = 0x21;
  private static final byte UDP4 = 0x12;
  private static final byte UDP6 = 0x22;

  private ProxyHeaderV2() {}

  /**
   * @param source the client
   * @param destination the address the client sent to (the listener's VIP and port)
   */
  static byte[] udp(InetSocketAddress source, InetSocketAddress destination) {
    byte[] src = source.getAddress().getAddress();
    byte[] dst = destination.getAddress().getAddress();
    if (src.length != dst.length) { // cannot happen on one socket, but keep the header well-formed
      src = v6(src);
      dst = v6(dst);
    }
    int addressLength = src.length == 4 ? 12 : 36;
    ByteBuffer b = ByteBuffer.allocate(SIGNATURE.length + 4 + addressLength);
    b.put(SIGNATURE).put(VERSION_2_PROXY).put(src.length == 4 ? UDP4 : UDP6).putShort((short) addressLength);
    b.put(src).put(dst).putShort((short) source.getPort()).putShort((short) destination.getPort());
    return b.array();
  }

  /** An IPv4 address as IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}); IPv6 unchanged. */
  private static byte[] v6(byte[] address) {
    if (address.length == 16) {
      return address;
    }
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(address, 0, mapped, 12, 4);
    return mapped;
  }
}
