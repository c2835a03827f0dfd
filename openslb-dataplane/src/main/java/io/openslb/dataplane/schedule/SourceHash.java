package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.List;

/**
 * {@code sch}: consistent hash of the client's IP address (its port ignored), so one client stays
 * on one member across its connections. The ring, its stability and its threading are {@link
 * ConsistentHash}'s; no state is kept between rebuilds.
 */
final class SourceHash extends ConsistentHash {
  SourceHash(List<Backend> members) {
    super(members);
  }

  @Override
  public SchedulerKind kind() {
    return SchedulerKind.SCH;
  }

  @Override
  long keyHash(FlowKey flow) {
    return hash(flow.client().getAddress().getAddress());
  }
}
