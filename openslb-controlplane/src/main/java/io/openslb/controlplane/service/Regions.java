package io.openslb.controlplane.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The regions and zones this deployment offers (from configuration). */
public record Regions(List<Region> regions, String defaultRegionId) {

  public Regions {
    regions = List.copyOf(regions);
  }

  /** A zone; {@code localNames} by language (zh-CN, en-US, ja), en-US as the fallback. */
  public record Zone(String id, Map<String, String> localNames) {
    public String localName(String language) {
      return localNames.getOrDefault(language, localNames.getOrDefault("en-US", id));
    }
  }

  public record Region(String id, Map<String, String> localNames, String endpoint, List<Zone> zones) {
    public Region {
      zones = List.copyOf(zones);
    }

    public String localName(String language) {
      return localNames.getOrDefault(language, localNames.getOrDefault("en-US", id));
    }

    public Optional<Zone> zone(String zoneId) {
      return zones.stream().filter(z -> z.id().equals(zoneId)).findFirst();
    }
  }

  public Optional<Region> find(String id) {
    return regions.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** One region, cn-hangzhou, with two zones: the default when nothing is configured. */
  public static Regions defaults() {
    Region hz =
        new Region(
            "cn-hangzhou",
            Map.of("zh-CN", "华东1（杭州）", "en-US", "China (Hangzhou)", "ja", "中国 (杭州)"),
            "slb.aliyuncs.com",
            List.of(
                new Zone("cn-hangzhou-h", Map.of("zh-CN", "杭州 可用区H", "en-US", "Hangzhou Zone H", "ja", "杭州 ゾーンH")),
                new Zone("cn-hangzhou-i", Map.of("zh-CN", "杭州 可用区I", "en-US", "Hangzhou Zone I", "ja", "杭州 ゾーンI"))));
    return new Regions(List.of(hz), "cn-hangzhou");
  }
}
