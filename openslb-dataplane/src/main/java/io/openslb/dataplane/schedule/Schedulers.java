package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.List;

/** Builds the scheduler a listener names: rr, wrr (default), wlc, sch, tch, qch. */
public final class Schedulers {
  private Schedulers() {}

  public static Scheduler create(SchedulerKind kind, List<Backend> eligible) {
    return switch (kind) {
      case RR -> RoundRobin.plain(eligible);
      case WLC -> new LeastConnections(eligible);
      case SCH -> ConsistentHash.sourceIp(eligible);
      case TCH -> ConsistentHash.fourTuple(eligible);
      case QCH -> ConsistentHash.quic(eligible);
      case WRR -> RoundRobin.weighted(eligible);
    };
  }
}
