package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import static io.openslb.dataplane.schedule.Members.backend;
import static io.openslb.dataplane.schedule.Members.distribution;
import static io.openslb.dataplane.schedule.Members.flow;
import static io.openslb.dataplane.schedule.Members.name;
import static io.openslb.dataplane.schedule.Members.sequence;
import static io.openslb.dataplane.schedule.Members.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

  // ------------------------------------------------ rr's cursor through rebuilds

  static Scheduler rr(Scheduler previous, List<Backend> members) {
    return Schedulers.newScheduler(SchedulerKind.RR, previous, members);
  }

  static List<Backend> without(List<Backend> members, int index) {
    List<Backend> out = new ArrayList<>(members);
    out.remove(index);
    return out;
  }

  static List<Backend> with(List<Backend> members, int index, Backend added) {
    List<Backend> out = new ArrayList<>(members);
    out.add(index, added);
    return out;
  }

  /** a b c d, picked a b (c is next), then the members change: who goes on. */
  static Stream<Arguments> rrRebuilds() {
    List<Backend> abcd = weighted(1, 1, 1, 1);
    return Stream.of(
        Arguments.of("the same members", abcd, "cdabcd"),
        Arguments.of("c, the next, removed", without(abcd, 2), "dabdab"),
        Arguments.of("b, just picked, removed", without(abcd, 1), "cdacda"),
        Arguments.of("e added at the end", with(abcd, 4, backend("e", 1)), "cdeabc"),
        Arguments.of("e added at the front", with(abcd, 0, backend("e", 1)), "cdeabc"),
        Arguments.of("c and d removed", without(without(abcd, 3), 2), "ababab"),
        Arguments.of("new weights (ignored)", weighted(5, 1, 9, 1), "cdabcd"),
        Arguments.of("all replaced", List.of(backend("e", 1), backend("f", 1)), "efefef"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("rrRebuilds")
  void rrGoesOnFromTheMemberThatWasNext(String change, List<Backend> members, String expected) {
    Scheduler before = rr(null, weighted(1, 1, 1, 1));
    assertThat(sequence(before, 2)).isEqualTo("ab");
    assertThat(sequence(rr(before, members), 6)).isEqualTo(expected);
  }

  /** A rebuild before every pick (health flips, configuration pushes) used to send every pick to a. */
  @Test
  void rrRebuiltBeforeEveryPickStillTakesTurns() {
    Scheduler s = rr(null, weighted(1, 1, 1));
    StringBuilder picks = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      s = rr(s, weighted(1, 1, 1));
      picks.append(sequence(s, 1));
    }
    assertThat(picks.toString()).isEqualTo("abcabcabc");
  }
}
