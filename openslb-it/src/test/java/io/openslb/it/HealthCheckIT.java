package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateMasterSlaveServerGroupRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import com.aliyuncs.slb.model.v20140515.StopLoadBalancerListenerRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Health checks end to end: listeners configured through the official SDK with short checks
 * (interval 1 s, thresholds 2, timeout 1 s), DescribeHealthStatus read through the SDK's response
 * model, and real traffic to the VIP showing that unhealthy members get no new connections.
 */
class HealthCheckIT {
  /** Generous upper bound for one flip with interval 1 s and thresholds 2 (expected: about 1-2.5 s). */
  static final Duration FLIP = Duration.ofSeconds(8);

  // a VIP block of its own (the extension's random /24): servers of other builds never share a VIP:port
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static final int listenerPort = ThreadLocalRandom.current().nextInt(20000, 40000);

  // ---------------------------------------------------------------- helpers

  static CreateLoadBalancerResponse loadBalancer(String... serverIds) {
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("health-it");
    CreateLoadBalancerResponse lb = sdk.call(create);
    if (serverIds.length > 0) {
      AddBackendServersRequest add = new AddBackendServersRequest();
      add.setLoadBalancerId(lb.getLoadBalancerId());
      StringBuilder json = new StringBuilder("[");
      for (String id : serverIds) {
        json.append(json.length() > 1 ? "," : "").append("{\"ServerId\":\"").append(id).append("\",\"Weight\":\"100\"}");
      }
      add.setBackendServers(json.append("]").toString());
      sdk.call(add);
    }
    return lb;
  }

  /** A TCP listener with fast checks: interval 1 s, thresholds 2, connect timeout 1 s. */
  static void tcpListener(String lb, int port, int backendPort, Consumer<CreateLoadBalancerTCPListenerRequest> more) {
    CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
    tcp.setLoadBalancerId(lb);
    tcp.setListenerPort(port);
    tcp.setBackendServerPort(backendPort);
    tcp.setBandwidth(-1);
    tcp.setHealthCheckInterval(1);
    tcp.setHealthyThreshold(2);
    tcp.setUnhealthyThreshold(2);
    tcp.setHealthCheckConnectTimeout(1);
    more.accept(tcp);
    sdk.call(tcp);
  }

  static void startListener(String lb, int port, String protocol) {
    StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
    start.setLoadBalancerId(lb);
    start.setListenerPort(port);
    start.putQueryParameter("ListenerProtocol", protocol);
    sdk.call(start);
  }

  /** ServerId → ServerHealthStatus of one listener, through the SDK's response model. */
  static Map<String, String> health(String lb, int port, String protocol) {
    DescribeHealthStatusRequest req = new DescribeHealthStatusRequest();
    req.setLoadBalancerId(lb);
    req.setListenerPort(port);
    req.setListenerProtocol(protocol);
    DescribeHealthStatusResponse resp = sdk.call(req);
    Map<String, String> out = new HashMap<>();
    for (DescribeHealthStatusResponse.BackendServer s : resp.getBackendServers()) {
      assertThat(s.getListenerPort()).isEqualTo(port);
      out.put(s.getServerId(), s.getServerHealthStatus());
    }
    return out;
  }

