package io.openslb.dataplane.runtime;

import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.TargetSpec;
import io.openslb.model.SchedulerKind;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

import io.openslb.dataplane.config.HealthKey;
import io.openslb.dataplane.health.HealthTable.State;
import io.openslb.dataplane.health.HealthTable;
import io.openslb.dataplane.schedule.FlowKey;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which members a pool lets the scheduler see: weight, health, primary/secondary. */
class BackendPoolTest {
  static final String SCOPE = "lb-1_tcp_80";
  final HealthTable health = new HealthTable();
  final StatsRegistry stats = new StatsRegistry();

  static HealthCheckSpec check(boolean enabled, Integer connectPort) {
    return new HealthCheckSpec(enabled, HealthCheckSpec.Type.TCP, connectPort, 2, 2, Duration.ofSeconds(1), Duration.ofSeconds(1),
        null, null, HealthCheckSpec.statusClasses(null), HealthCheckSpec.Method.HEAD, null, null);
  }

  static MemberSpec member(String id, int index, int weight, String role) {
    return new MemberSpec(id, "ecs", "10.0.0." + index, 8080, weight, role);
  }

  static TargetSpec target(String scheduler, boolean checked, boolean primarySecondary, MemberSpec... members) {
    return new TargetSpec(SCOPE, SchedulerKind.parse(scheduler).orElseThrow(), List.of(members), check(checked, null), null, primarySecondary);
  }

