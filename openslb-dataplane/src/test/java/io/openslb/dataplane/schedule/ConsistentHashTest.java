package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import static io.openslb.dataplane.schedule.Members.backend;
import static io.openslb.dataplane.schedule.Members.flow;
import static io.openslb.dataplane.schedule.Members.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sch / tch / qch: the same key always lands on the same member, and a membership change moves
 * only about 1/N of 10,000 keys (only keys of the removed member, or only keys to the new one).
 */
class ConsistentHashTest {
  static final int KEYS = 10_000;

  static List<Backend> members(int n) {
    List<Backend> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(backend(String.valueOf((char) ('a' + i)), 100));
    }
    return out;
  }

  /** Key i → a flow: sch varies the client IP, tch the client port, qch the connection id. */
  static IntFunction<FlowKey> keys(String scheduler) {
    return switch (scheduler) {
      case "sch" -> i -> flow("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), 40000);
      case "tch" -> i -> flow("192.0.2.7", 1024 + i);
      default -> i -> new FlowKey(new InetSocketAddress("192.0.2.7", 40000), new InetSocketAddress("127.1.0.1", 443),
          ("cid-" + i).getBytes(StandardCharsets.UTF_8));
    };
  }

  static Map<Integer, String> assign(String scheduler, List<Backend> members) {
    Scheduler s = Schedulers.create(SchedulerKind.parse(scheduler).orElseThrow(), members);
    IntFunction<FlowKey> key = keys(scheduler);
    Map<Integer, String> out = new HashMap<>();
    for (int i = 0; i < KEYS; i++) {
      out.put(i, name(s.pick(key.apply(i), Set.of())));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}: remove one of {1}")
  @CsvSource({"sch, 2", "sch, 3", "sch, 5", "sch, 10", "tch, 4", "tch, 8", "qch, 4", "qch, 6"})
  void removingOneOfNMovesOnlyItsKeysAboutOneNth(String scheduler, int n) {
    List<Backend> all = members(n);
    Map<Integer, String> before = assign(scheduler, all);
    List<Backend> fewer = new ArrayList<>(all);
    Backend removed = fewer.remove(n / 2);
    Map<Integer, String> after = assign(scheduler, fewer);
    int moved = 0;
    for (int i = 0; i < KEYS; i++) {
      if (!before.get(i).equals(after.get(i))) {
        moved++;
        assertThat(before.get(i)).as("only keys of the removed member move").isEqualTo(name(removed));
      }
    }
    double share = moved / (double) KEYS;
    assertThat(share).as("moved share").isBetween(0.6 / n, 1.4 / n);
  }

  @ParameterizedTest(name = "{0}: add one to {1}")
  @CsvSource({"sch, 1", "sch, 4", "sch, 9", "tch, 3", "tch, 7", "qch, 5"})
  void addingOneToNMovesOnlyKeysToItAboutOneNPlusOneth(String scheduler, int n) {
    List<Backend> more = members(n + 1);
    Backend added = more.get(n);
    Map<Integer, String> before = assign(scheduler, more.subList(0, n));
    Map<Integer, String> after = assign(scheduler, more);
    int moved = 0;
    for (int i = 0; i < KEYS; i++) {
      if (!before.get(i).equals(after.get(i))) {
        moved++;
        assertThat(after.get(i)).as("keys move only to the new member").isEqualTo(name(added));
      }
    }
    double share = moved / (double) KEYS;
    assertThat(share).as("moved share").isBetween(0.6 / (n + 1), 1.4 / (n + 1));
  }

  @ParameterizedTest(name = "{0}: balance over {1} members")
  @CsvSource({"sch, 3", "sch, 8", "tch, 5", "qch, 4"})
  void keysSpreadEvenlyOverEqualMembers(String scheduler, int n) {
    Map<String, Integer> counts = new HashMap<>();
    assign(scheduler, members(n)).values().forEach(m -> counts.merge(m, 1, Integer::sum));
    assertThat(counts).hasSize(n);
    double fair = KEYS / (double) n;
    assertThat(counts.values()).allSatisfy(c -> assertThat(c / fair).isBetween(0.7, 1.3));
  }

  @Test
  void weightsScaleTheShare() {
    List<Backend> m = List.of(backend("a", 100), backend("b", 50));
    Map<String, Integer> counts = new HashMap<>();
    assign("sch", m).values().forEach(x -> counts.merge(x, 1, Integer::sum));
    assertThat(counts.get("a") / (double) counts.get("b")).isBetween(1.5, 2.7);
  }

  @Test
  void schKeepsAClientOnOneMemberWhateverItsPort() {
    Scheduler s = Schedulers.create(SchedulerKind.SCH, members(5));
    for (int c = 0; c < 50; c++) {
      String ip = "198.51.100." + c;
      String first = name(s.pick(flow(ip, 1024), Set.of()));
      for (int port = 1025; port < 1125; port++) {
        assertThat(name(s.pick(flow(ip, port), Set.of()))).isEqualTo(first);
      }
    }
  }

  @Test
  void tchSpreadsOneClientsConnectionsButRepeatsTheSameFourTuple() {
    Scheduler s = Schedulers.create(SchedulerKind.TCH, members(5));
    Set<String> used = new HashSet<>();
    for (int port = 1024; port < 1124; port++) {
      String first = name(s.pick(flow("198.51.100.1", port), Set.of()));
      used.add(first);
      assertThat(name(s.pick(flow("198.51.100.1", port), Set.of()))).isEqualTo(first);
    }
    assertThat(used).hasSize(5);
    // the destination is part of the tuple too
    Set<String> byVip = new HashSet<>();
    for (int vip = 1; vip < 60; vip++) {
      byVip.add(name(s.pick(FlowKey.of(new InetSocketAddress("198.51.100.1", 5000),
          new InetSocketAddress("127.1.0." + vip, 80)), Set.of())));
    }
    assertThat(byVip.size()).isGreaterThan(1);
  }

  @Test
  void qchFollowsTheConnectionIdAcrossAddressChanges() {
    Scheduler s = Schedulers.create(SchedulerKind.QCH, members(5));
    Set<String> used = new HashSet<>();
    for (int c = 0; c < 100; c++) {
      byte[] cid = ("conn-" + c).getBytes(StandardCharsets.UTF_8);
      String first = name(s.pick(new FlowKey(new InetSocketAddress("198.51.100.1", 4000), null, cid), Set.of()));
      used.add(first);
      for (int migrated = 0; migrated < 10; migrated++) { // NAT rebinding / migration: new address, same id
        FlowKey moved = new FlowKey(new InetSocketAddress("203.0.113." + migrated, 5000 + migrated), null, cid);
        assertThat(name(s.pick(moved, Set.of()))).isEqualTo(first);
      }
    }
    assertThat(used).hasSize(5);
  }

  @Test
  void qchWithoutAConnectionIdFallsBackToTheSourceIp() {
    List<Backend> m = members(5);
    Scheduler qch = Schedulers.create(SchedulerKind.QCH, m);
    Scheduler sch = Schedulers.create(SchedulerKind.SCH, m);
    for (int c = 0; c < 100; c++) {
      FlowKey f = new FlowKey(new InetSocketAddress("198.51.100." + c, 4000 + c), null, null);
      assertThat(qch.pick(f, Set.of())).isSameAs(sch.pick(f, Set.of()));
      FlowKey empty = new FlowKey(new InetSocketAddress("198.51.100." + c, 4000 + c), null, new byte[0]);
      assertThat(qch.pick(empty, Set.of())).isSameAs(sch.pick(f, Set.of()));
    }
  }

  @Test
  void excludedMembersAreSkippedToTheNextOnTheRing() {
    List<Backend> m = members(4);
    for (String name : List.of("sch", "tch", "qch")) {
      Scheduler s = Schedulers.create(SchedulerKind.parse(name).orElseThrow(), m);
      IntFunction<FlowKey> key = keys(name);
      for (int i = 0; i < 200; i++) {
        Backend first = s.pick(key.apply(i), Set.of());
        Backend second = s.pick(key.apply(i), Set.of(first));
        assertThat(second).isNotNull().isNotSameAs(first);
        assertThat(s.pick(key.apply(i), Set.of(first))).as("stable").isSameAs(second);
        Set<Backend> twoGone = Set.of(first, second);
        assertThat(s.pick(key.apply(i), twoGone)).isNotNull().isNotIn(twoGone);
        assertThat(s.pick(key.apply(i), Set.copyOf(m))).isNull();
      }
    }
  }

  @Test
  void noMembersGivesNull() {
    for (String name : List.of("sch", "tch", "qch")) {
      assertThat(Schedulers.create(SchedulerKind.parse(name).orElseThrow(), List.of()).pick(flow("192.0.2.1", 1), Set.of())).isNull();
    }
  }
}