  /** Waits until the listener reports exactly {@code expected}; returns how long that took. */
  static Duration awaitHealth(String lb, int port, String protocol, Map<String, String> expected) {
    long start = System.nanoTime();
    await().atMost(FLIP).pollInterval(Duration.ofMillis(100)).until(() -> health(lb, port, protocol).equals(expected));
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Connects to the VIP and returns the backend's greeting (TcpEchoServer's name). */
  static String greeting(String vip, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(vip, port), 1000);
      s.setSoTimeout(2000);
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      String name = in.readLine();
      OutputStream out = s.getOutputStream();
      out.write("ping\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(in.readLine()).isEqualTo("ping");
      return name;
    }
  }

  static Map<String, Integer> greetings(String vip, int port, int n) throws IOException {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < n; i++) {
      seen.merge(greeting(vip, port), 1, Integer::sum);
    }
    return seen;
  }

  static int freePort(String ip) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(ip, 0));
      return s.getLocalPort();
    }
  }

  // ---------------------------------------------------------------- TCP checks

  @Test
  void liveBackendIsNormalDeadOneAbnormalAndGetsNoTraffic() throws Exception {
    try (TcpEchoServer live = new TcpEchoServer("127.0.0.21", 0, "live")) {
      // nothing listens on 127.0.0.22 at that port
      slb.addInstance("i-hc-live", "127.0.0.21");
      slb.addInstance("i-hc-dead", "127.0.0.22");
      CreateLoadBalancerResponse lb = loadBalancer("i-hc-live", "i-hc-dead");
      String id = lb.getLoadBalancerId();
      int port = listenerPort;
      tcpListener(id, port, live.port(), r -> {});
      long started = System.nanoTime();
      startListener(id, port, "tcp");
      Map<String, String> first = health(id, port, "tcp");
      if (System.nanoTime() - started < 800_000_000L) { // two probes need at least 0.9 s
        assertThat(first).as("no verdict before the first threshold")
            .isEqualTo(Map.of("i-hc-live", "unavailable", "i-hc-dead", "unavailable"));
      }

      Duration judged = awaitHealth(id, port, "tcp", Map.of("i-hc-live", "normal", "i-hc-dead", "abnormal"));
      System.out.printf("[HealthCheckIT] first verdicts after %d ms%n", judged.toMillis());

      // the abnormal member gets no new connection: every one of them reaches the live backend
      assertThat(greetings(lb.getAddress(), port, 30)).isEqualTo(Map.of("live", 30));

      // a stopped listener has no sessions: its members are unavailable again
      StopLoadBalancerListenerRequest stop = new StopLoadBalancerListenerRequest();
      stop.setLoadBalancerId(id);
      stop.setListenerPort(port);
      sdk.call(stop);
      awaitHealth(id, port, "tcp", Map.of("i-hc-live", "unavailable", "i-hc-dead", "unavailable"));
    }
  }

  @Test
  void failoverAndRecoveryFollowTheThresholds() throws Exception {
    TcpEchoServer web1 = new TcpEchoServer("127.0.0.11", 0, "web1");
    int backendPort = web1.port();
    TcpEchoServer web2 = new TcpEchoServer("127.0.0.12", backendPort, "web2");
    try {
      slb.addInstance("i-fo-web1", "127.0.0.11");
      slb.addInstance("i-fo-web2", "127.0.0.12");
      CreateLoadBalancerResponse lb = loadBalancer("i-fo-web1", "i-fo-web2");
      String id = lb.getLoadBalancerId();
      String vip = lb.getAddress();
      int port = listenerPort + 1;
      tcpListener(id, port, backendPort, r -> {});
      startListener(id, port, "tcp");
      awaitHealth(id, port, "tcp", Map.of("i-fo-web1", "normal", "i-fo-web2", "normal"));
      assertThat(greetings(vip, port, 20)).isEqualTo(Map.of("web1", 10, "web2", 10));

      // web2 dies: after about UnhealthyThreshold × interval it is abnormal and gets nothing
      web2.close();
      Duration failover = awaitHealth(id, port, "tcp", Map.of("i-fo-web1", "normal", "i-fo-web2", "abnormal"));
      assertThat(greetings(vip, port, 20)).isEqualTo(Map.of("web1", 20));

      // web2 comes back: it gets traffic again after about HealthyThreshold × interval, not before
      web2 = new TcpEchoServer("127.0.0.12", backendPort, "web2");
      long restarted = System.nanoTime();
      long firstWeb2 = -1;
      for (int i = 0; i < 200 && firstWeb2 < 0; i++) { // bounded: 200 × (connection + 50 ms)
        if ("web2".equals(greeting(vip, port))) {
          firstWeb2 = System.nanoTime();
        } else {
          Thread.sleep(50);
        }
      }
      assertThat(firstWeb2).as("web2 gets traffic again").isPositive();
      Duration recovery = Duration.ofNanos(firstWeb2 - restarted);
      assertThat(health(id, port, "tcp")).isEqualTo(Map.of("i-fo-web1", "normal", "i-fo-web2", "normal"));
      System.out.printf("[HealthCheckIT] failover (stop -> abnormal) %d ms, recovery (restart -> traffic) %d ms%n",
          failover.toMillis(), recovery.toMillis());
      assertThat(failover).isLessThan(FLIP);
      assertThat(recovery).isLessThan(FLIP);
      // two successful probes at least ~0.9 s apart are needed before it takes traffic again
      assertThat(recovery).isGreaterThan(Duration.ofMillis(800));
      Map<String, Integer> after = greetings(vip, port, 20);
      assertThat(after.keySet()).containsExactlyInAnyOrder("web1", "web2");
    } finally {
      web1.close();
      web2.close();
    }
  }

  @Test
  void primarySecondaryGroupFailsOverToTheSlaveAndBack() throws Exception {
    TcpEchoServer master = new TcpEchoServer("127.0.0.51", 0, "master");
    int backendPort = master.port();
    TcpEchoServer slave = new TcpEchoServer("127.0.0.52", backendPort, "slave");
    try {
      slb.addInstance("i-ms-master", "127.0.0.51");
      slb.addInstance("i-ms-slave", "127.0.0.52");
      CreateLoadBalancerResponse lb = loadBalancer();
      String id = lb.getLoadBalancerId();
      CreateMasterSlaveServerGroupRequest group = new CreateMasterSlaveServerGroupRequest();
      group.setLoadBalancerId(id);
      group.setMasterSlaveServerGroupName("ms");
      group.setMasterSlaveBackendServers("[{\"ServerId\":\"i-ms-master\",\"Port\":\"" + backendPort
          + "\",\"Weight\":\"100\",\"ServerType\":\"Master\"},{\"ServerId\":\"i-ms-slave\",\"Port\":\"" + backendPort
          + "\",\"Weight\":\"100\",\"ServerType\":\"Slave\"}]");
      String groupId = sdk.call(group).getMasterSlaveServerGroupId();
      int port = listenerPort + 2;
      tcpListener(id, port, backendPort, r -> r.setMasterSlaveServerGroupId(groupId));
      startListener(id, port, "tcp");
      awaitHealth(id, port, "tcp", Map.of("i-ms-master", "normal", "i-ms-slave", "normal"));
      assertThat(greetings(lb.getAddress(), port, 10)).isEqualTo(Map.of("master", 10));

      master.close();
      awaitHealth(id, port, "tcp", Map.of("i-ms-master", "abnormal", "i-ms-slave", "normal"));
      assertThat(greetings(lb.getAddress(), port, 10)).isEqualTo(Map.of("slave", 10));

      master = new TcpEchoServer("127.0.0.51", backendPort, "master");
      awaitHealth(id, port, "tcp", Map.of("i-ms-master", "normal", "i-ms-slave", "normal"));
      assertThat(greetings(lb.getAddress(), port, 10)).isEqualTo(Map.of("master", 10));
    } finally {
      master.close();
      slave.close();
    }
  }

  // ---------------------------------------------------------------- HTTP checks

  @Test
  void httpCheckOnATcpListenerJudgesByStatusClass() throws Exception {
    try (HealthHttpBackend ok = new HealthHttpBackend("127.0.0.31", 0, 200)) {
      int backendPort = ok.port();
      try (HealthHttpBackend failing = new HealthHttpBackend("127.0.0.32", backendPort, 500)) {
        slb.addInstance("i-http-ok", "127.0.0.31");
        slb.addInstance("i-http-500", "127.0.0.32");
        String id = loadBalancer("i-http-ok", "i-http-500").getLoadBalancerId();
        int port = listenerPort + 3;
        tcpListener(id, port, backendPort, r -> {
          r.setHealthCheckType("http");
          r.setHealthCheckURI("/health");
          r.setHealthCheckDomain("check.example.com");
          r.setHealthCheckHttpCode("http_2xx,http_3xx");
        });
        startListener(id, port, "tcp");
        awaitHealth(id, port, "tcp", Map.of("i-http-ok", "normal", "i-http-500", "abnormal"));
        assertThat(ok.requests()).isNotEmpty().allSatisfy(r -> assertThat(r).isEqualTo("HEAD /health host=check.example.com"));

        // the backend heals: normal after HealthyThreshold probes
        failing.status(204);
        awaitHealth(id, port, "tcp", Map.of("i-http-ok", "normal", "i-http-500", "normal"));

        // 500 again, but now 5xx counts as healthy too (a changed check restarts the sessions)
        failing.status(500);
        awaitHealth(id, port, "tcp", Map.of("i-http-ok", "normal", "i-http-500", "abnormal"));
        SetLoadBalancerTCPListenerAttributeRequest set = new SetLoadBalancerTCPListenerAttributeRequest();
        set.setLoadBalancerId(id);
        set.setListenerPort(port);
        set.setHealthCheckHttpCode("http_2xx,http_5xx");
        sdk.call(set);
        awaitHealth(id, port, "tcp", Map.of("i-http-ok", "normal", "i-http-500", "normal"));
      }
    }
  }

  @Test
  void httpListenerChecksWithGetAndTheMemberIpAsHost() throws Exception {
    try (HealthHttpBackend ok = new HealthHttpBackend("127.0.0.33", 0, 302)) {
      int backendPort = ok.port();
      try (HealthHttpBackend notFound = new HealthHttpBackend("127.0.0.34", backendPort, 404)) {
        slb.addInstance("i-l7-ok", "127.0.0.33");
        slb.addInstance("i-l7-404", "127.0.0.34");
        String id = loadBalancer("i-l7-ok", "i-l7-404").getLoadBalancerId();
        int port = listenerPort + 4;
        CreateLoadBalancerHTTPListenerRequest http = new CreateLoadBalancerHTTPListenerRequest();
        http.setLoadBalancerId(id);
        http.setListenerPort(port);
        http.setBackendServerPort(backendPort);
        http.setBandwidth(-1);
        http.setHealthCheck("on");
        http.setHealthCheckURI("/status");
        http.setHealthCheckMethod("get");
        http.setHealthCheckDomain("$_ip");
        http.setHealthCheckHttpCode("http_2xx,http_3xx");
        http.setHealthCheckInterval(1);
        http.setHealthyThreshold(2);
        http.setUnhealthyThreshold(2);
        http.setHealthCheckTimeout(1);
        sdk.call(http);
        startListener(id, port, "http");
        awaitHealth(id, port, "http", Map.of("i-l7-ok", "normal", "i-l7-404", "abnormal"));
        assertThat(ok.requests()).isNotEmpty().allSatisfy(r -> assertThat(r).isEqualTo("GET /status host=127.0.0.33"));
        assertThat(notFound.requests()).isNotEmpty().allSatisfy(r -> assertThat(r).isEqualTo("GET /status host=127.0.0.34"));
      }
    }
  }

  // ---------------------------------------------------------------- UDP checks

  /** Answers {@code pong} to {@code ping}, anything else is echoed; bounded by its socket timeout. */
  static DatagramSocket udpBackend(String ip) throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(ip, 0));
    socket.setSoTimeout(200);
    Thread t = new Thread(() -> {
      byte[] buf = new byte[2048];
      for (int i = 0; i < 1_000 && !socket.isClosed(); i++) { // at most ~200 s
        try {
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          socket.receive(p);
          byte[] in = Arrays.copyOf(p.getData(), p.getLength());
          byte[] out = "ping".equals(new String(in, StandardCharsets.UTF_8)) ? "pong".getBytes(StandardCharsets.UTF_8) : in;
          socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
        } catch (SocketTimeoutException idle) {
          // keep waiting
        } catch (IOException closed) {
          return;
        }
      }
    }, "udp-backend-" + ip);
    t.setDaemon(true);
    t.start();
    return socket;
  }

  @Test
  void udpCheckWithRequestAndExpectedReply() throws Exception {
    try (DatagramSocket backend = udpBackend("127.0.0.41")) {
      slb.addInstance("i-udp-ok", "127.0.0.41");
      slb.addInstance("i-udp-closed", "127.0.0.42"); // nothing there: ICMP port unreachable
      String id = loadBalancer("i-udp-ok", "i-udp-closed").getLoadBalancerId();
      int port = listenerPort + 5;
      CreateLoadBalancerUDPListenerRequest udp = new CreateLoadBalancerUDPListenerRequest();
      udp.setLoadBalancerId(id);
      udp.setListenerPort(port);
      udp.setBackendServerPort(backend.getLocalPort());
      udp.setBandwidth(-1);
      udp.setHealthCheckReq("ping");
      udp.setHealthCheckExp("pong");
      udp.setHealthCheckInterval(1);
      udp.setHealthyThreshold(2);
      udp.setUnhealthyThreshold(2);
      udp.setHealthCheckConnectTimeout(1);
      sdk.call(udp);
      startListener(id, port, "udp");
      awaitHealth(id, port, "udp", Map.of("i-udp-ok", "normal", "i-udp-closed", "abnormal"));
    }
  }

  @Test
  void checksFollowAConnectPortChange() throws Exception {
    try (TcpEchoServer traffic = new TcpEchoServer("127.0.0.61", 0, "traffic")) {
      slb.addInstance("i-cp", "127.0.0.61");
      CreateLoadBalancerResponse lb = loadBalancer("i-cp");
      String id = lb.getLoadBalancerId();
      int port = listenerPort + 6;
      int closed = freePort("127.0.0.61");
      tcpListener(id, port, traffic.port(), r -> r.setHealthCheckConnectPort(closed));
      startListener(id, port, "tcp");
      awaitHealth(id, port, "tcp", Map.of("i-cp", "abnormal"));
      SetLoadBalancerTCPListenerAttributeRequest set = new SetLoadBalancerTCPListenerAttributeRequest();
      set.setLoadBalancerId(id);
      set.setListenerPort(port);
      set.setHealthCheckConnectPort(traffic.port());
      sdk.call(set);
      awaitHealth(id, port, "tcp", Map.of("i-cp", "normal"));
      assertThat(greetings(lb.getAddress(), port, 3)).isEqualTo(Map.of("traffic", 3));
    }
  }
}
