package io.openslb.dataplane.runtime;

import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.RuleSpec;

import io.openslb.dataplane.acl.AclMatcher;
import io.openslb.dataplane.health.HealthTable;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A listener ready to serve: its spec plus the compiled pieces (backend pools per target, ACL
 * matcher). Immutable. Published through its {@code ListenerSlot}; a connection reads the current
 * runtime once when it is accepted and keeps it.
 */
public final class ListenerRuntime {
  private final ListenerSpec spec;
  private final BackendPool pool;
  private final Map<String, BackendPool> rulePools;
  private final AclMatcher acl;
  /** Protocol-specific forms compiled from this runtime on first use (e.g. the HTTP proxy's settings). */
  private final ConcurrentHashMap<Class<?>, Object> compiled = new ConcurrentHashMap<>(4);

  private ListenerRuntime(ListenerSpec spec, BackendPool pool, Map<String, BackendPool> rulePools, AclMatcher acl) {
    this.spec = spec;
    this.pool = pool;
    this.rulePools = rulePools;
    this.acl = acl;
  }

  /** A runtime with no history: every pool's scheduler starts afresh. */
  public static ListenerRuntime build(ListenerSpec spec, HealthTable health, StatsRegistry stats) {
    return build(spec, health, stats, null);
  }

  /**
   * @param previous the runtime this one replaces (the same listener before the change), or null:
   *     the listener's pool is built from its pool and each rule's pool from the pool of the rule
   *     with the same id, so their schedulers go on where they were
   */
  public static ListenerRuntime build(
      ListenerSpec spec, HealthTable health, StatsRegistry stats, ListenerRuntime previous) {
    Map<String, BackendPool> rules = new LinkedHashMap<>();
    for (RuleSpec r : spec.rules()) {
      BackendPool before = previous == null ? null : previous.rulePool(r.id());
      rules.put(r.id(), BackendPool.build(r.target(), health, stats, before));
    }
    BackendPool pool = BackendPool.build(spec.target(), health, stats, previous == null ? null : previous.pool);
    return new ListenerRuntime(spec, pool, Map.copyOf(rules), AclMatcher.compile(spec.acl()));
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
   * The form {@code build} compiles from this runtime, built once and kept with it, so a proxy's
   * per-connection lookup needs no cache of its own and dies with the runtime. Thread-safe.
   */
  public <T> T compiled(Class<T> kind, Function<ListenerRuntime, T> build) {
    Object c = compiled.get(kind);
    if (c == null) {
      c = compiled.computeIfAbsent(kind, k -> build.apply(this));
    }
    return kind.cast(c);
  }

  /** Whether {@code scope}'s health matters to this listener. */
  public boolean uses(String scope) {
    if (spec.target().scope().equals(scope)) {
      return true;
    }
    for (RuleSpec r : spec.rules()) {
      if (r.target().scope().equals(scope)) {
        return true;
      }
    }
    return false;
  }
}
