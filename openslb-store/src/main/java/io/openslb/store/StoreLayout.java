package io.openslb.store;

import io.openslb.model.ListenerProtocol;
import java.util.List;
import java.util.Optional;

/**
 * The one definition of the store's key layout, used by the control plane (to write) and the data
 * plane (to read and to tell kinds apart); nothing else spells a key.
 *
 * <pre>
 * /accesskeys/{accessKeyId}
 * /vips/{address}
 * /accounts/{account}/account
 * /accounts/{account}/instances/{instanceId}
 * /accounts/{account}/clienttokens/{action}/{tokenHash}
 * /accounts/{account}/regions/{region}/{kind}/{id...}    (the regional kinds below)
 * </pre>
 *
 * <p>Each {@link Kind} has a fixed number of id segments: a listener is {@code
 * listeners/{lbId}/{port}/{protocol}}, a forwarding rule {@code rules/{lbId}/{ruleId}}, a domain
 * extension {@code domainextensions/{lbId}/{id}}, tags {@code tags/{resourceType}/{resourceId}};
 * every other regional kind is {@code {kind}/{id}}. {@link #parse} is the inverse of the builders.
 */
public final class StoreLayout {
  private static final String ACCOUNTS_SEGMENT = "accounts";
  private static final String REGIONS = "regions";
  public static final String ACCOUNTS = "/" + ACCOUNTS_SEGMENT + "/";
  public static final String ACCESS_KEYS = "/" + Kind.ACCESS_KEY.segment + "/";
  public static final String VIPS = "/" + Kind.VIP.segment + "/";

  /** What a key holds, with where it sits: global, per account, or per account and region. */
  public enum Kind {
    ACCESS_KEY(Scope.GLOBAL, "accesskeys", 1),
    VIP(Scope.GLOBAL, "vips", 1),
    ACCOUNT(Scope.ACCOUNT, "account", 0),
    INSTANCE(Scope.ACCOUNT, "instances", 1),
    CLIENT_TOKEN(Scope.ACCOUNT, "clienttokens", 2),
    LOAD_BALANCER(Scope.REGION, "loadbalancers", 1),
    LISTENER(Scope.REGION, "listeners", 3),
    VSERVER_GROUP(Scope.REGION, "vservergroups", 1),
    MASTER_SLAVE_GROUP(Scope.REGION, "masterslavegroups", 1),
    ACL(Scope.REGION, "acls", 1),
    SERVER_CERTIFICATE(Scope.REGION, "servercertificates", 1),
    CA_CERTIFICATE(Scope.REGION, "cacertificates", 1),
    TLS_POLICY(Scope.REGION, "tlspolicies", 1),
    RULE(Scope.REGION, "rules", 2),
    DOMAIN_EXTENSION(Scope.REGION, "domainextensions", 2),
    TAG(Scope.REGION, "tags", 2);

    private final Scope scope;
    private final String segment;
    private final int ids;

    Kind(Scope scope, String segment, int ids) {
      this.scope = scope;
      this.segment = segment;
      this.ids = ids;
    }

    /** The key segment that names the kind ({@code loadbalancers}). */
    public String segment() {
      return segment;
    }

    public boolean regional() {
      return scope == Scope.REGION;
    }

    /** How many id segments follow the kind's segment. */
    public int idSegments() {
      return ids;
    }
  }

  private enum Scope { GLOBAL, ACCOUNT, REGION }

  /**
   * A parsed key. {@code accountId} is null for global kinds, {@code regionId} for all but the
   * regional ones; {@code ids} are the segments after the kind (one for most kinds).
   */
  public record Key(Kind kind, String accountId, String regionId, List<String> ids) {
    public Key {
      ids = List.copyOf(ids);
    }

    /** The last id segment: the resource's own id (for a listener, its protocol). */
    public String id() {
      return ids.isEmpty() ? null : ids.get(ids.size() - 1);
    }
  }

  private StoreLayout() {}

