package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code wrr}: smooth weighted round robin (nginx's algorithm), so weights 5:1:1 give {@code a a
 * b a c a a} rather than bursts. Each step adds every member's weight to its current weight, picks
 * the member with the highest current weight (the first one on a tie) and takes the total weight
 * off it. The steps repeat after one cycle of {@code sum(weights) / gcd(weights)} picks, so the
 * cycle is computed once and walked with a cursor. An excluded member is skipped to the next one
 * in the cycle.
 *
 * <p>Threading: the cycle is fixed at construction; a pick is one {@code getAndIncrement} on a
 * shared cursor and a walk of the cycle: lock-free, allocation-free.
 */
final class WeightedRoundRobin implements Scheduler {
  private final Backend[] sequence;
  private final AtomicLong cursor = new AtomicLong();

  WeightedRoundRobin(List<Backend> list) {
    Backend[] members = Schedulers.pickable(list);
    int n = members.length;
    int[] weights = new int[n];
    int g = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = members[i].weight();
      g = gcd(g, weights[i]);
    }
    int total = 0;
    for (int i = 0; i < n; i++) {
      weights[i] /= Math.max(g, 1);
      total += weights[i];
    }
    Backend[] seq = new Backend[total];
    int[] current = new int[n];
    for (int step = 0; step < total; step++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        current[i] += weights[i];
        if (best < 0 || current[i] > current[best]) {
          best = i;
        }
      }
      current[best] -= total;
      seq[step] = members[best];
    }
    this.sequence = seq;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  @Override
  public SchedulerKind kind() {
    return SchedulerKind.WRR;
  }

  @Override
  public Backend pick(FlowKey flow, Set<Backend> excluded) {
    int n = sequence.length;
    if (n == 0) {
      return null;
    }
    long start = cursor.getAndIncrement();
    for (int i = 0; i < n; i++) {
      Backend b = sequence[(int) Math.floorMod(start + i, (long) n)];
      if (excluded.isEmpty() || !excluded.contains(b)) {
        return b;
      }
    }
    return null;
  }
}
