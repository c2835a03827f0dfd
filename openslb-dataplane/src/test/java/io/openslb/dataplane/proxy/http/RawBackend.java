package io.openslb.dataplane.proxy.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive HTTP/1.1 backend on a loopback address that records every request exactly as it
 * arrived (head and body bytes) and answers with what {@link Script} says.
 */
final class RawBackend implements AutoCloseable {
  /** Decides the answer: the raw response bytes, or null to close the connection without one. */
  interface Script {
    String answer(Request request, int indexOnConnection) throws Exception;
  }

  record Request(String head, byte[] body, int connection) {
    String bodyText() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }

    boolean hasHeader(String lowerName) {
      return head.toLowerCase(Locale.ROOT).contains("\r\n" + lowerName + ":");
    }

    String header(String lowerName) {
      for (String l : head.split("\r\n")) {
        int c = l.indexOf(':');
        if (c > 0 && l.substring(0, c).trim().equalsIgnoreCase(lowerName)) {
          return l.substring(c + 1).trim();
        }
      }
      return null;
    }
  }

  static String ok(String body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-backend");
    t.setDaemon(true);
    return t;
  });
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile Script script;

  RawBackend(String ip, Script script) throws IOException {
    this.script = script;
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
    pool.execute(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  void script(Script s) {
    this.script = s;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        int id = connections.incrementAndGet();
        open.add(s);
        pool.execute(() -> serve(s, id));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s, int id) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      for (int n = 0; ; n++) {
        String head = head(in);
        if (head == null) {
          return;
        }
        byte[] body = body(in, head);
        Request r = new Request(head, body, id);
        requests.add(r);
        String answer = script.answer(r, n);
        if (answer == null) {
          return;
        }
        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (Exception e) {
      // client went away
    } finally {
      open.remove(s);
    }
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      b.write(c);
      if (b.size() >= 4) {
        byte[] a = b.toByteArray();
        int n = a.length;
        if (a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
          return b.toString(StandardCharsets.ISO_8859_1);
        }
      }
    }
    return null;
  }

  /** The body exactly as sent (chunk framing included). */
  private static byte[] body(InputStream in, String head) throws IOException {
    Request probe = new Request(head, new byte[0], 0);
    String te = probe.header("transfer-encoding");
    String cl = probe.header("content-length");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    if (te != null && te.equalsIgnoreCase("chunked")) {
      for (;;) {
        String size = line(in, b);
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (n == 0) {
          while (!line(in, b).isEmpty()) {
            // trailers
          }
          return b.toByteArray();
        }
        b.write(in.readNBytes(n));
        line(in, b);
      }
    }
    if (cl != null) {
      b.write(in.readNBytes(Integer.parseInt(cl)));
    }
    return b.toByteArray();
  }

  private static String line(InputStream in, ByteArrayOutputStream copy) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      copy.write(c);
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  /** Closes every open connection to the proxy (not the listening socket). */
  void dropConnections() throws IOException {
    for (Socket s : open) {
      s.close();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropConnections();
    pool.shutdownNow();
  }
}
