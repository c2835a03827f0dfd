package io.openslb.controlplane.service;

/** Who holds a virtual address. */
public record Vip(String address, String accountId, String regionId, String loadBalancerId) {}
