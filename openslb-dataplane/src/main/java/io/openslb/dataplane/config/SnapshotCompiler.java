package io.openslb.dataplane.config;

import io.openslb.dataplane.sync.ConfigIndex;
import io.openslb.model.AccessControlList;
import io.openslb.model.BackendServer;
import io.openslb.model.DomainExtension;
import io.openslb.model.ForwardingRule;
import io.openslb.model.Listener;
import io.openslb.model.ListenerDefaults;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.LoadBalancer;
import io.openslb.model.OnOff;
import io.openslb.model.SchedulerKind;
import io.openslb.model.ServerCertificate;
import io.openslb.model.ServerGroup;
import io.openslb.model.TlsCipherPolicy;
import io.openslb.model.TlsPolicies;
import io.openslb.store.StoreLayout.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a {@link ConfigIndex} into the {@link RuntimeSnapshot} of listeners that should carry
 * traffic: running listeners of active load balancers. Pure: the same view gives the same
 * snapshot. A listener whose references are broken still compiles (with no members), so one bad
 * item never blocks the rest.
 */
public final class SnapshotCompiler {

  private SnapshotCompiler() {}

  public static RuntimeSnapshot compile(ConfigIndex view) {
    Map<String, ConfigIndex.Entry<LoadBalancer>> lbs = new HashMap<>();
    for (ConfigIndex.Entry<LoadBalancer> e : view.all(Kind.LOAD_BALANCER, LoadBalancer.class)) {
      lbs.put(e.value().id(), e);
    }
    Map<ListenerKey, ListenerSpec> out = new HashMap<>();
    for (ConfigIndex.Entry<Listener> e : view.all(Kind.LISTENER, Listener.class)) {
      Listener l = e.value();
      ConfigIndex.Entry<LoadBalancer> lbEntry = lbs.get(l.loadBalancerId());
      if (lbEntry == null || !e.accountId().equals(lbEntry.accountId())) {
        continue;
      }
      LoadBalancer lb = lbEntry.value();
      if (!"active".equals(lb.status()) || !l.running() || lb.address() == null) {
        continue;
      }
      ListenerKey key = new ListenerKey(lb.address(), l.port(), l.protocol() == ListenerProtocol.UDP);
      out.put(key, compileListener(view, e.accountId(), e.regionId(), lb, l, key));
    }
    return new RuntimeSnapshot(view.revision(), out);
  }

  static ListenerSpec compileListener(
      ConfigIndex view, String account, String region, LoadBalancer lb, Listener l, ListenerKey key) {
    HealthCheckSpec check = healthCheck(l);
    StickySpec sticky = sticky(l.stickySession(), l.stickySessionType(), l.cookieTimeout(), l.cookie());
    TargetSpec target;
    if (l.vserverGroupId() != null) {
      target = new TargetSpec(l.resourceId(), scheduler(l.scheduler()), groupMembers(view, account, region, Kind.VSERVER_GROUP, l.vserverGroupId(), lb), check, sticky, false);
    } else if (l.masterSlaveServerGroupId() != null) {
      target = new TargetSpec(l.resourceId(), scheduler(l.scheduler()), groupMembers(view, account, region, Kind.MASTER_SLAVE_GROUP, l.masterSlaveServerGroupId(), lb), check, sticky, true);
    } else {
      List<MemberSpec> members = new ArrayList<>();
      int port = l.backendServerPort() == null ? 0 : l.backendServerPort();
      for (BackendServer s : lb.backendServers()) {
        if (s.serverIp() != null && port > 0) {
          members.add(new MemberSpec(s.serverId(), s.type(), s.serverIp(), port, s.weight(), null));
        }
      }
      target = new TargetSpec(l.resourceId(), scheduler(l.scheduler()), members, check, sticky, false);
    }
    List<RuleSpec> rules = l.protocol().layer7() ? rules(view, account, region, lb, l, target) : List.of();
    return new ListenerSpec(key, account, lb.id(), ListenerSettings.of(l), target, rules, acl(view, account, region, l),
        l.protocol() == ListenerProtocol.HTTPS ? tls(view, account, region, lb, l) : null);
  }

  private static List<MemberSpec> groupMembers(
      ConfigIndex view, String account, String region, Kind kind, String groupId, LoadBalancer lb) {
    Optional<ServerGroup> group = view.get(kind, account, region, groupId, ServerGroup.class);
    if (group.isEmpty() || !lb.id().equals(group.get().loadBalancerId())) {
      return List.of();
    }
    List<MemberSpec> members = new ArrayList<>();
    for (BackendServer s : group.get().backendServers()) {
      if (s.serverIp() != null && s.port() != null) {
        members.add(new MemberSpec(s.serverId(), s.type(), s.serverIp(), s.port(), s.weight(), s.serverType()));
      }
    }
    return members;
  }

