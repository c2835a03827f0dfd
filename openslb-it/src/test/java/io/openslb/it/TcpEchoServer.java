package io.openslb.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend for layer-4 tests on a loopback address: greets each connection with its name and a
 * newline, then echoes bytes until the client half-closes, then closes. Counts connections.
 */
public final class TcpEchoServer implements AutoCloseable {
  private final String name;
  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "echo-backend");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger accepted = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  public TcpEchoServer(String ip, int port, String name) throws IOException {
    this.name = name;
    this.socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
    pool.execute(this::acceptLoop);
  }

  public int port() {
    return socket.getLocalPort();
  }

  public int accepted() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        accepted.incrementAndGet();
        open.add(s);
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        out.flush();
      }
      s.shutdownOutput();
    } catch (IOException e) {
      // client went away
    } finally {
      open.remove(s);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
    pool.shutdownNow();
  }
}
