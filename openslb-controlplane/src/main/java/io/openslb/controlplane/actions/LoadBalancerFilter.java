package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.model.BackendServer;
import io.openslb.model.LoadBalancer;
import io.openslb.model.Tag;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** The filters of DescribeLoadBalancers, all AND-ed. */
final class LoadBalancerFilter {
  /** DescribeLoadBalancers reads Tag.1 to Tag.20; a later N is ignored (the other tag filters read on). */
  private static final int LAST_TAG_N = 20;

  private final List<Predicate<LoadBalancer>> conditions;

  private LoadBalancerFilter(List<Predicate<LoadBalancer>> conditions) {
    this.conditions = conditions;
  }

  boolean matches(LoadBalancer lb) {
    return conditions.stream().allMatch(c -> c.test(lb));
  }

  static LoadBalancerFilter of(Params p) {
    List<Predicate<LoadBalancer>> c = new ArrayList<>();
    p.string("LoadBalancerId").ifPresent(v -> c.add(lb -> commaSet(v, "LoadBalancerId").contains(lb.id())));
    p.string("LoadBalancerName").ifPresent(v -> c.add(lb -> commaSet(v, "LoadBalancerName").contains(lb.name())));
    equal(c, p, "Address", LoadBalancer::address);
    equal(c, p, "AddressIPVersion", LoadBalancer::addressIpVersion);
    equal(c, p, "AddressType", LoadBalancer::addressType);
    equal(c, p, "InternetChargeType", LoadBalancer::internetChargeType);
    equal(c, p, "LoadBalancerStatus", LoadBalancer::status);
    equal(c, p, "MasterZoneId", LoadBalancer::masterZoneId);
    equal(c, p, "SlaveZoneId", LoadBalancer::slaveZoneId);
    equal(c, p, "NetworkType", LoadBalancer::networkType);
    equal(c, p, "PayType", LoadBalancer::payType);
    equal(c, p, "ResourceGroupId", LoadBalancer::resourceGroupId);
    equal(c, p, "VpcId", LoadBalancer::vpcId);
    equal(c, p, "VSwitchId", LoadBalancer::vswitchId);
    p.string("ServerId")
        .ifPresent(v -> c.add(lb -> lb.backendServers().stream().anyMatch(s -> s.serverId().equals(v))));
    p.string("ServerIntranetAddress")
        .ifPresent(
            v -> {
              Set<String> ips = Set.copyOf(List.of(v.split("\\s*,\\s*")));
              c.add(lb -> lb.backendServers().stream().map(BackendServer::serverIp).anyMatch(ips::contains));
            });
    List<Tag> tags = new ArrayList<>(parseTags(p.string("Tags").orElse(null)));
    tags.addAll(TagActions.tagFilterParams(p, LAST_TAG_N));
    if (!tags.isEmpty()) {
      c.add(lb -> TagActions.hasAll(lb.tags(), tags));
    }
    return new LoadBalancerFilter(c);
  }

  private static void equal(
      List<Predicate<LoadBalancer>> c, Params p, String name, Function<LoadBalancer, String> field) {
    p.string(name).ifPresent(v -> c.add(lb -> v.equalsIgnoreCase(Objects.toString(field.apply(lb), ""))));
  }

  private static Set<String> commaSet(String v, String name) {
    List<String> items = List.of(v.split("\\s*,\\s*"));
    if (items.size() > 10) {
      throw ApiException.invalid(name, items.size() + " values", "at most 10");
    }
    return Set.copyOf(items);
  }

  /** {@code [{"TagKey":"k","TagValue":"v"}]}, key names matched case-insensitively. */
  static List<Tag> parseTags(String json) {
    if (json == null) {
      return List.of();
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw ApiException.invalid("Tags", json, "a JSON array of {\"TagKey\",\"TagValue\"}");
    }
    if (root.isObject()) {
      root = Json.array().add(root);
    }
    if (!root.isArray() || root.size() > 10) {
      throw ApiException.invalid("Tags", json, "a JSON array of at most 10 {\"TagKey\",\"TagValue\"}");
    }
    List<Tag> out = new ArrayList<>();
    for (JsonNode item : root) {
      String key = null;
      String value = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getKey().equalsIgnoreCase("TagKey") || f.getKey().equalsIgnoreCase("Key")) {
          key = f.getValue().asText();
        } else if (f.getKey().equalsIgnoreCase("TagValue") || f.getKey().equalsIgnoreCase("Value")) {
          value = f.getValue().asText();
        }
      }
      if (key == null || key.isEmpty()) {
        throw ApiException.invalid("Tags", json, "every tag with a TagKey");
      }
      out.add(new Tag(key, value));
    }
    return out;
  }
}
