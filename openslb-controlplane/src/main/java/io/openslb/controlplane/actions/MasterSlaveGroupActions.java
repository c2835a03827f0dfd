package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Quotas;
import io.openslb.model.BackendServer;
import io.openslb.model.Listener;
import io.openslb.model.LoadBalancer;
import io.openslb.model.ServerGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 4 primary/secondary (master-slave) group actions (SEMANTICS.md §4.4): exactly two members,
 * one Master and one Slave, each with a Port. There is no Set action: a group never changes after
 * creation. Only TCP/UDP listeners can use one (the listener actions read MasterSlaveServerGroupId
 * only for those).
 */
public final class MasterSlaveGroupActions {
  private static final String MEMBERS = "MasterSlaveBackendServers";

  private final Quotas quotas;

  public MasterSlaveGroupActions(Quotas quotas) {
    this.quotas = quotas;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("CreateMasterSlaveServerGroup", this::create)
        .register("DeleteMasterSlaveServerGroup", this::delete)
        .register("DescribeMasterSlaveServerGroups", this::describeAll)
        .register("DescribeMasterSlaveServerGroupAttribute", this::describe);
  }

  ObjectNode create(Call call) {
    Params p = call.params();
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    String name =
        p.matching("MasterSlaveServerGroupName", ServerGroups.NAME, ServerGroups.NAME_EXPECTED).orElse(null);
    String json = p.required(MEMBERS);
    List<String> serverTypes = checkPair(json);
    List<BackendServerInput.Item> items =
        BackendServerInput.parse(MEMBERS, json, Math.max(2, quotas.backendServersPerCall()), true);
    List<BackendServer> members = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      members.add(BackendServerInput.resolve(call, items.get(i), serverTypes.get(i)));
    }
    String id = ServerGroups.newId(call);
    ServerGroup g =
        new ServerGroup(id, lb.id(), ServerGroup.MASTER_SLAVE, name == null ? id : name, members, call.now().toEpochMilli());
    ServerGroups.save(call, g);
    ObjectNode out = Json.object();
    out.put("MasterSlaveServerGroupId", id);
    Json.wrapped(out, "MasterSlaveBackendServers", "MasterSlaveBackendServer", members, ServerGroups::member);
    return out;
  }

  /**
   * The checks with the cloud's dedicated codes, before the generic element checks of {@link
   * BackendServerInput}. Returns the canonical ServerType of each element, in order.
   */
  private static List<String> checkPair(String json) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (Exception e) {
      root = null;
    }
    if (root == null || !root.isArray()) {
      throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, MEMBERS + " is not a JSON array");
    }
    if (root.size() != 2) {
      throw ApiException.of(ApiError.MASTER_SLAVE_NUM_MUST_BE_TWO, root.size());
    }
    List<String> types = new ArrayList<>();
    for (JsonNode n : root) {
      if (!n.isObject()) {
        throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, "every element must be an object");
      }
      String serverId = n.path("ServerId").asText("");
      if (serverId.isEmpty()) {
        throw ApiException.of(ApiError.MASTER_SLAVE_SERVER_ID_EMPTY);
      }
      if (n.path("Port").asText("").isEmpty()) {
        throw ApiException.of(ApiError.MASTER_SLAVE_PORT_EMPTY, serverId);
      }
      String type = n.path("ServerType").asText("");
      String canonical =
          switch (type.toLowerCase(Locale.ROOT)) {
            case "master" -> "Master";
            case "slave" -> "Slave";
            default -> throw ApiException.of(ApiError.INVALID_SERVER_TYPE, serverId, type.isEmpty() ? "(none)" : type);
          };
      types.add(canonical);
    }
    if (types.get(0).equals(types.get(1))) {
      throw ApiException.of(ApiError.MASTER_SLAVE_ONE_MASTER_ONE_SLAVE, "two " + types.get(0));
    }
    JsonNode a = root.get(0);
    JsonNode b = root.get(1);
    if (a.path("ServerId").asText().equals(b.path("ServerId").asText())
        && a.path("Port").asText().trim().equals(b.path("Port").asText().trim())) {
      throw ApiException.of(
          ApiError.MASTER_SLAVE_SAME_PORT_AND_SERVER, a.path("ServerId").asText() + ":" + a.path("Port").asText());
    }
    return types;
  }

  ObjectNode delete(Call call) {
    ServerGroup g = ServerGroups.find(call, ServerGroup.MASTER_SLAVE, "MasterSlaveServerGroupId");
    LoadBalancer lb = Lookups.unlocked(ServerGroups.loadBalancerOf(call, g));
    List<Listener> listeners = ServerGroups.listenersUsing(call, lb, g);
    if (!listeners.isEmpty()) {
      Listener l = listeners.get(0);
      throw ApiException.of(ApiError.RSPOOL_VIP_EXIST, l.protocol().apiName() + " listener " + l.port());
    }
    call.tx().delete(ServerGroups.key(call, ServerGroup.MASTER_SLAVE, g.id()));
    ResourceTags.delete(call, ResourceTags.MASTER_SLAVE_GROUP, g.id());
    return Json.object();
  }

  ObjectNode describeAll(Call call) {
    LoadBalancer lb = Lookups.loadBalancer(call);
    boolean withListeners = call.params().bool("IncludeListener").orElse(false);
    List<Listener> listeners = withListeners ? Lookups.listeners(call, lb) : List.of();
    ObjectNode out = Json.object();
    Json.wrapped(
        out, "MasterSlaveServerGroups", "MasterSlaveServerGroup", ServerGroups.of(call, lb, ServerGroup.MASTER_SLAVE),
        g -> {
          ObjectNode n = Json.object();
          n.put("MasterSlaveServerGroupId", g.id());
          n.put("MasterSlaveServerGroupName", g.name());
          n.put("ServiceManagedMode", "Unmanaged");
          n.put("CreateTime", LoadBalancerViews.time(g.createTime()));
          if (withListeners) {
            Json.wrapped(
                n.putObject("AssociatedObjects"), "Listeners", "Listener",
                listeners.stream().filter(l -> g.id().equals(l.masterSlaveServerGroupId())).toList(),
                ServerGroups::listenerRef);
          }
          return n;
        });
    return out;
  }

  ObjectNode describe(Call call) {
    ServerGroup g = ServerGroups.find(call, ServerGroup.MASTER_SLAVE, "MasterSlaveServerGroupId");
    ServerGroups.loadBalancerOf(call, g);
    ObjectNode out = Json.object();
    out.put("MasterSlaveServerGroupId", g.id());
    out.put("MasterSlaveServerGroupName", g.name());
    out.put("LoadBalancerId", g.loadBalancerId());
    out.put("ServiceManagedMode", "Unmanaged");
    out.put("CreateTime", LoadBalancerViews.time(g.createTime()));
    Json.wrapped(
        out, "MasterSlaveBackendServers", "MasterSlaveBackendServer", g.backendServers(), ServerGroups::member);
    return out;
  }
}
