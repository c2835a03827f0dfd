package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code rr}: the members one after another in their configured order, weights ignored (a member
 * of weight 0 is still never picked). An excluded member is skipped to the next one.
 *
 * <p>Threading: the member array is fixed at construction; a pick is one {@code getAndIncrement}
 * on a shared cursor and a walk of the array: lock-free, allocation-free.
 */
final class RoundRobin implements Scheduler {
  private final Backend[] members;
  private final AtomicLong cursor = new AtomicLong();

  RoundRobin(List<Backend> members) {
    this.members = Schedulers.pickable(members);
  }

  @Override
  public SchedulerKind kind() {
    return SchedulerKind.RR;
  }

  @Override
  public Backend pick(FlowKey flow, Set<Backend> excluded) {
    int n = members.length;
    if (n == 0) {
      return null;
    }
    long start = cursor.getAndIncrement();
    for (int i = 0; i < n; i++) {
      Backend b = members[(int) Math.floorMod(start + i, (long) n)];
      if (excluded.isEmpty() || !excluded.contains(b)) {
        return b;
      }
    }
    return null;
  }
}
