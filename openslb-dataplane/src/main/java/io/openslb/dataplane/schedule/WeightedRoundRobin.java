package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code wrr}: smooth weighted round robin (nginx's algorithm), so weights 5:1:1 give {@code a a
 * b a c a a} rather than bursts. Each step adds every member's weight to its current weight, picks
 * the member with the highest current weight (the first one on a tie) and takes the total weight
 * off it. From current weights all 0 the steps repeat after one cycle of {@code sum(weights) /
 * gcd(weights)} picks in which every member gets exactly its share, so the cycle is computed once
 * and walked with a cursor. An excluded member is skipped to the next one in the cycle.
 *
 * <p>State: the current weights, which are a function of the cursor's place in the cycle (after
 * {@code p} steps a member's current weight is {@code p * weight - total * (its picks among
 * them)}). A scheduler built to replace another ({@link Schedulers#newScheduler}) takes the
 * other's current weights by member identity (0 for a new member, a removed member's dropped),
 * scales them from the old total weight to the new one, and starts its cursor at the step of its
 * own cycle whose current weights are nearest to those (least sum of differences; the states of
 * one cycle are all distinct). With the same members and weights that is exactly the state the
 * old one had, so the picks continue as if no rebuild had happened; after a weight or membership
 * change they continue from the nearest point of the new interleaving, with no burst to the first
 * or heaviest member. Finding it costs one pass over the new cycle at build time, which building
 * the cycle costs already.
 *
 * <p>Threading: the cycle is fixed at construction; a pick is one {@code getAndIncrement} on a
 * shared cursor and a walk of the cycle: lock-free, allocation-free.
 */
final class WeightedRoundRobin implements Scheduler {
  private final Backend[] members;
  private final int[] weights;
  private final long total;
  /** One cycle of picks. */
  private final Backend[] sequence;
  /** The index in {@code members} of each step's pick. */
  private final int[] picked;
  private final AtomicLong cursor;

  /** @param previous the scheduler this one replaces, whose current weights carry over; or null */
  WeightedRoundRobin(List<Backend> list, WeightedRoundRobin previous) {
    this.members = Schedulers.pickable(list);
    int n = members.length;
    this.weights = new int[n];
    long sum = 0;
    int g = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = members[i].weight();
      sum += weights[i];
      g = gcd(g, weights[i]);
    }
    this.total = sum;
    int length = n == 0 ? 0 : Math.toIntExact(sum / g);
    this.sequence = new Backend[length];
    this.picked = new int[length];
    double[] carried = previous == null ? null : previous.currentWeights(members, total);
    double nearest = Double.POSITIVE_INFINITY;
    int start = 0;
    long[] current = new long[n];
    for (int step = 0; step < length; step++) {
      if (carried != null) {
        double d = distance(current, carried);
        if (d < nearest) {
          nearest = d;
          start = step;
        }
      }
      int best = -1;
      for (int i = 0; i < n; i++) {
        current[i] += weights[i];
        if (best < 0 || current[i] > current[best]) {
          best = i;
        }
      }
      current[best] -= total;
      sequence[step] = members[best];
      picked[step] = best;
    }
    this.cursor = new AtomicLong(start);
  }

  /**
   * This scheduler's current weights as of its cursor, laid onto {@code next}'s members by
   * identity (0 for a member this one does not have), scaled from this total weight to {@code
   * nextTotal} and centred on 0 as the states of a cycle are; null when no member carries over.
   */
  private double[] currentWeights(Backend[] next, long nextTotal) {
    if (sequence.length == 0 || next.length == 0) {
      return null;
    }
    int p = (int) Math.floorMod(cursor.get(), (long) sequence.length);
    long[] picks = new long[members.length];
    for (int step = 0; step < p; step++) {
      picks[picked[step]]++;
    }
    Map<String, Integer> index = Schedulers.indexByIdentity(members);
    double scale = (double) nextTotal / total;
    double[] out = new double[next.length];
    double sum = 0;
    boolean any = false;
    for (int j = 0; j < next.length; j++) {
      Integer i = index.get(next[j].identity());
      if (i != null) {
        out[j] = (p * (long) weights[i] - total * picks[i]) * scale;
        any = true;
      }
      sum += out[j];
    }
    if (!any) {
      return null;
    }
    double mean = sum / next.length;
    for (int j = 0; j < next.length; j++) {
      out[j] -= mean;
    }
    return out;
  }

  private static double distance(long[] current, double[] target) {
    double d = 0;
    for (int i = 0; i < current.length; i++) {
      d += Math.abs(current[i] - target[i]);
    }
    return d;
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
