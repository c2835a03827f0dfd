package io.openslb.dataplane.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.RuntimeSnapshot;
import io.openslb.dataplane.config.TargetSpec;
import io.openslb.dataplane.health.HealthTable.State;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.runtime.ProtocolConfig;
import io.openslb.model.Listener;
import io.openslb.model.SchedulerKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The listener manager on real loopback sockets: bind, swap, unbind; every runtime is published
 * warm (its HTTP settings built before the first connection), and a health flip replaces only the
 * affected pool's member set, not the runtime.
 */
class ListenerManagerTest {
  static final String VIP = "127.0.0.62";

  private static TargetSpec checked(String scope, MemberSpec... members) {
    HealthCheckSpec check = new HealthCheckSpec(true, HealthCheckSpec.Type.TCP, null, 2, 2, Duration.ofSeconds(60),
        Duration.ofSeconds(1), null, null, HealthCheckSpec.statusClasses(null), HealthCheckSpec.Method.HEAD, null, null);
    return new TargetSpec(scope, SchedulerKind.WRR, List.of(members), check, null, false);
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(VIP, port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  @Test
  void aNewListenerIsBoundWithItsHttpSettingsAlreadyBuilt() throws Exception {
    try (ProxyHarness h = new ProxyHarness()) {
      int port = ProxyHarness.freePort(VIP);
      h.listen(VIP, port, Map.of("idleTimeout", 7), ProxyHarness.member("i-a", "10.0.0.1", 8080));
      ListenerSlot slot = h.manager.slot(new ListenerKey(VIP, port, false));
      HttpListenerConfig config = slot.runtime().protocolConfig(HttpListenerConfig.class);
      assertThat(config.runtime).isSameAs(slot.runtime());
      assertThat(config.idleNanos).isEqualTo(Duration.ofSeconds(7).toNanos());
      assertThat(accepts(port)).isTrue();
    }
  }

  @Test
  void aChangedListenerIsSwappedOnTheSameSocketAndAnUnchangedOneIsLeftAlone() throws Exception {
    try (ProxyHarness h = new ProxyHarness()) {
      int port = ProxyHarness.freePort(VIP);
      MemberSpec a = ProxyHarness.member("i-a", "10.0.0.1", 8080);
      h.listen(VIP, port, Map.of(), a);
      ListenerSlot slot = h.manager.slot(new ListenerKey(VIP, port, false));
      ListenerRuntime first = slot.runtime();

      h.listen(VIP, port, Map.of(), a);
      assertThat(slot.runtime()).as("same spec, same runtime").isSameAs(first);

      h.listen(VIP, port, Map.of("requestTimeout", 9), a);
      assertThat(h.manager.slot(new ListenerKey(VIP, port, false))).as("same slot").isSameAs(slot);
      assertThat(slot.runtime()).isNotSameAs(first);
      assertThat(slot.runtime().protocolConfig(HttpListenerConfig.class).requestNanos)
          .isEqualTo(Duration.ofSeconds(9).toNanos());
      assertThat(accepts(port)).isTrue();
    }
  }

  @Test
  void aListenerLeftOutOfTheSnapshotIsClosed() throws Exception {
    try (ProxyHarness h = new ProxyHarness()) {
      int port = ProxyHarness.freePort(VIP);
      h.listen(VIP, port, Map.of(), ProxyHarness.member("i-a", "10.0.0.1", 8080));
      assertThat(accepts(port)).isTrue();
      h.manager.apply(new RuntimeSnapshot(99, Map.of()));
      assertThat(h.manager.slot(new ListenerKey(VIP, port, false))).isNull();
      await().atMost(Duration.ofSeconds(5)).until(() -> !accepts(port));
    }
  }

  @Test
  void aHealthFlipReplacesOnlyThePoolsMemberSet() throws Exception {
    try (ProxyHarness h = new ProxyHarness()) {
      int port = ProxyHarness.freePort(VIP);
      MemberSpec a = ProxyHarness.member("i-a", "10.0.0.1", 8080);
      MemberSpec b = ProxyHarness.member("i-b", "10.0.0.2", 8080);
      Listener l = Listeners.http(port, Map.of());
      TargetSpec target = checked(l.resourceId(), a, b);
      ListenerSpec spec = Listeners.spec(VIP, l, target, List.of());
      h.health.set(target.healthKey(a), State.NORMAL);
      h.health.set(target.healthKey(b), State.NORMAL);
      h.manager.apply(new RuntimeSnapshot(1, Map.of(spec.key(), spec)));
      ListenerSlot slot = h.manager.slot(spec.key());
      ListenerRuntime runtime = slot.runtime();
      HttpListenerConfig config = runtime.protocolConfig(HttpListenerConfig.class);
      assertThat(runtime.pool().eligible()).extracting(x -> x.member().serverId()).containsExactly("i-a", "i-b");

      h.health.set(target.healthKey(b), State.ABNORMAL);
      assertThat(slot.runtime()).isSameAs(runtime);
      assertThat(slot.runtime().protocolConfig(HttpListenerConfig.class)).isSameAs(config);
      assertThat(runtime.pool().eligible()).extracting(x -> x.member().serverId()).containsExactly("i-a");
      assertThat(runtime.pool().isEligible(runtime.pool().all().get(1))).isFalse();

      h.health.set(target.healthKey(b), State.NORMAL);
      assertThat(runtime.pool().eligible()).extracting(x -> x.member().serverId()).containsExactly("i-a", "i-b");
    }
  }

  @Test
  void aRuntimeBuiltWithoutItsProtocolConfigSaysSo() {
    Listener l = Listeners.http(80, Map.of());
    ListenerRuntime bare = Listeners.runtime(Listeners.spec(VIP, l, Listeners.target(l.resourceId(), null), List.of()));
    assertThatThrownBy(() -> bare.protocolConfig(HttpListenerConfig.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("HttpListenerConfig");
    assertThat(ProtocolConfig.class).isInterface();
  }
}
