package io.openslb.dataplane.schedule;

import static io.openslb.dataplane.schedule.Members.name;
import static io.openslb.dataplane.schedule.Members.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openslb.model.SchedulerKind;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Scheduler} keeps (see its Javadoc), run once per {@link
 * SchedulerKind} by a subclass that names the kind and how closely it honours weights:
 *
 * <ul>
 *   <li>no members, or all of them excluded: null;
 *   <li>an excluded member is never picked while another is left;
 *   <li>a member of weight 0 is never picked, by the scheduler itself;
 *   <li>over N picks each member gets its share: its weight's share ({@code rr}: an equal share)
 *       within the subclass's {@link #tolerance};
 *   <li>rebuilding with the same members (new Backend objects, the same counters, as the pool
 *       does) continues the picks exactly as if there had been no rebuild, whether once or before
 *       every pick; a previous scheduler of another kind carries nothing;
 *   <li>hash kinds: removing 1 of N members moves only the keys it had, at most 1/N of them plus
 *       {@link #RING_SCATTER}.
 * </ul>
 *
 * Every pick is held open (its member's active count goes up, as a proxied connection's would), so
 * {@code wlc} is exercised on the counts it reads; the other kinds ignore them. Flow {@code i} has
 * its own client address, port and QUIC connection id, so every hash kind spreads flows.
 */
abstract class SchedulerContract {
  /**
   * How much more than 1/N of the keys removing one of N equal members may move: a member's share
   * of the ring is its virtual nodes' share of it, which their hashed positions scatter by about
   * 1/sqrt(nodes) (400 nodes at weight 100: 5%, so 40% is eight deviations).
   */
  static final double RING_SCATTER = 0.4;

  static final int PICKS = 10_000;

  abstract SchedulerKind kind();

  /**
   * How far a member's share of {@link #PICKS} picks may be from its expected share, as a fraction
   * of the expected share.
   */
  abstract double tolerance();

  /** The share each member of these weights should get over many picks: its weight's share. */
  double[] expectedShares(int[] weights) {
    double total = Arrays.stream(weights).sum();
    return Arrays.stream(weights).mapToDouble(w -> w / total).toArray();
  }

  Scheduler build(List<Backend> members) {
    return Schedulers.newScheduler(kind(), null, members);
  }

  Scheduler rebuild(Scheduler previous, List<Backend> members) {
    return Schedulers.newScheduler(kind(), previous, members);
  }

  /** Flow {@code i}: a client address, port and QUIC connection id of its own. */
  static FlowKey flow(int i) {
    InetSocketAddress client = new InetSocketAddress("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255),
        1024 + i % 60_000);
    return new FlowKey(client, new InetSocketAddress("127.1.0.1", 443), ("cid-" + i).getBytes(StandardCharsets.UTF_8));
  }

  /** The picks of flows {@code from .. from+n-1}, each held open, as member names ({@code -} for none). */
  static String picks(Scheduler s, int from, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < from + n; i++) {
      Backend b = s.pick(flow(i), Set.of());
      if (b != null) {
        b.stats().opened(null);
      }
      out.append(name(b));
    }
    return out.toString();
  }

  /** The same members as new Backend objects over the same counters: what a pool rebuild hands over. */
  static List<Backend> rebuilt(List<Backend> members) {
    return members.stream().map(b -> new Backend(b.member(), b.stats())).toList();
  }

  static List<Backend> named(List<Backend> members, String names) {
    return members.stream().filter(b -> names.contains(name(b))).toList();
  }

  @Test
  void isOfItsKind() {
    assertThat(build(weighted(1, 2)).kind()).isEqualTo(kind());
  }

  @Test
  void noMembersPicksNothing() {
    Scheduler s = build(List.of());
    assertThat(s.pick(flow(1), Set.of())).isNull();
    assertThat(rebuild(s, List.of()).pick(flow(2), Set.of())).isNull();
  }

  @ParameterizedTest(name = "weights {0}, {1} excluded")
  @CsvSource({"1 1 1, b", "1 1 1, ac", "1 1 1, abc", "10 20 30 40, d", "10 20 30 40, abd", "5, a", "100 50, b"})
  void excludedMembersAreNeverPicked(String weights, String excludedNames) {
    List<Backend> m = weighted(Arrays.stream(weights.split(" ")).mapToInt(Integer::parseInt).toArray());
    Set<Backend> excluded = new HashSet<>(named(m, excludedNames));
    Scheduler s = build(m);
    boolean someLeft = excluded.size() < m.size();
    for (int i = 0; i < 500; i++) {
      Backend b = s.pick(flow(i), excluded);
      if (someLeft) {
        assertThat(b).as("flow %d", i).isNotNull().isNotIn(excluded);
      } else {
        assertThat(b).as("all excluded").isNull();
      }
    }
  }

  @ParameterizedTest(name = "weights {0}")
  @CsvSource({"0 1", "1 0 1", "0 0 5", "100 0 50", "0 30 0 10", "0", "0 0"})
  void membersOfWeightZeroAreNeverPicked(String weights) {
    int[] w = Arrays.stream(weights.split(" ")).mapToInt(Integer::parseInt).toArray();
    List<Backend> m = weighted(w);
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0) {
        expected.add(name(m.get(i)));
      }
    }
    Set<String> got = new HashSet<>();
    for (char c : picks(build(m), 0, 1_000).toCharArray()) {
      got.add(String.valueOf(c));
    }
    assertThat(got).isEqualTo(expected.isEmpty() ? Set.of("-") : expected);
  }

  static Stream<Arguments> weightTables() {
    return Stream.of(
        Arguments.of((Object) new int[] {10, 10}),
        Arguments.of((Object) new int[] {30, 10}),
        Arguments.of((Object) new int[] {50, 30, 20}),
        Arguments.of((Object) new int[] {100, 50, 10}),
        Arguments.of((Object) new int[] {70, 70, 70, 70}),
        Arguments.of((Object) new int[] {100, 100, 20, 40, 60}));
  }

  @ParameterizedTest(name = "weights {0}")
  @MethodSource("weightTables")
  void sharesFollowTheWeightsOverManyPicks(int[] weights) {
    String picks = picks(build(weighted(weights)), 0, PICKS);
    double[] expected = expectedShares(weights);
    for (int i = 0; i < weights.length; i++) {
      char member = (char) ('a' + i);
      long count = picks.chars().filter(c -> c == member).count();
      assertThat(Math.abs(count - expected[i] * PICKS))
          .as("member %s: %d of %d picks, expected share %.3f", member, count, PICKS, expected[i])
          .isLessThanOrEqualTo(Math.max(1, tolerance() * expected[i] * PICKS));
    }
  }

  static Stream<Arguments> rebuilds() {
    List<Arguments> out = new ArrayList<>();
    for (int[] w : List.of(new int[] {1, 1, 1}, new int[] {5, 1, 1}, new int[] {50, 30, 20}, new int[] {100, 100},
        new int[] {3, 3, 1, 2})) {
      for (int after : new int[] {0, 1, 2, 3, 5, 8, 13}) {
        out.add(Arguments.of(w, after));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "weights {0}, rebuilt after {1} picks")
  @MethodSource("rebuilds")
  void aRebuildWithTheSameMembersContinuesThePicks(int[] weights, int after) {
    String uninterrupted = picks(build(weighted(weights)), 0, after + 40);
    List<Backend> m = weighted(weights);
    Scheduler before = build(m);
    String first = picks(before, 0, after);
    String then = picks(rebuild(before, rebuilt(m)), after, 40);
    assertThat(first + then).isEqualTo(uninterrupted);
  }

  @ParameterizedTest(name = "weights {0}")
  @MethodSource("weightTables")
  void rebuildingBeforeEveryPickContinuesThePicks(int[] weights) {
    String uninterrupted = picks(build(weighted(weights)), 0, 300);
    List<Backend> m = weighted(weights);
    Scheduler s = build(m);
    StringBuilder got = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      s = rebuild(s, rebuilt(m));
      got.append(picks(s, i, 1));
    }
    assertThat(got.toString()).isEqualTo(uninterrupted);
  }

  @Test
  void aPreviousSchedulerOfAnotherKindCarriesNothing() {
    for (SchedulerKind other : SchedulerKind.values()) {
      if (other == kind()) {
        continue;
      }
      String fresh = picks(build(weighted(5, 1, 1)), 0, 20);
      List<Backend> m = weighted(5, 1, 1);
      Scheduler previous = Schedulers.newScheduler(other, null, m);
      picks(previous, 100, 3);
      for (Backend b : m) { // the counters as a fresh pool's, for wlc
        while (b.stats().active() > 0) {
          b.stats().closed(null);
        }
      }
      assertThat(picks(rebuild(previous, rebuilt(m)), 0, 20)).as("after %s", other).isEqualTo(fresh);
    }
  }

  @ParameterizedTest(name = "remove member {1} of {0}")
  @CsvSource({"2, 0", "2, 1", "3, 1", "4, 3", "5, 2", "8, 0", "8, 5", "10, 9"})
  void removingOneOfNMembersMovesOnlyItsKeysAtMostOneNth(int n, int removedIndex) {
    assumeTrue(kind().hash(), "only the hash kinds keep a flow on a member");
    List<Backend> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(Members.backend(String.valueOf((char) ('a' + i)), 100));
    }
    Scheduler before = build(all);
    List<Backend> fewer = new ArrayList<>(all);
    Backend removed = fewer.remove(removedIndex);
    Scheduler after = rebuild(before, rebuilt(fewer));
    int moved = 0;
    for (int i = 0; i < PICKS; i++) {
      String was = name(before.pick(flow(i), Set.of()));
      String is = name(after.pick(flow(i), Set.of()));
      if (!was.equals(is)) {
        moved++;
        assertThat(was).as("flow %d moved from a member that stayed", i).isEqualTo(name(removed));
      }
    }
    assertThat(moved / (double) PICKS).as("moved share").isLessThanOrEqualTo((1 + RING_SCATTER) / n);
  }
}
