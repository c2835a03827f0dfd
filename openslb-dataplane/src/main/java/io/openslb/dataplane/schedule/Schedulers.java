package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.ArrayList;
import java.util.List;

/** Builds the scheduler a target names: rr, wrr (the API's default), wlc, sch, tch, qch. */
public final class Schedulers {
  private Schedulers() {}

  public static Scheduler create(SchedulerKind kind, List<Backend> members) {
    return switch (kind) {
      case RR -> new RoundRobin(members);
      case WRR -> new WeightedRoundRobin(members);
      case WLC -> new WeightedLeastConnections(members);
      case SCH -> new SourceHash(members);
      case TCH -> new FourTupleHash(members);
      case QCH -> new QuicHash(members);
    };
  }

  /** The members a scheduler may pick, in their order: those of weight above 0. */
  static Backend[] pickable(List<Backend> members) {
    List<Backend> out = new ArrayList<>(members.size());
    for (Backend b : members) {
      if (b.weight() > 0) {
        out.add(b);
      }
    }
    return out.toArray(new Backend[0]);
  }
}
