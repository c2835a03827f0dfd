package io.openslb.dataplane.health;

import io.openslb.dataplane.config.HealthKey;
import io.openslb.dataplane.config.ListenerSettings;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.SchedulerKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.RuleSpec;
import io.openslb.dataplane.config.RuntimeSnapshot;
import io.openslb.dataplane.config.TargetSpec;
import io.openslb.dataplane.health.HealthTable.State;
import io.openslb.dataplane.transport.Transport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Which members get sessions, and how sessions follow snapshots (real event loops, real sockets). */
class HealthCheckManagerTest {
  static final String IP = "127.0.0.1";

  static HealthCheckSpec check(boolean enabled, Integer connectPort, int interval) {
    return new HealthCheckSpec(enabled, HealthCheckSpec.Type.TCP, connectPort, 2, 2, Duration.ofSeconds(interval), Duration.ofSeconds(1),
        null, null, HealthCheckSpec.statusClasses(null), HealthCheckSpec.Method.HEAD, null, null);
  }

  static MemberSpec member(String id, String ip, int port) {
    return new MemberSpec(id, "ecs", ip, port, 100, null);
  }

  static ListenerSpec listener(int port, TargetSpec target, RuleSpec... rules) {
    return new ListenerSpec(new ListenerKey("127.1.0.1", port, false), "acct", "lb-1",
        new ListenerSettings("lb-1_tcp_" + port, ListenerProtocol.TCP, -1, Duration.ofSeconds(900), Duration.ZERO, false, null, null),
        target, List.of(rules), null, null);
  }

  static RuntimeSnapshot snapshot(long revision, ListenerSpec... listeners) {
    Map<ListenerKey, ListenerSpec> map = new HashMap<>();
    for (ListenerSpec l : listeners) {
      map.put(l.key(), l);
    }
    return new RuntimeSnapshot(revision, map);
  }

