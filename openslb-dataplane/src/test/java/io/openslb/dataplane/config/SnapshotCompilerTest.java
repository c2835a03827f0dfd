package io.openslb.dataplane.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.openslb.dataplane.sync.ConfigDecoder;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.SchedulerKind;
import io.openslb.store.StoreLayout;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stored records in, typed specs out: the compiler as a table of store contents and the listener
 * specs they give. Records are written as the control plane's codec writes them (JSON with
 * {@code _v}); only the fields a row needs are set.
 */
class SnapshotCompilerTest {
  private static final String A = "1001";
  private static final String R = "cn-hangzhou";
  private static final String LB_KEY = StoreLayout.loadBalancer(A, R, "lb-1");

  private final Map<String, String> store = new HashMap<>();

  private static String lb(String status, String backends) {
    return "{\"id\":\"lb-1\",\"accountId\":\"" + A + "\",\"regionId\":\"" + R + "\",\"status\":\"" + status
        + "\",\"address\":\"127.1.0.7\",\"backendServers\":[" + backends + "],\"_v\":1}";
  }

  private static String member(String id, String ip, int weight) {
    return "{\"serverId\":\"" + id + "\",\"type\":\"ecs\",\"serverIp\":\"" + ip + "\",\"weight\":" + weight + "}";
  }

  private void listener(int port, ListenerProtocol protocol, String fields) {
    store.put(StoreLayout.listener(A, R, "lb-1", port, protocol), "{\"loadBalancerId\":\"lb-1\",\"port\":" + port
        + ",\"protocol\":\"" + protocol + "\",\"status\":\"running\"" + (fields.isEmpty() ? "" : "," + fields) + ",\"_v\":1}");
  }

  private RuntimeSnapshot compile() {
    return SnapshotCompiler.compile(new ConfigDecoder().index(store, 42));
  }

  private ListenerSpec only(RuntimeSnapshot s) {
    assertThat(s.listeners()).hasSize(1);
    return s.listeners().values().iterator().next();
  }

