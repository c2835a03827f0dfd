package io.openslb.dataplane.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.RuleSpec;
import io.openslb.dataplane.config.TargetSpec;
import io.openslb.dataplane.health.HealthTable;
import io.openslb.model.SchedulerKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A runtime built from the one it replaces hands each pool's scheduler on: the listener's pool to
 * the listener's pool, a rule's to the rule with the same id.
 */
class ListenerRuntimeTest {
  final HealthTable health = new HealthTable();
  final StatsRegistry stats = new StatsRegistry();

  static TargetSpec target(String scope, int... hosts) {
    List<MemberSpec> members = Arrays.stream(hosts)
        .mapToObj(i -> new MemberSpec("i-" + (char) ('a' + i - 1), "ecs", "10.0.0." + i, 8080, 100, null))
        .toList();
    return new TargetSpec(scope, SchedulerKind.RR, members, HealthCheckSpec.disabled(), null, false);
  }

  static ListenerSpec spec(List<RuleSpec> rules) {
    ListenerKey key = new ListenerKey("127.0.0.9", 80, false);
    return new ListenerSpec(key, "acct", "lb-1", null, target("lb-1_http_80", 1, 2, 3), rules, null, null);
  }

  static RuleSpec rule(String id, String domain) {
    return new RuleSpec(id, domain, null, target(id, 1, 2, 3, 4));
  }

  @Test
  void poolsGoOnWhereThePreviousRuntimesPoolsWereMatchedByRuleId() {
    ListenerSpec spec = spec(List.of(rule("rule-1", "a.example"), rule("rule-2", "b.example")));
    ListenerRuntime before = ListenerRuntime.build(spec, health, stats);
    assertThat(BackendPoolTest.sequence(before.pool(), 1)).isEqualTo("a");
    assertThat(BackendPoolTest.sequence(before.rulePool("rule-1"), 2)).isEqualTo("ab");
    assertThat(BackendPoolTest.sequence(before.rulePool("rule-2"), 3)).isEqualTo("abc");

    // rules reordered, one changed domain, one added: pools follow the rule id, not the position
    ListenerRuntime after = ListenerRuntime.build(
        spec(List.of(rule("rule-3", "c.example"), rule("rule-2", "b.example"), rule("rule-1", "x.example"))),
        health, stats, before);
    assertThat(BackendPoolTest.sequence(after.pool(), 2)).as("listener").isEqualTo("bc");
    assertThat(BackendPoolTest.sequence(after.rulePool("rule-1"), 2)).as("rule-1").isEqualTo("cd");
    assertThat(BackendPoolTest.sequence(after.rulePool("rule-2"), 2)).as("rule-2").isEqualTo("da");
    assertThat(BackendPoolTest.sequence(after.rulePool("rule-3"), 2)).as("new rule-3").isEqualTo("ab");
  }

  @Test
  void withoutAPreviousRuntimeEveryPoolStartsAfresh() {
    ListenerSpec spec = spec(List.of(rule("rule-1", "a.example")));
    ListenerRuntime before = ListenerRuntime.build(spec, health, stats);
    BackendPoolTest.sequence(before.pool(), 2);
    ListenerRuntime after = ListenerRuntime.build(spec, health, stats, null);
    assertThat(BackendPoolTest.sequence(after.pool(), 1)).isEqualTo("a");
    assertThat(BackendPoolTest.sequence(after.rulePool("rule-1"), 1)).isEqualTo("a");
  }
}
