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
 * <p>State: none that matters beyond the tie-break cursor, since the counts are live and shared
 * with whatever scheduler replaces this one. A replacement ({@link Schedulers#newScheduler})
 * starts its tie-break cursor where this one's was, so frequent rebuilds do not hand every first
 * tie to the first member.
 *
 * <p>Threading: the member array is fixed at construction; a pick is one {@code getAndIncrement}
 * on the tie-break cursor and a scan of the members' atomic counters: lock-free, allocation-free.
 * Concurrent picks may read the same counts and choose the same member; the counts are a hint,
 * not a reservation.
 */
final class WeightedLeastConnections implements Scheduler {
  private final Backend[] members;
  private final AtomicLong tieBreak;

  /** @param previous the scheduler this one replaces, whose tie-break cursor carries over; or null */
  WeightedLeastConnections(List<Backend> members, WeightedLeastConnections previous) {
    this.members = Schedulers.pickable(members);
    this.tieBreak = new AtomicLong(previous == null ? 0 : previous.tieBreak.get());
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
