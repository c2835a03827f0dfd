package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.HealthView;
import io.openslb.controlplane.service.Quotas;
import io.openslb.model.BackendServer;
import io.openslb.model.ForwardingRule;
import io.openslb.model.Listener;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.LoadBalancer;
import io.openslb.model.ServerGroup;
import io.openslb.store.StoreLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The default server group (AddBackendServers, RemoveBackendServers, SetBackendServers) and DescribeHealthStatus. */
public final class BackendServerActions {

  private final Quotas quotas;
  private final HealthView health;

  public BackendServerActions(Quotas quotas, HealthView health) {
    this.quotas = quotas;
    this.health = health;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("AddBackendServers", this::add)
        .register("RemoveBackendServers", this::remove)
        .register("SetBackendServers", this::set)
        .register("DescribeHealthStatus", this::describeHealth);
  }

  private List<BackendServerInput.Item> items(Call call) {
    return BackendServerInput.parse(
        "BackendServers", call.params().required("BackendServers"), quotas.backendServersPerCall(), false);
  }

  ObjectNode add(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    List<BackendServer> members = new ArrayList<>(lb.backendServers());
    for (BackendServerInput.Item item : items(call)) {
      BackendServer server = BackendServerInput.resolve(call, item, null);
      BackendServer plain = stripPort(server);
      if (members.stream().anyMatch(m -> m.identity().equals(plain.identity()))) {
        throw ApiException.of(ApiError.BACKEND_SERVER_ALREADY_ADDED, item.serverId());
      }
      members.add(plain);
    }
    if (members.size() > quotas.backendServersPerLoadBalancer()) {
      throw ApiException.of(ApiError.BACKEND_SERVERS_OVER_QUOTA, quotas.backendServersPerLoadBalancer());
    }
    return saveAndShow(call, lb, members);
  }

  ObjectNode remove(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    List<BackendServer> members = new ArrayList<>(lb.backendServers());
    for (BackendServerInput.Item item : items(call)) {
      members.removeIf(m -> BackendServerInput.sameMember(m, item));
    }
    return saveAndShow(call, lb, members);
  }

  ObjectNode set(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    List<BackendServer> members = new ArrayList<>(lb.backendServers());
    for (BackendServerInput.Item item : items(call)) {
      boolean found = false;
      for (int i = 0; i < members.size(); i++) {
        BackendServer m = members.get(i);
        if (BackendServerInput.sameMember(m, item)) {
          if (item.weight() != null) {
            m = m.withWeight(item.weight());
          }
          if (item.description() != null) {
            m = m.withDescription(item.description());
          }
          members.set(i, m);
          found = true;
        }
      }
      if (!found) {
        throw ApiException.of(ApiError.SERVER_NOT_FOUND, item.serverId());
      }
    }
    return saveAndShow(call, lb, members);
  }

  private static BackendServer stripPort(BackendServer s) {
    return new BackendServer(s.serverId(), s.type(), s.serverIp(), s.weight(), null, s.description(), s.vpcId(), null);
  }

  private static ObjectNode saveAndShow(Call call, LoadBalancer lb, List<BackendServer> members) {
    LoadBalancer.Builder b = lb.toBuilder();
    b.backendServers = members;
    LoadBalancer updated = b.build();
    if (!updated.equals(lb)) {
      Lookups.save(call, updated);
    }
    ObjectNode out = Json.object();
    out.put("LoadBalancerId", lb.id());
    Json.wrapped(out, "BackendServers", "BackendServer", members, LoadBalancerViews::backendServer);
    return out;
  }

