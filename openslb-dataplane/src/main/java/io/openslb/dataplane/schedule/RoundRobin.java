package io.openslb.dataplane.schedule;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code rr}, and the base of {@code wrr}: walks a fixed sequence of members with a shared
 * cursor. For {@code wrr} the sequence is the smooth weighted interleaving (nginx's algorithm), so
 * weights 5:1:1 give a a b a c a a rather than bursts.
 */
final class RoundRobin implements Scheduler {
  private final Backend[] sequence;
  private final AtomicLong cursor = new AtomicLong();

  private RoundRobin(Backend[] sequence) {
    this.sequence = sequence;
  }

  static RoundRobin plain(List<Backend> members) {
    return new RoundRobin(members.toArray(new Backend[0]));
  }

  static RoundRobin weighted(List<Backend> members) {
    int n = members.size();
    int[] weights = new int[n];
    int g = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = members.get(i).weight();
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
      seq[step] = members.get(best);
    }
    return new RoundRobin(seq);
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
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
