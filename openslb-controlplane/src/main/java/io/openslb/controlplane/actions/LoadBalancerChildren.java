package io.openslb.controlplane.actions;

import io.openslb.controlplane.api.Call;
import io.openslb.model.LoadBalancer;
import io.openslb.model.ServerGroup;
import io.openslb.store.StoreLayout;
import java.util.ArrayList;
import java.util.List;

/** What goes with a load balancer when it is deleted: the key prefixes of its children. */
final class LoadBalancerChildren {
  private LoadBalancerChildren() {}

  static List<String> prefixes(LoadBalancer lb) {
    return List.of(
        StoreLayout.listeners(lb.accountId(), lb.regionId(), lb.id()),
        StoreLayout.rules(lb.accountId(), lb.regionId(), lb.id()),
        StoreLayout.domainExtensions(lb.accountId(), lb.regionId(), lb.id()),
        StoreLayout.tags(lb.accountId(), lb.regionId(), ResourceTags.LISTENER) + lb.id() + "_");
  }

  /** Children stored by their own id (not under the load balancer's id): its server groups of both kinds. */
  static List<String> keys(Call call, LoadBalancer lb) {
    List<String> out = new ArrayList<>();
    for (String kind : List.of(ServerGroup.VSERVER, ServerGroup.MASTER_SLAVE)) {
      String tagType = kind.equals(ServerGroup.VSERVER) ? ResourceTags.VSERVER_GROUP : ResourceTags.MASTER_SLAVE_GROUP;
      for (ServerGroup g : ServerGroups.of(call, lb, kind)) {
        out.add(ServerGroups.key(call, kind, g.id()));
        out.add(StoreLayout.tags(lb.accountId(), lb.regionId(), tagType, g.id()));
      }
    }
    return out;
  }
}
