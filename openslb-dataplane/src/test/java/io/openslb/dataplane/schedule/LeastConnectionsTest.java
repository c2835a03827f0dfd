package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import static io.openslb.dataplane.schedule.Members.flow;
import static io.openslb.dataplane.schedule.Members.name;
import static io.openslb.dataplane.schedule.Members.sequence;
import static io.openslb.dataplane.schedule.Members.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** wlc as a table: weights and active connections → the member picked. */
class LeastConnectionsTest {

  static void active(Backend b, int n) {
    for (int i = 0; i < n; i++) {
      b.stats().opened(null);
    }
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // weights, active connections, pick
        Arguments.of(new int[] {1, 1, 1}, new int[] {5, 2, 9}, "b"),
        Arguments.of(new int[] {1, 1, 1}, new int[] {0, 3, 3}, "a"),
        Arguments.of(new int[] {3, 1}, new int[] {6, 3}, "a"), // 2 per weight unit < 3
        Arguments.of(new int[] {3, 1}, new int[] {9, 2}, "b"), // 3 > 2
        Arguments.of(new int[] {100, 50}, new int[] {250, 100}, "b"), // 2.5 > 2
        Arguments.of(new int[] {100, 50, 10}, new int[] {100, 50, 0}, "c"),
        Arguments.of(new int[] {10, 100}, new int[] {1, 11}, "a")); // 0.1 < 0.11
  }

  @ParameterizedTest(name = "weights {0}, active {1} -> {2}")
  @MethodSource("table")
  void picksTheFewestActiveConnectionsPerWeight(int[] weights, int[] actives, String expected) {
    List<Backend> m = weighted(weights);
    for (int i = 0; i < actives.length; i++) {
      active(m.get(i), actives[i]);
    }
    Scheduler s = Schedulers.create(SchedulerKind.WLC, m);
    for (int i = 0; i < 5; i++) { // the same answer whatever the tie-break cursor
      assertThat(name(s.pick(flow("192.0.2.1", 1000 + i), Set.of()))).isEqualTo(expected);
    }
  }

  @Test
  void tiesGoRoundRobin() {
    assertThat(sequence(Schedulers.create(SchedulerKind.WLC, weighted(1, 1, 1)), 6)).isEqualTo("abcabc");
  }

  @Test
  void connectionsThatStayOpenFillMembersInProportionToWeight() {
    List<Backend> m = weighted(3, 1);
    Scheduler s = Schedulers.create(SchedulerKind.WLC, m);
    for (int i = 0; i < 400; i++) {
      s.pick(flow("192.0.2.1", 1000 + i), Set.of()).stats().opened(null);
    }
    assertThat(m.get(0).stats().active()).isBetween(299, 301);
    assertThat(m.get(1).stats().active()).isBetween(99, 101);
  }

  @Test
  void excludedMembersAreSkipped() {
    List<Backend> m = weighted(1, 1, 1);
    active(m.get(0), 10);
    active(m.get(2), 5);
    Scheduler s = Schedulers.create(SchedulerKind.WLC, m);
    assertThat(name(s.pick(flow("192.0.2.1", 1), Set.of(m.get(1))))).isEqualTo("c");
    assertThat(s.pick(flow("192.0.2.1", 1), Set.copyOf(m))).isNull();
  }
}