  static HealthCheckSpec healthCheck(Listener l) {
    HealthCheckSpec.Type type = switch (l.protocol()) {
      case UDP -> HealthCheckSpec.Type.UDP;
      case TCP -> "http".equals(l.healthCheckType()) ? HealthCheckSpec.Type.HTTP : HealthCheckSpec.Type.TCP;
      default -> HealthCheckSpec.Type.HTTP;
    };
    return new HealthCheckSpec(
        OnOff.on(l.healthCheck(), ListenerDefaults.HEALTH_CHECK), type, l.healthCheckConnectPort(),
        orDefault(l.healthyThreshold(), ListenerDefaults.HEALTHY_THRESHOLD),
        orDefault(l.unhealthyThreshold(), ListenerDefaults.UNHEALTHY_THRESHOLD),
        seconds(l.healthCheckInterval(), ListenerDefaults.healthCheckIntervalSeconds(l.protocol())),
        seconds(l.healthCheckTimeout(), ListenerDefaults.HEALTH_CHECK_TIMEOUT_SECONDS),
        l.healthCheckDomain(), l.healthCheckUri(), HealthCheckSpec.statusClasses(l.healthCheckHttpCode()),
        method(l.healthCheckMethod()), l.healthCheckReq(), l.healthCheckExp());
  }

  private static HealthCheckSpec.Method method(String apiName) {
    return "get".equalsIgnoreCase(apiName) ? HealthCheckSpec.Method.GET : HealthCheckSpec.Method.HEAD;
  }

  /** Insert (our cookie) or server (the backend's named cookie); anything else is no stickiness. */
  private static StickySpec sticky(String on, String type, Integer timeout, String cookie) {
    if (!OnOff.on(on, ListenerDefaults.STICKY_SESSION) || type == null) {
      return null;
    }
    Duration maxAge = Duration.ofSeconds(timeout == null || timeout < 0 ? 0 : timeout);
    if ("server".equalsIgnoreCase(type) && cookie != null && !cookie.isEmpty()) {
      return new StickySpec(StickySpec.Mode.SERVER, maxAge, cookie);
    }
    if ("insert".equalsIgnoreCase(type)) {
      return new StickySpec(StickySpec.Mode.INSERT, maxAge, cookie);
    }
    return null;
  }

  private static AclSpec acl(ConfigIndex view, String account, String region, Listener l) {
    if (OnOff.on(l.aclStatus(), ListenerDefaults.ACL_STATUS) && l.aclId() != null) {
      List<String> cidrs = view.get(Kind.ACL, account, region, l.aclId(), AccessControlList.class)
          .map(a -> a.entries().stream().map(AccessControlList.Entry::entry).toList())
          .orElse(List.of());
      return new AclSpec("white".equals(l.aclType()), cidrs, true);
    }
    if ("open_white_list".equals(l.accessControlStatus())) {
      return new AclSpec(true, l.whiteListItems(), false);
    }
    return null;
  }

  private static List<RuleSpec> rules(
      ConfigIndex view, String account, String region, LoadBalancer lb, Listener l, TargetSpec listenerTarget) {
    List<RuleSpec> out = new ArrayList<>();
    for (ConfigIndex.Entry<ForwardingRule> e : view.children(Kind.RULE, account, region, lb.id(), ForwardingRule.class)) {
      ForwardingRule r = e.value();
      if (!lb.id().equals(r.loadBalancerId()) || r.listenerPort() != l.port()
          || r.listenerProtocol() != l.protocol()) {
        continue;
      }
      boolean own = !OnOff.on(r.listenerSync(), true);
      HealthCheckSpec check = listenerTarget.healthCheck();
      String scope = listenerTarget.scope();
      if (own) {
        scope = r.id();
        check = new HealthCheckSpec(
            OnOff.on(r.healthCheck(), ListenerDefaults.HEALTH_CHECK), HealthCheckSpec.Type.HTTP, r.healthCheckConnectPort(),
            orDefault(r.healthyThreshold(), ListenerDefaults.HEALTHY_THRESHOLD),
            orDefault(r.unhealthyThreshold(), ListenerDefaults.UNHEALTHY_THRESHOLD),
            seconds(r.healthCheckInterval(), ListenerDefaults.healthCheckIntervalSeconds(l.protocol())),
            seconds(r.healthCheckTimeout(), ListenerDefaults.HEALTH_CHECK_TIMEOUT_SECONDS),
            r.healthCheckDomain(), r.healthCheckUri(), HealthCheckSpec.statusClasses(r.healthCheckHttpCode()),
            HealthCheckSpec.Method.HEAD, null, null);
      }
      TargetSpec target = new TargetSpec(
          scope,
          scheduler(own && r.scheduler() != null ? r.scheduler() : l.scheduler()),
          groupMembers(view, account, region, Kind.VSERVER_GROUP, r.vserverGroupId(), lb),
          check,
          own ? sticky(r.stickySession(), r.stickySessionType(), r.cookieTimeout(), r.cookie()) : listenerTarget.sticky(),
          false);
      out.add(new RuleSpec(r.id(), r.domain(), r.url(), target));
    }
    out.sort(Comparator.comparing((RuleSpec r) -> domainRank(r.domain())).reversed()
        .thenComparing(r -> r.url() == null ? 0 : r.url().length(), Comparator.reverseOrder())
        .thenComparing(RuleSpec::id));
    return out;
  }

