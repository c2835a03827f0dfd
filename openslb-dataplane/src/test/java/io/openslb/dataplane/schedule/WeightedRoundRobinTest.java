package io.openslb.dataplane.schedule;

import static io.openslb.dataplane.schedule.Members.backend;
import static io.openslb.dataplane.schedule.Members.distribution;
import static io.openslb.dataplane.schedule.Members.sequence;
import static io.openslb.dataplane.schedule.Members.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import io.openslb.model.SchedulerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wrr's current weights carried through rebuilds that change weights or members: the interleaving
 * goes on from where it was, with no restart at the top of the cycle (which sends the first picks
 * to the first or heaviest member). The cycles are {@link RoundRobinTest}'s.
 */
class WeightedRoundRobinTest {

  static Scheduler wrr(Scheduler previous, List<Backend> members) {
    return Schedulers.newScheduler(SchedulerKind.WRR, previous, members);
  }

  static int longestRun(String picks, char member) {
    int longest = 0;
    int run = 0;
    for (char c : picks.toCharArray()) {
      run = c == member ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  /**
   * 5:1:1 (cycle aabacaa, whose wrap-around makes runs of four a) becomes 5:1:2 (acaabaca) after
   * {@code k} picks: across the change no run of a is longer than 4, wherever the change falls.
   * Restarting the new cycle instead gives five in a row after {@code aabacaa aa}.
   */
  @ParameterizedTest(name = "weight of c 1 -> 2 after {0} picks")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
  void aWeightChangeContinuesTheInterleavingWithoutABurst(int k) {
    Scheduler before = wrr(null, weighted(5, 1, 1));
    String picksBefore = sequence(before, 7 + k);
    Scheduler after = wrr(before, weighted(5, 1, 2));
    String picksAfter = sequence(after, 16);
    assertThat(longestRun(picksBefore + picksAfter, 'a')).as(picksBefore + "|" + picksAfter).isLessThanOrEqualTo(4);
    assertThat(distribution(after, 8 * 20)).as("whole new cycles").isEqualTo(Map.of("a", 100, "b", 20, "c", 40));
  }

  /**
   * One member's weight nudged from 100 to 99 before every pick, in turn: the shares stay even.
   * Restarting each new cycle gave b a a b a a... (the first heaviest member), and c nothing.
   */
  @Test
  void smallWeightChangesBeforeEveryPickKeepTheSharesEven() {
    Scheduler s = wrr(null, weighted(100, 100, 100));
    StringBuilder picks = new StringBuilder();
    for (int i = 0; i < 1_200; i++) {
      int[] w = {100, 100, 100};
      w[i % 3] = 99;
      s = wrr(s, weighted(w));
      picks.append(sequence(s, 1));
    }
    assertThat(picks.chars().filter(c -> c == 'a').count()).isEqualTo(400);
    assertThat(picks.chars().filter(c -> c == 'b').count()).isEqualTo(400);
    assertThat(picks.chars().filter(c -> c == 'c').count()).isEqualTo(400);
  }

  /**
   * Weights flipping between 1:1:1 (abc) and 1:1:2 (cabc) before every pick: every member keeps
   * getting picks and c, the heavier one half the time, gets the most. Restarting each new cycle
   * gave a c a c... and b nothing.
   */
  @Test
  void weightsFlippingBeforeEveryPickStillReachEveryMember() {
    Scheduler s = wrr(null, weighted(1, 1, 1));
    StringBuilder picks = new StringBuilder();
    for (int i = 0; i < 1_200; i++) {
      s = wrr(s, i % 2 == 0 ? weighted(1, 1, 1) : weighted(1, 1, 2));
      picks.append(sequence(s, 1));
    }
    long a = picks.chars().filter(c -> c == 'a').count();
    long b = picks.chars().filter(c -> c == 'b').count();
    long c = picks.chars().filter(x -> x == 'c').count();
    assertThat(a).as("a").isBetween(240L, 400L);
    assertThat(b).as("b").isBetween(240L, 400L);
    assertThat(c).as("c").isGreaterThan(Math.max(a, b)).isLessThanOrEqualTo(600L);
  }

  /** a b c d, picked a b, then c is removed: d, the next one still there, goes on. */
  @Test
  void aRemovedMembersTurnGoesToTheNext() {
    Scheduler before = wrr(null, weighted(1, 1, 1, 1));
    assertThat(sequence(before, 2)).isEqualTo("ab");
    List<Backend> fewer = new ArrayList<>(weighted(1, 1, 1, 1));
    fewer.remove(2);
    assertThat(sequence(wrr(before, fewer), 6)).isEqualTo("dabdab");
  }

  /** A member added mid-cycle starts with current weight 0: it joins without the others restarting. */
  @Test
  void anAddedMemberJoinsTheInterleaving() {
    Scheduler before = wrr(null, weighted(1, 1, 1));
    assertThat(sequence(before, 2)).isEqualTo("ab");
    List<Backend> more = new ArrayList<>(weighted(1, 1, 1));
    more.add(backend("d", 1));
    String after = sequence(wrr(before, more), 8);
    assertThat(after).as("c was next").startsWith("c");
    assertThat(after.substring(0, 4)).as("one cycle has each once").contains("a", "b", "c", "d");
  }
}