  static Map<String, Integer> picks(BackendPool pool, int n) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      var b = pool.pick(FlowKey.of(new InetSocketAddress("198.51.100." + (i % 250), 1000 + i),
          new InetSocketAddress("127.1.0.1", 80)), Set.of());
      out.merge(b == null ? "-" : b.member().serverId(), 1, Integer::sum);
    }
    return out;
  }

  void mark(TargetSpec t, MemberSpec m, State s) {
    health.set(t.healthKey(m), s);
  }

  @Test
  void weightZeroGetsNothingUnderEveryScheduler() {
    for (String scheduler : List.of("wrr", "rr", "wlc", "sch", "tch")) {
      TargetSpec t = target(scheduler, true, false, member("i-a", 1, 100, null), member("i-b", 2, 0, null),
          member("i-c", 3, 50, null));
      BackendPool pool = BackendPool.build(t, health, stats);
      assertThat(pool.all()).hasSize(3);
      assertThat(pool.eligible()).extracting(b -> b.member().serverId()).containsExactly("i-a", "i-c");
      assertThat(picks(pool, 300)).as(scheduler).doesNotContainKey("i-b").containsKeys("i-a", "i-c");
    }
  }

  @Test
  void onlyWeightZeroMembersMeansNoneEligible() {
    BackendPool pool = BackendPool.build(target("wrr", true, false, member("i-a", 1, 0, null)), health, stats);
    assertThat(pool.noneEligible()).isTrue();
    assertThat(picks(pool, 3)).containsOnlyKeys("-");
  }

  /** health of b → does b get traffic? (check on / off) */
  @Test
  void healthTable() {
    Object[][] table = {
        {null, true, true}, // not judged yet: "unavailable", still gets traffic
        {State.NORMAL, true, true},
        {State.ABNORMAL, true, false},
        {State.ABNORMAL, false, true}, // check switched off: health is ignored
    };
    for (Object[] row : table) {
      HealthTable h = new HealthTable();
      TargetSpec t = target("wrr", (Boolean) row[1], false, member("i-a", 1, 100, null), member("i-b", 2, 100, null));
      if (row[0] != null) {
        h.set(t.healthKey(t.members().get(1)), (State) row[0]);
      }
      Map<String, Integer> p = picks(BackendPool.build(t, h, stats), 100);
      assertThat(p.containsKey("i-b")).as("b %s, check %s", row[0], row[1]).isEqualTo(row[2]);
      assertThat(p).containsKey("i-a");
    }
  }

  @Test
  void healthKeyUsesTheConnectPortWhenSet() {
    MemberSpec m = member("i-a", 1, 100, null);
    assertThat(target("wrr", true, false, m).healthKey(m)).isEqualTo(new HealthKey(SCOPE, "10.0.0.1", 8080));
    TargetSpec viaPort = new TargetSpec(SCOPE, SchedulerKind.WRR, List.of(m), check(true, 9000), null, false);
    assertThat(viaPort.healthKey(m)).isEqualTo(new HealthKey(SCOPE, "10.0.0.1", 9000));
  }

  @Test
  void primarySecondarySendsToTheMasterWhileItIsEligibleElseToTheSlave() {
    MemberSpec master = member("i-master", 1, 100, "Master");
    MemberSpec slave = member("i-slave", 2, 100, "Slave");
    for (String scheduler : List.of("wrr", "rr", "sch", "tch")) {
      HealthTable h = new HealthTable();
      TargetSpec t = target(scheduler, true, true, slave, master); // order does not matter
      assertThat(picks(BackendPool.build(t, h, stats), 50)).as("unjudged").containsOnlyKeys("i-master");
      h.set(t.healthKey(master), State.NORMAL);
      h.set(t.healthKey(slave), State.NORMAL);
      assertThat(picks(BackendPool.build(t, h, stats), 50)).as("both healthy").containsOnlyKeys("i-master");
      h.set(t.healthKey(master), State.ABNORMAL);
      assertThat(picks(BackendPool.build(t, h, stats), 50)).as("master down").containsOnlyKeys("i-slave");
      h.set(t.healthKey(master), State.NORMAL);
      assertThat(picks(BackendPool.build(t, h, stats), 50)).as("master back").containsOnlyKeys("i-master");
      h.set(t.healthKey(master), State.ABNORMAL);
      h.set(t.healthKey(slave), State.ABNORMAL);
      BackendPool none = BackendPool.build(t, h, stats);
      assertThat(none.noneEligible()).as("both down").isTrue();
    }
  }

  @Test
  void primarySecondaryWithAMasterOfWeightZeroUsesTheSlave() {
    TargetSpec t = target("wrr", true, true, member("i-master", 1, 0, "Master"), member("i-slave", 2, 100, "Slave"));
    assertThat(picks(BackendPool.build(t, health, stats), 20)).containsOnlyKeys("i-slave");
  }

  @Test
  void eligibleByAddressIgnoresIneligibleMembers() {
    TargetSpec t = target("wrr", true, false, member("i-a", 1, 100, null), member("i-b", 2, 100, null));
    mark(t, t.members().get(1), State.ABNORMAL);
    BackendPool pool = BackendPool.build(t, health, stats);
    assertThat(pool.eligibleByAddress("10.0.0.1:8080")).isNotNull();
    assertThat(pool.eligibleByAddress("10.0.0.2:8080")).isNull();
  }

  // ------------------------------------------------ the scheduler through rebuilds

  /** {@code n} picks as server ids without the {@code i-}, e.g. {@code abc}. */
  static String sequence(BackendPool pool, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      var flow = FlowKey.of(new InetSocketAddress("198.51.100.1", 1000 + i), new InetSocketAddress("127.1.0.1", 80));
      var b = pool.pick(flow, Set.of());
      out.append(b == null ? "-" : b.member().serverId().substring(2));
    }
    return out.toString();
  }

  /** A health flip (or any rebuild) goes on where the scheduler was: it used to start again at a. */
  @Test
  void aRebuildFromThePreviousPoolGoesOnWhereItsSchedulerWas() {
    for (String scheduler : List.of("wrr", "rr")) {
      HealthTable h = new HealthTable();
      TargetSpec t = target(scheduler, true, false, member("i-a", 1, 100, null), member("i-b", 2, 100, null),
          member("i-c", 3, 100, null));
      BackendPool first = BackendPool.build(t, h, stats, null);
      assertThat(sequence(first, 2)).as(scheduler).isEqualTo("ab");
      BackendPool same = BackendPool.build(t, h, stats, first);
      assertThat(sequence(same, 2)).as(scheduler + ", nothing changed").isEqualTo("ca");
      h.set(t.healthKey(t.members().get(1)), State.ABNORMAL);
      BackendPool withoutB = BackendPool.build(t, h, stats, same);
      assertThat(sequence(withoutB, 3)).as(scheduler + ", b down").isEqualTo("cac");
      h.set(t.healthKey(t.members().get(1)), State.NORMAL);
      assertThat(sequence(BackendPool.build(t, h, stats, withoutB), 3)).as(scheduler + ", b back").isEqualTo("abc");
    }
  }

  @Test
  void withoutAPreviousPoolOrWithAnotherSchedulerThePicksStartAfresh() {
    TargetSpec rr = target("rr", false, false, member("i-a", 1, 100, null), member("i-b", 2, 100, null));
    BackendPool before = BackendPool.build(rr, health, stats);
    assertThat(sequence(before, 1)).isEqualTo("a");
    assertThat(sequence(BackendPool.build(rr, health, stats, null), 1)).isEqualTo("a");
    TargetSpec wrr = target("wrr", false, false, member("i-a", 1, 100, null), member("i-b", 2, 100, null));
    assertThat(sequence(BackendPool.build(wrr, health, stats, before), 2)).as("rr -> wrr").isEqualTo("ab");
  }
}