  /** Exact domains first, then wildcards by how many labels they fix, then rules without a domain. */
  static int domainRank(String domain) {
    if (domain == null || domain.isEmpty()) {
      return 0;
    }
    if (domain.startsWith("*.")) {
      return domain.split("\\.").length;
    }
    return 1000;
  }

  private static TlsSpec tls(ConfigIndex view, String account, String region, LoadBalancer lb, Listener l) {
    TlsSpec.CertificatePair def = certificate(view, account, region, l.serverCertificateId());
    List<TlsSpec.DomainCertificate> domains = new ArrayList<>();
    for (ConfigIndex.Entry<DomainExtension> e : view.children(Kind.DOMAIN_EXTENSION, account, region, lb.id(), DomainExtension.class)) {
      DomainExtension d = e.value();
      if (lb.id().equals(d.loadBalancerId()) && d.listenerPort() == l.port()) {
        TlsSpec.CertificatePair pair = certificate(view, account, region, d.serverCertificateId());
        if (pair != null) {
          domains.add(new TlsSpec.DomainCertificate(d.domain(), pair));
        }
      }
    }
    domains.sort(Comparator.comparing((TlsSpec.DomainCertificate d) -> domainRank(d.domain())).reversed()
        .thenComparing(TlsSpec.DomainCertificate::domain));
    List<String> versions;
    List<String> ciphers;
    String policy = l.tlsCipherPolicy() == null ? ListenerDefaults.TLS_CIPHER_POLICY : l.tlsCipherPolicy();
    Optional<TlsCipherPolicy> custom = view.get(Kind.TLS_POLICY, account, region, policy, TlsCipherPolicy.class);
    if (custom.isPresent()) {
      versions = custom.get().tlsVersions();
      ciphers = custom.get().ciphers();
    } else {
      TlsPolicies.Policy p = TlsPolicies.builtIn(policy).orElse(TlsPolicies.BUILT_IN.get(ListenerDefaults.TLS_CIPHER_POLICY));
      versions = p.versions();
      ciphers = p.ciphers();
    }
    String ca = l.caCertificateId() == null ? null
        : view.get(Kind.CA_CERTIFICATE, account, region, l.caCertificateId(), ServerCertificate.class)
            .map(ServerCertificate::certificatePem).orElse(null);
    return new TlsSpec(def, domains, versions, ciphers, OnOff.on(l.enableHttp2(), ListenerDefaults.ENABLE_HTTP2), ca);
  }

  private static TlsSpec.CertificatePair certificate(ConfigIndex view, String account, String region, String id) {
    if (id == null) {
      return null;
    }
    return view.get(Kind.SERVER_CERTIFICATE, account, region, id, ServerCertificate.class)
        .filter(c -> c.certificatePem() != null && c.privateKeyPem() != null)
        .map(c -> new TlsSpec.CertificatePair(c.id(), c.certificatePem(), c.privateKeyPem()))
        .orElse(null);
  }

  /** Absent means the API's default; an unknown name never gets here (the mirror rejects the record). */
  static SchedulerKind scheduler(String apiName) {
    return apiName == null ? SchedulerKind.DEFAULT : SchedulerKind.parse(apiName).orElseThrow();
  }

  private static Duration seconds(Integer v, int def) {
    return Duration.ofSeconds(v == null ? def : v);
  }

  private static <T> T orDefault(T v, T def) {
    return v == null ? def : v;
  }
}
