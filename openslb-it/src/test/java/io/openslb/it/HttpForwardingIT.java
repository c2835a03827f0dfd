package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.RemoveBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.SetBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerHTTPListenerAttributeRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real HTTP traffic through an HTTP listener configured with the official SDK: distribution,
 * keep-alive reuse, the headers the backend sees, large streamed bodies both ways, 502/503/504,
 * and configuration changes under load without a failed request.
 */
class HttpForwardingIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final L7Support it = new L7Support(slb);
  static HttpTestBackend web1;
  static HttpTestBackend web2;

  @BeforeAll
  static void start() throws Exception {
    web1 = new HttpTestBackend("127.0.0.21", 0, "web1");
    web2 = new HttpTestBackend("127.0.0.22", web1.port(), "web2");
    slb.addInstance("i-h1", "127.0.0.21");
    slb.addInstance("i-h2", "127.0.0.22");
    slb.addInstance("i-dead", "127.0.0.29");
  }

  @AfterAll
  static void stop() {
    web1.close();
    web2.close();
  }

  @Test
  void weightedDistributionOverOneKeptAliveClientConnection() throws Exception {
    String[] lb = it.loadBalancer();
    it.addBackends(lb[0], "[{\"ServerId\":\"i-h1\",\"Weight\":\"3\"},{\"ServerId\":\"i-h2\",\"Weight\":\"1\"}]");
    it.httpListener(lb[0], lb[1], 8081, web1.port(), r -> { });
    int before1 = web1.connections();
    int before2 = web2.connections();
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(lb[1], 8081), 2000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      for (int i = 0; i < 40; i++) {
        out.write(("GET /n" + i + " HTTP/1.1\r\nHost: shop.example\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 200");
        int length = Integer.parseInt(header(head, "content-length"));
        seen.merge(new String(in.readNBytes(length), StandardCharsets.US_ASCII), 1, Integer::sum);
      }
    }
    assertThat(seen).isEqualTo(Map.of("web1", 30, "web2", 10));
    assertThat(web1.connections() - before1).as("backend connections reused").isLessThanOrEqualTo(2);
    assertThat(web2.connections() - before2).isLessThanOrEqualTo(2);
  }

  @Test
  void headersTheBackendSeesFollowTheListenerSwitches() throws Exception {
    String[] lb = it.loadBalancer();
    it.addBackends(lb[0], "[{\"ServerId\":\"i-h1\"}]");
    it.httpListener(lb[0], lb[1], 8082, web1.port(), r -> { });
    it.get(lb[1], 8082, "/h", "X-Forwarded-For", "203.0.113.7");
    Map<String, List<String>> h = web1.lastHeaders();
    assertThat(h.get("x-forwarded-for")).containsExactly("203.0.113.7, 127.0.0.1");
    assertThat(h).doesNotContainKeys("x-forwarded-proto", "slb-ip", "slb-id", "x-forwarded-port", "x-forwarded-client-port");
    assertThat(h.get("host")).containsExactly(lb[1] + ":8082");

    SetLoadBalancerHTTPListenerAttributeRequest set = new SetLoadBalancerHTTPListenerAttributeRequest();
    set.setLoadBalancerId(lb[0]);
    set.setListenerPort(8082);
    set.setXForwardedFor_proto("on");
    set.setXForwardedFor_SLBIP("on");
    set.setXForwardedFor_SLBID("on");
    set.putQueryParameter("XForwardedFor_SLBPORT", "on");
    set.putQueryParameter("XForwardedFor_ClientSrcPort", "on");
    it.sdk.call(set);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(lb[1], 8082), 2000);
      s.setSoTimeout(5000);
      int clientPort = s.getLocalPort();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
        s.getOutputStream().write("GET /h HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String head = readHead(s.getInputStream());
        s.getInputStream().readNBytes(Integer.parseInt(header(head, "content-length")));
        return web1.lastHeaders().containsKey("slb-id");
      });
      Map<String, List<String>> on = web1.lastHeaders();
      assertThat(on.get("x-forwarded-proto")).containsExactly("http");
      assertThat(on.get("slb-ip")).containsExactly(lb[1]);
      assertThat(on.get("slb-id")).containsExactly(lb[0]);
      assertThat(on.get("x-forwarded-port")).containsExactly("8082");
      assertThat(on.get("x-forwarded-client-port")).containsExactly(Integer.toString(clientPort));
    }
  }

  @Test
  void largeBodiesStreamBothWaysWithLengthAndChunked() throws Exception {
    String[] lb = it.loadBalancer();
    it.addBackends(lb[0], "[{\"ServerId\":\"i-h1\"}]");
    it.httpListener(lb[0], lb[1], 8083, web1.port(), r -> { });
    long size = 32L * 1024 * 1024;
    String base = "http://" + lb[1] + ":8083";
    MessageDigest expected = HttpTestBackend.sha256();
    byte[] buf = new byte[64 * 1024];
    for (long off = 0; off < size; off += buf.length) {
      fill(buf, off);
      expected.update(buf);
    }
    String hash = HexFormat.of().formatHex(expected.digest());

    // upload with a Content-Length, and chunked (an InputStream body has no known length)
    HttpResponse<String> withLength = it.http.send(HttpRequest.newBuilder(URI.create(base + "/upload"))
        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)), size))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withLength.body()).isEqualTo(size + " " + hash);
    HttpResponse<String> chunked = it.http.send(HttpRequest.newBuilder(URI.create(base + "/upload"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.body()).isEqualTo(size + " " + hash);

    // download with a Content-Length, and chunked
    for (String mode : List.of("0", "1")) {
      HttpResponse<InputStream> r = it.http.send(HttpRequest.newBuilder(URI.create(base + "/download?n=" + size + "&chunked=" + mode))
          .build(), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(r.headers().firstValue("transfer-encoding").isPresent()).isEqualTo(mode.equals("1"));
      MessageDigest got = HttpTestBackend.sha256();
      long n = 0;
      try (InputStream in = r.body()) {
        int k;
        while ((k = in.read(buf)) > 0) {
          got.update(buf, 0, k);
          n += k;
        }
      }
      assertThat(n).isEqualTo(size);
      assertThat(HexFormat.of().formatHex(got.digest())).isEqualTo(hash);
    }
  }

  @Test
  void errorsWithoutAHealthyPath() throws Exception {
    // 503: the target has no member
    String[] empty = it.loadBalancer();
    it.httpListener(empty[0], empty[1], 8084, web1.port(), r -> { });
    HttpResponse<String> none = it.get(empty[1], 8084, "/");
    assertThat(none.statusCode()).isEqualTo(503);
    assertThat(none.body()).contains("503 Service Unavailable");

    // 502: nothing listens on the member's port
    String[] dead = it.loadBalancer();
    it.addBackends(dead[0], "[{\"ServerId\":\"i-dead\"}]");
    it.httpListener(dead[0], dead[1], 8085, web1.port(), r -> { });
    assertThat(it.get(dead[1], 8085, "/").statusCode()).isEqualTo(502);

    // a dead member next to a live one: the connect failure is retried on the live one
    it.addBackends(dead[0], "[{\"ServerId\":\"i-h1\"}]");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
        .until(() -> it.get(dead[1], 8085, "/").statusCode() == 200);
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = it.get(dead[1], 8085, "/");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("web1");
    }

    // 504: RequestTimeout 1 s, the backend takes 3 s
    String[] slow = it.loadBalancer();
    it.addBackends(slow[0], "[{\"ServerId\":\"i-h1\"}]");
    it.httpListener(slow[0], slow[1], 8086, web1.port(), r -> r.setRequestTimeout(1));
    long t0 = System.nanoTime();
    HttpResponse<String> timeout = it.get(slow[1], 8086, "/slow?ms=3000");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(timeout.statusCode()).isEqualTo(504);
    assertThat(ms).isBetween(900L, 2500L);
    assertThat(it.get(slow[1], 8086, "/slow?ms=10").statusCode()).as("next request is fine").isEqualTo(200);
  }

  @Test
  void backendAndWeightChangesUnderLoadFailNoRequest() throws Exception {
    String[] lb = it.loadBalancer();
    it.addBackends(lb[0], "[{\"ServerId\":\"i-h1\"},{\"ServerId\":\"i-h2\"}]");
    it.httpListener(lb[0], lb[1], 8087, web1.port(), r -> { });
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    List<String> failures = new CopyOnWriteArrayList<>();
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    Thread[] clients = new Thread[3];
    for (int c = 0; c < clients.length; c++) {
      clients[c] = new Thread(() -> {
        for (int i = 0; i < 20_000 && running.get(); i++) {
          try {
            HttpResponse<String> r = it.get(lb[1], 8087, "/live");
            if (r.statusCode() == 200) {
              ok.incrementAndGet();
              seen.merge(r.body(), 1, Integer::sum);
            } else {
              failures.add(r.statusCode() + " " + r.body());
            }
          } catch (Exception e) {
            failures.add(e.toString());
          }
        }
      }, "live-client-" + c);
      clients[c].start();
    }
    Random random = new Random(42);
    try {
      for (int change = 0; change < 50; change++) {
        switch (change % 3) {
          case 0 -> {
            RemoveBackendServersRequest rm = new RemoveBackendServersRequest();
            rm.setLoadBalancerId(lb[0]);
            rm.setBackendServers("[{\"ServerId\":\"i-h2\"}]");
            it.sdk.call(rm);
          }
          case 1 -> {
            AddBackendServersRequest add = new AddBackendServersRequest();
            add.setLoadBalancerId(lb[0]);
            add.setBackendServers("[{\"ServerId\":\"i-h2\",\"Weight\":\"" + (1 + random.nextInt(100)) + "\"}]");
            it.sdk.call(add);
          }
          default -> {
            SetBackendServersRequest set = new SetBackendServersRequest();
            set.setLoadBalancerId(lb[0]);
            set.setBackendServers("[{\"ServerId\":\"i-h1\",\"Weight\":\"" + (1 + random.nextInt(100)) + "\"},"
                + "{\"ServerId\":\"i-h2\",\"Weight\":\"" + random.nextInt(101) + "\"}]");
            it.sdk.call(set);
          }
        }
        Thread.sleep(20);
      }
    } finally {
      running.set(false);
      for (Thread t : clients) {
        t.join(30_000);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(ok.get()).isGreaterThan(100);
    assertThat(seen).containsOnlyKeys("web1", "web2");
  }

  // ------------------------------------------------------------------ helpers

  static void fill(byte[] buf, long offset) {
    for (int i = 0; i < buf.length; i++) {
      buf[i] = HttpTestBackend.pattern(offset + i);
    }
  }

  /** {@code size} bytes of {@link HttpTestBackend#pattern}, generated on the fly. */
  static final class PatternStream extends InputStream {
    private final long size;
    private long pos;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return pos < size ? HttpTestBackend.pattern(pos++) & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      for (int i = 0; i < n; i++) {
        b[off + i] = HttpTestBackend.pattern(pos + i);
      }
      pos += n;
      return n;
    }
  }

  static String readHead(InputStream in) throws java.io.IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      sb.append((char) c);
      if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
        return sb.toString();
      }
    }
    throw new java.io.EOFException("closed: " + sb);
  }

  static String header(String head, String lowerName) {
    for (String line : head.split("\r\n")) {
      int c = line.indexOf(':');
      if (c > 0 && line.substring(0, c).trim().equalsIgnoreCase(lowerName)) {
        return line.substring(c + 1).trim();
      }
    }
    return null;
  }
}
