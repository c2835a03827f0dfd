package io.openslb.dataplane.schedule;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code wlc}: the member with the fewest active connections per unit of weight; ties go round
 * robin so equal members share evenly.
 */
final class LeastConnections implements Scheduler {
  private final Backend[] members;
  private final AtomicLong tieBreak = new AtomicLong();

  LeastConnections(List<Backend> members) {
    this.members = members.toArray(new Backend[0]);
  }

  @Override
  public Backend pick(FlowKey flow, Set<Backend> excluded) {
    int n = members.length;
    if (n == 0) {
      return null;
    }
    int offset = (int) Math.floorMod(tieBreak.getAndIncrement(), (long) n);
    Backend best = null;
    long bestActive = 0;
    int bestWeight = 1;
    for (int i = 0; i < n; i++) {
      Backend b = members[(offset + i) % n];
      if (excluded.contains(b)) {
        continue;
      }
      long active = b.stats().active();
      // active/weight < bestActive/bestWeight, without division
      if (best == null || active * bestWeight < bestActive * b.weight()) {
        best = b;
        bestActive = active;
        bestWeight = b.weight();
      }
    }
    return best;
  }
}
