package io.openslb.dataplane.proxy.udp;

import io.netty.buffer.ByteBuf;

/**
 * Reads the destination connection id of a QUIC long-header packet for the {@code qch} scheduler,
 * using only the version-independent layout (RFC 8999 §5.1): header form bit set, 4-byte version,
 * DCID length byte, DCID. Short-header packets do not carry the DCID length, so they have none to
 * offer and {@code qch} falls back to the source address.
 */
final class QuicPackets {
  private static final int LONG_HEADER = 0x80;

  private QuicPackets() {}

  /** The DCID of {@code datagram} if it starts with a QUIC long header, else null. Does not move indexes. */
  static byte[] destinationConnectionId(ByteBuf datagram) {
    int start = datagram.readerIndex();
    int readable = datagram.readableBytes();
    if (readable < 6 || (datagram.getUnsignedByte(start) & LONG_HEADER) == 0) {
      return null;
    }
    int length = datagram.getUnsignedByte(start + 5);
    if (length == 0 || readable < 6 + length) {
      return null;
    }
    byte[] id = new byte[length];
    datagram.getBytes(start + 6, id);
    return id;
  }
}
