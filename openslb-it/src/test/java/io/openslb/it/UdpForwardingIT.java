package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.RemoveBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real UDP traffic through listeners configured with the official SDK. Session idle expiry and the
 * session-table limit need a shorter timeout than the product's 90 s, so they are tested in
 * openslb-dataplane (UdpProxyTest) through the proxy's package-private constructor.
 */
class UdpForwardingIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static UdpEchoServer u1;
  static UdpEchoServer u2;
  static UdpEchoServer pp;
  private final List<DatagramSocket> clients = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    u1 = new UdpEchoServer("127.0.0.11", 0, "u1", false);
    u2 = new UdpEchoServer("127.0.0.12", u1.port(), "u2", false);
    pp = new UdpEchoServer("127.0.0.13", u1.port(), "pp", true);
    slb.addInstance("i-u1", "127.0.0.11");
    slb.addInstance("i-u2", "127.0.0.12");
    slb.addInstance("i-pp", "127.0.0.13");
  }

  @AfterAll
  static void stop() throws Exception {
    u1.close();
    u2.close();
    pp.close();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(DatagramSocket::close);
  }

  // ---- helpers ----

  /** A load balancer with these instances (weight 100); answers its address. */
  static String loadBalancer(String... instances) {
    CreateLoadBalancerResponse lb = sdk.call(new CreateLoadBalancerRequest());
    AddBackendServersRequest add = new AddBackendServersRequest();
    add.setLoadBalancerId(lb.getLoadBalancerId());
    add.setBackendServers(java.util.Arrays.stream(instances)
        .map(i -> "{\"ServerId\":\"" + i + "\",\"Weight\":\"100\"}").collect(Collectors.joining(",", "[", "]")));
    sdk.call(add);
    return lb.getLoadBalancerId() + "@" + lb.getAddress();
  }

  static String id(String lb) {
    return lb.substring(0, lb.indexOf('@'));
  }

  static String vip(String lb) {
    return lb.substring(lb.indexOf('@') + 1);
  }

  /** Creates and starts a UDP listener, then waits until it answers. */
  static void udpListener(String lb, int port, String scheduler, boolean proxyProtocol) throws Exception {
    CreateLoadBalancerUDPListenerRequest r = new CreateLoadBalancerUDPListenerRequest();
    r.setLoadBalancerId(id(lb));
    r.setListenerPort(port);
    r.setBackendServerPort(u1.port());
    r.setBandwidth(-1);
    r.setScheduler(scheduler);
    r.setProxyProtocolV2Enabled(proxyProtocol);
    r.putQueryParameter("HealthCheckSwitch", "off");
    sdk.call(r);
    StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
    start.setLoadBalancerId(id(lb));
    start.setListenerPort(port);
    start.setListenerProtocol("udp");
    sdk.call(start);
    await().atMost(Duration.ofSeconds(5)).until(() -> {
      try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
        probe.setSoTimeout(200);
        return exchange(probe, vip(lb), port, "probe") != null;
      }
    });
  }

  DatagramSocket client(String ip) throws IOException {
    DatagramSocket s = new DatagramSocket(new InetSocketAddress(ip, 0));
    s.setSoTimeout(2000);
    clients.add(s);
    return s;
  }

  /** One datagram out, the reply back (checked to come from the VIP); null if none came in time. */
  static String exchange(DatagramSocket client, String vip, int port, String payload) throws IOException {
    InetSocketAddress to = new InetSocketAddress(vip, port);
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    client.send(new DatagramPacket(bytes, bytes.length, to));
    DatagramPacket in = new DatagramPacket(new byte[65_535], 65_535);
    try {
      client.receive(in);
    } catch (SocketTimeoutException e) {
      return null;
    }
    assertThat(in.getSocketAddress()).as("the reply's source").isEqualTo(to);
    return new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
  }

  // ---- tests ----

  @Test
  void twoClientsAtOnceEachGetTheirOwnReplies() throws Exception {
    String lb = loadBalancer("i-u1");
    udpListener(lb, 21101, "wrr", false);
    int sessionsBefore = u1.senders().size();
    DatagramSocket c1 = client("127.0.0.1");
    DatagramSocket c2 = client("127.0.0.31");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (DatagramSocket c : List.of(c1, c2)) {
        String me = c == c1 ? "c1" : "c2";
        runs.add(pool.submit(() -> {
          List<String> replies = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            replies.add(exchange(c, vip(lb), 21101, me + "-" + i));
          }
          return replies;
        }));
      }
      for (int k = 0; k < 2; k++) {
        String me = k == 0 ? "c1" : "c2";
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          expected.add("u1|" + me + "-" + i);
        }
        assertThat(runs.get(k).get(30, TimeUnit.SECONDS)).as(me).containsExactlyElementsOf(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(u1.senders().size() - sessionsBefore).as("one backend-side socket per client").isEqualTo(2);
  }

  @Test
  void newSessionsAlternateOverTwoBackendsAndKeepTheirBackend() throws Exception {
    String lb = loadBalancer("i-u1", "i-u2");
    udpListener(lb, 21102, "rr", false);
    Map<String, Integer> perBackend = new HashMap<>();
    for (int c = 0; c < 20; c++) {
      DatagramSocket client = client("127.0.0.1");
      Set<String> served = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        String reply = exchange(client, vip(lb), 21102, "p" + i);
        assertThat(reply).endsWith("|p" + i);
        served.add(reply.substring(0, reply.indexOf('|')));
      }
      assertThat(served).as("a session stays on its backend").hasSize(1);
      perBackend.merge(served.iterator().next(), 1, Integer::sum);
    }
    assertThat(perBackend).containsOnlyKeys("u1", "u2");
    assertThat(perBackend.get("u1")).isEqualTo(10);
    assertThat(perBackend.get("u2")).isEqualTo(10);
  }

  @Test
  void proxyProtocolV2HeaderWithTheClientAddressOnEveryDatagram() throws Exception {
    String lb = loadBalancer("i-pp");
    udpListener(lb, 21103, "wrr", true);
    DatagramSocket c = client("127.0.0.32");
    int before = pp.headers().size();
    for (int i = 0; i < 3; i++) {
      assertThat(exchange(c, vip(lb), 21103, "dgram-" + i)).isEqualTo("pp|dgram-" + i);
    }
    List<UdpEchoServer.Header> headers = pp.headers().subList(before, before + 3);
    assertThat(headers).allSatisfy(h -> {
      assertThat(h.protocol()).isEqualTo("UDP4");
      assertThat(h.source()).isEqualTo("127.0.0.32");
      assertThat(h.sourcePort()).isEqualTo(c.getLocalPort());
      assertThat(h.destination()).isEqualTo(vip(lb));
      assertThat(h.destinationPort()).isEqualTo(21103);
    });
    assertThat(pp.rejected()).isEmpty();
  }

  @Test
  void aBackendChangeAppliesToNewSessionsWhileRunningSessionsKeepTheirBackend() throws Exception {
    String lb = loadBalancer("i-u1", "i-u2");
    udpListener(lb, 21104, "rr", false);
    DatagramSocket running = client("127.0.0.33");
    String first = exchange(running, vip(lb), 21104, "r0");
    String mine = first.substring(0, first.indexOf('|'));
    String other = mine.equals("u1") ? "u2" : "u1";

    RemoveBackendServersRequest remove = new RemoveBackendServersRequest();
    remove.setLoadBalancerId(id(lb));
    remove.setBackendServers("[{\"ServerId\":\"i-" + mine + "\"}]");
    sdk.call(remove);

    await().atMost(Duration.ofSeconds(3)).until(() -> {
      try (DatagramSocket fresh = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
        fresh.setSoTimeout(1000);
        String r = exchange(fresh, vip(lb), 21104, "n");
        return r != null && r.startsWith(other + "|");
      }
    });
    for (int i = 0; i < 6; i++) {
      assertThat(exchange(client("127.0.0.1"), vip(lb), 21104, "new" + i)).isEqualTo(other + "|new" + i);
    }
    for (int i = 1; i <= 3; i++) {
      assertThat(exchange(running, vip(lb), 21104, "r" + i)).isEqualTo(mine + "|r" + i);
    }
  }
}
