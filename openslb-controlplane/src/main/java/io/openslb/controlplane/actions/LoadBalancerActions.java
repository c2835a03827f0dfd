package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Ids;
import io.openslb.controlplane.service.Quotas;
import io.openslb.controlplane.service.Regions;
import io.openslb.controlplane.service.Vip;
import io.openslb.controlplane.service.VipPool;
import io.openslb.model.LoadBalancer;
import io.openslb.model.Tag;
import io.openslb.store.StoreLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The 12 load balancer (instance) actions. */
public final class LoadBalancerActions {

  static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}0-9 ._\\-/:]{0,79}");
  static final Pattern IP_LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9A-Fa-f:.]{2,45}");
  static final String[] SPECS = {
    "slb.s1.small", "slb.s2.small", "slb.s2.medium", "slb.s3.small", "slb.s3.medium", "slb.s3.large"
  };

  private final Regions regions;
  private final Quotas quotas;
  private final VipPool vipPool;

  public LoadBalancerActions(Regions regions, Quotas quotas, VipPool vipPool) {
    this.regions = regions;
    this.quotas = quotas;
    this.vipPool = vipPool;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("CreateLoadBalancer", this::create)
        .register("DeleteLoadBalancer", this::delete)
        .register("DescribeLoadBalancers", this::describeAll)
        .register("DescribeLoadBalancerAttribute", this::describe)
        .register("SetLoadBalancerName", this::setName)
        .register("SetLoadBalancerStatus", this::setStatus)
        .register("SetLoadBalancerDeleteProtection", this::setDeleteProtection)
        .register("SetLoadBalancerModificationProtection", this::setModificationProtection)
        .register("ModifyLoadBalancerInstanceSpec", this::modifyInstanceSpec)
        .register("ModifyLoadBalancerInternetSpec", this::modifyInternetSpec)
        .register("ModifyLoadBalancerPayType", this::modifyPayType)
        .register("ModifyLoadBalancerInstanceChargeType", this::modifyInstanceChargeType);
  }

  ObjectNode create(Call call) {
    Params p = call.params();
    Regions.Region region = regions.find(call.regionId()).orElseThrow();
    String vswitch = p.string("VSwitchId").orElse(null);
    String vpc = p.string("VpcId").orElse(null);
    String addressType =
        p.oneOf("AddressType", "internet", "intranet").orElse(vswitch != null ? "intranet" : "internet");
    String ipVersion = p.oneOf("AddressIPVersion", "ipv4", "ipv6").orElse("ipv4");
    String payType = p.oneOf("PayType", "PayOnDemand", "PrePay").orElse("PayOnDemand");
    if (payType.equals("PrePay")) {
      String cycle = p.requiredOneOf("PricingCycle", "month", "year");
      p.integer("Duration", 1, cycle.equals("month") ? 9 : 5)
          .orElseThrow(() -> ApiException.missing("Duration"));
    }
    p.bool("AutoPay");
    String chargeType = p.oneOf("InternetChargeType", "paybytraffic", "paybybandwidth").orElse("paybytraffic");
    Integer bandwidth = p.integer("Bandwidth", 1, 5120).orElse(null);
    if (chargeType.equals("paybybandwidth") && bandwidth == null) {
      throw ApiException.missing("Bandwidth");
    }
    String instanceChargeType = p.oneOf("InstanceChargeType", "PayBySpec", "PayByCLCU").orElse("PayBySpec");
    String spec = p.oneOf("LoadBalancerSpec", SPECS).orElse(null);
    if (instanceChargeType.equals("PayByCLCU")) {
      if (chargeType.equals("paybybandwidth")) {
        throw ApiException.invalid("InternetChargeType", chargeType, "paybytraffic with PayByCLCU");
      }
      spec = null;
    }
    String masterZone = p.string("MasterZoneId").orElse(region.zones().get(0).id());
    String slaveZone =
        p.string("SlaveZoneId").orElse(region.zones().size() > 1 ? region.zones().get(1).id() : null);
    checkZone(region, "MasterZoneId", masterZone);
    if (slaveZone != null) {
      checkZone(region, "SlaveZoneId", slaveZone);
      if (slaveZone.equals(masterZone)) {
        throw ApiException.invalid("SlaveZoneId", slaveZone, "a zone other than MasterZoneId");
      }
    }
    String protection = p.oneOf("ModificationProtectionStatus", "NonProtection", "ConsoleProtection").orElse("NonProtection");
    String reason = p.matching("ModificationProtectionReason", NAME, "1-80 characters starting with a letter").orElse(null);
    if (protection.equals("NonProtection")) {
      reason = null;
    }
    String name = p.matching("LoadBalancerName", NAME, "1-80 characters starting with a letter").orElse("auto_named_slb");
    List<Tag> tags = TagActions.tagParams(p, quotas.tagsPerResource()); // the rules AddTags/TagResources apply

    List<LoadBalancer> existing =
        call.tx().list(StoreLayout.loadBalancers(call.accountId(), call.regionId()), LoadBalancer.class);
    if (existing.size() >= quotas.loadBalancersPerAccount()) {
      throw ApiException.of(ApiError.OVER_QUOTA, "at most " + quotas.loadBalancersPerAccount() + " load balancers");
    }
    String id = Ids.loadBalancer();
    String address = allocateAddress(call, p.string("Address").orElse(null), ipVersion, id);

    LoadBalancer.Builder b = new LoadBalancer.Builder();
    b.id = id;
    b.accountId = call.accountId();
    b.regionId = call.regionId();
    b.name = name;
    b.status = "active";
    b.address = address;
    b.addressType = addressType;
    b.addressIpVersion = ipVersion;
    b.networkType = (vpc != null || vswitch != null) ? "vpc" : "classic";
    b.vpcId = vpc;
    b.vswitchId = vswitch;
    b.masterZoneId = masterZone;
    b.slaveZoneId = slaveZone;
    b.payType = payType;
    b.internetChargeType = chargeType;
    b.bandwidth = bandwidth == null ? 5120 : bandwidth;
    b.instanceChargeType = instanceChargeType;
    b.spec = spec;
    b.deleteProtection = p.oneOf("DeleteProtection", "on", "off").orElse("off");
    b.modificationProtectionStatus = protection;
    b.modificationProtectionReason = reason;
    b.resourceGroupId = p.string("ResourceGroupId").orElse(null);
    b.createTime = call.now().toEpochMilli();
    b.tags = tags;
    LoadBalancer lb = b.build();
    Lookups.save(call, lb);

    ObjectNode out = Json.object();
    out.put("LoadBalancerId", lb.id());
    out.put("Address", lb.address());
    out.put("LoadBalancerName", lb.name());
    out.put("NetworkType", lb.networkType());
    out.put("AddressIPVersion", lb.addressIpVersion());
    Json.putIfNotNull(out, "VpcId", lb.vpcId());
    Json.putIfNotNull(out, "VSwitchId", lb.vswitchId());
    Json.putIfNotNull(out, "ResourceGroupId", lb.resourceGroupId());
    out.put("OrderId", 0L);
    return out;
  }

  private static void checkZone(Regions.Region region, String param, String zoneId) {
    if (region.zone(zoneId).isEmpty()) {
      throw ApiException.invalid(
          param, zoneId, String.join("|", region.zones().stream().map(Regions.Zone::id).toList()));
    }
  }

  private String allocateAddress(Call call, String requested, String ipVersion, String lbId) {
    if (ipVersion.equals("ipv6") != vipPool.ipv6()) {
      throw ApiException.invalid(
          "AddressIPVersion", ipVersion, (vipPool.ipv6() ? "ipv6" : "ipv4") + " (the VIP pool is " + vipPool.cidr() + ")");
    }
    String address;
    if (requested != null) {
      if (!IP_LITERAL.matcher(requested).matches() || !vipPool.contains(requested)) {
        throw ApiException.of(ApiError.ADDRESS_NOT_IN_POOL, requested, vipPool.cidr());
      }
      if (call.tx().exists(StoreLayout.vip(requested))) {
        throw ApiException.of(ApiError.ADDRESS_USED, requested);
      }
      address = requested;
    } else {
      Set<String> used = new HashSet<>();
      for (String key : call.tx().keys(StoreLayout.VIPS)) {
        StoreLayout.parse(key).ifPresent(vip -> used.add(vip.id()));
      }
      address =
          vipPool.firstFree(used).orElseThrow(() -> ApiException.of(ApiError.SUBNET_IP_EXHAUST, vipPool.cidr()));
      call.tx().exists(StoreLayout.vip(address)); // compare on it: two nodes must not take the same one
    }
    call.tx().put(StoreLayout.vip(address), new Vip(address, call.accountId(), call.regionId(), lbId));
    return address;
  }

  ObjectNode delete(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    if ("on".equals(lb.deleteProtection())) {
      throw ApiException.of(ApiError.DELETE_PROTECTION_ON);
    }
    if ("PrePay".equals(lb.payType())) {
      throw ApiException.of(ApiError.INVALID_CHARGE_TYPE);
    }
    for (String prefix : LoadBalancerChildren.prefixes(lb)) {
      call.tx().deleteAll(prefix);
    }
    LoadBalancerChildren.keys(call, lb).forEach(call.tx()::delete);
    call.tx().delete(StoreLayout.loadBalancer(lb.accountId(), lb.regionId(), lb.id()));
    call.tx().delete(StoreLayout.vip(lb.address()));
    return Json.object();
  }

  ObjectNode describeAll(Call call) {
    Params p = call.params();
    NumberedPage page = NumberedPage.read(p, "PageNumber", 100, 10);
    LoadBalancerFilter filter = LoadBalancerFilter.of(p);
    List<LoadBalancer> all =
        call.tx().list(StoreLayout.loadBalancers(call.accountId(), call.regionId()), LoadBalancer.class);
    List<LoadBalancer> matching =
        all.stream()
            .filter(filter::matches)
            .sorted((a, b) -> Long.compare(b.createTime(), a.createTime()))
            .toList();
    ObjectNode out = Json.object();
    page.describe(out, matching.size());
    Json.wrapped(out, "LoadBalancers", "LoadBalancer", page.of(matching), LoadBalancerViews::summary);
    return out;
  }

  ObjectNode describe(Call call) {
    LoadBalancer lb = Lookups.loadBalancer(call);
    return LoadBalancerViews.detail(lb, Lookups.listeners(call, lb));
  }

  ObjectNode setName(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    String name =
        call.params()
            .matching("LoadBalancerName", NAME, "1-80 characters starting with a letter")
            .orElseThrow(() -> ApiException.missing("LoadBalancerName"));
    LoadBalancer.Builder b = lb.toBuilder();
    b.name = name;
    Lookups.save(call, b.build());
    return Json.object();
  }

  ObjectNode setStatus(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    String status = call.params().requiredOneOf("LoadBalancerStatus", "active", "inactive");
    LoadBalancer.Builder b = lb.toBuilder();
    b.status = status;
    Lookups.save(call, b.build());
    return Json.object();
  }

  ObjectNode setDeleteProtection(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    LoadBalancer.Builder b = lb.toBuilder();
    b.deleteProtection = call.params().requiredOneOf("DeleteProtection", "on", "off");
    Lookups.save(call, b.build());
    return Json.object();
  }

  ObjectNode setModificationProtection(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    Params p = call.params();
    LoadBalancer.Builder b = lb.toBuilder();
    b.modificationProtectionStatus =
        p.requiredOneOf("ModificationProtectionStatus", "NonProtection", "ConsoleProtection");
    String reason = p.matching("ModificationProtectionReason", NAME, "1-80 characters starting with a letter").orElse(null);
    b.modificationProtectionReason = b.modificationProtectionStatus.equals("NonProtection") ? null : reason;
    Lookups.save(call, b.build());
    return Json.object();
  }

  ObjectNode modifyInstanceSpec(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    String spec = call.params().requiredOneOf("LoadBalancerSpec", SPECS);
    call.params().bool("AutoPay");
    if ("PayByCLCU".equals(lb.instanceChargeType())) {
      throw ApiException.of(ApiError.OPERATION_DENIED_PAY_BY_CLCU);
    }
    if ("PrePay".equals(lb.payType()) && lb.spec() != null && specRank(spec) < specRank(lb.spec())) {
      throw ApiException.of(ApiError.CHANGE_SPEC_NOT_ALLOWED, "A subscription instance can only be upgraded.");
    }
    LoadBalancer.Builder b = lb.toBuilder();
    b.spec = spec;
    Lookups.save(call, b.build());
    ObjectNode out = Json.object();
    out.put("OrderId", 0L);
    return out;
  }

  private static int specRank(String spec) {
    for (int i = 0; i < SPECS.length; i++) {
      if (SPECS[i].equals(spec)) {
        return i;
      }
    }
    return -1;
  }

  ObjectNode modifyInternetSpec(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    Params p = call.params();
    p.bool("AutoPay");
    String chargeType = p.oneOf("InternetChargeType", "paybytraffic", "paybybandwidth").orElse(lb.internetChargeType());
    Integer bandwidth = p.integer("Bandwidth", 1, 5000).orElse(null);
    if (chargeType.equals("paybybandwidth") && "intranet".equals(lb.addressType())) {
      throw ApiException.of(ApiError.ACTION_NOT_ALLOWED, "An intranet instance cannot be billed by bandwidth.");
    }
    if ("PayByCLCU".equals(lb.instanceChargeType()) && chargeType.equals("paybybandwidth")) {
      throw ApiException.of(ApiError.OPERATION_DENIED_PAY_BY_CLCU);
    }
    if (chargeType.equals("paybybandwidth") && bandwidth == null && !"paybybandwidth".equals(lb.internetChargeType())) {
      throw ApiException.missing("Bandwidth");
    }
    LoadBalancer.Builder b = lb.toBuilder();
    b.internetChargeType = chargeType;
    if (bandwidth != null) {
      b.bandwidth = bandwidth;
    }
    Lookups.save(call, b.build());
    ObjectNode out = Json.object();
    out.put("OrderId", 0L);
    return out;
  }

  ObjectNode modifyPayType(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    Params p = call.params();
    String payType = p.requiredOneOf("PayType", "PayOnDemand", "PrePay");
    p.bool("AutoPay");
    if (!payType.equals("PrePay") || !"PayOnDemand".equals(lb.payType())) {
      throw ApiException.of(ApiError.OPERATION_NOT_ALLOWED, "Only PayOnDemand can be changed to PrePay.");
    }
    if ("internet".equals(lb.addressType()) && "paybytraffic".equals(lb.internetChargeType())) {
      throw ApiException.of(
          ApiError.OPERATION_NOT_ALLOWED, "An internet instance billed by traffic cannot become PrePay.");
    }
    String cycle = p.requiredOneOf("PricingCycle", "month", "year");
    p.integer("Duration", 1, cycle.equals("month") ? 9 : 3).orElseThrow(() -> ApiException.missing("Duration"));
    LoadBalancer.Builder b = lb.toBuilder();
    b.payType = "PrePay";
    Lookups.save(call, b.build());
    ObjectNode out = Json.object();
    out.put("OrderId", 0L);
    return out;
  }

  ObjectNode modifyInstanceChargeType(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    Params p = call.params();
    String target = p.requiredOneOf("InstanceChargeType", "PayBySpec", "PayByCLCU");
    p.oneOf("InternetChargeType", "paybytraffic");
    p.integer("Bandwidth", 1, 5120);
    p.oneOf("LoadBalancerSpec", SPECS);
    if (!target.equals("PayByCLCU") || !"PayBySpec".equals(lb.instanceChargeType())) {
      throw ApiException.invalid("InstanceChargeType", target, "PayByCLCU, from PayBySpec");
    }
    LoadBalancer.Builder b = lb.toBuilder();
    b.instanceChargeType = "PayByCLCU";
    b.internetChargeType = "paybytraffic";
    b.spec = null;
    Lookups.save(call, b.build());
    return Json.object();
  }
}
