package io.openslb.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP backend for layer-4 tests on a loopback address: answers every datagram with its name, a
 * {@code |} and the datagram's payload. With {@code proxyProtocol} every datagram must start with a
 * PROXY v2 header, which Netty's own decoder parses (an independent check of what OpenSLB writes);
 * the headers are kept for assertions and stripped from the echo. Remembers the session sockets
 * (sender addresses) it has seen.
 */
public final class UdpEchoServer implements AutoCloseable {
  /** A parsed PROXY v2 header. */
  public record Header(String protocol, String source, int sourcePort, String destination, int destinationPort) {}

  private final String name;
  private final boolean proxyProtocol;
  private final DatagramSocket socket;
  private final Thread thread;
  private final Set<SocketAddress> senders = ConcurrentHashMap.newKeySet();
  private final List<Header> headers = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();

  public UdpEchoServer(String ip, int port, String name, boolean proxyProtocol) throws IOException {
    this.name = name;
    this.proxyProtocol = proxyProtocol;
    this.socket = new DatagramSocket(null);
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
    this.thread = new Thread(this::serve, "udp-echo-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Distinct session sockets (OpenSLB's source addresses) seen so far. */
  public Set<SocketAddress> senders() {
    return Set.copyOf(senders);
  }

  public List<Header> headers() {
    return List.copyOf(headers);
  }

  /** Datagrams that did not start with a valid PROXY v2 header (proxyProtocol only). */
  public List<String> rejected() {
    return List.copyOf(rejected);
  }

  private void serve() {
    byte[] buf = new byte[65_535];
    while (!socket.isClosed()) {
      try {
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        socket.receive(in);
        senders.add(in.getSocketAddress());
        byte[] payload = Arrays.copyOfRange(in.getData(), in.getOffset(), in.getOffset() + in.getLength());
        if (proxyProtocol) {
          payload = stripHeader(payload);
          if (payload == null) {
            continue;
          }
        }
        byte[] prefix = (name + "|").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(prefix, prefix.length + payload.length);
        System.arraycopy(payload, 0, out, prefix.length, payload.length);
        socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // one bad exchange: keep serving
      }
    }
  }

  /** Parses this datagram's own header, as the PROXY protocol asks of UDP receivers; null if invalid. */
  private byte[] stripHeader(byte[] datagram) {
    EmbeddedChannel decoder = new EmbeddedChannel(new HAProxyMessageDecoder());
    try {
      decoder.writeInbound(Unpooled.wrappedBuffer(datagram));
      Object first = decoder.readInbound();
      if (!(first instanceof HAProxyMessage m)) {
        rejected.add("no header: " + first);
        return null;
      }
      headers.add(new Header(m.proxiedProtocol().name(), m.sourceAddress(), m.sourcePort(), m.destinationAddress(),
          m.destinationPort()));
      m.release();
      ByteBuf rest = decoder.readInbound();
      if (rest == null) {
        return new byte[0];
      }
      byte[] payload = new byte[rest.readableBytes()];
      rest.readBytes(payload);
      rest.release();
      return payload;
    } catch (RuntimeException e) {
      rejected.add(e.toString());
      return null;
    } finally {
      decoder.finishAndReleaseAll();
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(2000);
  }
}
