package io.openslb.controlplane.service;

import io.openslb.model.ListenerProtocol;

/**
 * The one owner of the store's key layout. Everything of an account lives under {@code
 * /accounts/{account}/}; regional resources under {@code .../regions/{region}/}.
 */
public final class StoreKeys {
  public static final String ACCOUNTS = "/accounts/";
  public static final String ACCESS_KEYS = "/accesskeys/";
  public static final String VIPS = "/vips/";

  private StoreKeys() {}

  public static String account(String accountId) {
    return ACCOUNTS + accountId + "/account";
  }

  public static String accessKey(String accessKeyId) {
    return ACCESS_KEYS + accessKeyId;
  }

  public static String vip(String address) {
    return VIPS + address;
  }

  public static String instances(String accountId) {
    return ACCOUNTS + accountId + "/instances/";
  }

  public static String instance(String accountId, String instanceId) {
    return instances(accountId) + instanceId;
  }

  public static String clientToken(String accountId, String action, String tokenHash) {
    return ACCOUNTS + accountId + "/clienttokens/" + action + "/" + tokenHash;
  }

  public static String region(String accountId, String regionId) {
    return ACCOUNTS + accountId + "/regions/" + regionId + "/";
  }

  public static String loadBalancers(String accountId, String regionId) {
    return region(accountId, regionId) + "loadbalancers/";
  }

  public static String loadBalancer(String accountId, String regionId, String lbId) {
    return loadBalancers(accountId, regionId) + lbId;
  }

  public static String vserverGroup(String accountId, String regionId, String groupId) {
    return region(accountId, regionId) + "vservergroups/" + groupId;
  }

  public static String masterSlaveGroup(String accountId, String regionId, String groupId) {
    return region(accountId, regionId) + "masterslavegroups/" + groupId;
  }

  public static String acl(String accountId, String regionId, String aclId) {
    return region(accountId, regionId) + "acls/" + aclId;
  }

  public static String serverCertificate(String accountId, String regionId, String certId) {
    return region(accountId, regionId) + "servercertificates/" + certId;
  }

  public static String caCertificate(String accountId, String regionId, String certId) {
    return region(accountId, regionId) + "cacertificates/" + certId;
  }

  public static String tlsPolicy(String accountId, String regionId, String policyId) {
    return region(accountId, regionId) + "tlspolicies/" + policyId;
  }

  public static String listeners(String accountId, String regionId, String lbId) {
    return region(accountId, regionId) + "listeners/" + lbId + "/";
  }

  public static String listener(
      String accountId, String regionId, String lbId, int port, ListenerProtocol protocol) {
    return listeners(accountId, regionId, lbId) + port + "/" + protocol.apiName();
  }

  /** Every VServer group of a region (filter by load balancer on the record). */
  public static String vserverGroups(String accountId, String regionId) {
    return region(accountId, regionId) + "vservergroups/";
  }

  /** Every primary/secondary group of a region (filter by load balancer on the record). */
  public static String masterSlaveGroups(String accountId, String regionId) {
    return region(accountId, regionId) + "masterslavegroups/";
  }

  /** Every forwarding rule of a region: {@code rules/{lbId}/{ruleId}}. */
  public static String allRules(String accountId, String regionId) {
    return region(accountId, regionId) + "rules/";
  }

  /** The forwarding rules of one load balancer (all its listeners). */
  public static String rules(String accountId, String regionId, String lbId) {
    return allRules(accountId, regionId) + lbId + "/";
  }

  public static String rule(String accountId, String regionId, String lbId, String ruleId) {
    return rules(accountId, regionId, lbId) + ruleId;
  }

  /** Every ACL of a region. */
  public static String acls(String accountId, String regionId) {
    return region(accountId, regionId) + "acls/";
  }

  /** Every listener of a region: {@code listeners/{lbId}/{port}/{protocol}}. */
  public static String allListeners(String accountId, String regionId) {
    return region(accountId, regionId) + "listeners/";
  }

  /**
   * The tags of the resources of one type (acl, listener, certificate, vservergroup,
   * masterslaveservergroup); a load balancer's tags live on its own record instead.
   */
  public static String tags(String accountId, String regionId, String resourceType) {
    return region(accountId, regionId) + "tags/" + resourceType + "/";
  }

  /** The tags of one resource; for listeners the id is {@code lb-xxx_<protocol>_<port>}. */
  public static String tags(String accountId, String regionId, String resourceType, String resourceId) {
    return tags(accountId, regionId, resourceType) + resourceId;
  }

  /** Every server certificate of a region. */
  public static String serverCertificates(String accountId, String regionId) {
    return region(accountId, regionId) + "servercertificates/";
  }

  /** Every CA certificate of a region. */
  public static String caCertificates(String accountId, String regionId) {
    return region(accountId, regionId) + "cacertificates/";
  }

  /** Every custom TLS cipher policy of a region. */
  public static String tlsPolicies(String accountId, String regionId) {
    return region(accountId, regionId) + "tlspolicies/";
  }

  /** Every domain extension of a region: {@code domainextensions/{lbId}/{id}}. */
  public static String allDomainExtensions(String accountId, String regionId) {
    return region(accountId, regionId) + "domainextensions/";
  }

  /** The domain extensions of one load balancer (all its HTTPS listeners). */
  public static String domainExtensions(String accountId, String regionId, String lbId) {
    return allDomainExtensions(accountId, regionId) + lbId + "/";
  }

  public static String domainExtension(String accountId, String regionId, String lbId, String id) {
    return domainExtensions(accountId, regionId, lbId) + id;
  }
}
