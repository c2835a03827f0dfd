package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;

/** {@link WeightedRoundRobin} keeps the {@link SchedulerContract}. */
class WeightedRoundRobinContractTest extends SchedulerContract {
  @Override
  SchedulerKind kind() {
    return SchedulerKind.WRR;
  }

  /** Whole cycles give every member exactly its weight's share: exact to one pick. */
  @Override
  double tolerance() {
    return 0;
  }
}
