package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.model.ForwardingRule;
import io.openslb.model.Listener;
import io.openslb.model.LoadBalancer;
import io.openslb.store.StoreLayout;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where forwarding rules live ({@code rules/{lbId}/{ruleId}}, read by the data plane) and how the
 * other resource families see them: a listener's rules for its Describe*ListenerAttribute, the
 * rules that use a VServer group, and the clean-up when a listener goes.
 */
final class ForwardingRules {
  /** Rules of one listener in the order they were created. */
  static final Comparator<ForwardingRule> CREATION_ORDER =
      Comparator.comparingLong(ForwardingRule::createTime).thenComparing(ForwardingRule::id);

  private ForwardingRules() {}

  static String key(LoadBalancer lb, String ruleId) {
    return StoreLayout.rule(lb.accountId(), lb.regionId(), lb.id(), ruleId);
  }

  static List<ForwardingRule> ofLoadBalancer(Call call, LoadBalancer lb) {
    return call.tx().list(StoreLayout.rules(lb.accountId(), lb.regionId(), lb.id()), ForwardingRule.class).stream()
        .sorted(CREATION_ORDER)
        .toList();
  }

  static List<ForwardingRule> ofListener(Call call, LoadBalancer lb, Listener l) {
    return ofLoadBalancer(call, lb).stream()
        .filter(r -> r.listenerPort() == l.port() && r.listenerProtocol() == l.protocol())
        .toList();
  }

  static List<ForwardingRule> using(Call call, LoadBalancer lb, String vserverGroupId) {
    return ofLoadBalancer(call, lb).stream().filter(r -> vserverGroupId.equals(r.vserverGroupId())).toList();
  }

  /**
   * The caller's rule with this id, in the call's region. Rule ids do not name their load
   * balancer, so this scans the region's rule keys (a few thousand at most).
   */
  static Optional<ForwardingRule> find(Call call, String ruleId) {
    for (String key : call.tx().keys(StoreLayout.allRules(call.accountId(), call.regionId()))) {
      if (isRule(key, ruleId)) {
        return call.tx().get(key, ForwardingRule.class);
      }
    }
    return Optional.empty();
  }

  static ForwardingRule require(Call call, String ruleId) {
    return find(call, ruleId).orElseThrow(() -> ApiException.of(ApiError.RULE_NOT_FOUND, ruleId));
  }

  static boolean idTaken(Call call, String ruleId) {
    return call.tx().keys(StoreLayout.allRules(call.accountId(), call.regionId())).stream()
        .anyMatch(k -> isRule(k, ruleId));
  }

  private static boolean isRule(String key, String ruleId) {
    return StoreLayout.parse(key).filter(k -> k.kind() == StoreLayout.Kind.RULE && ruleId.equals(k.id())).isPresent();
  }

  static void save(Call call, LoadBalancer lb, ForwardingRule r) {
    call.tx().put(key(lb, r.id()), r);
  }

  static void delete(Call call, LoadBalancer lb, ForwardingRule r) {
    call.tx().delete(key(lb, r.id()));
  }

  /** Deleting a listener deletes its rules. */
  static void deleteOfListener(Call call, LoadBalancer lb, Listener l) {
    ofListener(call, lb, l).forEach(r -> delete(call, lb, r));
  }

  /** A rule as Describe*ListenerAttribute and DescribeVServerGroups list it. */
  static ObjectNode summary(ForwardingRule r, boolean withGroup) {
    ObjectNode o = Json.object();
    o.put("RuleId", r.id());
    o.put("RuleName", r.name());
    Json.putIfNotNull(o, "Domain", r.domain());
    Json.putIfNotNull(o, "Url", r.url());
    if (withGroup) {
      o.put("VServerGroupId", r.vserverGroupId());
    }
    return o;
  }

  /** The rules part of Describe{HTTP,HTTPS}ListenerAttribute: {@code Rules{Rule[]}}. */
  static void putListenerRules(ObjectNode target, Call call, Listener l) {
    LoadBalancer lb = Lookups.loadBalancer(call, l.loadBalancerId());
    Json.wrapped(target, "Rules", "Rule", ofListener(call, lb, l), r -> summary(r, true));
  }
}
