package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.Json;
import io.openslb.model.BackendServer;
import io.openslb.model.Listener;
import io.openslb.model.LoadBalancer;
import io.openslb.model.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Load balancers as DescribeLoadBalancers and DescribeLoadBalancerAttribute show them. */
final class LoadBalancerViews {
  static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private LoadBalancerViews() {}

  static String time(long epochMillis) {
    return UTC_SECONDS.format(Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS));
  }

  /** The fields shared by both views. */
  private static ObjectNode common(LoadBalancer lb) {
    ObjectNode n = Json.object();
    n.put("LoadBalancerId", lb.id());
    n.put("LoadBalancerName", lb.name());
    n.put("LoadBalancerStatus", lb.status());
    n.put("Address", lb.address());
    n.put("AddressType", lb.addressType());
    n.put("AddressIPVersion", lb.addressIpVersion());
    n.put("NetworkType", lb.networkType());
    n.put("VpcId", lb.vpcId() == null ? "" : lb.vpcId());
    n.put("VSwitchId", lb.vswitchId() == null ? "" : lb.vswitchId());
    n.put("RegionId", lb.regionId());
    n.put("RegionIdAlias", lb.regionId());
    n.put("MasterZoneId", lb.masterZoneId());
    Json.putIfNotNull(n, "SlaveZoneId", lb.slaveZoneId());
    n.put("PayType", lb.payType());
    n.put("InternetChargeType", lb.internetChargeType());
    n.put("InternetChargeTypeAlias", lb.internetChargeType());
    n.put("Bandwidth", lb.bandwidth());
    n.put("InstanceChargeType", lb.instanceChargeType());
    Json.putIfNotNull(n, "LoadBalancerSpec", lb.spec());
    n.put("SpecType", lb.spec() == null ? "" : "Performance");
    n.put("SpecBpsFlag", false);
    n.put("DeleteProtection", lb.deleteProtection());
    n.put("ModificationProtectionStatus", lb.modificationProtectionStatus());
    n.put("ModificationProtectionReason", lb.modificationProtectionReason() == null ? "" : lb.modificationProtectionReason());
    n.put("ResourceGroupId", lb.resourceGroupId() == null ? "" : lb.resourceGroupId());
    n.put("BusinessStatus", "locked".equals(lb.status()) ? "FinancialLocked" : "Normal");
    n.put("ServiceManagedMode", "Unmanaged");
    n.put("CreateTime", time(lb.createTime()));
    n.put("CreateTimeStamp", lb.createTime());
    return n;
  }

  static ObjectNode summary(LoadBalancer lb) {
    ObjectNode n = common(lb);
    Json.wrapped(n, "Tags", "Tag", lb.tags(), LoadBalancerViews::tag);
    return n;
  }

  static ObjectNode tag(Tag t) {
    ObjectNode n = Json.object();
    n.put("TagKey", t.key());
    n.put("TagValue", t.value());
    return n;
  }

  static ObjectNode detail(LoadBalancer lb, List<Listener> listeners) {
    ObjectNode n = common(lb);
    n.put("EndTime", "2999-09-08T16:00:00Z");
    n.put("EndTimeStamp", 32493801600000L);
    n.put("AutoReleaseTime", 0L);
    n.put("RenewalStatus", "AutoRenewal");
    n.put("RenewalDuration", 1);
    n.put("RenewalCycUnit", "Month");
    n.put("HasReservedInfo", "false");
    n.put("SupportPrivateLink", false);
    n.put("TunnelType", "");
    Json.wrapped(n, "ListenerPorts", "ListenerPort", listeners, l -> Json.MAPPER.valueToTree(l.port()));
    Json.wrapped(
        n, "ListenerPortsAndProtocal", "ListenerPortAndProtocal", listeners,
        l -> {
          ObjectNode o = Json.object();
          o.put("ListenerPort", l.port());
          o.put("ListenerProtocal", l.protocol().apiName());
          return o;
        });
    Json.wrapped(
        n, "ListenerPortsAndProtocol", "ListenerPortAndProtocol", listeners,
        l -> {
          ObjectNode o = Json.object();
          o.put("ListenerPort", l.port());
          o.put("ListenerProtocol", l.protocol().apiName());
          Json.putIfNotNull(o, "Description", l.description());
          Json.putIfNotNull(o, "ListenerForward", l.listenerForward());
          Json.putIfNotNull(o, "ForwardPort", l.forwardPort());
          return o;
        });
    Json.wrapped(n, "BackendServers", "BackendServer", lb.backendServers(), LoadBalancerViews::backendServer);
    Json.wrapped(n, "Tags", "Tag", lb.tags(), LoadBalancerViews::tag);
    n.putObject("Labels").putArray("Label");
    return n;
  }

  static ObjectNode backendServer(BackendServer s) {
    ObjectNode o = Json.object();
    o.put("ServerId", s.serverId());
    o.put("Weight", s.weight());
    o.put("Type", s.type());
    Json.putIfNotNull(o, "ServerIp", s.serverIp());
    Json.putIfNotNull(o, "VpcId", s.vpcId());
    Json.putIfNotNull(o, "Description", s.description());
    Json.putIfNotNull(o, "Port", s.port());
    return o;
  }
}
