package io.openslb.dataplane.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.openslb.dataplane.config.HealthKey;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.health.HealthTable.State;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.runtime.BackendPool;
import io.openslb.dataplane.schedule.Backend;
import io.openslb.dataplane.schedule.FlowKey;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The listener manager builds each new runtime from the one it replaces on a configuration change,
 * and refreshes only the pool's member set on a health flip, so the listener's wrr goes on where
 * it was instead of starting again at the first member. No traffic: the picks are asked of the published runtime's pool.
 */
class SchedulerAcrossSwapsTest {
  static final String VIP = "127.0.0.61";

  static String picks(ListenerSlot slot, int n) {
    BackendPool pool = slot.runtime().pool();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      FlowKey flow = FlowKey.of(new InetSocketAddress("198.51.100.1", 1000 + i), new InetSocketAddress(VIP, 80));
      Backend b = pool.pick(flow, Set.of());
      out.append(b.member().serverId().substring(2));
    }
    return out.toString();
  }

  @Test
  void aConfigurationChangeOrAHealthFlipGoesOnWhereTheSchedulerWas() throws Exception {
    try (ProxyHarness h = new ProxyHarness()) {
      int port = ProxyHarness.freePort(VIP);
      MemberSpec a = ProxyHarness.member("i-a", "10.0.0.1", 8080);
      MemberSpec b = ProxyHarness.member("i-b", "10.0.0.2", 8080);
      MemberSpec c = ProxyHarness.member("i-c", "10.0.0.3", 8080);
      h.listen(VIP, port, Map.of(), a, b, c);
      ListenerSlot slot = h.manager.slot(new ListenerKey(VIP, port, false));
      assertThat(picks(slot, 2)).isEqualTo("ab");

      var first = slot.runtime();
      h.listen(VIP, port, Map.of("idleTimeout", 30), a, b, c);
      assertThat(slot.runtime()).as("swapped").isNotSameAs(first);
      assertThat(picks(slot, 2)).as("after a configuration change").isEqualTo("ca");

      var second = slot.runtime();
      String scope = second.pool().spec().scope();
      h.health.set(new HealthKey(scope, "10.0.0.3", 8080), State.ABNORMAL); // health check off: c stays
      assertThat(slot.runtime()).as("a flip refreshes the pool's member set, not the runtime").isSameAs(second);
      assertThat(picks(slot, 3)).as("after a health flip").isEqualTo("bca");
    }
  }
}
