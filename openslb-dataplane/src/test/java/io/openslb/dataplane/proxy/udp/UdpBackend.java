package io.openslb.dataplane.proxy.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A UDP backend on a loopback address: answers each datagram with {@code name|senderPort|} and the
 * datagram's bytes, so a test sees which backend and which session socket served it.
 */
final class UdpBackend implements AutoCloseable {
  final String name;
  final String ip;
  private final DatagramSocket socket;
  private final Thread thread;

  UdpBackend(String ip, int port, String name) throws IOException {
    this.name = name;
    this.ip = ip;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), port));
    this.thread = new Thread(this::serve, "udp-backend-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    byte[] buf = new byte[65_535];
    while (!socket.isClosed()) {
      try {
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        socket.receive(in);
        byte[] prefix = (name + "|" + in.getPort() + "|").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(prefix, prefix.length + in.getLength());
        System.arraycopy(in.getData(), in.getOffset(), out, prefix.length, in.getLength());
        socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // one bad exchange: keep serving
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(2000);
  }
}
