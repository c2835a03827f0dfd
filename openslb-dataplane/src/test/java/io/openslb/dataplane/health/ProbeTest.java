package io.openslb.dataplane.health;

import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.netty.channel.EventLoop;
import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.transport.Transport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TCP, HTTP and UDP probes against real loopback sockets. */
class ProbeTest {
  static final String IP = "127.0.0.1";
  static final long TIMEOUT = 1_000;

  static Transport transport;
  static EventLoop loop;
  static HttpServer http;
  static final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    transport = new Transport(1);
    loop = transport.group().next();
    http = HttpServer.create(new InetSocketAddress(IP, 0), 16);
    http.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("Host")
          + " connection=" + exchange.getRequestHeaders().getFirst("Connection"));
      String path = exchange.getRequestURI().getPath();
      int status = path.startsWith("/500") ? 500 : path.startsWith("/302") ? 302 : path.startsWith("/404") ? 404 : 200;
      if (status == 302) {
        exchange.getResponseHeaders().set("Location", "/");
      }
      boolean head = exchange.getRequestMethod().equals("HEAD");
      byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, head ? -1 : body.length);
      if (!head) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    http.start();
  }

  @AfterAll
  static void stop() {
    http.stop(0);
    transport.close();
  }

  static Probe.Result run(Probe probe) throws Exception {
    CompletableFuture<Probe.Result> result = new CompletableFuture<>();
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    loop.execute(() -> probe.run(r -> {
      thread.complete(Thread.currentThread());
      result.complete(r);
    }));
    Probe.Result r = result.get(TIMEOUT + 3_000, TimeUnit.MILLISECONDS);
    assertThat(loop.inEventLoop(thread.get())).as("done runs on the probe's event loop").isTrue();
    return r;
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(IP))) {
      return s.getLocalPort();
    }
  }

  static HealthCheckSpec httpSpec(String method, String uri, String domain, String codes) {
    return new HealthCheckSpec(true, HealthCheckSpec.Type.HTTP, null, 2, 2, Duration.ofSeconds(1), Duration.ofSeconds(1), domain, uri,
        HealthCheckSpec.statusClasses(codes), "get".equalsIgnoreCase(method) ? HealthCheckSpec.Method.GET : HealthCheckSpec.Method.HEAD,
        null, null);
  }

  static Probe httpProbe(int port, HealthCheckSpec spec) {
    return new HttpProbe(transport, loop, new InetSocketAddress(IP, port), TIMEOUT, HttpCheck.of(spec, IP));
  }

  // --- TCP

  @Test
  void tcpConnectToAListeningPortIsHealthy() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getByName(IP))) {
      Probe.Result r = run(new TcpProbe(transport, loop, new InetSocketAddress(IP, server.getLocalPort()), TIMEOUT));
      assertThat(r.healthy()).as(r.detail()).isTrue();
    }
  }

  @Test
  void tcpConnectToAClosedPortIsUnhealthy() throws Exception {
    Probe.Result r = run(new TcpProbe(transport, loop, new InetSocketAddress(IP, closedPort()), TIMEOUT));
    assertThat(r.healthy()).isFalse();
    assertThat(r.detail()).containsIgnoringCase("refused");
  }

  // --- HTTP

  /** method, URI, domain, accepted codes → healthy? */
  @Test
  void httpStatusClassesTable() throws Exception {
    Object[][] table = {
        {"head", "/", null, "http_2xx", true},
        {"get", "/ok", null, "http_2xx", true},
        {"head", "/500", null, "http_2xx", false},
        {"get", "/500", null, "http_2xx,http_3xx", false},
        {"get", "/500", null, "http_5xx", true},
        {"head", "/302", null, "http_2xx", false},
        {"head", "/302", null, "http_2xx,http_3xx", true},
        {"head", "/404", null, "http_2xx,http_3xx,http_4xx", true},
        {"head", "/404", null, null, false},
    };
    for (Object[] row : table) {
      Probe.Result r = run(httpProbe(http.getAddress().getPort(),
          httpSpec((String) row[0], (String) row[1], (String) row[2], (String) row[3])));
      assertThat(r.healthy()).as(Arrays.toString(row) + " -> " + r.detail()).isEqualTo(row[4]);
    }
  }

  @Test
  void httpSendsMethodUriHostAndConnectionClose() throws Exception {
    seen.clear();
    int port = http.getAddress().getPort();
    assertThat(run(httpProbe(port, httpSpec(null, null, null, null))).healthy()).isTrue();
    assertThat(run(httpProbe(port, httpSpec("get", "/health/check?x=1", "www.example.com", "http_2xx"))).healthy()).isTrue();
    assertThat(run(httpProbe(port, httpSpec("head", "/ip", "$_ip", "http_2xx"))).healthy()).isTrue();
    assertThat(seen).containsExactly(
        "HEAD / host=127.0.0.1 connection=close",
        "GET /health/check?x=1 host=www.example.com connection=close",
        "HEAD /ip host=127.0.0.1 connection=close");
  }

  @Test
  void httpToAClosedPortIsUnhealthy() throws Exception {
    Probe.Result r = run(httpProbe(closedPort(), httpSpec(null, null, null, null)));
    assertThat(r.healthy()).isFalse();
  }

  @Test
  void httpServerThatNeverAnswersTimesOut() throws Exception {
    // the kernel completes the handshake from the backlog; nobody ever reads the request
    try (ServerSocket silent = new ServerSocket(0, 16, InetAddress.getByName(IP))) {
      long start = System.nanoTime();
      Probe.Result r = run(httpProbe(silent.getLocalPort(), httpSpec(null, null, null, null)));
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(r.healthy()).isFalse();
      assertThat(r.detail()).contains("no response");
      assertThat(tookMillis).isBetween(TIMEOUT - 50, TIMEOUT + 1_500);
    }
  }

  @Test
  void httpServerThatClosesWithoutAnswerIsUnhealthy() throws Exception {
    try (ServerSocket rude = new ServerSocket(0, 16, InetAddress.getByName(IP))) {
      Thread t = new Thread(() -> {
        try {
          rude.setSoTimeout(3_000);
          rude.accept().close();
        } catch (IOException ignored) {
          // test over
        }
      });
      t.setDaemon(true);
      t.start();
      Probe.Result r = run(httpProbe(rude.getLocalPort(), httpSpec(null, null, null, null)));
      assertThat(r.healthy()).isFalse();
      t.join(3_000);
    }
  }

  // --- UDP

  /** Echoes (or, with {@code reply} set, answers {@code reply}) until closed; bounded by its socket timeout. */
  static DatagramSocket udpServer(String reply) throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(IP, 0));
    socket.setSoTimeout(200);
    Thread t = new Thread(() -> {
      byte[] buf = new byte[2048];
      for (int i = 0; i < 300 && !socket.isClosed(); i++) {
        try {
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          socket.receive(p);
          byte[] out = reply == null ? Arrays.copyOf(p.getData(), p.getLength()) : reply.getBytes(StandardCharsets.UTF_8);
          socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
        } catch (SocketTimeoutException idle) {
          // keep waiting
        } catch (IOException closed) {
          return;
        }
      }
    }, "udp-test-backend");
    t.setDaemon(true);
    t.start();
    return socket;
  }

  static Probe udpProbe(int port, String request, String expect) {
    return new UdpProbe(transport, loop, new InetSocketAddress(IP, port), TIMEOUT, request, expect);
  }

  @Test
  void udpEchoWithTheExpectedReplyIsHealthy() throws Exception {
    try (DatagramSocket echo = udpServer(null)) {
      Probe.Result r = run(udpProbe(echo.getLocalPort(), "ping42", "ping42"));
      assertThat(r.healthy()).as(r.detail()).isTrue();
    }
  }

  @Test
  void udpReplyThatDiffersFromTheExpectedOneIsUnhealthy() throws Exception {
    try (DatagramSocket server = udpServer("nope")) {
      Probe.Result r = run(udpProbe(server.getLocalPort(), "ping", "pong"));
      assertThat(r.healthy()).isFalse();
      assertThat(r.detail()).contains("unexpected reply");
    }
  }

  @Test
  void udpSilenceIsHealthyWithoutAnExpectedReplyAndUnhealthyWithOne() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(IP, 0))) {
      Probe.Result quiet = run(udpProbe(silent.getLocalPort(), null, null));
      assertThat(quiet.healthy()).as(quiet.detail()).isTrue();
      Probe.Result expecting = run(udpProbe(silent.getLocalPort(), "ping", "pong"));
      assertThat(expecting.healthy()).isFalse();
    }
  }

  @Test
  void udpPortUnreachableIsUnhealthy() throws Exception {
    int port;
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(IP, 0))) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();
    Probe.Result r = run(udpProbe(port, null, null));
    assertThat(r.healthy()).isFalse();
    assertThat(r.detail()).contains("port unreachable");
    assertThat((System.nanoTime() - start) / 1_000_000).as("ICMP comes back before the timeout").isLessThan(TIMEOUT);
  }
}
