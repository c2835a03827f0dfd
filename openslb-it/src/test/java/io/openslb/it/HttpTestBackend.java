package io.openslb.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP/1.1 backend for layer-7 tests (JDK HttpServer) on a loopback address. Every response
 * carries {@code X-Backend: <name>}. Paths:
 * <ul>
 *   <li>{@code /} and anything else: body {@code <name>}; the request's headers are kept
 *   <li>{@code /headers}: the request's headers as {@code name: value} lines
 *   <li>{@code /upload}: reads the body, answers its length and SHA-256
 *   <li>{@code /download?n=N&chunked=1}: N deterministic bytes ({@link #pattern}), chunked or with a length
 *   <li>{@code /text?n=N&type=T}: N bytes of text with Content-Type T (default text/plain)
 *   <li>{@code /cookie}: sets {@code JSESSIONID=<name>-session}, body {@code <name> <Cookie header>}
 *   <li>{@code /slow?ms=M}: answers after M ms
 * </ul>
 */
public final class HttpTestBackend implements AutoCloseable {
  private final String name;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "http-backend");
    t.setDaemon(true);
    return t;
  });
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<Map<String, List<String>>> lastHeaders = new AtomicReference<>();

  public HttpTestBackend(String ip, int port, String name) throws IOException {
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), port), 128);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String name() {
    return name;
  }

  /** Distinct client connections (source ports) seen so far. */
  public int connections() {
    return clientPorts.size();
  }

  public int requests() {
    return requests.get();
  }

  /** Headers of the last request, names lower case. */
  public Map<String, List<String>> lastHeaders() {
    return lastHeaders.get();
  }

  /** Byte {@code i} of every download: deterministic, not compressible by accident. */
  public static byte pattern(long i) {
    long x = i * 0x9E3779B97F4A7C15L;
    return (byte) (x >>> 56);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      clientPorts.add(ex.getRemoteAddress().getPort());
      Map<String, List<String>> headers = new TreeMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
      lastHeaders.set(headers);
      ex.getResponseHeaders().add("X-Backend", name);
      URI uri = ex.getRequestURI();
      Map<String, String> q = query(uri);
      switch (uri.getPath()) {
        case "/headers" -> {
          StringBuilder sb = new StringBuilder();
          headers.forEach((k, v) -> v.forEach(x -> sb.append(k).append(": ").append(x).append('\n')));
          text(ex, 200, sb.toString(), "text/plain");
        }
        case "/upload" -> {
          MessageDigest sha = sha256();
          long n = 0;
          try (InputStream in = ex.getRequestBody()) {
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
              sha.update(buf, 0, r);
              n += r;
            }
          }
          text(ex, 200, n + " " + HexFormat.of().formatHex(sha.digest()), "text/plain");
        }
        case "/download" -> {
          long n = Long.parseLong(q.getOrDefault("n", "0"));
          boolean chunked = "1".equals(q.get("chunked"));
          ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
          ex.sendResponseHeaders(200, chunked ? 0 : n);
          try (OutputStream out = ex.getResponseBody()) {
            byte[] buf = new byte[64 * 1024];
            for (long off = 0; off < n; ) {
              int len = (int) Math.min(buf.length, n - off);
              for (int i = 0; i < len; i++) {
                buf[i] = pattern(off + i);
              }
              out.write(buf, 0, len);
              off += len;
            }
          }
        }
        case "/text" -> {
          int n = Integer.parseInt(q.getOrDefault("n", "1000"));
          String unit = "the quick brown fox jumps over the lazy dog " + name + "\n";
          String body = unit.repeat(n / unit.length() + 1).substring(0, n);
          text(ex, 200, body, q.getOrDefault("type", "text/plain"));
        }
        case "/cookie" -> {
          ex.getResponseHeaders().add("Set-Cookie", "JSESSIONID=" + name + "-session; Path=/; HttpOnly");
          String cookie = ex.getRequestHeaders().getFirst("Cookie");
          text(ex, 200, name + " " + cookie, "text/plain");
        }
        case "/slow" -> {
          sleep(Long.parseLong(q.getOrDefault("ms", "1000")));
          text(ex, 200, name, "text/plain");
        }
        default -> {
          ex.getRequestBody().readAllBytes();
          text(ex, 200, name, "text/plain");
        }
      }
    }
  }

  private static void text(HttpExchange ex, int status, String body, String type) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> m = new TreeMap<>();
    if (uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        int eq = kv.indexOf('=');
        m.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
      }
    }
    return m;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
