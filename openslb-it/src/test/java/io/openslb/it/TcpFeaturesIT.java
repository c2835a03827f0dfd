package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.RemoveBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerStatusRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * TCP listener features with real traffic, configured through the official SDK: half-close, large
 * transfers, EstablishedTimeout, PersistenceTimeout, PROXY protocol v2, skipping a refusing
 * backend, ConnectionDrain, load balancer status, and listeners surviving a server restart.
 * Backends: echo servers web1 (127.0.0.11) and web2 (127.0.0.12), a PROXY-protocol backend
 * (127.0.0.13), and 127.0.0.14 where nothing listens.
 */
class TcpFeaturesIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  /** The data directory of the server process that a test kills and restarts. */
  @TempDir static Path dir;
  static TcpEchoServer web1;
  static TcpEchoServer web2;
  static ProxyProtocolBackend pp;

  @BeforeAll
  static void start() throws Exception {
    web1 = new TcpEchoServer("127.0.0.11", 0, "web1");
    web2 = new TcpEchoServer("127.0.0.12", web1.port(), "web2");
    pp = new ProxyProtocolBackend("127.0.0.13", web1.port());
    slb.addInstance("i-web1", "127.0.0.11");
    slb.addInstance("i-web2", "127.0.0.12");
    slb.addInstance("i-pp", "127.0.0.13");
    slb.addInstance("i-dead", "127.0.0.14");
  }

  @AfterAll
  static void stop() throws Exception {
    web1.close();
    web2.close();
    pp.close();
  }

  // ---- helpers ----

  /** A load balancer with these instances (weight 100); answers {@code id@address}. */
  static String loadBalancer(Sdk sdk, String backendServersJson) {
    CreateLoadBalancerResponse lb = sdk.call(new CreateLoadBalancerRequest());
    AddBackendServersRequest add = new AddBackendServersRequest();
    add.setLoadBalancerId(lb.getLoadBalancerId());
    add.setBackendServers(backendServersJson);
    sdk.call(add);
    return lb.getLoadBalancerId() + "@" + lb.getAddress();
  }

  static String loadBalancer(String... instances) {
    return loadBalancer(sdk, java.util.Arrays.stream(instances)
        .map(i -> "{\"ServerId\":\"" + i + "\",\"Weight\":\"100\"}").collect(Collectors.joining(",", "[", "]")));
  }

  static String id(String lb) {
    return lb.substring(0, lb.indexOf('@'));
  }

  static String vip(String lb) {
    return lb.substring(lb.indexOf('@') + 1);
  }

  /** Creates and starts a TCP listener to the backends' port, then waits until it forwards. */
  static void tcpListener(Sdk sdk, String lb, int port, Consumer<CreateLoadBalancerTCPListenerRequest> settings) {
    CreateLoadBalancerTCPListenerRequest r = new CreateLoadBalancerTCPListenerRequest();
    r.setLoadBalancerId(id(lb));
    r.setListenerPort(port);
    r.setBackendServerPort(web1.port());
    r.setBandwidth(-1);
    r.putQueryParameter("HealthCheckSwitch", "off");
    settings.accept(r);
    sdk.call(r);
    StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
    start.setLoadBalancerId(id(lb));
    start.setListenerPort(port);
    sdk.call(start);
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> greeting(vip(lb), port) != null);
  }

  static void tcpListener(String lb, int port, Consumer<CreateLoadBalancerTCPListenerRequest> settings) {
    tcpListener(sdk, lb, port, settings);
  }

  static Socket connect(String vip, int port, String localIp) throws IOException {
    Socket s = new Socket();
    if (localIp != null) {
      s.bind(new InetSocketAddress(InetAddress.getByName(localIp), 0));
    }
    s.connect(new InetSocketAddress(vip, port), 2000);
    s.setSoTimeout(5000);
    return s;
  }

  /** Reads one {@code \n}-terminated line byte by byte (nothing beyond it is consumed). */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  /** One round trip: the backend's greeting (its name), then an echoed ping. */
  static String exchange(Socket s) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write("ping\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    return readLine(s.getInputStream());
  }

  static String greeting(String vip, int port, String localIp) throws IOException {
    try (Socket s = connect(vip, port, localIp)) {
      String name = readLine(s.getInputStream());
      assertThat(exchange(s)).isEqualTo("ping");
      return name;
    }
  }

  static String greeting(String vip, int port) throws IOException {
    return greeting(vip, port, null);
  }

  static boolean refused(String vip, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(vip, port), 500);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Waits for the end of the stream (FIN or reset); answers the seconds it took. */
  static double secondsUntilClosed(Socket s, long sinceNanos) throws IOException {
    s.setSoTimeout(20_000);
    try {
      while (s.getInputStream().read() >= 0) {
        // drain
      }
    } catch (java.net.SocketException reset) {
      // closed by reset: also the end
    }
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  // ---- tests ----

  @Test
  void halfCloseTheClientShutsItsOutputAndStillReadsTheReply() throws Exception {
    String lb = loadBalancer("i-web1");
    tcpListener(lb, 21001, r -> {});
    try (Socket s = connect(vip(lb), 21001, null)) {
      InputStream in = s.getInputStream();
      assertThat(readLine(in)).isEqualTo("web1");
      s.getOutputStream().write("last words\n".getBytes(StandardCharsets.UTF_8));
      s.shutdownOutput(); // the echo server only answers the rest and closes after seeing our FIN
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("last words\n");
    }
  }

  @Test
  void sixtyFourMebibytesBothWaysArriveWhole() throws Exception {
    String lb = loadBalancer("i-web1");
    tcpListener(lb, 21002, r -> {});
    int chunks = 1024;
    int chunkSize = 64 * 1024;
    try (Socket s = connect(vip(lb), 21002, null)) {
      s.setSoTimeout(60_000);
      InputStream in = s.getInputStream();
      assertThat(readLine(in)).isEqualTo("web1");
      CompletableFuture<byte[]> sent = CompletableFuture.supplyAsync(() -> {
        try {
          MessageDigest sha = MessageDigest.getInstance("SHA-256");
          Random random = new Random(42);
          byte[] chunk = new byte[chunkSize];
          OutputStream out = s.getOutputStream();
          for (int i = 0; i < chunks; i++) {
            random.nextBytes(chunk);
            sha.update(chunk);
            out.write(chunk);
          }
          out.flush();
          s.shutdownOutput();
          return sha.digest();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[256 * 1024];
      long received = 0;
      int n;
      while ((n = in.read(buf)) >= 0) {
        sha.update(buf, 0, n);
        received += n;
      }
      assertThat(received).isEqualTo((long) chunks * chunkSize);
      assertThat(sha.digest()).isEqualTo(sent.get(60, TimeUnit.SECONDS));
    }
  }

  @Test
  void establishedTimeoutClosesAnIdleConnectionButNotABusyOne() throws Exception {
    String lb = loadBalancer("i-web1");
    tcpListener(lb, 21003, r -> r.setEstablishedTimeout(10));
    try (Socket idle = connect(vip(lb), 21003, null); Socket busy = connect(vip(lb), 21003, null)) {
      assertThat(readLine(idle.getInputStream())).isEqualTo("web1");
      long since = System.nanoTime();
      assertThat(readLine(busy.getInputStream())).isEqualTo("web1");
      CompletableFuture<Double> idleClosed = CompletableFuture.supplyAsync(() -> {
        try {
          return secondsUntilClosed(idle, since);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      for (int i = 0; i < 6; i++) { // 12 s of traffic every 2 s: never idle for 10 s
        Thread.sleep(2000);
        assertThat(exchange(busy)).as("busy connection at %d s", 2 * (i + 1)).isEqualTo("ping");
      }
      assertThat(idleClosed.get(10, TimeUnit.SECONDS)).isBetween(9.0, 12.5);
      assertThat(exchange(busy)).as("busy connection after the idle one closed").isEqualTo("ping");
    }
  }

  @Test
  void persistenceTimeoutPinsEachSourceAddressToOneBackend() throws Exception {
    String lb = loadBalancer("i-web1", "i-web2");
    tcpListener(lb, 21004, r -> r.setPersistenceTimeout(60));
    Set<String> firstChoices = new HashSet<>();
    for (int source = 80; source < 84; source++) {
      String ip = "127.0.0." + source;
      String first = greeting(vip(lb), 21004, ip);
      firstChoices.add(first);
      for (int i = 0; i < 5; i++) {
        assertThat(greeting(vip(lb), 21004, ip)).as("connection %d from %s", i + 2, ip).isEqualTo(first);
      }
    }
    assertThat(firstChoices).as("sources are spread, each then pinned").containsExactlyInAnyOrder("web1", "web2");
  }

  @Test
  void proxyProtocolV2HeaderCarriesTheClientAddressBeforeTheClientSpeaks() throws Exception {
    String lb = loadBalancer("i-pp");
    tcpListener(lb, 21005, r -> r.setProxyProtocolV2Enabled(true));
    try (Socket s = connect(vip(lb), 21005, "127.0.0.41")) {
      // the backend answers with what it parsed, and it can only answer once the header arrived:
      // the client has sent nothing yet
      String parsed = readLine(s.getInputStream());
      assertThat(parsed).isEqualTo("TCP4 127.0.0.41:" + s.getLocalPort() + " -> " + vip(lb) + ":21005");
      assertThat(exchange(s)).isEqualTo("ping");
    }
    assertThat(pp.errors()).isEmpty();
  }

  @Test
  void aBackendThatRefusesConnectionsIsSkipped() throws Exception {
    String lb = loadBalancer("i-dead", "i-web1");
    tcpListener(lb, 21006, r -> {});
    long start = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      assertThat(greeting(vip(lb), 21006)).isEqualTo("web1");
    }
    assertThat((System.nanoTime() - start) / 1e9).as("no connect timeout is waited for").isLessThan(5.0);
  }

  @Test
  void connectionDrainKeepsARemovedBackendsConnectionUntilTheTimeout() throws Exception {
    String lb = loadBalancer("i-web1", "i-web2");
    tcpListener(lb, 21007, r -> {
      r.setConnectionDrain("on");
      r.setConnectionDrainTimeout(10);
    });
    try (Socket kept = connect(vip(lb), 21007, null)) {
      String mine = readLine(kept.getInputStream());
      String other = mine.equals("web1") ? "web2" : "web1";
      RemoveBackendServersRequest remove = new RemoveBackendServersRequest();
      remove.setLoadBalancerId(id(lb));
      remove.setBackendServers("[{\"ServerId\":\"i-" + mine + "\"}]");
      sdk.call(remove);
      long removed = System.nanoTime();

      await().atMost(Duration.ofSeconds(3)).ignoreExceptions().until(() -> other.equals(greeting(vip(lb), 21007)));
      for (int i = 0; i < 5; i++) {
        assertThat(greeting(vip(lb), 21007)).as("new connections avoid the removed backend").isEqualTo(other);
      }
      for (int second : new int[] {3, 6, 8}) {
        Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(second) - (System.nanoTime() - removed) / 1_000_000));
        assertThat(exchange(kept)).as("drained connection at %d s", second).isEqualTo("ping");
      }
      assertThat(secondsUntilClosed(kept, removed)).isBetween(9.0, 12.5);
    }
  }

  @Test
  void loadBalancerStatusInactiveStopsAcceptingAndActiveResumes() throws Exception {
    String lb = loadBalancer("i-web1");
    tcpListener(lb, 21008, r -> {});
    SetLoadBalancerStatusRequest status = new SetLoadBalancerStatusRequest();
    status.setLoadBalancerId(id(lb));
    status.setLoadBalancerStatus("inactive");
    sdk.call(status);
    await().atMost(Duration.ofSeconds(3)).until(() -> refused(vip(lb), 21008));

    status.setLoadBalancerStatus("active");
    sdk.call(status);
    await().atMost(Duration.ofSeconds(3)).ignoreExceptions().until(() -> "web1".equals(greeting(vip(lb), 21008)));
  }

  @Test
  void aRunningListenerComesBackAfterTheServerProcessIsKilledAndRestarted() throws Exception {
    try (ServerProcess server = new ServerProcess(dir.resolve("process")).start()) {
      Sdk processSdk = server.sdk();
      String lb = loadBalancer(processSdk,
          "[{\"ServerId\":\"eni-web1\",\"Type\":\"eni\",\"ServerIp\":\"127.0.0.11\",\"Weight\":\"100\"}]");
      tcpListener(processSdk, lb, 21290, r -> {});
      assertThat(greeting(vip(lb), 21290)).isEqualTo("web1");

      server.kill9();
      await().atMost(Duration.ofSeconds(5)).until(() -> refused(vip(lb), 21290));

      server.start(); // returns once /readyz answers
      await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> "web1".equals(greeting(vip(lb), 21290)));
    }
  }

  /**
   * A backend behind {@code ProxyProtocolV2Enabled}: reads the v2 header that must open every
   * connection, parses it with Netty's decoder (an independent check), answers one line {@code
   * PROTO src:port -> dst:port}, then echoes.
   */
  static final class ProxyProtocolBackend implements AutoCloseable {
    private final ServerSocket socket;
    private final Set<String> errors = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ProxyProtocolBackend(String ip, int port) throws IOException {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
      Thread t = new Thread(this::acceptLoop, "pp-backend");
      t.setDaemon(true);
      t.start();
    }

    Set<String> errors() {
      return Set.copyOf(errors);
    }

    private void acceptLoop() {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          Thread t = new Thread(() -> serve(s), "pp-conn");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket s) {
      try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
        s.setSoTimeout(10_000);
        byte[] fixed = in.readNBytes(16);
        int length = ((fixed[14] & 0xff) << 8) | (fixed[15] & 0xff);
        byte[] header = new byte[16 + length];
        System.arraycopy(fixed, 0, header, 0, 16);
        System.arraycopy(in.readNBytes(length), 0, header, 16, length);
        EmbeddedChannel decoder = new EmbeddedChannel(new HAProxyMessageDecoder());
        decoder.writeInbound(Unpooled.wrappedBuffer(header));
        Object msg = decoder.readInbound();
        decoder.finishAndReleaseAll();
        if (!(msg instanceof HAProxyMessage m)) {
          errors.add("no PROXY v2 header: " + msg);
          return;
        }
        String line = m.proxiedProtocol() + " " + m.sourceAddress() + ":" + m.sourcePort() + " -> "
            + m.destinationAddress() + ":" + m.destinationPort() + "\n";
        m.release();
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
        in.transferTo(out);
      } catch (Exception e) {
        errors.add(e.toString());
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