  /**
   * The kind and ids of {@code key}, or empty when it is not a key of this layout (wrong prefix,
   * unknown kind, wrong number of segments, an empty segment).
   */
  public static Optional<Key> parse(String key) {
    if (key == null || !key.startsWith("/")) {
      return Optional.empty();
    }
    String[] p = key.substring(1).split("/", -1);
    for (String s : p) {
      if (s.isEmpty()) {
        return Optional.empty();
      }
    }
    if (p[0].equals(Kind.ACCESS_KEY.segment) || p[0].equals(Kind.VIP.segment)) {
      Kind k = p[0].equals(Kind.VIP.segment) ? Kind.VIP : Kind.ACCESS_KEY;
      return p.length == 2 ? Optional.of(new Key(k, null, null, List.of(p[1]))) : Optional.empty();
    }
    if (!p[0].equals(ACCOUNTS_SEGMENT) || p.length < 3) {
      return Optional.empty();
    }
    String account = p[1];
    if (p[2].equals(REGIONS)) {
      if (p.length < 5) {
        return Optional.empty();
      }
      return kindOf(p[4], Scope.REGION)
          .filter(k -> p.length == 5 + k.ids)
          .map(k -> new Key(k, account, p[3], List.of(p).subList(5, p.length)));
    }
    return kindOf(p[2], Scope.ACCOUNT)
        .filter(k -> p.length == 3 + k.ids)
        .map(k -> new Key(k, account, null, List.of(p).subList(3, p.length)));
  }

