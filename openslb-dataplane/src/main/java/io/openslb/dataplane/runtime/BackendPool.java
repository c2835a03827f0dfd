package io.openslb.dataplane.runtime;

import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.TargetSpec;
import io.openslb.dataplane.health.HealthTable;
import io.openslb.dataplane.schedule.Backend;
import io.openslb.dataplane.schedule.FlowKey;
import io.openslb.dataplane.schedule.Scheduler;
import io.openslb.dataplane.schedule.Schedulers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One target's members: all of them as configured, and the live member set — the eligible ones
 * (weight above 0 and not judged unhealthy) with the scheduler over them. The configuration part
 * is immutable; the member set is one immutable value behind a volatile field, replaced whole by
 * {@link #refresh} when a member's health flips, so a health change swaps only this pool's member
 * set, never the listener's runtime. A pool built for a changed configuration starts from the
 * pool it replaces, so its scheduler goes on where the old one was ({@link Schedulers#newScheduler}).
 * A primary/secondary target sends everything to the primary while it is eligible, else to the
 * secondary.
 *
 * <p>Threading: picks and reads come from every event loop; {@link #build} and {@link #refresh}
 * run on the listener manager's monitor, one at a time.
 */
public final class BackendPool {
  private final TargetSpec spec;
  private final List<Backend> all;
  private volatile Members members;

  /** The eligible members at one moment and the scheduler over them. */
  private record Members(List<Backend> eligible, Set<Backend> eligibleSet, Scheduler scheduler) {
    static Members of(TargetSpec spec, List<Backend> eligible, Scheduler previous) {
      Set<Backend> set = Collections.newSetFromMap(new IdentityHashMap<>());
      set.addAll(eligible);
      return new Members(List.copyOf(eligible), Collections.unmodifiableSet(set),
          Schedulers.newScheduler(spec.scheduler(), previous, eligible));
    }
  }

  private BackendPool(TargetSpec spec, List<Backend> all, Members members) {
    this.spec = spec;
    this.all = List.copyOf(all);
    this.members = members;
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
    for (MemberSpec m : spec.members()) {
      all.add(new Backend(m, stats.of(spec.scope(), m)));
    }
    Scheduler before = previous == null ? null : previous.members.scheduler();
    return new BackendPool(spec, all, Members.of(spec, eligible(spec, all, health), before));
  }

  private static List<Backend> eligible(TargetSpec spec, List<Backend> all, HealthTable health) {
    List<Backend> eligible = new ArrayList<>();
    for (Backend b : all) {
      boolean healthy = !spec.healthCheck().enabled() || health.healthy(spec.healthKey(b.member()));
      if (b.weight() > 0 && healthy) {
        eligible.add(b);
      }
    }
    if (spec.primarySecondary()) {
      List<Backend> primary = eligible.stream().filter(b -> "Master".equalsIgnoreCase(b.member().role())).toList();
      if (!primary.isEmpty()) {
        return primary;
      }
    }
    return eligible;
  }

  /**
   * Re-reads the members' health and publishes a new member set if who is eligible changed (the
   * scheduler carries its state over). Listener manager's monitor only.
   *
   * @return the eligible members before the refresh
   */
  public List<Backend> refresh(HealthTable health) {
    Members before = members;
    List<Backend> now = eligible(spec, all, health);
    if (!now.equals(before.eligible())) {
      members = Members.of(spec, now, before.scheduler());
    }
    return before.eligible();
  }

  public TargetSpec spec() {
    return spec;
  }

  public List<Backend> all() {
    return all;
  }

  /** The members that can take traffic now. */
  public List<Backend> eligible() {
    return members.eligible();
  }

  /** Whether {@code b} (one of {@link #all}) can take traffic now. */
  public boolean isEligible(Backend b) {
    return members.eligibleSet().contains(b);
  }

  /** True when the target has members but none can take traffic (HTTP answers 503). */
  public boolean noneEligible() {
    return members.eligible().isEmpty();
  }

  public Backend pick(FlowKey flow, Set<Backend> excluded) {
    return members.scheduler().pick(flow, excluded);
  }

  /** The eligible member with this server id and address, for sticky sessions. */
  public Backend eligibleByAddress(String address) {
    for (Backend b : members.eligible()) {
      if (b.memberAddress().equals(address)) {
        return b;
      }
    }
    return null;
  }
}
