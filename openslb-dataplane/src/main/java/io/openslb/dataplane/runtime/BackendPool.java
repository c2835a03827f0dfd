package io.openslb.dataplane.runtime;

import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.TargetSpec;
import io.openslb.dataplane.schedule.Backend;

import io.openslb.dataplane.health.HealthTable;
import io.openslb.dataplane.schedule.FlowKey;
import io.openslb.dataplane.schedule.Scheduler;
import io.openslb.dataplane.schedule.Schedulers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A target's members at one moment: all of them, the eligible ones (weight above 0 and not
 * judged unhealthy) and the scheduler over the eligible ones. Immutable; rebuilt when the
 * configuration or a member's health changes, from the pool it replaces so the scheduler goes on
 * where the old one was ({@link Schedulers#newScheduler}). A primary/secondary target sends
 * everything to the primary while it is eligible, else to the secondary.
 */
public final class BackendPool {
  private final TargetSpec spec;
  private final List<Backend> all;
  private final List<Backend> eligible;
  private final Scheduler scheduler;

  private BackendPool(TargetSpec spec, List<Backend> all, List<Backend> eligible, Scheduler previous) {
    this.spec = spec;
    this.all = List.copyOf(all);
    this.eligible = List.copyOf(eligible);
    this.scheduler = Schedulers.newScheduler(spec.scheduler(), previous, this.eligible);
  }

  /** A pool with no history: its scheduler starts afresh. */
  public static BackendPool build(TargetSpec spec, HealthTable health, StatsRegistry stats) {
    return build(spec, health, stats, null);
  }

  /**
   * @param previous the pool this one replaces (the same target before the change), or null; its
   *     scheduler's state carries over when the scheduler kind is the same
   */
  public static BackendPool build(TargetSpec spec, HealthTable health, StatsRegistry stats, BackendPool previous) {
    List<Backend> all = new ArrayList<>();
    List<Backend> eligible = new ArrayList<>();
    for (MemberSpec m : spec.members()) {
      Backend b = new Backend(m, stats.of(spec.scope(), m));
      all.add(b);
      boolean healthy = !spec.healthCheck().enabled() || health.healthy(spec.healthKey(m));
      if (m.weight() > 0 && healthy) {
        eligible.add(b);
      }
    }
    if (spec.primarySecondary()) {
      List<Backend> primary = eligible.stream().filter(b -> "Master".equalsIgnoreCase(b.member().role())).toList();
      if (!primary.isEmpty()) {
        eligible = new ArrayList<>(primary);
      }
    }
    return new BackendPool(spec, all, eligible, previous == null ? null : previous.scheduler);
  }

  public TargetSpec spec() {
    return spec;
  }

  public List<Backend> all() {
    return all;
  }

  public List<Backend> eligible() {
    return eligible;
  }

  /** True when the target has members but none can take traffic (HTTP answers 503). */
  public boolean noneEligible() {
    return eligible.isEmpty();
  }

  public Backend pick(FlowKey flow, Set<Backend> excluded) {
    return scheduler.pick(flow, excluded);
  }

  /** The eligible member with this server id and address, for sticky sessions. */
  public Backend eligibleByAddress(String address) {
    for (Backend b : eligible) {
      if (b.memberAddress().equals(address)) {
        return b;
      }
    }
    return null;
  }
}
