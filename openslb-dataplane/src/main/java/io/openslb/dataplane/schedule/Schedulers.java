package io.openslb.dataplane.schedule;

import java.util.List;

/** Builds the scheduler a listener names: rr, wrr (default), wlc, sch, tch, qch. */
public final class Schedulers {
  private Schedulers() {}

  public static Scheduler create(String name, List<Backend> eligible) {
    return switch (name == null ? "wrr" : name) {
      case "rr" -> RoundRobin.plain(eligible);
      case "wlc" -> new LeastConnections(eligible);
      case "sch" -> ConsistentHash.sourceIp(eligible);
      case "tch" -> ConsistentHash.fourTuple(eligible);
      case "qch" -> ConsistentHash.quic(eligible);
      default -> RoundRobin.weighted(eligible);
    };
  }
}
