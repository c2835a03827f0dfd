package io.openslb.controlplane.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Ids;
import io.openslb.controlplane.service.Quotas;
import io.openslb.model.ForwardingRule;
import io.openslb.model.Listener;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.LoadBalancer;
import io.openslb.model.ServerGroup;
import io.openslb.store.StoreLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The 5 forwarding rule actions (SEMANTICS.md §5): domain/URL rules of HTTP and HTTPS listeners
 * that send matching requests to a VServer group of the same load balancer.
 *
 * <p>A rule follows its listener's scheduler, stickiness and health check ({@code ListenerSync=on},
 * the default; the rule then stores none of them). SetRule with {@code ListenerSync=off} gives the
 * rule its own: they start as a copy of the listener's and take the call's parameters, checked by
 * the listener's field table. With {@code ListenerSync=on} those parameters are ignored, as the
 * API reference says.
 */
public final class RuleActions {

  /** The rule settings that ListenerSync=off makes the rule's own (Listener and ForwardingRule property names). */
  static final Set<String> OWN_SETTINGS =
      Set.of("scheduler", "stickySession", "stickySessionType", "cookieTimeout", "cookie", "healthCheck",
          "healthCheckDomain", "healthCheckUri", "healthCheckConnectPort", "healthyThreshold", "unhealthyThreshold",
          "healthCheckTimeout", "healthCheckInterval", "healthCheckHttpCode");

  private final Quotas quotas;

  public RuleActions(Quotas quotas) {
    this.quotas = quotas;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("CreateRules", this::create)
        .register("DeleteRules", this::delete)
        .register("SetRule", this::set)
        .register("DescribeRules", this::describeAll)
        .register("DescribeRuleAttribute", this::describe);
  }

