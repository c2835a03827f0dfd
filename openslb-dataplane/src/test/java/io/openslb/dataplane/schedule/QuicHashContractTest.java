package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;

/** {@link QuicHash} keeps the {@link SchedulerContract}. */
class QuicHashContractTest extends SchedulerContract {
  @Override
  SchedulerKind kind() {
    return SchedulerKind.QCH;
  }

  /**
   * A member's share is its virtual nodes' share of the ring, scattered by their hashed positions:
   * by about 1/sqrt(nodes), 16% for the 40 nodes of weight 10. The ring is deterministic, so this
   * is a bound on the placement's unevenness (14% at worst in these tables), not a margin for luck.
   * The tables use weights of 10 and more: below 10 every member gets the minimum of 40 nodes, so
   * weights under 10 are not told apart.
   */
  @Override
  double tolerance() {
    return 0.3;
  }
}
