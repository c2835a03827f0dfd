package io.openslb.controlplane.actions;

import io.openslb.controlplane.service.StoreKeys;
import io.openslb.model.LoadBalancer;
import java.util.List;

/** What goes with a load balancer when it is deleted: the key prefixes of its children. */
final class LoadBalancerChildren {
  private LoadBalancerChildren() {}

  static List<String> prefixes(LoadBalancer lb) {
    return List.of(StoreKeys.listeners(lb.accountId(), lb.regionId(), lb.id()));
  }
}