  ObjectNode create(Call call) {
    Params p = call.params();
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    int port = p.requiredInt("ListenerPort", 1, 65535);
    Optional<ListenerProtocol> protocol = Lookups.listenerProtocol(p);
    String json = p.required("RuleList");
    Listener l = listener(call, lb, port, protocol);
    if (!l.protocol().layer7()) {
      throw ApiException.of(ApiError.RULE_NOT_SUPPORT, l.protocol().apiName());
    }
    List<RuleInput.Item> items = RuleInput.parseRuleList(json);
    List<ForwardingRule> existing = ForwardingRules.ofListener(call, lb, l);
    int total = existing.size() + items.size();
    if (total > quotas.rulesPerListener()) {
      throw ApiException.of(ApiError.TOO_MANY_RULES, total, quotas.rulesPerListener());
    }
    Set<String> names = new HashSet<>();
    Set<String> matches = new HashSet<>();
    for (ForwardingRule r : existing) {
      names.add(r.name());
      matches.add(new RuleInput.Item(r.name(), r.domain(), r.url(), r.vserverGroupId()).matchKey());
    }
    long now = call.now().toEpochMilli();
    List<ForwardingRule> created = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      RuleInput.Item item = items.get(i);
      if (!names.add(item.name())) {
        throw ApiException.of(ApiError.RULE_NAME_EXIST, item.name());
      }
      if (!matches.add(item.matchKey())) {
        throw ApiException.of(ApiError.DOMAIN_EXIST, describeMatch(item.domain(), item.url()));
      }
      requireGroup(call, lb, item.vserverGroupId());
      String id;
      do {
        id = Ids.prefixed("rule-", 10);
      } while (ForwardingRules.idTaken(call, id));
      // createTime + position keeps the request's order when rules are listed in creation order
      ForwardingRule r =
          new ForwardingRule(id, lb.id(), l.port(), l.protocol(), item.name(), item.domain(), item.url(),
              item.vserverGroupId(), "on", null, null, null, null, null, null, null, null, null, null, null, null,
              null, null, now + i);
      ForwardingRules.save(call, lb, r);
      created.add(r);
    }
    ObjectNode out = Json.object();
    Json.wrapped(
        out, "Rules", "Rule", created,
        r -> {
          ObjectNode o = Json.object();
          o.put("RuleId", r.id());
          o.put("RuleName", r.name());
          return o;
        });
    return out;
  }

  ObjectNode delete(Call call) {
    List<String> ids = RuleInput.parseRuleIds(call.params().required("RuleIds"));
    List<ForwardingRule> rules = new ArrayList<>();
    for (String id : ids) {
      rules.add(ForwardingRules.require(call, id));
    }
    for (ForwardingRule r : rules) {
      LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call, r.loadBalancerId()));
      ForwardingRules.delete(call, lb, r);
    }
    return Json.object();
  }

  ObjectNode set(Call call) {
    Params p = call.params();
    ForwardingRule r = ForwardingRules.require(call, p.required("RuleId"));
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call, r.loadBalancerId()));
    Listener l = listenerOf(call, lb, r).orElseThrow(() -> ApiException.of(ApiError.RULE_NOT_FOUND, r.id()));
    ObjectNode node = Json.MAPPER.valueToTree(r);
    Optional<String> name = p.matching("RuleName", RuleInput.RULE_NAME, RuleInput.RULE_NAME_EXPECTED);
    if (name.isPresent() && !name.get().equals(r.name())) {
      boolean taken =
          ForwardingRules.ofListener(call, lb, l).stream().anyMatch(o -> !o.id().equals(r.id()) && o.name().equals(name.get()));
      if (taken) {
        throw ApiException.of(ApiError.RULE_NAME_EXIST, name.get());
      }
      node.put("name", name.get());
    }
    Optional<String> group = p.string("VServerGroupId");
    if (group.isPresent() && !group.get().equals(r.vserverGroupId())) {
      requireGroup(call, lb, group.get());
      node.put("vserverGroupId", group.get());
    }
    String sync = p.oneOf("ListenerSync", "on", "off").orElse("off".equals(r.listenerSync()) ? "off" : "on");
    node.put("listenerSync", sync);
    if (sync.equals("off")) {
      if (!"off".equals(r.listenerSync())) {
        JsonNode inherited = Json.MAPPER.valueToTree(l);
        for (String property : OWN_SETTINGS) {
          JsonNode v = inherited.get(property);
          if (v != null && !v.isNull()) {
            node.set(property, v);
          }
        }
      }
      for (ListenerField f : ListenerFields.of(l.protocol())) {
        if (OWN_SETTINGS.contains(f.property())) {
          f.read(p).ifPresent(v -> node.set(f.property(), Json.MAPPER.valueToTree(v)));
        }
      }
    } else {
      OWN_SETTINGS.forEach(node::remove);
    }
    ForwardingRule updated = toRule(node);
    if (sync.equals("off")) {
      checkStickiness(updated);
    }
    if (!updated.equals(r)) {
      ForwardingRules.save(call, lb, updated);
    }
    return Json.object();
  }

  /** The same coupling the listener has: a sticky session needs its type, and the type its cookie setting. */
  private static void checkStickiness(ForwardingRule r) {
    if (!"on".equals(r.stickySession())) {
      return;
    }
    if (r.stickySessionType() == null) {
      throw ApiException.missing("StickySessionType");
    }
    if (r.stickySessionType().equals("insert") && r.cookieTimeout() == null) {
      throw ApiException.missing("CookieTimeout");
    }
    if (r.stickySessionType().equals("server") && r.cookie() == null) {
      throw ApiException.missing("Cookie");
    }
  }

  ObjectNode describeAll(Call call) {
    Params p = call.params();
    LoadBalancer lb = Lookups.loadBalancer(call);
    int port = p.requiredInt("ListenerPort", 1, 65535);
    Listener l = listener(call, lb, port, Lookups.listenerProtocol(p));
    ObjectNode out = Json.object();
    Json.wrapped(out, "Rules", "Rule", ForwardingRules.ofListener(call, lb, l), r -> view(r, l));
    return out;
  }

  ObjectNode describe(Call call) {
    ForwardingRule r = ForwardingRules.require(call, call.params().required("RuleId"));
    LoadBalancer lb = Lookups.loadBalancer(call, r.loadBalancerId());
    Listener l = listenerOf(call, lb, r).orElseThrow(() -> ApiException.of(ApiError.RULE_NOT_FOUND, r.id()));
    ObjectNode out = view(r, l);
    out.put("LoadBalancerId", r.loadBalancerId());
    out.put("ListenerPort", Integer.toString(r.listenerPort()));
    out.put("ListenerProtocol", r.listenerProtocol().apiName());
    return out;
  }

  /** A rule with its effective settings: its own with ListenerSync=off, else its listener's. */
  private static ObjectNode view(ForwardingRule r, Listener l) {
    ObjectNode o = Json.object();
    o.put("RuleId", r.id());
    o.put("RuleName", r.name());
    Json.putIfNotNull(o, "Domain", r.domain());
    Json.putIfNotNull(o, "Url", r.url());
    o.put("VServerGroupId", r.vserverGroupId());
    o.put("ListenerSync", "off".equals(r.listenerSync()) ? "off" : "on");
    o.put("ServiceManagedMode", "Unmanaged");
    JsonNode source = Json.MAPPER.valueToTree("off".equals(r.listenerSync()) ? r : l);
    for (ListenerField f : ListenerFields.of(l.protocol())) {
      if (OWN_SETTINGS.contains(f.property())) {
        JsonNode v = source.get(f.property());
        if (v != null && !v.isNull()) {
          o.set(f.api(), v);
        }
      }
    }
    return o;
  }

  /** A VServer group of this load balancer with members: what a rule may forward to. */
  private static void requireGroup(Call call, LoadBalancer lb, String groupId) {
    ServerGroup g =
        call.tx()
            .get(StoreLayout.vserverGroup(lb.accountId(), lb.regionId(), groupId), ServerGroup.class)
            .filter(x -> lb.id().equals(x.loadBalancerId()))
            .orElseThrow(() -> ApiException.of(ApiError.VSERVER_GROUP_NOT_FOUND));
    if (g.backendServers().isEmpty()) {
      throw ApiException.of(ApiError.VSERVER_GROUP_EMPTY, groupId);
    }
  }

  /**
   * The listener on {@code port}. Without ListenerProtocol an HTTP/HTTPS listener is preferred
   * over a UDP one sharing the port, since only those carry rules.
   */
  private static Listener listener(Call call, LoadBalancer lb, int port, Optional<ListenerProtocol> protocol) {
    List<Listener> onPort =
        Lookups.listeners(call, lb).stream()
            .filter(l -> l.port() == port)
            .filter(l -> protocol.isEmpty() || l.protocol() == protocol.get())
            .toList();
    return onPort.stream()
        .filter(l -> l.protocol().layer7())
        .findFirst()
        .or(() -> onPort.stream().findFirst())
        .orElseThrow(() -> ApiException.of(ApiError.LISTENER_NOT_FOUND));
  }

  private static Optional<Listener> listenerOf(Call call, LoadBalancer lb, ForwardingRule r) {
    return call.tx()
        .get(StoreLayout.listener(lb.accountId(), lb.regionId(), lb.id(), r.listenerPort(), r.listenerProtocol()),
            Listener.class);
  }

  private static String describeMatch(String domain, String url) {
    return "Domain " + (domain == null ? "(none)" : domain) + ", Url " + (url == null ? "(none)" : url);
  }

  private static ForwardingRule toRule(ObjectNode node) {
    try {
      return Json.MAPPER.treeToValue(node, ForwardingRule.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rule settings do not map to the model: " + e.getMessage(), e);
    }
  }
}
