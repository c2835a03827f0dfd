package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code rr}: the members one after another in their configured order, weights ignored (a member
 * of weight 0 is still never picked). An excluded member is skipped to the next one.
 *
 * <p>State: the cursor. A scheduler built to replace another ({@link Schedulers#newScheduler})
 * starts at the member the other would have picked next, found by identity; if that member is
 * gone, at the first one after it (in the other's order) that is still there. With the same
 * members the sequence continues exactly; a change never sends a burst to the first member.
 *
 * <p>Threading: the member array is fixed at construction; a pick is one {@code getAndIncrement}
 * on a shared cursor and a walk of the array: lock-free, allocation-free.
 */
final class RoundRobin implements Scheduler {
  private final Backend[] members;
  private final AtomicLong cursor;

  /** @param previous the scheduler this one replaces, whose cursor carries over; or null */
  RoundRobin(List<Backend> members, RoundRobin previous) {
    this.members = Schedulers.pickable(members);
    this.cursor = new AtomicLong(previous == null ? 0 : previous.resumeIndex(this.members));
  }

  /**
   * The index in {@code next} of the member this scheduler would pick next, or of the first one
   * after it that {@code next} still has; 0 when none is.
   */
  private int resumeIndex(Backend[] next) {
    int n = members.length;
    if (n == 0 || next.length == 0) {
      return 0;
    }
    Map<String, Integer> index = Schedulers.indexByIdentity(next);
    long start = cursor.get();
    for (int i = 0; i < n; i++) {
      Integer j = index.get(members[(int) Math.floorMod(start + i, (long) n)].identity());
      if (j != null) {
        return j;
      }
    }
    return 0;
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
