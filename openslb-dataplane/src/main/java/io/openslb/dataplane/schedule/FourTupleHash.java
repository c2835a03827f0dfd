package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.List;

/**
 * {@code tch}: consistent hash of the four-tuple (client IP and port, local IP and port), so one
 * client's connections spread while the same four-tuple always repeats its member. Hashes the
 * addresses' bytes and ports as they are: no text is built per pick. The ring, its stability and
 * its threading are {@link ConsistentHash}'s; no state is kept between rebuilds.
 */
final class FourTupleHash extends ConsistentHash {
  FourTupleHash(List<Backend> members) {
    super(members);
  }

  @Override
  public SchedulerKind kind() {
    return SchedulerKind.TCH;
  }

  @Override
  long keyHash(FlowKey flow) {
    return finish(mix(mix(FNV_OFFSET, flow.client()), flow.local()));
  }
}