  ObjectNode describeHealth(Call call) {
    Params p = call.params();
    LoadBalancer lb = Lookups.loadBalancer(call);
    Optional<Integer> port = p.integer("ListenerPort", 1, 65535);
    Optional<ListenerProtocol> protocol = Lookups.listenerProtocol(p);
    List<Listener> listeners =
        Lookups.listeners(call, lb).stream()
            .filter(l -> port.isEmpty() || l.port() == port.get())
            .filter(l -> protocol.isEmpty() || l.protocol() == protocol.get())
            .toList();
    List<Listener> checked = listeners.stream().filter(l -> !"off".equals(l.healthCheck())).toList();
    if (port.isPresent() && checked.isEmpty()) {
      throw ApiException.of(ApiError.CHECKED_LISTENER_NOT_FOUND);
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (Listener l : checked) {
      java.util.Set<String> listed = new java.util.HashSet<>();
      for (Member m : checkedMembers(call, lb, l)) {
        if (!listed.add(m.server().serverId() + "|" + m.server().serverIp() + "|" + m.port())) {
          continue; // a member reached through the listener and a rule is one row
        }
        ObjectNode row = Json.object();
        row.put("ListenerPort", l.port());
        row.put("Protocol", l.protocol().apiName());
        row.put("ServerId", m.server().serverId());
        Json.putIfNotNull(row, "ServerIp", m.server().serverIp());
        row.put("Port", m.port());
        row.put("Type", m.server().type());
        if (!m.server().type().equals("ecs")) {
          row.put("EniHost", m.server().serverIp());
        }
        row.put("ServerHealthStatus",
            l.running() ? health.status(m.scope(), m.probePort(), m.server().serverIp(), m.port()) : "unavailable");
        rows.add(row);
      }
    }
    ObjectNode out = Json.object();
    Json.wrapped(out, "BackendServers", "BackendServer", rows, r -> r);
    return out;
  }

  /**
   * A member of a group a listener forwards to, with the port traffic goes to, and where its
   * health is kept: the listener's scope, or a rule's when the rule has its own health check.
   */
  record Member(BackendServer server, int port, String scope, Integer probePort) {
    Member(BackendServer server, int port) {
      this(server, port, null, null);
    }
  }

  /** The listener's members and, on HTTP/HTTPS listeners, those of its rules' VServer groups. */
  static List<Member> checkedMembers(Call call, LoadBalancer lb, Listener l) {
    List<Member> out = new ArrayList<>();
    for (Member m : members(call, lb, l)) {
      out.add(new Member(m.server(), m.port(), l.resourceId(), l.healthCheckConnectPort()));
    }
    if (l.protocol().layer7()) {
      for (ForwardingRule r : ForwardingRules.ofListener(call, lb, l)) {
        boolean own = "off".equals(r.listenerSync());
        if (own && "off".equals(r.healthCheck())) {
          continue;
        }
        String scope = own ? r.id() : l.resourceId();
        Integer probePort = own ? r.healthCheckConnectPort() : l.healthCheckConnectPort();
        call.tx()
            .get(StoreLayout.vserverGroup(lb.accountId(), lb.regionId(), r.vserverGroupId()), ServerGroup.class)
            .ifPresent(g -> g.backendServers().forEach(s -> out.add(new Member(s, s.port(), scope, probePort))));
      }
    }
    return out;
  }

  static List<Member> members(Call call, LoadBalancer lb, Listener l) {
    List<Member> out = new ArrayList<>();
    String groupId = l.vserverGroupId() != null ? l.vserverGroupId() : l.masterSlaveServerGroupId();
    if (groupId != null) {
      String key =
          l.vserverGroupId() != null
              ? StoreLayout.vserverGroup(lb.accountId(), lb.regionId(), groupId)
              : StoreLayout.masterSlaveGroup(lb.accountId(), lb.regionId(), groupId);
      call.tx()
          .get(key, ServerGroup.class)
          .ifPresent(g -> g.backendServers().forEach(s -> out.add(new Member(s, s.port()))));
    } else if (l.backendServerPort() != null) {
      lb.backendServers().forEach(s -> out.add(new Member(s, l.backendServerPort())));
    }
    return out;
  }
}