  @Test
  void aRunningTcpListenerGetsTypedDefaultsAndTheDefaultServerGroupOnItsBackendPort() {
    store.put(LB_KEY, lb("active", member("i-a", "10.0.0.1", 100) + "," + member("i-b", "10.0.0.2", 0)));
    listener(80, ListenerProtocol.TCP, "\"backendServerPort\":8080,\"scheduler\":\"wlc\",\"persistenceTimeout\":30");
    RuntimeSnapshot s = compile();
    assertThat(s.revision()).isEqualTo(42);
    ListenerSpec spec = only(s);
    assertThat(spec.key()).isEqualTo(new ListenerKey("127.1.0.7", 80, false));
    assertThat(spec.accountId()).isEqualTo(A);
    assertThat(spec.settings()).isEqualTo(new ListenerSettings("lb-1_tcp_80", ListenerProtocol.TCP, -1,
        Duration.ofSeconds(900), Duration.ofSeconds(30), false, null, null));
    assertThat(spec.target().scheduler()).isEqualTo(SchedulerKind.WLC);
    assertThat(spec.target().members()).containsExactly(
        new MemberSpec("i-a", "ecs", "10.0.0.1", 8080, 100, null), new MemberSpec("i-b", "ecs", "10.0.0.2", 8080, 0, null));
    HealthCheckSpec check = spec.target().healthCheck();
    assertThat(check.enabled()).isTrue();
    assertThat(check.type()).isEqualTo(HealthCheckSpec.Type.TCP);
    assertThat(check.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(check.healthyThreshold()).isEqualTo(3);
    assertThat(spec.acl()).isNull();
    assertThat(spec.tls()).isNull();
  }

  @Test
  void onlyRunningListenersOfActiveLoadBalancersRun() {
    store.put(LB_KEY, lb("active", ""));
    listener(80, ListenerProtocol.TCP, "\"backendServerPort\":80");
    store.put(StoreLayout.listener(A, R, "lb-1", 81, ListenerProtocol.TCP),
        "{\"loadBalancerId\":\"lb-1\",\"port\":81,\"protocol\":\"TCP\",\"status\":\"stopped\",\"_v\":1}");
    assertThat(compile().listeners().keySet()).containsExactly(new ListenerKey("127.1.0.7", 80, false));
    store.put(LB_KEY, lb("inactive", ""));
    assertThat(compile().listeners()).isEmpty();
  }

  @Test
  void aUdpListenerChecksByUdpEveryFiveSecondsByDefault() {
    store.put(LB_KEY, lb("active", member("i-a", "10.0.0.1", 100)));
    listener(53, ListenerProtocol.UDP, "\"backendServerPort\":53,\"connectionDrain\":\"on\",\"connectionDrainTimeout\":20");
    ListenerSpec spec = only(compile());
    assertThat(spec.key().udp()).isTrue();
    assertThat(spec.target().healthCheck().type()).isEqualTo(HealthCheckSpec.Type.UDP);
    assertThat(spec.target().healthCheck().interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(spec.settings().connectionDrainTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void anHttpListenerReadsItsSwitchesAndTimeoutsTyped() {
    store.put(LB_KEY, lb("active", ""));
    listener(80, ListenerProtocol.HTTP, "\"backendServerPort\":80,\"xForwardedFor\":\"off\",\"xForwardedForProto\":\"on\","
        + "\"gzip\":\"off\",\"idleTimeout\":20,\"listenerForward\":\"on\",\"forwardPort\":443,\"healthCheck\":\"off\","
        + "\"stickySession\":\"on\",\"stickySessionType\":\"insert\",\"cookieTimeout\":600");
    ListenerSpec spec = only(compile());
    assertThat(spec.settings().http()).isEqualTo(new HttpSettings(false, true, false, false, false, false, false,
        Duration.ofSeconds(20), Duration.ofSeconds(60), 443, ClientCertHeaders.NONE));
    assertThat(spec.target().healthCheck().enabled()).isFalse();
    assertThat(spec.target().sticky()).isEqualTo(new StickySpec(StickySpec.Mode.INSERT, Duration.ofSeconds(600), null));
  }

  @Test
  void groupsOfAnotherLoadBalancerGiveNoMembersAndRulesComeMostSpecificFirst() {
    store.put(LB_KEY, lb("active", ""));
    store.put(StoreLayout.vserverGroup(A, R, "rsp-own"), "{\"id\":\"rsp-own\",\"loadBalancerId\":\"lb-1\",\"backendServers\":["
        + "{\"serverId\":\"i-a\",\"type\":\"ecs\",\"serverIp\":\"10.0.0.1\",\"weight\":100,\"port\":9000}],\"_v\":1}");
    store.put(StoreLayout.vserverGroup(A, R, "rsp-foreign"), "{\"id\":\"rsp-foreign\",\"loadBalancerId\":\"lb-2\",\"backendServers\":["
        + "{\"serverId\":\"i-b\",\"type\":\"ecs\",\"serverIp\":\"10.0.0.2\",\"weight\":100,\"port\":9000}],\"_v\":1}");
    listener(80, ListenerProtocol.HTTP, "\"vserverGroupId\":\"rsp-foreign\"");
    for (String[] r : new String[][] {{"rule-any", null, "/a"}, {"rule-wild", "*.example.com", null},
        {"rule-exact", "www.example.com", "/"}, {"rule-exact-long", "www.example.com", "/longer"}}) {
      store.put(StoreLayout.rule(A, R, "lb-1", r[0]), "{\"id\":\"" + r[0] + "\",\"loadBalancerId\":\"lb-1\",\"listenerPort\":80,"
          + "\"listenerProtocol\":\"HTTP\",\"vserverGroupId\":\"rsp-own\"" + (r[1] == null ? "" : ",\"domain\":\"" + r[1] + "\"")
          + (r[2] == null ? "" : ",\"url\":\"" + r[2] + "\"") + ",\"_v\":1}");
    }
    ListenerSpec spec = only(compile());
    assertThat(spec.target().members()).isEmpty();
    assertThat(spec.rules()).extracting(RuleSpec::id).containsExactly("rule-exact-long", "rule-exact", "rule-wild", "rule-any");
    assertThat(spec.rules().get(0).target().members()).containsExactly(new MemberSpec("i-a", "ecs", "10.0.0.1", 9000, 100, null));
    assertThat(spec.rules().get(0).target().scope()).as("rules share the listener's check").isEqualTo("lb-1_http_80");
  }

  @Test
  void anHttpsListenerWithoutAPolicyGetsTheDefaultPolicyAndHttp2() {
    store.put(LB_KEY, lb("active", ""));
    store.put(StoreLayout.serverCertificate(A, R, "cert-1"),
        "{\"id\":\"cert-1\",\"certificatePem\":\"PEM\",\"privateKeyPem\":\"KEY\",\"_v\":1}");
    listener(443, ListenerProtocol.HTTPS, "\"backendServerPort\":80,\"serverCertificateId\":\"cert-1\"");
    TlsSpec tls = only(compile()).tls();
    assertThat(tls.defaultCertificate()).isEqualTo(new TlsSpec.CertificatePair("cert-1", "PEM", "KEY"));
    assertThat(tls.http2()).isTrue();
    assertThat(tls.protocols()).contains("TLSv1.2");
    assertThat(tls.domains()).isEmpty();
  }

  @Test
  void aBadRecordOfAnotherListenerLeavesTheRestCompiled() {
    store.put(LB_KEY, lb("active", ""));
    listener(80, ListenerProtocol.TCP, "\"backendServerPort\":80");
    store.put(StoreLayout.listener(A, R, "lb-1", 81, ListenerProtocol.TCP), "{\"port\":\"eighty-one\",\"_v\":1}");
    assertThat(compile().listeners().keySet()).containsExactly(new ListenerKey("127.1.0.7", 80, false));
  }

  @Test
  void equalStoresGiveEqualSnapshots() {
    store.put(LB_KEY, lb("active", member("i-a", "10.0.0.1", 100)));
    listener(80, ListenerProtocol.HTTP, "\"backendServerPort\":80");
    assertThat(compile().listeners()).isEqualTo(compile().listeners());
  }
}
