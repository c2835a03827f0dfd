package io.openslb.dataplane.proxy.udp;

import io.openslb.dataplane.config.ListenerSettings;
import io.openslb.model.SchedulerKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.dataplane.DispatchingHandlers;
import io.openslb.dataplane.config.AclSpec;
import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.RuntimeSnapshot;
import io.openslb.dataplane.config.TargetSpec;
import io.openslb.dataplane.health.HealthTable;
import io.openslb.dataplane.listener.ListenerManager;
import io.openslb.dataplane.proxy.tcp.TcpProxy;
import io.openslb.dataplane.transport.Transport;
import io.openslb.model.Listener;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The UDP proxy on real loopback sockets, driven through {@link ListenerManager} with a short
 * session idle timeout and a small session table (the package-private constructor).
 */
class UdpProxyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VIP = "127.2.13.1";
  private static final AtomicInteger PORTS = new AtomicInteger(23_400);
  private static final Duration IDLE = Duration.ofMillis(400);

  private Transport transport;
  private UdpProxy proxy;
  private ListenerManager manager;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private long revision;
  private InetSocketAddress vip;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    if (manager != null) {
      manager.close();
    }
    if (transport != null) {
      transport.close();
    }
  }

  private void start(Duration idle, int maxSessions) {
    transport = new Transport(2);
    proxy = new UdpProxy(transport, idle, maxSessions);
    manager = new ListenerManager(transport, new DispatchingHandlers(new TcpProxy(transport), null, proxy), new HealthTable());
  }

  private UdpBackend backend(String ip, int port, String name) throws IOException {
    UdpBackend b = new UdpBackend(ip, port, name);
    closeables.add(b);
    return b;
  }

  private DatagramSocket client(String ip) throws IOException {
    DatagramSocket s = new DatagramSocket(new InetSocketAddress(ip, 0));
    s.setSoTimeout(2000);
    closeables.add(s);
    return s;
  }

  /** Publishes one running UDP listener on a fresh port of the VIP. */
  private void listen(String scheduler, AclSpec acl, UdpBackend... backends) throws Exception {
    listen(scheduler, acl, Arrays.stream(backends).map(UdpProxyTest::member).toArray(MemberSpec[]::new));
  }

  private static MemberSpec member(UdpBackend b) {
    return new MemberSpec("i-" + b.name, "ecs", b.ip, b.port(), 100, null);
  }

  private void listen(String scheduler, AclSpec acl, MemberSpec... members) throws Exception {
    int port = PORTS.getAndIncrement();
    ListenerKey key = new ListenerKey(VIP, port, true);
    ObjectNode l = JSON.createObjectNode()
        .put("loadBalancerId", "lb-udptest").put("port", port).put("protocol", "UDP").put("status", "running")
        .put("scheduler", scheduler);
    Listener listener = JSON.treeToValue(l, Listener.class);
    TargetSpec target = new TargetSpec(listener.resourceId(), SchedulerKind.parse(scheduler).orElseThrow(), List.of(members), HealthCheckSpec.disabled(), null, false);
    ListenerSpec spec = new ListenerSpec(key, "acct", "lb-udptest", ListenerSettings.of(listener), target, List.of(), acl, null);
    manager.apply(new RuntimeSnapshot(++revision, Map.of(key, spec)));
    vip = new InetSocketAddress(VIP, port);
  }

  /** Sends {@code payload} to the listener; the reply as text, or null if none came within the timeout. */
  private String exchange(DatagramSocket client, byte[] payload) throws IOException {
    client.send(new DatagramPacket(payload, payload.length, vip));
    byte[] buf = new byte[65_535];
    DatagramPacket in = new DatagramPacket(buf, buf.length);
    try {
      client.receive(in);
    } catch (SocketTimeoutException e) {
      return null;
    }
    assertThat(in.getSocketAddress()).as("replies come from the VIP").isEqualTo(vip);
    return new String(in.getData(), 0, in.getLength(), StandardCharsets.ISO_8859_1);
  }

  private String exchange(DatagramSocket client, String payload) throws IOException {
    return exchange(client, payload.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aSessionLivesWhilePacketsFlowAndEndsAfterTheIdleTimeout() throws Exception {
    // an idle timeout well above the gaps, so that a loaded machine's pauses do not end the session
    start(Duration.ofSeconds(1), 16);
    UdpBackend b = backend("127.0.0.11", 0, "b1");
    listen("wrr", null, b);
    DatagramSocket c = client("127.0.0.1");

    String first = exchange(c, "a");
    assertThat(first).startsWith("b1|").endsWith("|a");
    String sessionPort = first.split("\\|")[1];
    for (int i = 0; i < 20; i++) { // 20 x 100 ms: twice the idle timeout, but never idle for long
      Thread.sleep(100);
      assertThat(exchange(c, "k" + i)).isEqualTo("b1|" + sessionPort + "|k" + i);
    }
    assertThat(proxy.activeSessions()).isEqualTo(1);

    await().atMost(Duration.ofSeconds(3)).until(() -> proxy.activeSessions() == 0);
    String after = exchange(c, "b");
    assertThat(after).as("a new session has a new socket").startsWith("b1|").endsWith("|b")
        .doesNotStartWith("b1|" + sessionPort + "|");
  }

  @Test
  void aFullTableDropsNewClientsCountsThemAndTakesThemOnceSessionsEnd() throws Exception {
    start(IDLE, 2);
    UdpBackend b = backend("127.0.0.11", 0, "b1");
    listen("wrr", null, b);
    DatagramSocket c1 = client("127.0.0.1");
    DatagramSocket c2 = client("127.0.0.1");
    DatagramSocket c3 = client("127.0.0.1");
    c3.setSoTimeout(300);

    assertThat(exchange(c1, "one")).endsWith("|one");
    assertThat(exchange(c2, "two")).endsWith("|two");
    assertThat(exchange(c3, "three")).as("third client while the table is full").isNull();
    assertThat(proxy.droppedSessions()).isGreaterThanOrEqualTo(1);

    await().atMost(Duration.ofSeconds(3)).until(() -> proxy.activeSessions() == 0);
    c3.setSoTimeout(2000);
    assertThat(exchange(c3, "three")).endsWith("|three");
  }

  @Test
  void accessControlIsCheckedOnTheFirstPacketOfASession() throws Exception {
    start(IDLE, 16);
    UdpBackend b = backend("127.0.0.11", 0, "b1");
    listen("wrr", new AclSpec(true, List.of("127.0.0.77/32"), true), b);
    DatagramSocket allowed = client("127.0.0.77");
    DatagramSocket denied = client("127.0.0.78");
    denied.setSoTimeout(300);

    assertThat(exchange(allowed, "hi")).endsWith("|hi");
    assertThat(exchange(denied, "hi")).isNull();
    assertThat(proxy.deniedPackets()).isGreaterThanOrEqualTo(1);
    assertThat(proxy.activeSessions()).isEqualTo(1);
  }

  @Test
  void qchKeepsAQuicConnectionIdOnOneBackendWhateverTheClientAddress() throws Exception {
    start(Duration.ofSeconds(30), 64);
    UdpBackend b1 = backend("127.0.0.11", 0, "b1");
    UdpBackend b2 = backend("127.0.0.12", b1.port(), "b2");
    listen("qch", null, b1, b2);

    Set<String> forOneId = new HashSet<>();
    for (int i = 0; i < 6; i++) { // six clients (new ports, as after NAT rebinding) with one DCID
      forOneId.add(exchange(client("127.0.0." + (90 + i)), quicInitial(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})).split("\\|")[0]);
    }
    assertThat(forOneId).hasSize(1);

    Set<String> forManyIds = new HashSet<>();
    for (int i = 0; i < 24; i++) {
      forManyIds.add(exchange(client("127.0.0.1"), quicInitial(new byte[] {9, 9, (byte) i, 7})).split("\\|")[0]);
    }
    assertThat(forManyIds).containsExactlyInAnyOrder("b1", "b2");
  }

  /** A QUIC v1 Initial-like long header: form bit, version 1, DCID length and DCID, then padding. */
  private static byte[] quicInitial(byte[] dcid) {
    byte[] p = new byte[6 + dcid.length + 20];
    p[0] = (byte) 0xc0;
    p[4] = 1;
    p[5] = (byte) dcid.length;
    System.arraycopy(dcid, 0, p, 6, dcid.length);
    return p;
  }

  @Test
  void largeDatagramsPassWholeBothWays() throws Exception {
    start(IDLE, 16);
    UdpBackend b = backend("127.0.0.11", 0, "b1");
    listen("wrr", null, b);
    DatagramSocket c = client("127.0.0.1");
    byte[] big = new byte[60_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    String reply = exchange(c, big);
    assertThat(reply).isNotNull();
    byte[] echoed = reply.substring(reply.indexOf('|', 3) + 1).getBytes(StandardCharsets.ISO_8859_1);
    assertThat(echoed).isEqualTo(big);
  }

  @Test
  void aBackendThatRefusesEndsTheSessionAndTheNextPacketGoesElsewhere() throws Exception {
    start(Duration.ofSeconds(30), 16);
    UdpBackend live = backend("127.0.0.11", 0, "live");
    // nothing listens on 127.0.0.13 at that port: the kernel answers with ICMP port unreachable
    MemberSpec dead = new MemberSpec("i-dead", "ecs", "127.0.0.13", live.port(), 100, null);
    listen("rr", null, dead, member(live));
    DatagramSocket c = client("127.0.0.1");
    c.setSoTimeout(300);

    String reply = null;
    for (int i = 0; i < 4 && reply == null; i++) { // rr: one of the first two sessions lands on the dead one
      reply = exchange(c, "x" + i);
    }
    assertThat(reply).startsWith("live|");
    await().atMost(Duration.ofSeconds(2)).until(() -> proxy.activeSessions() == 1);
  }

  @Test
  void closingTheListenerEndsItsSessions() throws Exception {
    start(Duration.ofSeconds(30), 16);
    UdpBackend b = backend("127.0.0.11", 0, "b1");
    listen("wrr", null, b);
    for (int i = 0; i < 3; i++) {
      assertThat(exchange(client("127.0.0.1"), "s" + i)).endsWith("|s" + i);
    }
    assertThat(proxy.activeSessions()).isEqualTo(3);
    manager.apply(new RuntimeSnapshot(++revision, Map.of()));
    await().atMost(Duration.ofSeconds(2)).until(() -> proxy.activeSessions() == 0);
  }
}
