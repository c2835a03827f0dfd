package io.openslb.controlplane.service;

/**
 * Limits per account, load balancer and call. Defaults are the cloud's (SEMANTICS.md §2.5); every
 * one can be changed in the configuration file.
 */
public record Quotas(
    int loadBalancersPerAccount,
    int listenersPerLoadBalancer,
    int backendServersPerLoadBalancer,
    int backendServersPerCall,
    int loadBalancerIdsPerListenerQuery,
    int rulesPerListener,
    int aclsPerRegion,
    int aclEntriesPerAcl,
    int aclEntriesPerCall,
    int listenersPerAcl,
    int whiteListItemsPerListener,
    int legacyTagsPerLoadBalancer,
    int legacyTagsPerCall,
    int tagsPerResource,
    int resourcesPerTagCall) {

  public static final int DEFAULT_RULES_PER_LISTENER = 40;

  /** The limits with the cloud's ACL, whitelist and tag quotas (§2.5: 50 ACLs, 300 entries, 50 per call...). */
  public Quotas(
      int loadBalancersPerAccount,
      int listenersPerLoadBalancer,
      int backendServersPerLoadBalancer,
      int backendServersPerCall,
      int loadBalancerIdsPerListenerQuery,
      int rulesPerListener) {
    this(loadBalancersPerAccount, listenersPerLoadBalancer, backendServersPerLoadBalancer, backendServersPerCall,
        loadBalancerIdsPerListenerQuery, rulesPerListener, 50, 300, 50, 50, 300, 10, 5, 20, 20);
  }

  /** The limits without a forwarding-rule quota (the cloud's 40 per listener applies). */
  public Quotas(
      int loadBalancersPerAccount,
      int listenersPerLoadBalancer,
      int backendServersPerLoadBalancer,
      int backendServersPerCall,
      int loadBalancerIdsPerListenerQuery) {
    this(loadBalancersPerAccount, listenersPerLoadBalancer, backendServersPerLoadBalancer, backendServersPerCall,
        loadBalancerIdsPerListenerQuery, DEFAULT_RULES_PER_LISTENER);
  }

  public static Quotas defaults() {
    return new Quotas(30, 50, 200, 20, 10, DEFAULT_RULES_PER_LISTENER);
  }
}
