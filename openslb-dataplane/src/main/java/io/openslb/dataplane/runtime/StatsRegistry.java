package io.openslb.dataplane.runtime;

import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.schedule.BackendStats;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps each member's {@link BackendStats} across configuration swaps, by scope and address. */
public final class StatsRegistry {
  private final Map<String, BackendStats> stats = new ConcurrentHashMap<>();

  public BackendStats of(String scope, MemberSpec member) {
    return stats.computeIfAbsent(scope + "|" + member.address(), k -> new BackendStats());
  }

  /** Drops counters of members no longer configured and with no flows left. */
  public void retainOnly(Set<String> scopedAddresses) {
    stats.entrySet().removeIf(e -> !scopedAddresses.contains(e.getKey()) && e.getValue().active() <= 0);
  }

  public static String id(String scope, MemberSpec member) {
    return scope + "|" + member.address();
  }
}
