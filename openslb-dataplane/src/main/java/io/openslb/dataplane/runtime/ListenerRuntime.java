package io.openslb.dataplane.runtime;

import io.openslb.dataplane.acl.AclMatcher;
import io.openslb.dataplane.health.HealthTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private ListenerRuntime(ListenerSpec spec, BackendPool pool, Map<String, BackendPool> rulePools, AclMatcher acl) {
    this.spec = spec;
    this.pool = pool;
    this.rulePools = rulePools;
    this.acl = acl;
  }

  public static ListenerRuntime build(ListenerSpec spec, HealthTable health, StatsRegistry stats) {
    Map<String, BackendPool> rules = new LinkedHashMap<>();
    for (RuleSpec r : spec.rules()) {
      rules.put(r.id(), BackendPool.build(r.target(), health, stats));
    }
    return new ListenerRuntime(spec, BackendPool.build(spec.target(), health, stats), Map.copyOf(rules),
        AclMatcher.compile(spec.acl()));
  }

  public ListenerSpec spec() {
    return spec;
  }

  /** The listener's own pool (no rule matched, or TCP/UDP). */
  public BackendPool pool() {
    return pool;
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
