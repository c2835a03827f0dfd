package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.Arrays;

/** {@link RoundRobin} keeps the {@link SchedulerContract}. */
class RoundRobinContractTest extends SchedulerContract {
  @Override
  SchedulerKind kind() {
    return SchedulerKind.RR;
  }

  /** rr ignores weights: an equal share each. */
  @Override
  double[] expectedShares(int[] weights) {
    double[] out = new double[weights.length];
    Arrays.fill(out, 1.0 / weights.length);
    return out;
  }

  /** rr takes the members in turn: every share is exact to one pick. */
  @Override
  double tolerance() {
    return 0;
  }
}
