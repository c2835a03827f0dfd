package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;

/** {@link WeightedLeastConnections} keeps the {@link SchedulerContract}. */
class WeightedLeastConnectionsContractTest extends SchedulerContract {
  @Override
  SchedulerKind kind() {
    return SchedulerKind.WLC;
  }

  /** Picks held open fill the members in proportion to their weights: exact to one pick. */
  @Override
  double tolerance() {
    return 0;
  }
}