  private static Optional<Kind> kindOf(String segment, Scope scope) {
    for (Kind k : Kind.values()) {
      if (k.scope == scope && k.segment.equals(segment)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  // ---- global and per-account keys

  public static String accessKey(String accessKeyId) {
    return ACCESS_KEYS + accessKeyId;
  }

  public static String vip(String address) {
    return VIPS + address;
  }

  public static String account(String accountId) {
    return ACCOUNTS + accountId + "/" + Kind.ACCOUNT.segment;
  }

  public static String instances(String accountId) {
    return ACCOUNTS + accountId + "/" + Kind.INSTANCE.segment + "/";
  }

  public static String instance(String accountId, String instanceId) {
    return instances(accountId) + instanceId;
  }

  public static String clientToken(String accountId, String action, String tokenHash) {
    return ACCOUNTS + accountId + "/" + Kind.CLIENT_TOKEN.segment + "/" + action + "/" + tokenHash;
  }

  // ---- regional keys

  public static String region(String accountId, String regionId) {
    return ACCOUNTS + accountId + "/" + REGIONS + "/" + regionId + "/";
  }

  /** Every key of a regional {@code kind} in one region: {@code .../regions/{region}/{kind}/}. */
  public static String all(Kind kind, String accountId, String regionId) {
    if (!kind.regional()) {
      throw new IllegalArgumentException(kind + " is not a regional kind");
    }
    return region(accountId, regionId) + kind.segment + "/";
  }

  /** The key of a regional resource with a single id ({@code acls/{aclId}}). */
  public static String key(Kind kind, String accountId, String regionId, String id) {
    if (kind.ids != 1) {
      throw new IllegalArgumentException(kind + " has " + kind.ids + " id segments");
    }
    return all(kind, accountId, regionId) + id;
  }

  public static String loadBalancers(String accountId, String regionId) {
    return all(Kind.LOAD_BALANCER, accountId, regionId);
  }

  public static String loadBalancer(String accountId, String regionId, String lbId) {
    return key(Kind.LOAD_BALANCER, accountId, regionId, lbId);
  }

  /** Every VServer group of a region (filter by load balancer on the record). */
  public static String vserverGroups(String accountId, String regionId) {
    return all(Kind.VSERVER_GROUP, accountId, regionId);
  }

  public static String vserverGroup(String accountId, String regionId, String groupId) {
    return key(Kind.VSERVER_GROUP, accountId, regionId, groupId);
  }

  /** Every primary/secondary group of a region (filter by load balancer on the record). */
  public static String masterSlaveGroups(String accountId, String regionId) {
    return all(Kind.MASTER_SLAVE_GROUP, accountId, regionId);
  }

  public static String masterSlaveGroup(String accountId, String regionId, String groupId) {
    return key(Kind.MASTER_SLAVE_GROUP, accountId, regionId, groupId);
  }

  /** Every ACL of a region. */
  public static String acls(String accountId, String regionId) {
    return all(Kind.ACL, accountId, regionId);
  }

  public static String acl(String accountId, String regionId, String aclId) {
    return key(Kind.ACL, accountId, regionId, aclId);
  }

  /** Every server certificate of a region. */
  public static String serverCertificates(String accountId, String regionId) {
    return all(Kind.SERVER_CERTIFICATE, accountId, regionId);
  }

  public static String serverCertificate(String accountId, String regionId, String certId) {
    return key(Kind.SERVER_CERTIFICATE, accountId, regionId, certId);
  }

  /** Every CA certificate of a region. */
  public static String caCertificates(String accountId, String regionId) {
    return all(Kind.CA_CERTIFICATE, accountId, regionId);
  }

  public static String caCertificate(String accountId, String regionId, String certId) {
    return key(Kind.CA_CERTIFICATE, accountId, regionId, certId);
  }

  /** Every custom TLS cipher policy of a region. */
  public static String tlsPolicies(String accountId, String regionId) {
    return all(Kind.TLS_POLICY, accountId, regionId);
  }

  public static String tlsPolicy(String accountId, String regionId, String policyId) {
    return key(Kind.TLS_POLICY, accountId, regionId, policyId);
  }

  /** Every listener of a region: {@code listeners/{lbId}/{port}/{protocol}}. */
  public static String allListeners(String accountId, String regionId) {
    return all(Kind.LISTENER, accountId, regionId);
  }

  /** The listeners of one load balancer. */
  public static String listeners(String accountId, String regionId, String lbId) {
    return allListeners(accountId, regionId) + lbId + "/";
  }

  public static String listener(String accountId, String regionId, String lbId, int port, ListenerProtocol protocol) {
    return listeners(accountId, regionId, lbId) + port + "/" + protocol.apiName();
  }

  /** Every forwarding rule of a region: {@code rules/{lbId}/{ruleId}}. */
  public static String allRules(String accountId, String regionId) {
    return all(Kind.RULE, accountId, regionId);
  }

  /** The forwarding rules of one load balancer (all its listeners). */
  public static String rules(String accountId, String regionId, String lbId) {
    return allRules(accountId, regionId) + lbId + "/";
  }

  public static String rule(String accountId, String regionId, String lbId, String ruleId) {
    return rules(accountId, regionId, lbId) + ruleId;
  }

  /** Every domain extension of a region: {@code domainextensions/{lbId}/{id}}. */
  public static String allDomainExtensions(String accountId, String regionId) {
    return all(Kind.DOMAIN_EXTENSION, accountId, regionId);
  }

  /** The domain extensions of one load balancer (all its HTTPS listeners). */
  public static String domainExtensions(String accountId, String regionId, String lbId) {
    return allDomainExtensions(accountId, regionId) + lbId + "/";
  }

  public static String domainExtension(String accountId, String regionId, String lbId, String id) {
    return domainExtensions(accountId, regionId, lbId) + id;
  }

  /**
   * The tags of the resources of one type (acl, listener, certificate, vservergroup,
   * masterslaveservergroup); a load balancer's tags live on its own record instead.
   */
  public static String tags(String accountId, String regionId, String resourceType) {
    return all(Kind.TAG, accountId, regionId) + resourceType + "/";
  }

  /** The tags of one resource; for listeners the id is {@code lb-xxx_<protocol>_<port>}. */
  public static String tags(String accountId, String regionId, String resourceType, String resourceId) {
    return tags(accountId, regionId, resourceType) + resourceId;
  }
}