  @Test
  void wantedKeysFollowScopeConnectPortAndSwitch() {
    TargetSpec own = new TargetSpec("lb-1_tcp_80", SchedulerKind.WRR,
        List.of(member("i-1", "10.0.0.1", 8080), member("i-2", "10.0.0.2", 8080)), check(true, null, 2), null, false);
    TargetSpec connectPort = new TargetSpec("lb-1_tcp_81", SchedulerKind.WRR,
        List.of(member("i-1", "10.0.0.1", 8080), member("i-1b", "10.0.0.1", 8081)), check(true, 9000, 2), null, false);
    TargetSpec off = new TargetSpec("lb-1_tcp_82", SchedulerKind.WRR, List.of(member("i-1", "10.0.0.1", 8080)), check(false, null, 2),
        null, false);
    TargetSpec sharedRule = new TargetSpec("lb-1_http_83", SchedulerKind.WRR, List.of(member("i-3", "10.0.0.3", 80)), check(true, null, 2),
        null, false);
    TargetSpec ownRule = new TargetSpec("rule-1", SchedulerKind.WRR, List.of(member("i-3", "10.0.0.3", 80)), check(true, null, 5), null, false);
    TargetSpec offRule = new TargetSpec("rule-2", SchedulerKind.WRR, List.of(member("i-4", "10.0.0.4", 80)), check(false, null, 5), null, false);
    TargetSpec l83 = new TargetSpec("lb-1_http_83", SchedulerKind.WRR, List.of(member("i-2", "10.0.0.2", 80)), check(true, null, 2), null, false);

    Map<HealthKey, HealthCheckSpec> wanted = HealthCheckManager.wanted(snapshot(1,
        listener(80, own), listener(81, connectPort), listener(82, off),
        listener(83, l83, new RuleSpec("rule-0", null, "/a", sharedRule), new RuleSpec("rule-1", null, "/b", ownRule),
            new RuleSpec("rule-2", null, "/c", offRule))));

    assertThat(wanted.keySet()).containsExactlyInAnyOrder(
        new HealthKey("lb-1_tcp_80", "10.0.0.1", 8080),
        new HealthKey("lb-1_tcp_80", "10.0.0.2", 8080),
        new HealthKey("lb-1_tcp_81", "10.0.0.1", 9000), // two members, one probe address
        new HealthKey("lb-1_http_83", "10.0.0.2", 80),
        new HealthKey("lb-1_http_83", "10.0.0.3", 80), // rule that shares the listener's check
        new HealthKey("rule-1", "10.0.0.3", 80));
    assertThat(wanted.get(new HealthKey("rule-1", "10.0.0.3", 80)).interval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void sessionsFollowSnapshotsAndVerdictsReachTheTable() throws Exception {
    HealthTable table = new HealthTable();
    List<String> publishedOn = new CopyOnWriteArrayList<>();
    table.onScopeChange(scope -> publishedOn.add(Thread.currentThread().getName()));
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(IP))) {
      deadPort = s.getLocalPort();
    }
    try (Transport transport = new Transport(2);
        HealthCheckManager manager = new HealthCheckManager(transport, table);
        ServerSocket live = new ServerSocket(0, 64, InetAddress.getByName(IP))) {
      HealthKey liveKey = new HealthKey("lb-1_tcp_80", IP, live.getLocalPort());
      HealthKey deadKey = new HealthKey("lb-1_tcp_80", IP, deadPort);
      TargetSpec target = new TargetSpec("lb-1_tcp_80", SchedulerKind.WRR,
          List.of(member("i-live", IP, live.getLocalPort()), member("i-dead", IP, deadPort)), check(true, null, 1), null, false);

      manager.update(snapshot(1, listener(80, target)));
      assertThat(manager.sessionCount()).isEqualTo(2);
      assertThat(table.describe(liveKey)).isEqualTo("unavailable");
      await().atMost(Duration.ofSeconds(8)).until(() ->
          table.get(liveKey) == State.NORMAL && table.get(deadKey) == State.ABNORMAL);
      assertThat(publishedOn).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo("openslb-health-publisher"));

      // an unchanged check keeps its session (and counters)
      HealthSession liveSession = manager.session(liveKey);
      manager.update(snapshot(2, listener(80, target)));
      assertThat(manager.session(liveKey)).isSameAs(liveSession);

      // a changed check restarts the session; the last verdict stays until the new one decides
      TargetSpec slower = new TargetSpec(target.scope(), SchedulerKind.WRR, target.members(), check(true, null, 2), null, false);
      manager.update(snapshot(3, listener(80, slower)));
      assertThat(manager.session(liveKey)).isNotSameAs(liveSession);
      assertThat(liveSession.active()).isFalse();
      assertThat(table.get(deadKey)).isEqualTo(State.ABNORMAL);

      // a removed member loses its session and its entry
      TargetSpec onlyLive = new TargetSpec(target.scope(), SchedulerKind.WRR, List.of(member("i-live", IP, live.getLocalPort())),
          check(true, null, 2), null, false);
      manager.update(snapshot(4, listener(80, onlyLive)));
      assertThat(manager.sessionCount()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(2)).until(() -> table.get(deadKey) == null);
      assertThat(table.get(liveKey)).isEqualTo(State.NORMAL);

      // the check switched off: nothing left
      TargetSpec unchecked = new TargetSpec(target.scope(), SchedulerKind.WRR, onlyLive.members(), check(false, null, 2), null, false);
      manager.update(snapshot(5, listener(80, unchecked)));
      assertThat(manager.sessionCount()).isZero();
      await().atMost(Duration.ofSeconds(2)).until(() -> table.get(liveKey) == null);
      assertThat(liveSession.active()).isFalse();
    }
  }

  @Test
  void aMemberThatCannotBeCheckedDoesNotBlockTheOthers() {
    try (Transport transport = new Transport(1); HealthCheckManager manager = new HealthCheckManager(transport, new HealthTable())) {
      TargetSpec target = new TargetSpec("lb-1_tcp_80", SchedulerKind.WRR,
          List.of(member("i-bad", IP, 70_000), member("i-good", IP, 8080)), check(true, null, 1), null, false);
      manager.update(snapshot(1, listener(80, target)));
      assertThat(manager.sessionCount()).isEqualTo(1);
      assertThat(manager.session(new HealthKey("lb-1_tcp_80", IP, 8080))).isNotNull();
    }
  }

  @Test
  void closeStopsEverySession() {
    HealthTable table = new HealthTable();
    try (Transport transport = new Transport(1)) {
      HealthCheckManager manager = new HealthCheckManager(transport, table);
      TargetSpec target = new TargetSpec("lb-1_tcp_80", SchedulerKind.WRR, List.of(member("i-1", IP, 1)), check(true, null, 1), null, false);
      manager.update(snapshot(1, listener(80, target)));
      HealthSession s = manager.session(new HealthKey("lb-1_tcp_80", IP, 1));
      manager.close();
      assertThat(s.active()).isFalse();
      assertThat(manager.sessionCount()).isZero();
      manager.update(snapshot(2, listener(80, target)));
      assertThat(manager.sessionCount()).as("closed stays closed").isZero();
    }
  }
}
