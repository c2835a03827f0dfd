package io.openslb.dataplane.proxy.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bytes UDP sessions write and read: PROXY v2 headers (checked by Netty's decoder) and QUIC DCIDs. */
class UdpWireFormatTest {

  private static HAProxyMessage decode(byte[] header, String payload) {
    EmbeddedChannel ch = new EmbeddedChannel(new HAProxyMessageDecoder());
    ch.writeInbound(Unpooled.wrappedBuffer(header, payload.getBytes(StandardCharsets.US_ASCII)));
    HAProxyMessage msg = ch.readInbound();
    ByteBuf rest = ch.readInbound();
    assertThat(rest.toString(StandardCharsets.US_ASCII)).isEqualTo(payload);
    rest.release();
    ch.finishAndReleaseAll();
    return msg;
  }

  @Test
  void proxyHeaderUdp4() {
    byte[] header = ProxyHeaderV2.udp(new InetSocketAddress("203.0.113.7", 40000), new InetSocketAddress("127.1.0.1", 53));
    assertThat(header).hasSize(28);
    HAProxyMessage m = decode(header, "query");
    assertThat(m.protocolVersion()).isEqualTo(HAProxyProtocolVersion.V2);
    assertThat(m.command()).isEqualTo(HAProxyCommand.PROXY);
    assertThat(m.proxiedProtocol()).isEqualTo(HAProxyProxiedProtocol.UDP4);
    assertThat(m.sourceAddress()).isEqualTo("203.0.113.7");
    assertThat(m.sourcePort()).isEqualTo(40000);
    assertThat(m.destinationAddress()).isEqualTo("127.1.0.1");
    assertThat(m.destinationPort()).isEqualTo(53);
    m.release();
  }

  @Test
  void proxyHeaderUdp6() {
    byte[] header = ProxyHeaderV2.udp(new InetSocketAddress("2001:db8::7", 65535), new InetSocketAddress("2001:db8::1", 443));
    assertThat(header).hasSize(52);
    HAProxyMessage m = decode(header, "x");
    assertThat(m.proxiedProtocol()).isEqualTo(HAProxyProxiedProtocol.UDP6);
    assertThat(m.sourceAddress()).isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(m.sourcePort()).isEqualTo(65535);
    assertThat(m.destinationAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(m.destinationPort()).isEqualTo(443);
    m.release();
  }

  @Test
  void quicDestinationConnectionId() {
    // long header, version 1, DCID length 4, DCID 0a0b0c0d, SCID length 0, ...
    ByteBuf initial = Unpooled.wrappedBuffer(new byte[] {(byte) 0xc3, 0, 0, 0, 1, 4, 10, 11, 12, 13, 0, 0});
    initial.readerIndex(0);
    assertThat(QuicPackets.destinationConnectionId(initial)).containsExactly(10, 11, 12, 13);
    assertThat(initial.readerIndex()).isZero();
    // short header: the DCID length is not on the wire
    assertThat(QuicPackets.destinationConnectionId(Unpooled.wrappedBuffer(new byte[] {0x43, 1, 2, 3, 4, 5, 6, 7}))).isNull();
    // truncated, empty DCID, not QUIC at all
    assertThat(QuicPackets.destinationConnectionId(Unpooled.wrappedBuffer(new byte[] {(byte) 0xc3, 0, 0, 0, 1, 20, 1}))).isNull();
    assertThat(QuicPackets.destinationConnectionId(Unpooled.wrappedBuffer(new byte[] {(byte) 0xc3, 0, 0, 0, 1, 0, 0}))).isNull();
    assertThat(QuicPackets.destinationConnectionId(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80}))).isNull();
  }
}
