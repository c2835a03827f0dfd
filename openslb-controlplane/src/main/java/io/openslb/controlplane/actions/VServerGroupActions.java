package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Quotas;
import io.openslb.model.BackendServer;
import io.openslb.model.ForwardingRule;
import io.openslb.model.Listener;
import io.openslb.model.LoadBalancer;
import io.openslb.model.ServerGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The 8 VServer group actions (SEMANTICS.md §4.3). A member is identified by ServerId and Port
 * (+ServerIp for ENI/ECI), so one ECS instance may be a member several times with different ports.
 * Every call validates all of its input before it changes anything: a failing call changes nothing.
 */
public final class VServerGroupActions {

  private final Quotas quotas;

  public VServerGroupActions(Quotas quotas) {
    this.quotas = quotas;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("CreateVServerGroup", this::create)
        .register("DeleteVServerGroup", this::delete)
        .register("DescribeVServerGroups", this::describeAll)
        .register("DescribeVServerGroupAttribute", this::describe)
        .register("SetVServerGroupAttribute", this::set)
        .register("AddVServerGroupBackendServers", this::addMembers)
        .register("RemoveVServerGroupBackendServers", this::removeMembers)
        .register("ModifyVServerGroupBackendServers", this::modifyMembers);
  }

  ObjectNode create(Call call) {
    Params p = call.params();
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    String name = p.matching("VServerGroupName", ServerGroups.NAME, ServerGroups.NAME_EXPECTED).orElse(null);
    String id = ServerGroups.newId(call);
    List<BackendServer> members = new ArrayList<>();
    if (p.has("BackendServers")) {
      members = withAdded(call, members, "BackendServers", p.required("BackendServers"), id);
    }
    // the docs do not say what an unnamed group is called; its id keeps lists and Terraform state readable
    ServerGroup g =
        new ServerGroup(id, lb.id(), ServerGroup.VSERVER, name == null ? id : name, members, call.now().toEpochMilli());
    ServerGroups.save(call, g);
    ObjectNode out = Json.object();
    out.put("VServerGroupId", id);
    Json.wrapped(out, "BackendServers", "BackendServer", g.backendServers(), ServerGroups::member);
    return out;
  }

  ObjectNode delete(Call call) {
    ServerGroup g = ServerGroups.find(call, ServerGroup.VSERVER, "VServerGroupId");
    LoadBalancer lb = Lookups.unlocked(ServerGroups.loadBalancerOf(call, g));
    List<Listener> listeners = ServerGroups.listenersUsing(call, lb, g);
    if (!listeners.isEmpty()) {
      Listener l = listeners.get(0);
      throw ApiException.of(ApiError.RSPOOL_VIP_EXIST, l.protocol().apiName() + " listener " + l.port());
    }
    List<ForwardingRule> rules = ForwardingRules.using(call, lb, g.id());
    if (!rules.isEmpty()) {
      throw ApiException.of(ApiError.RSPOOL_RULE_EXIST, rules.get(0).id());
    }
    call.tx().delete(ServerGroups.key(call, ServerGroup.VSERVER, g.id()));
    ResourceTags.delete(call, ResourceTags.VSERVER_GROUP, g.id());
    return Json.object();
  }

  ObjectNode describeAll(Call call) {
    Params p = call.params();
    LoadBalancer lb = Lookups.loadBalancer(call);
    boolean withListeners = p.bool("IncludeListener").orElse(false);
    boolean withRules = p.bool("IncludeRule").orElse(false);
    List<ServerGroup> groups = ServerGroups.of(call, lb, ServerGroup.VSERVER);
    List<Listener> listeners = withListeners ? Lookups.listeners(call, lb) : List.of();
    List<ForwardingRule> rules = withRules ? ForwardingRules.ofLoadBalancer(call, lb) : List.of();
    ObjectNode out = Json.object();
    Json.wrapped(
        out, "VServerGroups", "VServerGroup", groups,
        g -> {
          ObjectNode n = Json.object();
          n.put("VServerGroupId", g.id());
          n.put("VServerGroupName", g.name());
          n.put("ServerCount", (long) g.backendServers().size());
          n.put("ServiceManagedMode", "Unmanaged");
          n.put("CreateTime", LoadBalancerViews.time(g.createTime()));
          if (withListeners || withRules) {
            ObjectNode assoc = n.putObject("AssociatedObjects");
            if (withListeners) {
              Json.wrapped(
                  assoc, "Listeners", "Listener",
                  listeners.stream().filter(l -> g.id().equals(l.vserverGroupId())).toList(),
                  ServerGroups::listenerRef);
            }
            if (withRules) {
              Json.wrapped(
                  assoc, "Rules", "Rule",
                  rules.stream().filter(r -> g.id().equals(r.vserverGroupId())).toList(),
                  r -> ForwardingRules.summary(r, false));
            }
          }
          return n;
        });
    return out;
  }

  ObjectNode describe(Call call) {
    ServerGroup g = ServerGroups.find(call, ServerGroup.VSERVER, "VServerGroupId");
    ServerGroups.loadBalancerOf(call, g);
    ObjectNode out = Json.object();
    out.put("VServerGroupId", g.id());
    out.put("VServerGroupName", g.name());
    out.put("LoadBalancerId", g.loadBalancerId());
    out.put("ServiceManagedMode", "Unmanaged");
    out.put("CreateTime", LoadBalancerViews.time(g.createTime()));
    Json.wrapped(out, "BackendServers", "BackendServer", g.backendServers(), ServerGroups::member);
    return out;
  }

