package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeAvailableResourceRequest;
import com.aliyuncs.slb.model.v20140515.DescribeAvailableResourceResponse.AvailableResource.SupportResource;
import com.aliyuncs.slb.model.v20140515.DescribeAvailableResourceResponse.AvailableResource;
import com.aliyuncs.slb.model.v20140515.DescribeAvailableResourceResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeRegionsRequest;
import com.aliyuncs.slb.model.v20140515.DescribeRegionsResponse;
import com.aliyuncs.slb.model.v20140515.DescribeZonesRequest;
import com.aliyuncs.slb.model.v20140515.DescribeZonesResponse.Zone.SlaveZone;
import com.aliyuncs.slb.model.v20140515.DescribeZonesResponse.Zone;
import com.aliyuncs.slb.model.v20140515.DescribeZonesResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** DescribeRegions, DescribeZones and DescribeAvailableResource through the official SDK. */
class RegionIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();

  private static DescribeRegionsResponse regions(String language) {
    DescribeRegionsRequest r = new DescribeRegionsRequest();
    if (language != null) {
      r.setAcceptLanguage(language);
    }
    return sdk.call(r);
  }

  // ---- DescribeRegions

  @Test
  void describeRegionsListsTheDefaultRegionInChineseByDefault() {
    DescribeRegionsResponse r = regions(null);
    assertThat(r.getRequestId()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    assertThat(r.getRegions())
        .extracting(
            DescribeRegionsResponse.Region::getRegionId,
            DescribeRegionsResponse.Region::getLocalName,
            DescribeRegionsResponse.Region::getRegionEndpoint)
        .containsExactly(tuple("cn-hangzhou", "华东1（杭州）", "slb.aliyuncs.com"));
  }

  @Test
  void describeRegionsHonoursAcceptLanguage() {
    assertThat(regions("en-US").getRegions())
        .extracting(DescribeRegionsResponse.Region::getLocalName)
        .containsExactly("China (Hangzhou)");
    assertThat(regions("ja").getRegions())
        .extracting(DescribeRegionsResponse.Region::getLocalName)
        .containsExactly("中国 (杭州)");
    assertThat(regions("zh-CN").getRegions())
        .extracting(DescribeRegionsResponse.Region::getLocalName)
        .containsExactly("华东1（杭州）");
  }

  @Test
  void describeRegionsRejectsAnUnknownLanguage() {
    DescribeRegionsRequest r = new DescribeRegionsRequest();
    r.setAcceptLanguage("fr-FR");
    ClientException e = sdk.error(r);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("AcceptLanguage").contains("fr-FR");
  }

  @Test
  void describeRegionsAnswersWhateverRegionTheClientIsConfiguredFor() {
    DescribeRegionsRequest r = new DescribeRegionsRequest();
    r.setSysRegionId("eu-nowhere-1");
    assertThat(sdk.call(r).getRegions())
        .extracting(DescribeRegionsResponse.Region::getRegionId)
        .containsExactly("cn-hangzhou");
  }

  @Test
  void describeRegionsNeedsAValidKey() {
    Sdk stranger = new Sdk(slb.endpoint(), "LTAInoSuchKey000000000", "whatever");
    assertThat(stranger.errorCode(new DescribeRegionsRequest())).isEqualTo("InvalidAccessKeyId.NotFound");
  }

  // ---- DescribeZones

  @Test
  void describeZonesListsEveryZoneWithTheOthersAsSlaveZones() {
    DescribeZonesResponse r = sdk.call(new DescribeZonesRequest());
    assertThat(r.getRequestId()).isNotBlank();
    assertThat(r.getZones())
        .extracting(Zone::getZoneId, Zone::getLocalName)
        .containsExactly(tuple("cn-hangzhou-h", "杭州 可用区H"), tuple("cn-hangzhou-i", "杭州 可用区I"));
    Zone h = r.getZones().get(0);
    assertThat(h.getSlaveZones())
        .extracting(SlaveZone::getZoneId, SlaveZone::getLocalName)
        .containsExactly(tuple("cn-hangzhou-i", "杭州 可用区I"));
    Zone i = r.getZones().get(1);
    assertThat(i.getSlaveZones())
        .extracting(SlaveZone::getZoneId, SlaveZone::getLocalName)
        .containsExactly(tuple("cn-hangzhou-h", "杭州 可用区H"));
  }

  @Test
  void describeZonesHonoursAcceptLanguage() {
    DescribeZonesRequest r = new DescribeZonesRequest();
    r.putQueryParameter("AcceptLanguage", "en-US");
    DescribeZonesResponse zones = sdk.call(r);
    assertThat(zones.getZones())
        .extracting(Zone::getLocalName)
        .containsExactly("Hangzhou Zone H", "Hangzhou Zone I");
    assertThat(zones.getZones().get(0).getSlaveZones())
        .extracting(SlaveZone::getLocalName)
        .containsExactly("Hangzhou Zone I");
  }

  @Test
  void describeZonesOfAnUnknownRegionFails() {
    DescribeZonesRequest r = new DescribeZonesRequest();
    r.setSysRegionId("eu-nowhere-1");
    ClientException e = sdk.error(r);
    assertThat(e.getErrCode()).isEqualTo("InvalidRegionId.NotFound");
    assertThat(e.getErrMsg()).isEqualTo("The specified RegionId does not exist.");
  }

  // ---- DescribeAvailableResource

  private static DescribeAvailableResourceResponse available(String addressType, String ipVersion) {
    DescribeAvailableResourceRequest r = new DescribeAvailableResourceRequest();
    if (addressType != null) {
      r.setAddressType(addressType);
    }
    if (ipVersion != null) {
      r.setAddressIPVersion(ipVersion);
    }
    return sdk.call(r);
  }

  @Test
  void describeAvailableResourceListsEveryZonePairWithEveryAddressType() {
    DescribeAvailableResourceResponse r = available(null, null);
    assertThat(r.getRequestId()).isNotBlank();
    assertThat(r.getAvailableResources())
        .extracting(AvailableResource::getMasterZoneId, AvailableResource::getSlaveZoneId)
        .containsExactlyInAnyOrder(tuple("cn-hangzhou-h", "cn-hangzhou-i"), tuple("cn-hangzhou-i", "cn-hangzhou-h"));
    for (AvailableResource a : r.getAvailableResources()) {
      assertThat(a.getSupportResources())
          .extracting(SupportResource::getAddressType, SupportResource::getAddressIPVersion)
          .containsExactlyInAnyOrder(
              tuple("vpc", "ipv4"), tuple("classic_internet", "ipv4"), tuple("classic_intranet", "ipv4"));
    }
  }

  @Test
  void describeAvailableResourceFiltersByAddressType() {
    DescribeAvailableResourceResponse r = available("vpc", null);
    assertThat(r.getAvailableResources()).hasSize(2);
    for (AvailableResource a : r.getAvailableResources()) {
      assertThat(a.getSupportResources())
          .extracting(SupportResource::getAddressType, SupportResource::getAddressIPVersion)
          .containsExactly(tuple("vpc", "ipv4"));
    }
    // the docs also write the hyphenated spelling
    DescribeAvailableResourceResponse hyphen = available("classic-internet", "ipv4");
    assertThat(hyphen.getAvailableResources()).hasSize(2);
    for (AvailableResource a : hyphen.getAvailableResources()) {
      assertThat(a.getSupportResources())
          .extracting(SupportResource::getAddressType)
          .containsExactly("classic_internet");
    }
  }

  @Test
  void describeAvailableResourceFiltersByIpVersion() {
    assertThat(available(null, "ipv4").getAvailableResources())
        .extracting(AvailableResource::getMasterZoneId)
        .containsExactlyInAnyOrder("cn-hangzhou-h", "cn-hangzhou-i");
    // the VIP pool is IPv4: nothing can be bought as ipv6
    assertThat(available(null, "ipv6").getAvailableResources()).isEmpty();
    assertThat(available("vpc", "ipv6").getAvailableResources()).isEmpty();
  }

  @Test
  void describeAvailableResourceRejectsUnknownFilterValues() {
    DescribeAvailableResourceRequest badType = new DescribeAvailableResourceRequest();
    badType.setAddressType("public");
    ClientException e = sdk.error(badType);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("AddressType").contains("public");

    DescribeAvailableResourceRequest badVersion = new DescribeAvailableResourceRequest();
    badVersion.setAddressIPVersion("ipv5");
    assertThat(sdk.errorCode(badVersion)).isEqualTo("InvalidParameter");
  }

  @Test
  void describeAvailableResourceOfAnUnknownRegionFails() {
    DescribeAvailableResourceRequest r = new DescribeAvailableResourceRequest();
    r.setSysRegionId("eu-nowhere-1");
    assertThat(sdk.errorCode(r)).isEqualTo("InvalidRegionId.NotFound");
  }

  // ---- configured regions

  @Test
  void configuredRegionsAndZonesAreWhatTheThreeActionsShow(@TempDir Path other) throws Exception {
    String yaml =
        """
        regions:
          - id: cn-hangzhou
            endpoint: slb.aliyuncs.com
            local-name: {en-US: "China (Hangzhou)", zh-CN: "华东1（杭州）"}
            zones:
              - {id: cn-hangzhou-a, local-name: {en-US: "Hangzhou Zone A"}}
              - {id: cn-hangzhou-b, local-name: {en-US: "Hangzhou Zone B"}}
              - {id: cn-hangzhou-c, local-name: {en-US: "Hangzhou Zone C"}}
          - id: eu-central-1
            endpoint: slb.eu-central-1.aliyuncs.com
            local-name: "Germany (Frankfurt)"
            zones: [eu-central-1a]
        """;
    try (OpenSlbFixture configured = OpenSlbFixture.start(other, yaml)) {
      Sdk c = configured.sdk();
      DescribeRegionsRequest regions = new DescribeRegionsRequest();
      regions.setAcceptLanguage("en-US");
      assertThat(c.call(regions).getRegions())
          .extracting(
              DescribeRegionsResponse.Region::getRegionId,
              DescribeRegionsResponse.Region::getLocalName,
              DescribeRegionsResponse.Region::getRegionEndpoint)
          .containsExactly(
              tuple("cn-hangzhou", "China (Hangzhou)", "slb.aliyuncs.com"),
              tuple("eu-central-1", "Germany (Frankfurt)", "slb.eu-central-1.aliyuncs.com"));

      DescribeZonesRequest hz = new DescribeZonesRequest();
      hz.putQueryParameter("AcceptLanguage", "en-US");
      List<Zone> hzZones = c.call(hz).getZones();
      assertThat(hzZones)
          .extracting(Zone::getZoneId, Zone::getLocalName)
          .containsExactly(
              tuple("cn-hangzhou-a", "Hangzhou Zone A"),
              tuple("cn-hangzhou-b", "Hangzhou Zone B"),
              tuple("cn-hangzhou-c", "Hangzhou Zone C"));
      assertThat(hzZones.get(1).getSlaveZones())
          .extracting(SlaveZone::getZoneId)
          .containsExactly("cn-hangzhou-a", "cn-hangzhou-c");

      DescribeZonesRequest eu = new DescribeZonesRequest();
      eu.setSysRegionId("eu-central-1");
      List<Zone> euZones = c.call(eu).getZones();
      assertThat(euZones).extracting(Zone::getZoneId).containsExactly("eu-central-1a");
      assertThat(euZones.get(0).getSlaveZones()).isEmpty();

      DescribeAvailableResourceRequest pairs = new DescribeAvailableResourceRequest();
      assertThat(c.call(pairs).getAvailableResources())
          .extracting(AvailableResource::getMasterZoneId, AvailableResource::getSlaveZoneId)
          .containsExactlyInAnyOrder(
              tuple("cn-hangzhou-a", "cn-hangzhou-b"), tuple("cn-hangzhou-a", "cn-hangzhou-c"),
              tuple("cn-hangzhou-b", "cn-hangzhou-a"), tuple("cn-hangzhou-b", "cn-hangzhou-c"),
              tuple("cn-hangzhou-c", "cn-hangzhou-a"), tuple("cn-hangzhou-c", "cn-hangzhou-b"));

      // a one-zone region has no pair, but its zone can still be bought (CreateLoadBalancer takes it)
      DescribeAvailableResourceRequest single = new DescribeAvailableResourceRequest();
      single.setSysRegionId("eu-central-1");
      List<AvailableResource> euResources = c.call(single).getAvailableResources();
      assertThat(euResources).extracting(AvailableResource::getMasterZoneId).containsExactly("eu-central-1a");
      assertThat(euResources.get(0).getSlaveZoneId()).isNullOrEmpty();
      assertThat(euResources.get(0).getSupportResources())
          .extracting(SupportResource::getAddressType)
          .containsExactlyInAnyOrder("vpc", "classic_internet", "classic_intranet");
      CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
      create.setSysRegionId("eu-central-1");
      String id = c.call(create).getLoadBalancerId();
      DescribeLoadBalancerAttributeRequest attr = new DescribeLoadBalancerAttributeRequest();
      attr.setSysRegionId("eu-central-1");
      attr.setLoadBalancerId(id);
      DescribeLoadBalancerAttributeResponse a = c.call(attr);
      assertThat(a.getRegionId()).isEqualTo("eu-central-1");
      assertThat(a.getMasterZoneId()).isEqualTo("eu-central-1a");
      assertThat(a.getSlaveZoneId()).isNullOrEmpty();
      // instances live in their region
      DescribeLoadBalancerAttributeRequest elsewhere = new DescribeLoadBalancerAttributeRequest();
      elsewhere.setLoadBalancerId(id);
      assertThat(c.errorCode(elsewhere)).isEqualTo("InvalidLoadBalancerId.NotFound");
    }
  }
}
