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
    int loadBalancerIdsPerListenerQuery) {

  public static Quotas defaults() {
    return new Quotas(30, 50, 200, 20, 10);
  }
}