  /** Renames the group and/or changes Weight and Description of existing members; adds or removes nothing. */
  ObjectNode set(Call call) {
    Params p = call.params();
    ServerGroup g = ServerGroups.find(call, ServerGroup.VSERVER, "VServerGroupId");
    Lookups.unlocked(ServerGroups.loadBalancerOf(call, g));
    String name = p.matching("VServerGroupName", ServerGroups.NAME, ServerGroups.NAME_EXPECTED).orElse(g.name());
    List<BackendServer> members = new ArrayList<>(g.backendServers());
    if (p.has("BackendServers")) {
      for (BackendServerInput.Item item : items(p, "BackendServers")) {
        int i = indexOf(members, item);
        if (i < 0) {
          throw ApiException.of(ApiError.SERVER_NOT_FOUND, item.serverId() + " (port " + item.port() + ")");
        }
        BackendServer m = members.get(i);
        if (item.weight() != null) {
          m = m.withWeight(item.weight());
        }
        if (item.description() != null) {
          m = m.withDescription(item.description());
        }
        members.set(i, m);
      }
    }
    ServerGroup updated = g.withName(name).withBackendServers(members);
    if (!updated.equals(g)) {
      ServerGroups.save(call, updated);
    }
    ObjectNode out = show(updated);
    out.put("VServerGroupName", updated.name());
    return out;
  }

  ObjectNode addMembers(Call call) {
    ServerGroup g = ServerGroups.find(call, ServerGroup.VSERVER, "VServerGroupId");
    Lookups.unlocked(ServerGroups.loadBalancerOf(call, g));
    String json = call.params().required("BackendServers");
    return saveAndShow(call, g, withAdded(call, g.backendServers(), "BackendServers", json, g.id()));
  }

  /** Members not in the group are ignored. */
  ObjectNode removeMembers(Call call) {
    ServerGroup g = ServerGroups.find(call, ServerGroup.VSERVER, "VServerGroupId");
    Lookups.unlocked(ServerGroups.loadBalancerOf(call, g));
    List<BackendServer> members = new ArrayList<>(g.backendServers());
    for (BackendServerInput.Item item : items(call.params(), "BackendServers")) {
      members.removeIf(m -> BackendServerInput.sameMember(m, item));
    }
    return saveAndShow(call, g, members);
  }

  /**
   * Replaces OldBackendServers by NewBackendServers in one step: every old member must be in the
   * group; the new ones are then added as by AddVServerGroupBackendServers (so the same
   * ServerId and Port may come back with another weight).
   */
  ObjectNode modifyMembers(Call call) {
    Params p = call.params();
    ServerGroup g = ServerGroups.find(call, ServerGroup.VSERVER, "VServerGroupId");
    Lookups.unlocked(ServerGroups.loadBalancerOf(call, g));
    String oldJson = p.required("OldBackendServers");
    String newJson = p.required("NewBackendServers");
    List<BackendServer> members = new ArrayList<>(g.backendServers());
    for (BackendServerInput.Item item : items(p, "OldBackendServers")) {
      int i = indexOf(members, item);
      if (i < 0) {
        throw ApiException.of(ApiError.SERVER_NOT_FOUND, item.serverId() + " (port " + item.port() + ")");
      }
      members.remove(i);
    }
    return saveAndShow(call, g, withAdded(call, members, "NewBackendServers", newJson, g.id()));
  }

  private List<BackendServerInput.Item> items(Params p, String param) {
    return BackendServerInput.parse(param, p.required(param), quotas.backendServersPerCall(), true);
  }

  /** {@code current} plus the members of {@code json}; a member already there is an error. */
  private List<BackendServer> withAdded(Call call, List<BackendServer> current, String param, String json, String groupId) {
    List<BackendServer> out = new ArrayList<>(current);
    for (BackendServerInput.Item item : BackendServerInput.parse(param, json, quotas.backendServersPerCall(), true)) {
      BackendServer s = BackendServerInput.resolve(call, item, null);
      if (out.stream().anyMatch(m -> m.identity().equals(s.identity()))) {
        throw ApiException.of(ApiError.BACKEND_SERVER_ALREADY_IN_GROUP, s.serverId() + ":" + s.port(), groupId);
      }
      out.add(s);
    }
    if (out.size() > quotas.backendServersPerLoadBalancer()) {
      throw ApiException.of(ApiError.BACKEND_SERVERS_OVER_QUOTA, quotas.backendServersPerLoadBalancer());
    }
    return out;
  }

  private static int indexOf(List<BackendServer> members, BackendServerInput.Item item) {
    for (int i = 0; i < members.size(); i++) {
      if (BackendServerInput.sameMember(members.get(i), item)) {
        return i;
      }
    }
    return -1;
  }

  private static ObjectNode saveAndShow(Call call, ServerGroup g, List<BackendServer> members) {
    ServerGroup updated = g.withBackendServers(members);
    if (!updated.equals(g)) {
      ServerGroups.save(call, updated);
    }
    return show(updated);
  }

  private static ObjectNode show(ServerGroup g) {
    ObjectNode out = Json.object();
    out.put("VServerGroupId", g.id());
    Json.wrapped(out, "BackendServers", "BackendServer", g.backendServers(), ServerGroups::member);
    return out;
  }
}
