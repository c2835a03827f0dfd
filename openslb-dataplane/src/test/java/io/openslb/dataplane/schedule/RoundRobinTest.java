package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import static io.openslb.dataplane.schedule.Members.distribution;
import static io.openslb.dataplane.schedule.Members.flow;
import static io.openslb.dataplane.schedule.Members.name;
import static io.openslb.dataplane.schedule.Members.sequence;
import static io.openslb.dataplane.schedule.Members.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** wrr (smooth weighted round robin) and rr as tables: weights → one cycle's exact picks. */
class RoundRobinTest {

  static Stream<Arguments> wrrCycles() {
    return Stream.of(
        // weights of a, b, c...     one full cycle
        Arguments.of(new int[] {1}, "a"),
        Arguments.of(new int[] {1, 1, 1}, "abc"),
        Arguments.of(new int[] {100, 100}, "ab"), // reduced by the gcd
        Arguments.of(new int[] {2, 1}, "aba"),
        Arguments.of(new int[] {3, 1}, "aaba"),
        Arguments.of(new int[] {5, 1, 1}, "aabacaa"), // nginx's example: no bursts of five
        Arguments.of(new int[] {1, 2, 3}, "cbacbc"),
        Arguments.of(new int[] {4, 2, 2}, "abca"),
        Arguments.of(new int[] {60, 40}, "ababa"),
        Arguments.of(new int[] {3, 3, 1}, "abcabab"),
        Arguments.of(new int[] {50, 30, 20}, "abcaabacba"));
  }

  @ParameterizedTest(name = "wrr {0} -> {1}")
  @MethodSource("wrrCycles")
  void wrrPicksOneCycleExactlyAndThenRepeats(int[] weights, String cycle) {
    Scheduler s = Schedulers.create(SchedulerKind.WRR, weighted(weights));
    assertThat(sequence(s, cycle.length() * 3)).isEqualTo(cycle.repeat(3));
  }

  static Stream<Arguments> wrrShares() {
    return Stream.of(
        Arguments.of(new int[] {50, 30, 20}, 10_000, Map.of("a", 5_000, "b", 3_000, "c", 2_000)),
        Arguments.of(new int[] {100, 1}, 10_100, Map.of("a", 10_000, "b", 100)),
        Arguments.of(new int[] {7, 7, 7, 7}, 10_000, Map.of("a", 2_500, "b", 2_500, "c", 2_500, "d", 2_500)),
        Arguments.of(new int[] {3, 1}, 40, Map.of("a", 30, "b", 10)));
  }

  @ParameterizedTest(name = "wrr {0} over {1} picks")
  @MethodSource("wrrShares")
  void wrrSharesAreExactlyProportionalOverWholeCycles(int[] weights, int picks, Map<String, Integer> expected) {
    assertThat(distribution(Schedulers.create(SchedulerKind.WRR, weighted(weights)), picks)).isEqualTo(expected);
  }

  @Test
  void wrrIsTheDefaultForUnknownOrMissingNames() {
    assertThat(sequence(Schedulers.create(SchedulerKind.DEFAULT, weighted(2, 1)), 3)).isEqualTo("aba");
    assertThat(sequence(Schedulers.create(SchedulerKind.WRR, weighted(2, 1)), 3)).isEqualTo("aba");
  }

  @Test
  void rrIgnoresWeightsAndGoesInArrivalOrder() {
    assertThat(sequence(Schedulers.create(SchedulerKind.RR, weighted(5, 1, 1)), 9)).isEqualTo("abcabcabc");
    assertThat(distribution(Schedulers.create(SchedulerKind.RR, weighted(100, 1, 50)), 9_000))
        .isEqualTo(Map.of("a", 3_000, "b", 3_000, "c", 3_000));
  }

  @Test
  void excludedMembersAreSkippedAndAllExcludedGivesNull() {
    List<Backend> m = weighted(1, 1, 1);
    for (String name : List.of("rr", "wrr")) {
      Scheduler s = Schedulers.create(SchedulerKind.parse(name).orElseThrow(), m);
      for (int i = 0; i < 30; i++) {
        assertThat(name(s.pick(flow("192.0.2.1", i + 1), Set.of(m.get(1))))).isIn("a", "c");
      }
      assertThat(s.pick(flow("192.0.2.1", 1), Set.copyOf(m))).isNull();
    }
  }

  @Test
  void noMembersGivesNull() {
    assertThat(Schedulers.create(SchedulerKind.WRR, List.of()).pick(flow("192.0.2.1", 1), Set.of())).isNull();
    assertThat(Schedulers.create(SchedulerKind.RR, List.of()).pick(flow("192.0.2.1", 1), Set.of())).isNull();
  }
}
