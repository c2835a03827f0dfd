package io.openslb.controlplane.actions;

import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.model.Listener;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.LoadBalancer;
import io.openslb.model.SchedulerKind;
import io.openslb.model.ServerGroup;
import io.openslb.store.StoreLayout;
import java.util.List;
import java.util.Set;

/**
 * The checks across settings that a listener must pass after Create or Set has merged its
 * parameters (SEMANTICS.md §3.3-§3.11). Each failure names the parameter that is missing or wrong.
 */
final class ListenerRules {
  static final Set<String> BUILT_IN_TLS_POLICIES =
      Set.of("tls_cipher_policy_1_0", "tls_cipher_policy_1_1", "tls_cipher_policy_1_2",
          "tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3");

  private ListenerRules() {}

  static void check(Call call, LoadBalancer lb, Listener l, Listener previous) {
    if (l.backendServerPort() == null && l.vserverGroupId() == null && l.masterSlaveServerGroupId() == null) {
      throw ApiException.of(ApiError.BACKEND_PORT_OR_GROUP_REQUIRED);
    }
    if (l.vserverGroupId() != null && l.masterSlaveServerGroupId() != null) {
      throw ApiException.of(ApiError.GROUP_MISMATCH);
    }
    if (l.vserverGroupId() != null) {
      requireOwnedBy(call, lb, StoreLayout.vserverGroup(lb.accountId(), lb.regionId(), l.vserverGroupId()),
          ApiError.VSERVER_GROUP_NOT_FOUND);
    }
    if (l.masterSlaveServerGroupId() != null) {
      requireOwnedBy(call, lb, StoreLayout.masterSlaveGroup(lb.accountId(), lb.regionId(), l.masterSlaveServerGroupId()),
          ApiError.MASTER_SLAVE_GROUP_NOT_FOUND);
      if ("off".equals(l.healthCheck())) {
        throw ApiException.invalid("HealthCheckSwitch", "off", "on for a primary/secondary server group");
      }
    }
    if ("on".equals(l.stickySession())) {
      if (l.stickySessionType() == null) {
        throw ApiException.missing("StickySessionType");
      }
      if (l.stickySessionType().equals("insert") && l.cookieTimeout() == null) {
        throw ApiException.missing("CookieTimeout");
      }
      if (l.stickySessionType().equals("server") && l.cookie() == null) {
        throw ApiException.missing("Cookie");
      }
    }
    if ("on".equals(l.connectionDrain()) && l.connectionDrainTimeout() == null) {
      throw ApiException.missing("ConnectionDrainTimeout");
    }
    if ("on".equals(l.aclStatus())) {
      if (l.aclId() == null) {
        throw ApiException.missing("AclId");
      }
      if (l.aclType() == null) {
        throw ApiException.missing("AclType");
      }
    }
    if (l.aclId() != null && (previous == null || !l.aclId().equals(previous.aclId()))) {
      if (!call.tx().exists(StoreLayout.acl(lb.accountId(), lb.regionId(), l.aclId()))) {
        throw ApiException.of(ApiError.ACL_NOT_FOUND);
      }
    }
    if ("on".equals(l.listenerForward())) {
      if (l.forwardPort() == null) {
        throw ApiException.missing("ForwardPort");
      }
      boolean httpsThere =
          call.tx().exists(
              StoreLayout.listener(lb.accountId(), lb.regionId(), lb.id(), l.forwardPort(), ListenerProtocol.HTTPS));
      if (!httpsThere) {
        throw ApiException.invalid("ForwardPort", l.forwardPort(), "the port of an HTTPS listener of this load balancer");
      }
    }
    if (l.protocol() == ListenerProtocol.HTTPS) {
      if (l.serverCertificateId() == null) {
        throw ApiException.of(ApiError.SERVER_CERTIFICATE_ID_EMPTY);
      }
      if (!call.tx().exists(StoreLayout.serverCertificate(lb.accountId(), lb.regionId(), l.serverCertificateId()))) {
        throw ApiException.of(ApiError.CERTIFICATE_NOT_FOUND);
      }
      if (l.caCertificateId() != null
          && !call.tx().exists(StoreLayout.caCertificate(lb.accountId(), lb.regionId(), l.caCertificateId()))) {
        throw ApiException.of(ApiError.CA_CERTIFICATE_NOT_FOUND);
      }
      String policy = l.tlsCipherPolicy();
      if (!BUILT_IN_TLS_POLICIES.contains(policy)
          && !call.tx().exists(StoreLayout.tlsPolicy(lb.accountId(), lb.regionId(), policy))) {
        throw ApiException.of(ApiError.TLS_POLICY_NOT_FOUND, policy);
      }
    }
    if (l.protocol() != ListenerProtocol.UDP && "qch".equals(l.scheduler())) {
      throw ApiException.invalid("Scheduler", "qch", "wrr|rr|wlc|sch|tch for " + l.protocol().apiName());
    }
    if (previous != null && !previous.scheduler().equals(l.scheduler())) {
      boolean wasHash = hashScheduler(previous.scheduler());
      boolean isHash = hashScheduler(l.scheduler());
      if (wasHash || isHash) {
        throw ApiException.of(ApiError.SCHEDULER_CHANGE_NOT_ALLOWED, previous.scheduler(), l.scheduler());
      }
    }
    if (hashScheduler(l.scheduler()) && !performanceInstance(lb)) {
      throw ApiException.of(ApiError.SPEC_NOT_SUPPORTED, "Scheduler " + l.scheduler() + " needs a LoadBalancerSpec");
    }
  }

  private static boolean hashScheduler(String apiName) {
    return SchedulerKind.parse(apiName).map(SchedulerKind::hash).orElse(false);
  }

  /** Hash schedulers need a guaranteed-performance instance: one with a spec, or billed by CLCU (§3.4). */
  private static boolean performanceInstance(LoadBalancer lb) {
    return lb.spec() != null || "PayByCLCU".equals(lb.instanceChargeType());
  }

  /** For load balancers billed by bandwidth, the listeners' caps must fit into the instance's. */
  static void checkBandwidth(LoadBalancer lb, List<Listener> others, Listener l) {
    if (!"paybybandwidth".equals(lb.internetChargeType()) || l.bandwidth() == null || l.bandwidth() < 0) {
      return;
    }
    int sum = l.bandwidth();
    for (Listener o : others) {
      if (o.bandwidth() != null && o.bandwidth() > 0) {
        sum += o.bandwidth();
      }
    }
    if (sum > lb.bandwidth()) {
      throw ApiException.of(ApiError.BANDWIDTH_EXCEEDS_INSTANCE);
    }
  }

  private static void requireOwnedBy(Call call, LoadBalancer lb, String key, ApiError notFound) {
    ServerGroup group = call.tx().get(key, ServerGroup.class).orElseThrow(() -> ApiException.of(notFound));
    if (!lb.id().equals(group.loadBalancerId())) {
      throw ApiException.of(notFound);
    }
  }
}
