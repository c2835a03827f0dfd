package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.List;

/**
 * {@code qch}: consistent hash of the QUIC connection id when the first packet carried one (so a
 * connection keeps its member through NAT rebinding and migration), else of the client's IP
 * address, as {@link SourceHash}. The ring, its stability and its threading are {@link
 * ConsistentHash}'s; no state is kept between rebuilds.
 */
final class QuicHash extends ConsistentHash {
  QuicHash(List<Backend> members) {
    super(members);
  }

  @Override
  public SchedulerKind kind() {
    return SchedulerKind.QCH;
  }

  @Override
  long keyHash(FlowKey flow) {
    byte[] id = flow.quicConnectionId();
    return id != null && id.length > 0 ? hash(id) : hash(flow.client().getAddress().getAddress());
  }
}
