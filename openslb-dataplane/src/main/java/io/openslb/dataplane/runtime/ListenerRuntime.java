package io.openslb.dataplane.runtime;

import io.openslb.dataplane.acl.AclMatcher;
import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.RuleSpec;
import io.openslb.dataplane.health.HealthTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A listener ready to serve: its spec plus everything built from it — backend pools per target,
 * the ACL matcher and the protocol's own configuration ({@link ProtocolConfig}, e.g. HTTP settings
 * and TLS contexts). All of it is built ("warmed") before the runtime is published through its
 * {@code ListenerSlot} with one volatile write; a connection reads the current runtime once when it
 * is accepted and keeps it. Immutable, except that each pool's member set follows health
 * ({@link BackendPool#refresh}).
 */
public final class ListenerRuntime {
  private final ListenerSpec spec;
  private final BackendPool pool;
  private final Map<String, BackendPool> rulePools;
  private final AclMatcher acl;
  private final ProtocolConfig protocolConfig;

  private ListenerRuntime(ListenerSpec spec, BackendPool pool, Map<String, BackendPool> rulePools, AclMatcher acl,
      Function<ListenerRuntime, ProtocolConfig> prepare) {
    this.spec = spec;
    this.pool = pool;
    this.rulePools = rulePools;
    this.acl = acl;
    // last: the protocol's configuration reads the pools above
    this.protocolConfig = prepare.apply(this);
  }

  /** A runtime with no history and no protocol configuration (tests of pools and schedulers). */
  public static ListenerRuntime build(ListenerSpec spec, HealthTable health, StatsRegistry stats) {
    return build(spec, health, stats, null);
  }

  public static ListenerRuntime build(
      ListenerSpec spec, HealthTable health, StatsRegistry stats, ListenerRuntime previous) {
    return build(spec, health, stats, previous, r -> null);
  }

  /**
   * @param previous the runtime this one replaces (the same listener before the change), or null:
   *     the listener's pool is built from its pool and each rule's pool from the pool of the rule
   *     with the same id, so their schedulers go on where they were
   * @param prepare builds the protocol's configuration from the new runtime, before it is returned
   */
  public static ListenerRuntime build(ListenerSpec spec, HealthTable health, StatsRegistry stats,
      ListenerRuntime previous, Function<ListenerRuntime, ProtocolConfig> prepare) {
    Map<String, BackendPool> rules = new LinkedHashMap<>();
    for (RuleSpec r : spec.rules()) {
      BackendPool before = previous == null ? null : previous.rulePool(r.id());
      rules.put(r.id(), BackendPool.build(r.target(), health, stats, before));
    }
    BackendPool pool = BackendPool.build(spec.target(), health, stats, previous == null ? null : previous.pool);
    return new ListenerRuntime(spec, pool, Map.copyOf(rules), AclMatcher.compile(spec.acl()), prepare);
  }

  public ListenerSpec spec() {
    return spec;
  }

  /** The listener's own pool (no rule matched, or TCP/UDP). */
  public BackendPool pool() {
    return pool;
  }

  /** The listener's pool and its rules' pools. */
  public List<BackendPool> pools() {
    List<BackendPool> all = new ArrayList<>(rulePools.size() + 1);
    all.add(pool);
    all.addAll(rulePools.values());
    return all;
  }

  public BackendPool rulePool(String ruleId) {
    return rulePools.get(ruleId);
  }

  public List<RuleSpec> rules() {
    return spec.rules();
  }

  public AclMatcher acl() {
    return acl;
  }

  /**
   * The protocol's configuration built with this runtime.
   *
   * @throws IllegalStateException when the runtime was built without one of that type
   */
  public <T extends ProtocolConfig> T protocolConfig(Class<T> type) {
    if (!type.isInstance(protocolConfig)) {
      throw new IllegalStateException(spec.name() + ": runtime built without " + type.getSimpleName());
    }
    return type.cast(protocolConfig);
  }
}
