package io.openslb.model;

import java.util.Optional;

/**
 * The scheduling algorithms a listener (or a forwarding rule) names in {@code Scheduler}: the
 * API's spellings, which of them hash the flow (and so need a performance instance and cannot be
 * switched to or from), and the default.
 */
public enum SchedulerKind {
  /** Weighted round robin (smooth interleaving): the API's default. */
  WRR("wrr", false),
  /** Round robin, weights ignored. */
  RR("rr", false),
  /** Weighted least connections. */
  WLC("wlc", false),
  /** Consistent hash of the source address. */
  SCH("sch", true),
  /** Consistent hash of the four-tuple. */
  TCH("tch", true),
  /** Consistent hash of the QUIC connection id (UDP only). */
  QCH("qch", true);

  public static final SchedulerKind DEFAULT = WRR;

  private final String apiName;
  private final boolean hash;

  SchedulerKind(String apiName, boolean hash) {
    this.apiName = apiName;
    this.hash = hash;
  }

  public String apiName() {
    return apiName;
  }

  /** Whether the algorithm hashes the flow (sch, tch, qch). */
  public boolean hash() {
    return hash;
  }

  /** The kind of an API spelling (exact, lower case); empty for anything else. */
  public static Optional<SchedulerKind> parse(String apiName) {
    for (SchedulerKind k : values()) {
      if (k.apiName.equals(apiName)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
