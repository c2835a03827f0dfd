package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.service.Regions;
import io.openslb.controlplane.service.VipPool;
import java.util.ArrayList;
import java.util.List;

/** DescribeRegions, DescribeZones, DescribeAvailableResource: from the configured regions. */
public final class RegionActions {
  private static final List<String> ADDRESS_TYPES = List.of("vpc", "classic_internet", "classic_intranet");

  private final Regions regions;
  private final VipPool vipPool;

  public RegionActions(Regions regions, VipPool vipPool) {
    this.regions = regions;
    this.vipPool = vipPool;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .registerCrossRegion("DescribeRegions", this::describeRegions)
        .register("DescribeZones", this::describeZones)
        .register("DescribeAvailableResource", this::describeAvailableResource);
  }

  private static String language(Call call) {
    return call.params().oneOf("AcceptLanguage", "zh-CN", "en-US", "ja").orElse("zh-CN");
  }

  ObjectNode describeRegions(Call call) {
    String lang = language(call);
    ObjectNode out = Json.object();
    Json.wrapped(
        out, "Regions", "Region", regions.regions(),
        r -> {
          ObjectNode n = Json.object();
          n.put("RegionId", r.id());
          n.put("LocalName", r.localName(lang));
          n.put("RegionEndpoint", r.endpoint());
          return n;
        });
    return out;
  }

  private Regions.Region region(Call call) {
    return regions.find(call.regionId()).orElseThrow(() -> ApiException.of(ApiError.INVALID_REGION));
  }

  ObjectNode describeZones(Call call) {
    String lang = language(call);
    Regions.Region region = region(call);
    ObjectNode out = Json.object();
    Json.wrapped(
        out, "Zones", "Zone", region.zones(),
        z -> {
          ObjectNode n = Json.object();
          n.put("ZoneId", z.id());
          n.put("LocalName", z.localName(lang));
          List<Regions.Zone> slaves = region.zones().stream().filter(s -> !s.id().equals(z.id())).toList();
          Json.wrapped(
              n, "SlaveZones", "SlaveZone", slaves,
              s -> {
                ObjectNode sn = Json.object();
                sn.put("ZoneId", s.id());
                sn.put("LocalName", s.localName(lang));
                return sn;
              });
          return n;
        });
    return out;
  }

  ObjectNode describeAvailableResource(Call call) {
    String ipVersion = call.params().oneOf("AddressIPVersion", "ipv4", "ipv6").orElse(null);
    String addressType =
        call.params()
            .string("AddressType")
            .map(s -> s.replace('-', '_'))
            .map(
                s -> {
                  if (!ADDRESS_TYPES.contains(s)) {
                    throw ApiException.invalid("AddressType", s, String.join("|", ADDRESS_TYPES));
                  }
                  return s;
                })
            .orElse(null);
    String poolVersion = vipPool.ipv6() ? "ipv6" : "ipv4";
    Regions.Region region = region(call);
    List<ObjectNode> resources = new ArrayList<>();
    if (ipVersion == null || ipVersion.equals(poolVersion)) {
      List<String> types = addressType == null ? ADDRESS_TYPES : List.of(addressType);
      for (Regions.Zone master : region.zones()) {
        for (Regions.Zone slave : region.zones()) {
          if (!slave.id().equals(master.id())) {
            resources.add(availableResource(master, slave, types, poolVersion));
          }
        }
      }
      if (region.zones().size() == 1) {
        // no pair to offer, but the zone alone can be bought (CreateLoadBalancer takes it without SlaveZoneId)
        resources.add(availableResource(region.zones().get(0), null, types, poolVersion));
      }
    }
    ObjectNode out = Json.object();
    Json.wrapped(out, "AvailableResources", "AvailableResource", resources, r -> r);
    return out;
  }

  private static ObjectNode availableResource(
      Regions.Zone master, Regions.Zone slave, List<String> types, String ipVersion) {
    ObjectNode n = Json.object();
    n.put("MasterZoneId", master.id());
    Json.putIfNotNull(n, "SlaveZoneId", slave == null ? null : slave.id());
    Json.wrapped(
        n, "SupportResources", "SupportResource", types,
        t -> {
          ObjectNode r = Json.object();
          r.put("AddressType", t);
          r.put("AddressIPVersion", ipVersion);
          return r;
        });
    return n;
  }
}
