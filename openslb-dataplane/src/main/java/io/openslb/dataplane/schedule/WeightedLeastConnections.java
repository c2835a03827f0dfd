package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code wlc}: the member with the fewest active connections per unit of weight; ties go round
 * robin (a tie-break cursor that starts one member further at each pick) so equal members share
 * evenly. The connection counts are the members' live {@link BackendStats}, which outlive the
 * scheduler.
 *
 * <p>Threading: the member array is fixed at construction; a pick is one {@code getAndIncrement}
 * on the tie-break cursor and a scan of the members' atomic counters: lock-free, allocation-free.
 * Concurrent picks may read the same counts and choose the same member; the counts are a hint,
 * not a reservation.
 */
final class WeightedLeastConnections implements Scheduler {
  private final Backend[] members;
  private final AtomicLong tieBreak = new AtomicLong();

  WeightedLeastConnections(List<Backend> members) {
    this.members = Schedulers.pickable(members);
  }

  @Override
  public SchedulerKind kind() {
    return SchedulerKind.WLC;
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
