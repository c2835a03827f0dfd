package io.openslb.model;

import java.util.List;

/**
 * A load balancer instance as stored: its settings and its default server group. Immutable; a
 * change produces a new value through the {@code with*} methods or {@link #toBuilder()}.
 */
public record LoadBalancer(
    String id,
    String accountId,
    String regionId,
    String name,
    String status,
    String address,
    String addressType,
    String addressIpVersion,
    String networkType,
    String vpcId,
    String vswitchId,
    String masterZoneId,
    String slaveZoneId,
    String payType,
    String internetChargeType,
    int bandwidth,
    String instanceChargeType,
    String spec,
    String deleteProtection,
    String modificationProtectionStatus,
    String modificationProtectionReason,
    String resourceGroupId,
    long createTime,
    List<BackendServer> backendServers,
    List<Tag> tags) {

  public LoadBalancer {
    backendServers = backendServers == null ? List.of() : List.copyOf(backendServers);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Copy-and-change helper for the many fields of a load balancer. */
  public static final class Builder {
    public String id, accountId, regionId, name, status, address, addressType, addressIpVersion;
    public String networkType, vpcId, vswitchId, masterZoneId, slaveZoneId, payType;
    public String internetChargeType, instanceChargeType, spec, deleteProtection;
    public String modificationProtectionStatus, modificationProtectionReason, resourceGroupId;
    public int bandwidth;
    public long createTime;
    public List<BackendServer> backendServers = List.of();
    public List<Tag> tags = List.of();

    public Builder() {}

    Builder(LoadBalancer lb) {
      id = lb.id;
      accountId = lb.accountId;
      regionId = lb.regionId;
      name = lb.name;
      status = lb.status;
      address = lb.address;
      addressType = lb.addressType;
      addressIpVersion = lb.addressIpVersion;
      networkType = lb.networkType;
      vpcId = lb.vpcId;
      vswitchId = lb.vswitchId;
      masterZoneId = lb.masterZoneId;
      slaveZoneId = lb.slaveZoneId;
      payType = lb.payType;
      internetChargeType = lb.internetChargeType;
      bandwidth = lb.bandwidth;
      instanceChargeType = lb.instanceChargeType;
      spec = lb.spec;
      deleteProtection = lb.deleteProtection;
      modificationProtectionStatus = lb.modificationProtectionStatus;
      modificationProtectionReason = lb.modificationProtectionReason;
      resourceGroupId = lb.resourceGroupId;
      createTime = lb.createTime;
      backendServers = lb.backendServers;
      tags = lb.tags;
    }

    public LoadBalancer build() {
      return new LoadBalancer(
          id, accountId, regionId, name, status, address, addressType, addressIpVersion,
          networkType, vpcId, vswitchId, masterZoneId, slaveZoneId, payType, internetChargeType,
          bandwidth, instanceChargeType, spec, deleteProtection, modificationProtectionStatus,
          modificationProtectionReason, resourceGroupId, createTime, backendServers, tags);
    }
  }
}
