package io.openslb.dataplane.schedule;

import java.util.Set;

/**
 * Picks the backend of a new flow. Built from the eligible members (healthy, weight above 0) and
 * never changed: a membership change builds a new scheduler. Thread-safe: picks come from every
 * event loop at once.
 */
public interface Scheduler {

  /**
   * @param excluded members already tried for this flow (a failed connect), never null
   * @return a member, or null when none is left
   */
  Backend pick(FlowKey flow, Set<Backend> excluded);
}
