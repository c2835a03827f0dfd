package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.Set;

/**
 * Picks the backend of a new flow; one class per {@link SchedulerKind}, named after its
 * algorithm, built by {@link Schedulers}.
 *
 * <p>Contract, the same for every kind (checked by the scheduler contract suite):
 *
 * <ul>
 *   <li>a scheduler is built over a list of members and never changes its membership: a change
 *       builds a new scheduler;
 *   <li>a member of weight 0 (or less) is never picked, whatever the kind; the pool leaves such
 *       members out too, but the scheduler does not rely on it;
 *   <li>a member in {@code excluded} (matched by object, so the scheduler's own members) is never
 *       picked; with no members, or all of them excluded, {@code pick} returns null;
 *   <li>weighted kinds give each member a share of the picks in proportion to its weight; {@code
 *       rr} ignores weights;
 *   <li>a scheduler rebuilt from the one it replaces ({@link Schedulers#newScheduler}) over the
 *       same members continues the picks exactly as if there had been no rebuild; a hash kind maps
 *       the same key to the same member, and removing one of N members moves only that member's
 *       keys (about 1/N).
 * </ul>
 *
 * <p>Threading: {@code pick} is called from every event loop at once, so implementations are
 * thread-safe, lock-free and allocate nothing per pick.
 */
public interface Scheduler {

  /** The algorithm this scheduler runs. */
  SchedulerKind kind();

  /**
   * @param excluded members already tried for this flow (a failed connect), never null
   * @return a member, or null when none is left
   */
  Backend pick(FlowKey flow, Set<Backend> excluded);
}
