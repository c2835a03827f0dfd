package io.openslb.dataplane.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.RuleSpec;
import io.openslb.dataplane.schedule.BackendStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-member counters (active flows for wlc, channels for connection drain) survive a
 * configuration swap for rule pools as they do for the listener's own pool.
 */
class RuleCountersTest {
  @Test
  void ruleMembersKeepTheirCountersAcrossASwap() throws Exception {
    try (ProxyHarness h = new ProxyHarness()) {
      String vip = "127.0.0.1";
      int port = ProxyHarness.freePort(vip);
      MemberSpec own = ProxyHarness.member("i-own", "127.0.0.2", 1);
      MemberSpec ruled = ProxyHarness.member("i-rule", "127.0.0.3", 1);
      List<RuleSpec> rules = List.of(new RuleSpec("rule-1", null, "/a", Listeners.target("rule-1", null, ruled)));

      h.listen(vip, port, Map.of(), null, rules, own);
      BackendStats listenerBefore = stats(h, vip, port, null);
      BackendStats ruleBefore = stats(h, vip, port, "rule-1");
      // another setting changes: the runtime is rebuilt, the members are the same
      h.listen(vip, port, Map.of("idleTimeout", 30), null, rules, own);

      assertThat(stats(h, vip, port, null)).isSameAs(listenerBefore);
      assertThat(stats(h, vip, port, "rule-1")).isSameAs(ruleBefore);
    }
  }

  private static BackendStats stats(ProxyHarness h, String vip, int port, String rule) {
    var runtime = h.manager.slot(new ListenerKey(vip, port, false)).runtime();
    var pool = rule == null ? runtime.pool() : runtime.rulePool(rule);
    return pool.all().get(0).stats();
  }
}
