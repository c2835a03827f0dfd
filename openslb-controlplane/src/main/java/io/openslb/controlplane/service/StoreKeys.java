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
}
