package io.openslb.controlplane.actions;

import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.model.AccessControlList;
import io.openslb.model.Listener;
import io.openslb.model.LoadBalancer;
import io.openslb.store.StoreLayout;
import java.util.List;

/**
 * Which listeners use an ACL, and the checks when a listener starts to use one (SEMANTICS.md
 * §3.10). A listener uses an ACL while {@code AclStatus=on} with that {@code AclId}; with
 * {@code AclStatus=off} the id is kept but binds nothing, so the ACL may be emptied or deleted, and
 * switching access control on again re-checks the ACL.
 */
final class AclBindings {
  private AclBindings() {}

  static boolean uses(Listener l, String aclId) {
    return "on".equals(l.aclStatus()) && aclId.equals(l.aclId());
  }

  /** The region's listeners that use the ACL, by load balancer, port and protocol. */
  static List<Listener> users(Call call, String aclId) {
    return call.tx().list(StoreLayout.allListeners(call.accountId(), call.regionId()), Listener.class).stream()
        .filter(l -> uses(l, aclId))
        .toList();
  }

  /**
   * Called by Create/Set*ListenerAttribute after the settings are merged: the ACL must exist, have
   * the load balancer's IP version ({@code IpVersionConflict}), and a newly bound ACL must have room
   * for one more listener.
   */
  static void check(Call call, LoadBalancer lb, Listener l, Listener previous, int listenersPerAcl) {
    if (!"on".equals(l.aclStatus()) || l.aclId() == null) {
      return;
    }
    AccessControlList acl =
        call.tx()
            .get(StoreLayout.acl(lb.accountId(), lb.regionId(), l.aclId()), AccessControlList.class)
            .orElseThrow(() -> ApiException.of(ApiError.ACL_NOT_FOUND));
    String aclVersion = versionOf(acl);
    String lbVersion = lb.addressIpVersion() == null ? "ipv4" : lb.addressIpVersion();
    if (!aclVersion.equalsIgnoreCase(lbVersion)) {
      throw ApiException.of(ApiError.IP_VERSION_CONFLICT, l.aclId(), aclVersion, lb.id(), lbVersion);
    }
    if (previous != null && uses(previous, l.aclId())) {
      return;
    }
    long others =
        users(call, l.aclId()).stream()
            .filter(o -> !(o.loadBalancerId().equals(l.loadBalancerId()) && o.port() == l.port()
                && o.protocol() == l.protocol()))
            .count();
    if (others >= listenersPerAcl) {
      throw ApiException.of(ApiError.ACL_LISTENERS_OVER_QUOTA, l.aclId(), others, listenersPerAcl);
    }
  }

  /** An ACL record without a version (written before versions were stored) is IPv4, the default. */
  static String versionOf(AccessControlList acl) {
    return acl.addressIpVersion() == null ? "ipv4" : acl.addressIpVersion();
  }
}
