package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.service.Ids;
import io.openslb.model.BackendServer;
import io.openslb.model.Listener;
import io.openslb.model.LoadBalancer;
import io.openslb.model.ServerGroup;
import io.openslb.store.StoreLayout;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Storage, lookup and views shared by the VServer group and primary/secondary group actions. Both
 * kinds are {@link ServerGroup} records with {@code rsp-} ids, stored under their own key prefix
 * (the data plane reads {@code vservergroups/{id}} and {@code masterslavegroups/{id}}), so an id
 * of one kind is unknown to the actions of the other.
 */
final class ServerGroups {
  /** Group names: 1-80 letters (any script), digits and {@code - / . _ :} and spaces. */
  static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._\\-/:]{1,80}");
  static final String NAME_EXPECTED = "1-80 characters: letters, digits, space and - / . _ :";

  private ServerGroups() {}

  static String key(Call call, String kind, String groupId) {
    return kind.equals(ServerGroup.MASTER_SLAVE)
        ? StoreLayout.masterSlaveGroup(call.accountId(), call.regionId(), groupId)
        : StoreLayout.vserverGroup(call.accountId(), call.regionId(), groupId);
  }

  /** The caller's group of {@code kind} named by the required parameter {@code param}. */
  static ServerGroup find(Call call, String kind, String param) {
    String id = call.params().required(param);
    ApiError notFound =
        kind.equals(ServerGroup.MASTER_SLAVE) ? ApiError.MASTER_SLAVE_GROUP_ID_NOT_FOUND : ApiError.VSERVER_GROUP_ID_NOT_FOUND;
    return call.tx().get(key(call, kind, id), ServerGroup.class).orElseThrow(() -> ApiException.of(notFound));
  }

  /** The load balancer a group belongs to; a group whose load balancer is gone counts as missing. */
  static LoadBalancer loadBalancerOf(Call call, ServerGroup g) {
    try {
      return Lookups.loadBalancer(call, g.loadBalancerId());
    } catch (ApiException e) {
      throw ApiException.of(
          g.kind() != null && g.kind().equals(ServerGroup.MASTER_SLAVE)
              ? ApiError.MASTER_SLAVE_GROUP_ID_NOT_FOUND
              : ApiError.VSERVER_GROUP_ID_NOT_FOUND);
    }
  }

  /** The groups of {@code kind} of one load balancer, oldest first. */
  static List<ServerGroup> of(Call call, LoadBalancer lb, String kind) {
    String prefix =
        kind.equals(ServerGroup.MASTER_SLAVE)
            ? StoreLayout.masterSlaveGroups(lb.accountId(), lb.regionId())
            : StoreLayout.vserverGroups(lb.accountId(), lb.regionId());
    return call.tx().list(prefix, ServerGroup.class).stream()
        .filter(g -> lb.id().equals(g.loadBalancerId()))
        .sorted(Comparator.comparingLong(ServerGroup::createTime).thenComparing(ServerGroup::id))
        .toList();
  }

  /** A fresh {@code rsp-} id, unused by either kind. */
  static String newId(Call call) {
    String id;
    do {
      id = Ids.serverGroup();
    } while (call.tx().exists(key(call, ServerGroup.VSERVER, id))
        || call.tx().exists(key(call, ServerGroup.MASTER_SLAVE, id)));
    return id;
  }

  static void save(Call call, ServerGroup g) {
    call.tx().put(key(call, g.kind(), g.id()), g);
  }

  /** The listeners of the group's load balancer that send traffic to it. */
  static List<Listener> listenersUsing(Call call, LoadBalancer lb, ServerGroup g) {
    return Lookups.listeners(call, lb).stream()
        .filter(l -> g.id().equals(l.vserverGroupId()) || g.id().equals(l.masterSlaveServerGroupId()))
        .toList();
  }

  static ObjectNode member(BackendServer s) {
    ObjectNode o = LoadBalancerViews.backendServer(s);
    Json.putIfNotNull(o, "ServerType", s.serverType());
    return o;
  }

  static ObjectNode listenerRef(Listener l) {
    ObjectNode o = Json.object();
    o.put("Port", l.port());
    o.put("Protocol", l.protocol().apiName());
    return o;
  }
}
