package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse.ListenerPortAndProtocal;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse.ListenerPortAndProtocol;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse.LoadBalancer;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInstanceChargeTypeRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInstanceSpecRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInstanceSpecResponse;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInternetSpecRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInternetSpecResponse;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerPayTypeRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerPayTypeResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerDeleteProtectionRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerModificationProtectionRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerNameRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerStatusRequest;
import io.openslb.controlplane.service.Accounts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 12 load balancer (instance) actions through the official SDK, including tenant isolation. */
class LoadBalancerIT {
  private static final String MISSING_ID = "lb-doesnotexist0000000";

  @TempDir static Path dir;
  static OpenSlbFixture slb;
  static Sdk sdk;

  @BeforeAll
  static void start() throws Exception {
    // many tests create instances; the default quota (30) is tested separately
    slb = OpenSlbFixture.start(dir, "quotas:\n  load-balancers-per-account: 500\n", "127.1.0.0/16");
    sdk = slb.sdk();
    slb.addInstance("i-lbfilter", "127.0.0.31");
  }

  @AfterAll
  static void stop() {
    slb.close();
  }

  // ---- helpers

  static CreateLoadBalancerResponse create(Consumer<CreateLoadBalancerRequest> settings) {
    return create(sdk, settings);
  }

  static CreateLoadBalancerResponse create(Sdk client, Consumer<CreateLoadBalancerRequest> settings) {
    CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
    settings.accept(r);
    return client.call(r);
  }

  static CreateLoadBalancerRequest createRequest(Consumer<CreateLoadBalancerRequest> settings) {
    CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
    settings.accept(r);
    return r;
  }

  static String newLb(String name) {
    return create(r -> r.setLoadBalancerName(name)).getLoadBalancerId();
  }

  static DescribeLoadBalancerAttributeResponse attr(String id) {
    DescribeLoadBalancerAttributeRequest r = new DescribeLoadBalancerAttributeRequest();
    r.setLoadBalancerId(id);
    return sdk.call(r);
  }

  static DescribeLoadBalancersResponse list(Sdk client, Consumer<DescribeLoadBalancersRequest> filter) {
    DescribeLoadBalancersRequest r = new DescribeLoadBalancersRequest();
    r.setPageSize(100);
    filter.accept(r);
    return client.call(r);
  }

  static DescribeLoadBalancersResponse list(Consumer<DescribeLoadBalancersRequest> filter) {
    return list(sdk, filter);
  }

  static List<String> ids(DescribeLoadBalancersResponse r) {
    return r.getLoadBalancers().stream().map(LoadBalancer::getLoadBalancerId).toList();
  }

  static String tags(String... keyValues) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < keyValues.length; i += 2) {
      sb.append(i == 0 ? "" : ",").append("{\"TagKey\":\"").append(keyValues[i]).append('"');
      if (keyValues[i + 1] != null) {
        sb.append(",\"TagValue\":\"").append(keyValues[i + 1]).append('"');
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  static void tag(CreateLoadBalancerRequest r, int n, String key, String value) {
    r.putQueryParameter("Tag." + n + ".Key", key);
    r.putQueryParameter("Tag." + n + ".Value", value);
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static <R extends AcsRequest<?>> R withLb(R request, String id) {
    request.putQueryParameter("LoadBalancerId", id);
    return request;
  }

  static void setDeleteProtection(String id, String value) {
    SetLoadBalancerDeleteProtectionRequest r = new SetLoadBalancerDeleteProtectionRequest();
    r.setLoadBalancerId(id);
    r.setDeleteProtection(value);
    sdk.call(r);
  }

  static void delete(String id) {
    DeleteLoadBalancerRequest r = new DeleteLoadBalancerRequest();
    r.setLoadBalancerId(id);
    sdk.call(r);
  }

  // ---- CreateLoadBalancer

  @Test
  void createWithoutParametersMakesAnActiveInternetInstanceFromTheVipPool() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    CreateLoadBalancerResponse created = sdk.call(new CreateLoadBalancerRequest());
    assertThat(created.getRequestId()).isNotBlank();
    assertThat(created.getLoadBalancerId()).matches("lb-[a-z0-9]{10,}");
    assertThat(created.getAddress()).startsWith("127.1.");
    assertThat(created.getLoadBalancerName()).matches("[A-Za-z][A-Za-z0-9._\\-]{0,79}");
    assertThat(created.getNetworkType()).isEqualTo("classic");
    assertThat(created.getAddressIPVersion()).isEqualTo("ipv4");
    assertThat(created.getVpcId()).isNullOrEmpty();
    assertThat(created.getVSwitchId()).isNullOrEmpty();
    assertThat(created.getOrderId()).isIn(null, 0L);

    DescribeLoadBalancerAttributeResponse a = attr(created.getLoadBalancerId());
    assertThat(a.getLoadBalancerId()).isEqualTo(created.getLoadBalancerId());
    assertThat(a.getLoadBalancerName()).isEqualTo(created.getLoadBalancerName());
    assertThat(a.getLoadBalancerStatus()).isEqualTo("active");
    assertThat(a.getAddress()).isEqualTo(created.getAddress());
    assertThat(a.getAddressType()).isEqualTo("internet");
    assertThat(a.getAddressIPVersion()).isEqualTo("ipv4");
    assertThat(a.getNetworkType()).isEqualTo("classic");
    assertThat(a.getRegionId()).isEqualTo("cn-hangzhou");
    assertThat(a.getMasterZoneId()).isEqualTo("cn-hangzhou-h");
    assertThat(a.getSlaveZoneId()).isEqualTo("cn-hangzhou-i");
    assertThat(a.getPayType()).isEqualTo("PayOnDemand");
    assertThat(a.getInternetChargeType()).isEqualTo("paybytraffic");
    assertThat(a.getInstanceChargeType()).isEqualTo("PayBySpec");
    assertThat(a.getLoadBalancerSpec()).isNullOrEmpty();
    assertThat(a.getDeleteProtection()).isEqualTo("off");
    assertThat(a.getModificationProtectionStatus()).isEqualTo("NonProtection");
    assertThat(a.getModificationProtectionReason()).isNullOrEmpty();
    assertThat(a.getVpcId()).isNullOrEmpty();
    assertThat(a.getVSwitchId()).isNullOrEmpty();
    assertThat(a.getListenerPorts()).isEmpty();
    assertThat(a.getListenerPortsAndProtocol()).isEmpty();
    assertThat(a.getBackendServers()).isEmpty();
    assertThat(a.getCreateTimeStamp()).isBetween(before.toEpochMilli(), Instant.now().toEpochMilli() + 1000);
    assertThat(a.getCreateTime())
        .isEqualTo(
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(a.getCreateTimeStamp())));
  }

  @Test
  void createStoresAndEchoesEverySetting() {
    String name = unique("full.lb_name");
    CreateLoadBalancerResponse created =
        create(
            r -> {
              r.setLoadBalancerName(name);
              r.setMasterZoneId("cn-hangzhou-i");
              r.setSlaveZoneId("cn-hangzhou-h");
              r.setLoadBalancerSpec("slb.s2.small");
              r.setInternetChargeType("paybybandwidth");
              r.setBandwidth(20);
              r.setDeleteProtection("on");
              r.setModificationProtectionStatus("ConsoleProtection");
              r.setModificationProtectionReason("managed by ops");
              r.setResourceGroupId("rg-full");
              tag(r, 1, "env", "prod");
              tag(r, 2, "team", "web");
            });
    assertThat(created.getLoadBalancerName()).isEqualTo(name);
    assertThat(created.getResourceGroupId()).isEqualTo("rg-full");

    DescribeLoadBalancerAttributeResponse a = attr(created.getLoadBalancerId());
    assertThat(a.getLoadBalancerName()).isEqualTo(name);
    assertThat(a.getMasterZoneId()).isEqualTo("cn-hangzhou-i");
    assertThat(a.getSlaveZoneId()).isEqualTo("cn-hangzhou-h");
    assertThat(a.getLoadBalancerSpec()).isEqualTo("slb.s2.small");
    assertThat(a.getInternetChargeType()).isEqualTo("paybybandwidth");
    assertThat(a.getBandwidth()).isEqualTo(20);
    assertThat(a.getDeleteProtection()).isEqualTo("on");
    assertThat(a.getModificationProtectionStatus()).isEqualTo("ConsoleProtection");
    assertThat(a.getModificationProtectionReason()).isEqualTo("managed by ops");
    assertThat(a.getResourceGroupId()).isEqualTo("rg-full");

    LoadBalancer row = list(r -> r.setLoadBalancerId(created.getLoadBalancerId())).getLoadBalancers().get(0);
    assertThat(row.getLoadBalancerName()).isEqualTo(name);
    assertThat(row.getLoadBalancerStatus()).isEqualTo("active");
    assertThat(row.getAddress()).isEqualTo(created.getAddress());
    assertThat(row.getAddressType()).isEqualTo("internet");
    assertThat(row.getMasterZoneId()).isEqualTo("cn-hangzhou-i");
    assertThat(row.getSlaveZoneId()).isEqualTo("cn-hangzhou-h");
    assertThat(row.getLoadBalancerSpec()).isEqualTo("slb.s2.small");
    assertThat(row.getInternetChargeType()).isEqualTo("paybybandwidth");
    assertThat(row.getBandwidth()).isEqualTo(20);
    assertThat(row.getDeleteProtection()).isEqualTo("on");
    assertThat(row.getModificationProtectionStatus()).isEqualTo("ConsoleProtection");
    assertThat(row.getModificationProtectionReason()).isEqualTo("managed by ops");
    assertThat(row.getResourceGroupId()).isEqualTo("rg-full");
    assertThat(row.getPayType()).isEqualTo("PayOnDemand");
    assertThat(row.getInstanceChargeType()).isEqualTo("PayBySpec");
    assertThat(row.getRegionId()).isEqualTo("cn-hangzhou");
    assertThat(row.getCreateTimeStamp()).isEqualTo(a.getCreateTimeStamp());
    assertThat(row.getCreateTime()).isEqualTo(a.getCreateTime());
    assertThat(row.getTags())
        .extracting(LoadBalancer.Tag::getTagKey, LoadBalancer.Tag::getTagValue)
        .containsExactlyInAnyOrder(tuple("env", "prod"), tuple("team", "web"));
  }

  @Test
  void createWithAVSwitchMakesAVpcIntranetInstance() {
    CreateLoadBalancerResponse created =
        create(
            r -> {
              r.setVpcId("vpc-lbtest");
              r.setVSwitchId("vsw-lbtest");
            });
    assertThat(created.getNetworkType()).isEqualTo("vpc");
    assertThat(created.getVpcId()).isEqualTo("vpc-lbtest");
    assertThat(created.getVSwitchId()).isEqualTo("vsw-lbtest");
    DescribeLoadBalancerAttributeResponse a = attr(created.getLoadBalancerId());
    assertThat(a.getAddressType()).isEqualTo("intranet");
    assertThat(a.getNetworkType()).isEqualTo("vpc");
    assertThat(a.getVpcId()).isEqualTo("vpc-lbtest");
    assertThat(a.getVSwitchId()).isEqualTo("vsw-lbtest");
    assertThat(a.getAddress()).isEqualTo(created.getAddress()).startsWith("127.1.");
  }

  @Test
  void createTakesAnExplicitAddressType() {
    String intranet = create(r -> r.setAddressType("intranet")).getLoadBalancerId();
    assertThat(attr(intranet).getAddressType()).isEqualTo("intranet");
    assertThat(attr(intranet).getNetworkType()).isEqualTo("classic");
    String internet =
        create(
            r -> {
              r.setAddressType("internet");
              r.setVpcId("vpc-lbtest");
              r.setVSwitchId("vsw-lbtest");
            })
            .getLoadBalancerId();
    assertThat(attr(internet).getAddressType()).isEqualTo("internet");

    ClientException e = sdk.error(createRequest(r -> r.setAddressType("public")));
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("AddressType").contains("public");
  }

  @Test
  void createHonoursARequestedAddressInsideThePool() {
    CreateLoadBalancerResponse created = create(r -> r.setAddress("127.1.250.7"));
    assertThat(created.getAddress()).isEqualTo("127.1.250.7");
    assertThat(attr(created.getLoadBalancerId()).getAddress()).isEqualTo("127.1.250.7");
    assertThat(ids(list(r -> r.setAddress("127.1.250.7")))).containsExactly(created.getLoadBalancerId());
  }

  @Test
  void createRejectsARequestedAddressOutsideThePool() {
    ClientException e = sdk.error(createRequest(r -> r.setAddress("10.0.0.5")));
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("The IP address is not in subnet").contains("10.0.0.5");
    assertThat(sdk.errorCode(createRequest(r -> r.setAddress("not-an-ip")))).isEqualTo("InvalidParameter");
    // network and broadcast addresses of the pool are never handed out
    assertThat(sdk.errorCode(createRequest(r -> r.setAddress("127.1.0.0")))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(createRequest(r -> r.setAddress("127.1.255.255")))).isEqualTo("InvalidParameter");
    assertThat(ids(list(r -> r.setAddress("10.0.0.5")))).isEmpty();
  }

  @Test
  void createRejectsAnAddressAlreadyInUse() {
    String first = create(r -> r.setAddress("127.1.250.8")).getLoadBalancerId();
    ClientException e = sdk.error(createRequest(r -> r.setAddress("127.1.250.8")));
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("127.1.250.8");
    assertThat(ids(list(r -> r.setAddress("127.1.250.8")))).containsExactly(first);
  }

  @Test
  void createNeverHandsOutTheSameAddressTwice() {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      addresses.add(sdk.call(new CreateLoadBalancerRequest()).getAddress());
    }
    assertThat(addresses).doesNotHaveDuplicates().allMatch(a -> a.startsWith("127.1."));
  }

  @Test
  void createRejectsUnknownOrEqualZones() {
    ClientException e = sdk.error(createRequest(r -> r.setMasterZoneId("cn-hangzhou-z")));
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("MasterZoneId").contains("cn-hangzhou-z");
    assertThat(sdk.errorCode(createRequest(r -> r.setSlaveZoneId("cn-hangzhou-z")))).isEqualTo("InvalidParameter");
    assertThat(
            sdk.errorCode(
                createRequest(
                    r -> {
                      r.setMasterZoneId("cn-hangzhou-h");
                      r.setSlaveZoneId("cn-hangzhou-h");
                    })))
        .isEqualTo("InvalidParameter");
  }

  @Test
  void createPrePayNeedsPricingCycleAndDuration() {
    ClientException noCycle = sdk.error(createRequest(r -> r.setPayType("PrePay")));
    assertThat(noCycle.getErrCode()).isEqualTo("MissingParameter");
    assertThat(noCycle.getErrMsg()).contains("PricingCycle");
    ClientException noDuration =
        sdk.error(
            createRequest(
                r -> {
                  r.setPayType("PrePay");
                  r.setPricingCycle("month");
                }));
    assertThat(noDuration.getErrCode()).isEqualTo("MissingParameter");
    assertThat(noDuration.getErrMsg()).contains("Duration");
    assertThat(
            sdk.errorCode(
                createRequest(
                    r -> {
                      r.setPayType("PrePay");
                      r.setPricingCycle("month");
                      r.setDuration(10);
                    })))
        .isEqualTo("InvalidParameter");
    assertThat(
            sdk.errorCode(
                createRequest(
                    r -> {
                      r.setPayType("PrePay");
                      r.setPricingCycle("year");
                      r.setDuration(6);
                    })))
        .isEqualTo("InvalidParameter");
    assertThat(
            sdk.errorCode(
                createRequest(
                    r -> {
                      r.setPayType("PrePay");
                      r.setPricingCycle("week");
                      r.setDuration(1);
                    })))
        .isEqualTo("InvalidParameter");

    String id =
        create(
            r -> {
              r.setPayType("PrePay");
              r.setPricingCycle("year");
              r.setDuration(5);
              r.setAutoPay(true);
            })
            .getLoadBalancerId();
    assertThat(attr(id).getPayType()).isEqualTo("PrePay");
    assertThat(ids(list(r -> {
      r.setPayType("PrePay");
      r.setLoadBalancerId(id);
    }))).containsExactly(id);
  }

  @Test
  void createValidatesNameSpecAndBilling() {
    ClientException badName = sdk.error(createRequest(r -> r.setLoadBalancerName("9lives")));
    assertThat(badName.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(badName.getErrMsg()).contains("LoadBalancerName");
    assertThat(sdk.errorCode(createRequest(r -> r.setLoadBalancerName("a".repeat(81))))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(createRequest(r -> r.setLoadBalancerSpec("slb.s9.huge")))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(createRequest(r -> r.setPayType("Monthly")))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(createRequest(r -> r.setAddressIPVersion("ipv5")))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(createRequest(r -> r.setDeleteProtection("yes")))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(createRequest(r -> r.setModificationProtectionStatus("ReadOnly"))))
        .isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(createRequest(r -> r.setInternetChargeType("paybyhour")))).isEqualTo("InvalidParameter");
    ClientException noBandwidth = sdk.error(createRequest(r -> r.setInternetChargeType("paybybandwidth")));
    assertThat(noBandwidth.getErrCode()).isEqualTo("MissingParameter");
    assertThat(noBandwidth.getErrMsg()).contains("Bandwidth");
    assertThat(
            sdk.errorCode(
                createRequest(
                    r -> {
                      r.setInternetChargeType("paybybandwidth");
                      r.setBandwidth(5121);
                    })))
        .isEqualTo("InvalidParameter");
    assertThat(
            sdk.errorCode(
                createRequest(
                    r -> {
                      r.setInstanceChargeType("PayByCLCU");
                      r.setInternetChargeType("paybybandwidth");
                      r.setBandwidth(10);
                    })))
        .isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(createRequest(r -> r.setInstanceChargeType("PayByHour")))).isEqualTo("InvalidParameter");
  }

  @Test
  void createAcceptsChargeTypesCaseInsensitivelyAndReturnsTheCanonicalSpelling() {
    String id =
        create(
            r -> {
              r.setInternetChargeType("PayByBandwidth");
              r.setBandwidth(7);
            })
            .getLoadBalancerId();
    assertThat(attr(id).getInternetChargeType()).isEqualTo("paybybandwidth");
    assertThat(attr(id).getBandwidth()).isEqualTo(7);
  }

  @Test
  void createPayByClcuIgnoresTheSpec() {
    String id =
        create(
            r -> {
              r.setInstanceChargeType("PayByCLCU");
              r.setLoadBalancerSpec("slb.s3.large");
            })
            .getLoadBalancerId();
    DescribeLoadBalancerAttributeResponse a = attr(id);
    assertThat(a.getInstanceChargeType()).isEqualTo("PayByCLCU");
    assertThat(a.getLoadBalancerSpec()).isNullOrEmpty();
    assertThat(a.getInternetChargeType()).isEqualTo("paybytraffic");
  }

  @Test
  void createModificationProtectionReasonOnlyWithConsoleProtection() {
    String id =
        create(
            r -> {
              r.setModificationProtectionStatus("NonProtection");
              r.setModificationProtectionReason("ignored reason");
            })
            .getLoadBalancerId();
    assertThat(attr(id).getModificationProtectionStatus()).isEqualTo("NonProtection");
    assertThat(attr(id).getModificationProtectionReason()).isNullOrEmpty();
    assertThat(
            sdk.errorCode(
                createRequest(
                    r -> {
                      r.setModificationProtectionStatus("ConsoleProtection");
                      r.setModificationProtectionReason("1 starts with a digit");
                    })))
        .isEqualTo("InvalidParameter");
  }

  @Test
  void createIsLimitedByThePerAccountQuota(@TempDir Path other) throws Exception {
    try (OpenSlbFixture small = OpenSlbFixture.start(other, "quotas:\n  load-balancers-per-account: 2\n")) {
      Sdk root = small.sdk();
      String first = create(root, r -> r.setLoadBalancerName("q1")).getLoadBalancerId();
      create(root, r -> r.setLoadBalancerName("q2"));
      CreateLoadBalancerRequest third = new CreateLoadBalancerRequest();
      third.setLoadBalancerName("q3");
      ClientException e = root.error(third);
      assertThat(e.getErrCode()).isEqualTo("OverQuota");
      assertThat(list(root, r -> {}).getTotalCount()).isEqualTo(2);

      // the quota is per account
      Sdk tenant = small.sdk(small.newAccount("quota-tenant"));
      create(tenant, r -> r.setLoadBalancerName("t1"));
      create(tenant, r -> r.setLoadBalancerName("t2"));
      assertThat(tenant.errorCode(new CreateLoadBalancerRequest())).isEqualTo("OverQuota");

      // deleting frees a slot
      DeleteLoadBalancerRequest d = new DeleteLoadBalancerRequest();
      d.setLoadBalancerId(first);
      root.call(d);
      CreateLoadBalancerRequest again = new CreateLoadBalancerRequest();
      again.setLoadBalancerName("q3");
      assertThat(root.call(again).getLoadBalancerId()).startsWith("lb-");
    }
  }

  @Test
  void createWithTheSameClientTokenAndParametersReturnsTheSameInstance() {
    String token = UUID.randomUUID().toString();
    String name = unique("idem");
    CreateLoadBalancerResponse first =
        create(
            r -> {
              r.setClientToken(token);
              r.setLoadBalancerName(name);
            });
    CreateLoadBalancerResponse second =
        create(
            r -> {
              r.setClientToken(token);
              r.setLoadBalancerName(name);
            });
    assertThat(second.getLoadBalancerId()).isEqualTo(first.getLoadBalancerId());
    assertThat(second.getAddress()).isEqualTo(first.getAddress());
    assertThat(second.getLoadBalancerName()).isEqualTo(name);
    assertThat(second.getRequestId()).isNotEqualTo(first.getRequestId());
    DescribeLoadBalancersResponse named = list(r -> r.setLoadBalancerName(name));
    assertThat(named.getTotalCount()).isEqualTo(1);
    assertThat(ids(named)).containsExactly(first.getLoadBalancerId());

    // another token is another instance
    CreateLoadBalancerResponse third =
        create(
            r -> {
              r.setClientToken(UUID.randomUUID().toString());
              r.setLoadBalancerName(name);
            });
    assertThat(third.getLoadBalancerId()).isNotEqualTo(first.getLoadBalancerId());
    assertThat(list(r -> r.setLoadBalancerName(name)).getTotalCount()).isEqualTo(2);
  }

  @Test
  void createWithTheSameClientTokenButOtherParametersIsRefused() {
    String token = UUID.randomUUID().toString();
    String name = unique("idem");
    String id =
        create(
            r -> {
              r.setClientToken(token);
              r.setLoadBalancerName(name);
            })
            .getLoadBalancerId();
    ClientException e =
        sdk.error(
            createRequest(
                r -> {
                  r.setClientToken(token);
                  r.setLoadBalancerName(name + "-x");
                }));
    assertThat(e.getErrCode()).isEqualTo("IdempotentParameterMismatch");
    assertThat(list(r -> r.setLoadBalancerName(name + "-x")).getTotalCount()).isZero();
    assertThat(ids(list(r -> r.setLoadBalancerName(name)))).containsExactly(id);
  }

  @Test
  void clientTokensAreScopedToTheAccount() {
    String token = UUID.randomUUID().toString();
    String mine =
        create(
            r -> {
              r.setClientToken(token);
              r.setLoadBalancerName("scoped");
            })
            .getLoadBalancerId();
    Sdk tenant = slb.sdk(slb.newAccount("token-tenant"));
    String theirs =
        create(
            tenant,
            r -> {
              r.setClientToken(token);
              r.setLoadBalancerName("scoped");
            })
            .getLoadBalancerId();
    assertThat(theirs).isNotEqualTo(mine);
  }

  // ---- DeleteLoadBalancer

  @Test
  void deleteRemovesTheInstanceAndFreesItsAddress() {
    CreateLoadBalancerResponse created =
        create(
            r -> {
              r.setAddress("127.1.250.20");
              r.setLoadBalancerName("to-delete");
            });
    String id = created.getLoadBalancerId();
    CreateLoadBalancerTCPListenerRequest listener = new CreateLoadBalancerTCPListenerRequest();
    listener.setLoadBalancerId(id);
    listener.setListenerPort(80);
    listener.setBackendServerPort(80);
    listener.setBandwidth(-1);
    sdk.call(listener);

    DeleteLoadBalancerRequest d = new DeleteLoadBalancerRequest();
    d.setLoadBalancerId(id);
    assertThat(sdk.call(d).getRequestId()).isNotBlank();

    DescribeLoadBalancerAttributeRequest a = new DescribeLoadBalancerAttributeRequest();
    a.setLoadBalancerId(id);
    ClientException gone = sdk.error(a);
    assertThat(gone.getErrCode()).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(gone.getErrMsg()).isEqualTo("The specified LoadBalancerId does not exist.");
    assertThat(ids(list(r -> r.setLoadBalancerId(id)))).isEmpty();
    // deleting again: not found
    assertThat(sdk.errorCode(withLb(new DeleteLoadBalancerRequest(), id))).isEqualTo("InvalidLoadBalancerId.NotFound");

    // the VIP can be taken again
    CreateLoadBalancerResponse reuse = create(r -> r.setAddress("127.1.250.20"));
    assertThat(reuse.getAddress()).isEqualTo("127.1.250.20");
    assertThat(reuse.getLoadBalancerId()).isNotEqualTo(id);
    // and the new instance does not inherit the old one's listeners
    assertThat(attr(reuse.getLoadBalancerId()).getListenerPorts()).isEmpty();
  }

  @Test
  void deleteIsRefusedWhileDeleteProtectionIsOn() {
    String id = create(r -> r.setDeleteProtection("on")).getLoadBalancerId();
    ClientException e = sdk.error(withLb(new DeleteLoadBalancerRequest(), id));
    assertThat(e.getErrCode()).isEqualTo("OperationDenied.DeleteProtectionIsOn");
    assertThat(e.getErrMsg()).isEqualTo("The loadbalancer can not be deleted due to DeleteProtection is enabled.");
    assertThat(attr(id).getLoadBalancerStatus()).isEqualTo("active");

    setDeleteProtection(id, "off");
    delete(id);
    assertThat(sdk.errorCode(withLb(new DescribeLoadBalancerAttributeRequest(), id)))
        .isEqualTo("InvalidLoadBalancerId.NotFound");
  }

  @Test
  void deleteOfAPrePayInstanceIsRefused() {
    String id =
        create(
            r -> {
              r.setPayType("PrePay");
              r.setPricingCycle("month");
              r.setDuration(1);
            })
            .getLoadBalancerId();
    assertThat(sdk.errorCode(withLb(new DeleteLoadBalancerRequest(), id))).isEqualTo("InvalidChargeType");
    assertThat(attr(id).getLoadBalancerId()).isEqualTo(id);
  }

  @Test
  void deleteNeedsAnExistingLoadBalancerId() {
    assertThat(sdk.errorCode(withLb(new DeleteLoadBalancerRequest(), MISSING_ID)))
        .isEqualTo("InvalidLoadBalancerId.NotFound");
    ClientException missing = sdk.error(new DeleteLoadBalancerRequest());
    assertThat(missing.getErrCode()).isEqualTo("MissingParameter");
    assertThat(missing.getErrMsg()).contains("LoadBalancerId");
  }

  // ---- DescribeLoadBalancers: filters and paging

  /** Three instances sharing the tag suite=filters, differing in every filterable field. */
  static final class FilterSet {
    static String a;
    static String b;
    static String c;
    static String addressA;
    static final String SUITE = unique("filters");

    static synchronized void ensure() {
      if (a != null) {
        return;
      }
      CreateLoadBalancerResponse ra =
          create(
              r -> {
                r.setLoadBalancerName(SUITE + "-a");
                r.setInternetChargeType("paybybandwidth");
                r.setBandwidth(10);
                r.setResourceGroupId("rg-" + SUITE);
                r.setLoadBalancerSpec("slb.s1.small");
                tag(r, 1, "suite", SUITE);
                tag(r, 2, "env", "prod");
              });
      a = ra.getLoadBalancerId();
      addressA = ra.getAddress();
      b =
          create(
              r -> {
                r.setLoadBalancerName(SUITE + "-b");
                r.setVpcId("vpc-" + SUITE);
                r.setVSwitchId("vsw-" + SUITE);
                r.setMasterZoneId("cn-hangzhou-i");
                r.setSlaveZoneId("cn-hangzhou-h");
                tag(r, 1, "suite", SUITE);
                tag(r, 2, "env", "dev");
              })
              .getLoadBalancerId();
      c =
          create(
              r -> {
                r.setLoadBalancerName(SUITE + "-c");
                r.setPayType("PrePay");
                r.setPricingCycle("month");
                r.setDuration(1);
                tag(r, 1, "suite", SUITE);
              })
              .getLoadBalancerId();
      SetLoadBalancerStatusRequest inactive = new SetLoadBalancerStatusRequest();
      inactive.setLoadBalancerId(c);
      inactive.setLoadBalancerStatus("inactive");
      sdk.call(inactive);
      AddBackendServersRequest add = new AddBackendServersRequest();
      add.setLoadBalancerId(a);
      add.setBackendServers("[{\"ServerId\":\"i-lbfilter\"}]");
      sdk.call(add);
    }
  }

  /** The ids of the filter set matching {@code filter}. */
  private static List<String> filtered(Consumer<DescribeLoadBalancersRequest> filter) {
    FilterSet.ensure();
    DescribeLoadBalancersResponse r =
        list(
            req -> {
              req.setTags(tags("suite", FilterSet.SUITE));
              filter.accept(req);
            });
    assertThat(r.getTotalCount()).isEqualTo(r.getLoadBalancers().size());
    return ids(r);
  }

  @Test
  void describeLoadBalancersFiltersByTags() {
    FilterSet.ensure();
    assertThat(filtered(r -> {})).containsExactlyInAnyOrder(FilterSet.a, FilterSet.b, FilterSet.c);
    assertThat(ids(list(r -> r.setTags(tags("suite", FilterSet.SUITE, "env", "prod"))))).containsExactly(FilterSet.a);
    // a key without a value matches any value
    assertThat(ids(list(r -> r.setTags(tags("suite", FilterSet.SUITE, "env", null)))))
        .containsExactlyInAnyOrder(FilterSet.a, FilterSet.b);
    // the docs spell the keys tagKey/tagValue
    assertThat(ids(list(r -> r.setTags("[{\"tagKey\":\"suite\",\"tagValue\":\"" + FilterSet.SUITE + "\"},"
        + "{\"tagKey\":\"env\",\"tagValue\":\"dev\"}]"))))
        .containsExactly(FilterSet.b);
    assertThat(ids(list(r -> r.setTags(tags("suite", FilterSet.SUITE, "env", "staging"))))).isEmpty();
    assertThat(ids(list(r -> r.setTags(tags("suite", "no-such-suite"))))).isEmpty();
    // the newer Tag.N.Key/Tag.N.Value filter
    assertThat(ids(list(r -> {
      r.putQueryParameter("Tag.1.Key", "suite");
      r.putQueryParameter("Tag.1.Value", FilterSet.SUITE);
      r.putQueryParameter("Tag.2.Key", "env");
      r.putQueryParameter("Tag.2.Value", "dev");
    }))).containsExactly(FilterSet.b);
  }

  @Test
  void tagsAtCreationObeyTheRulesOfEveryTag() {
    assertThat(sdk.errorCode(createRequest(r -> tag(r, 1, "acs:reserved", "x")))).isEqualTo("InvalidParam.TagKey");
    assertThat(sdk.errorCode(createRequest(r -> tag(r, 1, "k".repeat(65), "x")))).isEqualTo("InvalidParam.TagKey");
    assertThat(sdk.errorCode(createRequest(r -> tag(r, 1, "env", "aliyun-x")))).isEqualTo("InvalidParam.TagValue");
  }

  @Test
  void describeLoadBalancersShowsTheTagsOfEachInstance() {
    FilterSet.ensure();
    DescribeLoadBalancersResponse r = list(req -> req.setLoadBalancerId(FilterSet.a + "," + FilterSet.c));
    LoadBalancer a = r.getLoadBalancers().stream().filter(l -> l.getLoadBalancerId().equals(FilterSet.a)).findFirst().orElseThrow();
    assertThat(a.getTags())
        .extracting(LoadBalancer.Tag::getTagKey, LoadBalancer.Tag::getTagValue)
        .containsExactlyInAnyOrder(tuple("suite", FilterSet.SUITE), tuple("env", "prod"));
    LoadBalancer c = r.getLoadBalancers().stream().filter(l -> l.getLoadBalancerId().equals(FilterSet.c)).findFirst().orElseThrow();
    assertThat(c.getTags())
        .extracting(LoadBalancer.Tag::getTagKey, LoadBalancer.Tag::getTagValue)
        .containsExactly(tuple("suite", FilterSet.SUITE));
  }

  @Test
  void describeLoadBalancersFiltersByIdsAndNames() {
    assertThat(filtered(r -> r.setLoadBalancerId(FilterSet.a + "," + FilterSet.b)))
        .containsExactlyInAnyOrder(FilterSet.a, FilterSet.b);
    assertThat(ids(list(r -> r.setLoadBalancerId(FilterSet.c)))).containsExactly(FilterSet.c);
    assertThat(ids(list(r -> r.setLoadBalancerId(MISSING_ID)))).isEmpty();
    assertThat(filtered(r -> r.setLoadBalancerName(FilterSet.SUITE + "-a," + FilterSet.SUITE + "-c")))
        .containsExactlyInAnyOrder(FilterSet.a, FilterSet.c);
    assertThat(ids(list(r -> r.setLoadBalancerName(FilterSet.SUITE + "-b")))).containsExactly(FilterSet.b);
  }

  @Test
  void describeLoadBalancersFiltersByAddressFields() {
    assertThat(filtered(r -> r.setAddress(FilterSet.addressA))).containsExactly(FilterSet.a);
    assertThat(ids(list(r -> r.setAddress(FilterSet.addressA)))).containsExactly(FilterSet.a);
    assertThat(filtered(r -> r.setAddressType("intranet"))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setAddressType("internet"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.c);
    assertThat(filtered(r -> r.setAddressIPVersion("ipv4")))
        .containsExactlyInAnyOrder(FilterSet.a, FilterSet.b, FilterSet.c);
    assertThat(filtered(r -> r.setAddressIPVersion("ipv6"))).isEmpty();
    assertThat(filtered(r -> r.setNetworkType("vpc"))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setNetworkType("classic"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.c);
    assertThat(filtered(r -> r.setVpcId("vpc-" + FilterSet.SUITE))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setVSwitchId("vsw-" + FilterSet.SUITE))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setVSwitchId("vsw-other"))).isEmpty();
  }

  @Test
  void describeLoadBalancersFiltersByStatusZonesAndBilling() {
    assertThat(filtered(r -> r.setLoadBalancerStatus("inactive"))).containsExactly(FilterSet.c);
    assertThat(filtered(r -> r.setLoadBalancerStatus("active"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.b);
    assertThat(filtered(r -> r.setLoadBalancerStatus("locked"))).isEmpty();
    assertThat(filtered(r -> r.setMasterZoneId("cn-hangzhou-i"))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setSlaveZoneId("cn-hangzhou-i"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.c);
    assertThat(filtered(r -> r.setInternetChargeType("paybybandwidth"))).containsExactly(FilterSet.a);
    assertThat(filtered(r -> r.setInternetChargeType("paybytraffic"))).containsExactlyInAnyOrder(FilterSet.b, FilterSet.c);
    assertThat(filtered(r -> r.setPayType("PrePay"))).containsExactly(FilterSet.c);
    assertThat(filtered(r -> r.setPayType("PayOnDemand"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.b);
    assertThat(filtered(r -> r.setResourceGroupId("rg-" + FilterSet.SUITE))).containsExactly(FilterSet.a);
    // filters are AND-ed
    assertThat(filtered(r -> {
      r.setPayType("PrePay");
      r.setLoadBalancerStatus("active");
    })).isEmpty();
  }

  @Test
  void describeLoadBalancersFiltersByBackendServer() {
    assertThat(filtered(r -> r.setServerId("i-lbfilter"))).containsExactly(FilterSet.a);
    assertThat(ids(list(r -> r.setServerId("i-lbfilter")))).contains(FilterSet.a).doesNotContain(FilterSet.b);
    assertThat(filtered(r -> r.setServerId("i-nobody"))).isEmpty();
    assertThat(filtered(r -> r.setServerIntranetAddress("10.9.9.9,127.0.0.31"))).containsExactly(FilterSet.a);
    assertThat(filtered(r -> r.setServerIntranetAddress("10.9.9.9"))).isEmpty();
  }

  @Test
  void describeLoadBalancersRejectsBadFilters() {
    ClientException tagsBad = sdk.error(withTags("not json"));
    assertThat(tagsBad.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(tagsBad.getErrMsg()).contains("Tags");
    assertThat(sdk.errorCode(withTags("[{\"TagValue\":\"v\"}]"))).isEqualTo("InvalidParameter");
    StringBuilder eleven = new StringBuilder("[");
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : ",").append("{\"TagKey\":\"k").append(i).append("\"}");
    }
    assertThat(sdk.errorCode(withTags(eleven.append(']').toString()))).isEqualTo("InvalidParameter");

    List<String> elevenIds = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      elevenIds.add("lb-x" + i);
    }
    DescribeLoadBalancersRequest tooManyIds = new DescribeLoadBalancersRequest();
    tooManyIds.setLoadBalancerId(String.join(",", elevenIds));
    assertThat(sdk.errorCode(tooManyIds)).isEqualTo("InvalidParameter");
    DescribeLoadBalancersRequest tenIds = new DescribeLoadBalancersRequest();
    tenIds.setLoadBalancerId(String.join(",", elevenIds.subList(0, 10)));
    assertThat(sdk.call(tenIds).getTotalCount()).isZero();
  }

  private static DescribeLoadBalancersRequest withTags(String json) {
    DescribeLoadBalancersRequest r = new DescribeLoadBalancersRequest();
    r.setTags(json);
    return r;
  }

  @Test
  void describeLoadBalancersPagesThroughTheMatches() {
    String suite = unique("paging");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(r -> tag(r, 1, "suite", suite)).getLoadBalancerId());
    }
    List<String> seen = new ArrayList<>();
    int[] expectedSizes = {2, 2, 1, 0};
    for (int page = 1; page <= 4; page++) {
      int p = page;
      DescribeLoadBalancersResponse r =
          list(
              req -> {
                req.setTags(tags("suite", suite));
                req.setPageNumber(p);
                req.setPageSize(2);
              });
      assertThat(r.getPageNumber()).isEqualTo(page);
      assertThat(r.getPageSize()).isEqualTo(2);
      assertThat(r.getTotalCount()).isEqualTo(5);
      assertThat(r.getLoadBalancers()).hasSize(expectedSizes[page - 1]);
      seen.addAll(ids(r));
    }
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);

    // newest first
    DescribeLoadBalancersResponse all = list(req -> req.setTags(tags("suite", suite)));
    List<Long> times = all.getLoadBalancers().stream().map(LoadBalancer::getCreateTimeStamp).toList();
    assertThat(times).isSortedAccordingTo((x, y) -> Long.compare(y, x));
  }

  @Test
  void describeLoadBalancersDefaultsToPageOneOfTen() {
    String suite = unique("defaults");
    for (int i = 0; i < 11; i++) {
      create(r -> tag(r, 1, "suite", suite));
    }
    DescribeLoadBalancersRequest r = new DescribeLoadBalancersRequest();
    r.setTags(tags("suite", suite));
    DescribeLoadBalancersResponse page = sdk.call(r);
    assertThat(page.getPageNumber()).isEqualTo(1);
    assertThat(page.getPageSize()).isEqualTo(10);
    assertThat(page.getTotalCount()).isEqualTo(11);
    assertThat(page.getLoadBalancers()).hasSize(10);
  }

  @Test
  void describeLoadBalancersRejectsBadPaging() {
    DescribeLoadBalancersRequest zeroPage = new DescribeLoadBalancersRequest();
    zeroPage.setPageNumber(0);
    assertThat(sdk.errorCode(zeroPage)).isEqualTo("InvalidParameter");
    DescribeLoadBalancersRequest bigPage = new DescribeLoadBalancersRequest();
    bigPage.setPageSize(101);
    ClientException e = sdk.error(bigPage);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("PageSize");
    DescribeLoadBalancersRequest zeroSize = new DescribeLoadBalancersRequest();
    zeroSize.setPageSize(0);
    assertThat(sdk.errorCode(zeroSize)).isEqualTo("InvalidParameter");
  }

  // ---- DescribeLoadBalancerAttribute

  @Test
  void describeAttributeShowsListenersAndBackendServers() {
    String id = newLb("with-listeners");
    CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
    tcp.setLoadBalancerId(id);
    tcp.setListenerPort(80);
    tcp.setBackendServerPort(8080);
    tcp.setBandwidth(-1);
    tcp.setDescription("tcp-front");
    sdk.call(tcp);
    CreateLoadBalancerHTTPListenerRequest http = new CreateLoadBalancerHTTPListenerRequest();
    http.setLoadBalancerId(id);
    http.setListenerPort(8080);
    http.setBackendServerPort(8080);
    http.setHealthCheck("off");
    sdk.call(http);
    CreateLoadBalancerUDPListenerRequest udp = new CreateLoadBalancerUDPListenerRequest();
    udp.setLoadBalancerId(id);
    udp.setListenerPort(53);
    udp.setBackendServerPort(5353);
    udp.setBandwidth(-1);
    sdk.call(udp);
    AddBackendServersRequest add = new AddBackendServersRequest();
    add.setLoadBalancerId(id);
    add.setBackendServers("[{\"ServerId\":\"i-lbfilter\",\"Weight\":\"40\",\"Description\":\"filter-box\"}]");
    sdk.call(add);

    DescribeLoadBalancerAttributeResponse a = attr(id);
    assertThat(a.getListenerPorts()).containsExactly(53, 80, 8080);
    assertThat(a.getListenerPortsAndProtocal())
        .extracting(ListenerPortAndProtocal::getListenerPort, ListenerPortAndProtocal::getListenerProtocal)
        .containsExactly(tuple(53, "udp"), tuple(80, "tcp"), tuple(8080, "http"));
    assertThat(a.getListenerPortsAndProtocol())
        .extracting(
            ListenerPortAndProtocol::getListenerPort,
            ListenerPortAndProtocol::getListenerProtocol,
            ListenerPortAndProtocol::getDescription)
        .containsExactly(tuple(53, "udp", null), tuple(80, "tcp", "tcp-front"), tuple(8080, "http", null));
    assertThat(a.getListenerPortsAndProtocol().get(2).getListenerForward()).isEqualTo("off");
    assertThat(a.getBackendServers())
        .extracting(
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerId,
            DescribeLoadBalancerAttributeResponse.BackendServer::getWeight,
            DescribeLoadBalancerAttributeResponse.BackendServer::getType,
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerIp,
            DescribeLoadBalancerAttributeResponse.BackendServer::getDescription,
            DescribeLoadBalancerAttributeResponse.BackendServer::getVpcId)
        .containsExactly(tuple("i-lbfilter", 40, "ecs", "127.0.0.31", "filter-box", "vpc-test"));
  }

  @Test
  void describeAttributeNeedsAnExistingLoadBalancerId() {
    ClientException e = sdk.error(withLb(new DescribeLoadBalancerAttributeRequest(), MISSING_ID));
    assertThat(e.getErrCode()).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(e.getErrMsg()).isEqualTo("The specified LoadBalancerId does not exist.");
    assertThat(sdk.errorCode(new DescribeLoadBalancerAttributeRequest())).isEqualTo("MissingParameter");
  }

  // ---- SetLoadBalancerName

  @Test
  void setNameRenames() {
    String id = newLb("before-rename");
    String name = unique("after.rename_x");
    SetLoadBalancerNameRequest r = new SetLoadBalancerNameRequest();
    r.setLoadBalancerId(id);
    r.setLoadBalancerName(name);
    assertThat(sdk.call(r).getRequestId()).isNotBlank();
    assertThat(attr(id).getLoadBalancerName()).isEqualTo(name);
    assertThat(ids(list(q -> q.setLoadBalancerName(name)))).containsExactly(id);
  }

  @Test
  void setNameValidates() {
    String id = newLb("keep-name");
    SetLoadBalancerNameRequest bad = new SetLoadBalancerNameRequest();
    bad.setLoadBalancerId(id);
    bad.setLoadBalancerName("-starts-with-dash");
    ClientException e = sdk.error(bad);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("LoadBalancerName");
    SetLoadBalancerNameRequest missing = new SetLoadBalancerNameRequest();
    missing.setLoadBalancerId(id);
    assertThat(sdk.errorCode(missing)).isEqualTo("MissingParameter");
    SetLoadBalancerNameRequest unknown = new SetLoadBalancerNameRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setLoadBalancerName("fine");
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getLoadBalancerName()).isEqualTo("keep-name");
  }

  // ---- SetLoadBalancerStatus

  @Test
  void setStatusSwitchesBetweenActiveAndInactive() {
    String id = newLb("status");
    SetLoadBalancerStatusRequest r = new SetLoadBalancerStatusRequest();
    r.setLoadBalancerId(id);
    r.setLoadBalancerStatus("inactive");
    sdk.call(r);
    assertThat(attr(id).getLoadBalancerStatus()).isEqualTo("inactive");
    assertThat(list(q -> q.setLoadBalancerId(id)).getLoadBalancers().get(0).getLoadBalancerStatus())
        .isEqualTo("inactive");
    SetLoadBalancerStatusRequest back = new SetLoadBalancerStatusRequest();
    back.setLoadBalancerId(id);
    back.setLoadBalancerStatus("active");
    sdk.call(back);
    assertThat(attr(id).getLoadBalancerStatus()).isEqualTo("active");
  }

  @Test
  void setStatusAcceptsOnlyActiveOrInactive() {
    String id = newLb("status-bad");
    SetLoadBalancerStatusRequest locked = new SetLoadBalancerStatusRequest();
    locked.setLoadBalancerId(id);
    locked.setLoadBalancerStatus("locked");
    ClientException e = sdk.error(locked);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("LoadBalancerStatus");
    SetLoadBalancerStatusRequest missing = new SetLoadBalancerStatusRequest();
    missing.setLoadBalancerId(id);
    assertThat(sdk.errorCode(missing)).isEqualTo("MissingParameter");
    SetLoadBalancerStatusRequest unknown = new SetLoadBalancerStatusRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setLoadBalancerStatus("inactive");
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getLoadBalancerStatus()).isEqualTo("active");
  }

  // ---- SetLoadBalancerDeleteProtection

  @Test
  void setDeleteProtectionTurnsItOnAndOff() {
    String id = newLb("protect");
    setDeleteProtection(id, "on");
    assertThat(attr(id).getDeleteProtection()).isEqualTo("on");
    assertThat(list(q -> q.setLoadBalancerId(id)).getLoadBalancers().get(0).getDeleteProtection()).isEqualTo("on");
    assertThat(sdk.errorCode(withLb(new DeleteLoadBalancerRequest(), id)))
        .isEqualTo("OperationDenied.DeleteProtectionIsOn");
    setDeleteProtection(id, "off");
    assertThat(attr(id).getDeleteProtection()).isEqualTo("off");
  }

  @Test
  void setDeleteProtectionValidates() {
    String id = newLb("protect-bad");
    SetLoadBalancerDeleteProtectionRequest bad = new SetLoadBalancerDeleteProtectionRequest();
    bad.setLoadBalancerId(id);
    bad.setDeleteProtection("maybe");
    assertThat(sdk.errorCode(bad)).isEqualTo("InvalidParameter");
    SetLoadBalancerDeleteProtectionRequest missing = new SetLoadBalancerDeleteProtectionRequest();
    missing.setLoadBalancerId(id);
    ClientException e = sdk.error(missing);
    assertThat(e.getErrCode()).isEqualTo("MissingParameter");
    assertThat(e.getErrMsg()).contains("DeleteProtection");
    SetLoadBalancerDeleteProtectionRequest unknown = new SetLoadBalancerDeleteProtectionRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setDeleteProtection("on");
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getDeleteProtection()).isEqualTo("off");
  }

  // ---- SetLoadBalancerModificationProtection

  @Test
  void setModificationProtectionStoresTheReasonAndClearsItOnNonProtection() {
    String id = newLb("modprot");
    SetLoadBalancerModificationProtectionRequest on = new SetLoadBalancerModificationProtectionRequest();
    on.setLoadBalancerId(id);
    on.setModificationProtectionStatus("ConsoleProtection");
    on.setModificationProtectionReason("change freeze");
    assertThat(sdk.call(on).getRequestId()).isNotBlank();
    DescribeLoadBalancerAttributeResponse a = attr(id);
    assertThat(a.getModificationProtectionStatus()).isEqualTo("ConsoleProtection");
    assertThat(a.getModificationProtectionReason()).isEqualTo("change freeze");
    LoadBalancer row = list(q -> q.setLoadBalancerId(id)).getLoadBalancers().get(0);
    assertThat(row.getModificationProtectionStatus()).isEqualTo("ConsoleProtection");
    assertThat(row.getModificationProtectionReason()).isEqualTo("change freeze");

    // ConsoleProtection only guards the console: API changes still work
    SetLoadBalancerNameRequest rename = new SetLoadBalancerNameRequest();
    rename.setLoadBalancerId(id);
    rename.setLoadBalancerName("renamed-while-protected");
    sdk.call(rename);
    assertThat(attr(id).getLoadBalancerName()).isEqualTo("renamed-while-protected");

    SetLoadBalancerModificationProtectionRequest off = new SetLoadBalancerModificationProtectionRequest();
    off.setLoadBalancerId(id);
    off.setModificationProtectionStatus("NonProtection");
    off.setModificationProtectionReason("should be dropped");
    sdk.call(off);
    a = attr(id);
    assertThat(a.getModificationProtectionStatus()).isEqualTo("NonProtection");
    assertThat(a.getModificationProtectionReason()).isNullOrEmpty();
  }

  @Test
  void setModificationProtectionValidates() {
    String id = newLb("modprot-bad");
    SetLoadBalancerModificationProtectionRequest bad = new SetLoadBalancerModificationProtectionRequest();
    bad.setLoadBalancerId(id);
    bad.setModificationProtectionStatus("ReadOnly");
    ClientException e = sdk.error(bad);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("ModificationProtectionStatus");
    SetLoadBalancerModificationProtectionRequest badReason = new SetLoadBalancerModificationProtectionRequest();
    badReason.setLoadBalancerId(id);
    badReason.setModificationProtectionStatus("ConsoleProtection");
    badReason.setModificationProtectionReason("_underscore first");
    assertThat(sdk.errorCode(badReason)).isEqualTo("InvalidParameter");
    SetLoadBalancerModificationProtectionRequest missing = new SetLoadBalancerModificationProtectionRequest();
    missing.setLoadBalancerId(id);
    assertThat(sdk.errorCode(missing)).isEqualTo("MissingParameter");
    SetLoadBalancerModificationProtectionRequest unknown = new SetLoadBalancerModificationProtectionRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setModificationProtectionStatus("ConsoleProtection");
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getModificationProtectionStatus()).isEqualTo("NonProtection");
  }

  // ---- ModifyLoadBalancerInstanceSpec

  @Test
  void modifyInstanceSpecChangesTheSpec() {
    String id = newLb("spec");
    ModifyLoadBalancerInstanceSpecRequest r = new ModifyLoadBalancerInstanceSpecRequest();
    r.setLoadBalancerId(id);
    r.setLoadBalancerSpec("slb.s3.medium");
    ModifyLoadBalancerInstanceSpecResponse out = sdk.call(r);
    assertThat(out.getRequestId()).isNotBlank();
    assertThat(out.getOrderId()).isIn(null, 0L);
    assertThat(attr(id).getLoadBalancerSpec()).isEqualTo("slb.s3.medium");
    assertThat(list(q -> q.setLoadBalancerId(id)).getLoadBalancers().get(0).getLoadBalancerSpec())
        .isEqualTo("slb.s3.medium");
    // pay-as-you-go may downgrade
    ModifyLoadBalancerInstanceSpecRequest down = new ModifyLoadBalancerInstanceSpecRequest();
    down.setLoadBalancerId(id);
    down.setLoadBalancerSpec("slb.s1.small");
    sdk.call(down);
    assertThat(attr(id).getLoadBalancerSpec()).isEqualTo("slb.s1.small");
  }

  @Test
  void modifyInstanceSpecValidates() {
    String id = newLb("spec-bad");
    ModifyLoadBalancerInstanceSpecRequest bad = new ModifyLoadBalancerInstanceSpecRequest();
    bad.setLoadBalancerId(id);
    bad.setLoadBalancerSpec("slb.s4.giant");
    ClientException e = sdk.error(bad);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("LoadBalancerSpec").contains("slb.s4.giant");
    ModifyLoadBalancerInstanceSpecRequest missing = new ModifyLoadBalancerInstanceSpecRequest();
    missing.setLoadBalancerId(id);
    assertThat(sdk.errorCode(missing)).isEqualTo("MissingParameter");
    ModifyLoadBalancerInstanceSpecRequest unknown = new ModifyLoadBalancerInstanceSpecRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setLoadBalancerSpec("slb.s1.small");
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getLoadBalancerSpec()).isNullOrEmpty();
  }

  @Test
  void modifyInstanceSpecIsRefusedForClcuAndForSubscriptionDowngrades() {
    String clcu = create(r -> r.setInstanceChargeType("PayByCLCU")).getLoadBalancerId();
    ModifyLoadBalancerInstanceSpecRequest r = new ModifyLoadBalancerInstanceSpecRequest();
    r.setLoadBalancerId(clcu);
    r.setLoadBalancerSpec("slb.s2.small");
    assertThat(sdk.errorCode(r)).isEqualTo("OperationDenied.PayByCLCU");
    assertThat(attr(clcu).getLoadBalancerSpec()).isNullOrEmpty();

    String prepay =
        create(
            c -> {
              c.setPayType("PrePay");
              c.setPricingCycle("month");
              c.setDuration(1);
              c.setLoadBalancerSpec("slb.s2.medium");
            })
            .getLoadBalancerId();
    ModifyLoadBalancerInstanceSpecRequest down = new ModifyLoadBalancerInstanceSpecRequest();
    down.setLoadBalancerId(prepay);
    down.setLoadBalancerSpec("slb.s2.small");
    assertThat(sdk.errorCode(down)).isEqualTo("ChangeLbSpecNotAllowed");
    ModifyLoadBalancerInstanceSpecRequest up = new ModifyLoadBalancerInstanceSpecRequest();
    up.setLoadBalancerId(prepay);
    up.setLoadBalancerSpec("slb.s3.small");
    up.setAutoPay(true);
    sdk.call(up);
    assertThat(attr(prepay).getLoadBalancerSpec()).isEqualTo("slb.s3.small");
  }

  // ---- ModifyLoadBalancerInternetSpec

  @Test
  void modifyInternetSpecSwitchesMeteringAndBandwidth() {
    String id = newLb("inet");
    ModifyLoadBalancerInternetSpecRequest r = new ModifyLoadBalancerInternetSpecRequest();
    r.setLoadBalancerId(id);
    r.setInternetChargeType("paybybandwidth");
    r.setBandwidth(50);
    ModifyLoadBalancerInternetSpecResponse out = sdk.call(r);
    assertThat(out.getRequestId()).isNotBlank();
    assertThat(out.getOrderId()).isIn(null, 0L);
    DescribeLoadBalancerAttributeResponse a = attr(id);
    assertThat(a.getInternetChargeType()).isEqualTo("paybybandwidth");
    assertThat(a.getBandwidth()).isEqualTo(50);

    // bandwidth alone
    ModifyLoadBalancerInternetSpecRequest bw = new ModifyLoadBalancerInternetSpecRequest();
    bw.setLoadBalancerId(id);
    bw.setBandwidth(80);
    sdk.call(bw);
    a = attr(id);
    assertThat(a.getInternetChargeType()).isEqualTo("paybybandwidth");
    assertThat(a.getBandwidth()).isEqualTo(80);
    LoadBalancer row = list(q -> q.setLoadBalancerId(id)).getLoadBalancers().get(0);
    assertThat(row.getInternetChargeType()).isEqualTo("paybybandwidth");
    assertThat(row.getBandwidth()).isEqualTo(80);

    // and back to traffic
    ModifyLoadBalancerInternetSpecRequest traffic = new ModifyLoadBalancerInternetSpecRequest();
    traffic.setLoadBalancerId(id);
    traffic.setInternetChargeType("paybytraffic");
    sdk.call(traffic);
    assertThat(attr(id).getInternetChargeType()).isEqualTo("paybytraffic");
  }

  @Test
  void modifyInternetSpecValidates() {
    String id = newLb("inet-bad");
    ModifyLoadBalancerInternetSpecRequest noBandwidth = new ModifyLoadBalancerInternetSpecRequest();
    noBandwidth.setLoadBalancerId(id);
    noBandwidth.setInternetChargeType("paybybandwidth");
    assertThat(sdk.errorCode(noBandwidth)).isEqualTo("MissingParameter");
    ModifyLoadBalancerInternetSpecRequest tooMuch = new ModifyLoadBalancerInternetSpecRequest();
    tooMuch.setLoadBalancerId(id);
    tooMuch.setInternetChargeType("paybybandwidth");
    tooMuch.setBandwidth(5001);
    assertThat(sdk.errorCode(tooMuch)).isEqualTo("InvalidParameter");
    ModifyLoadBalancerInternetSpecRequest badType = new ModifyLoadBalancerInternetSpecRequest();
    badType.setLoadBalancerId(id);
    badType.setInternetChargeType("paybyhour");
    assertThat(sdk.errorCode(badType)).isEqualTo("InvalidParameter");
    ModifyLoadBalancerInternetSpecRequest unknown = new ModifyLoadBalancerInternetSpecRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setBandwidth(10);
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getInternetChargeType()).isEqualTo("paybytraffic");

    String intranet = create(r -> r.setAddressType("intranet")).getLoadBalancerId();
    ModifyLoadBalancerInternetSpecRequest r = new ModifyLoadBalancerInternetSpecRequest();
    r.setLoadBalancerId(intranet);
    r.setInternetChargeType("paybybandwidth");
    r.setBandwidth(10);
    assertThat(sdk.errorCode(r)).isEqualTo("ActionNotAllowed");
    assertThat(attr(intranet).getInternetChargeType()).isEqualTo("paybytraffic");

    String clcu = create(c -> c.setInstanceChargeType("PayByCLCU")).getLoadBalancerId();
    ModifyLoadBalancerInternetSpecRequest toBandwidth = new ModifyLoadBalancerInternetSpecRequest();
    toBandwidth.setLoadBalancerId(clcu);
    toBandwidth.setInternetChargeType("paybybandwidth");
    toBandwidth.setBandwidth(10);
    assertThat(sdk.errorCode(toBandwidth)).isEqualTo("OperationDenied.PayByCLCU");
    assertThat(attr(clcu).getInternetChargeType()).isEqualTo("paybytraffic");
  }

  // ---- ModifyLoadBalancerPayType

  @Test
  void modifyPayTypeConvertsToSubscription() {
    String id =
        create(
            r -> {
              r.setInternetChargeType("paybybandwidth");
              r.setBandwidth(10);
            })
            .getLoadBalancerId();
    ModifyLoadBalancerPayTypeRequest r = new ModifyLoadBalancerPayTypeRequest();
    r.setLoadBalancerId(id);
    r.setPayType("PrePay");
    r.setPricingCycle("month");
    r.setDuration(3);
    r.setAutoPay(true);
    ModifyLoadBalancerPayTypeResponse out = sdk.call(r);
    assertThat(out.getRequestId()).isNotBlank();
    assertThat(out.getOrderId()).isIn(null, 0L);
    assertThat(attr(id).getPayType()).isEqualTo("PrePay");
    assertThat(ids(list(q -> {
      q.setLoadBalancerId(id);
      q.setPayType("PrePay");
    }))).containsExactly(id);

    // only once
    ModifyLoadBalancerPayTypeRequest again = new ModifyLoadBalancerPayTypeRequest();
    again.setLoadBalancerId(id);
    again.setPayType("PrePay");
    again.setPricingCycle("month");
    again.setDuration(1);
    assertThat(sdk.errorCode(again)).isEqualTo("Operation.NotAllowed");
  }

  @Test
  void modifyPayTypeValidates() {
    String traffic = newLb("paytype-traffic");
    ModifyLoadBalancerPayTypeRequest r = new ModifyLoadBalancerPayTypeRequest();
    r.setLoadBalancerId(traffic);
    r.setPayType("PrePay");
    r.setPricingCycle("month");
    r.setDuration(1);
    assertThat(sdk.errorCode(r)).isEqualTo("Operation.NotAllowed");
    assertThat(attr(traffic).getPayType()).isEqualTo("PayOnDemand");

    String id = create(c -> c.setAddressType("intranet")).getLoadBalancerId();
    ModifyLoadBalancerPayTypeRequest noCycle = new ModifyLoadBalancerPayTypeRequest();
    noCycle.setLoadBalancerId(id);
    noCycle.setPayType("PrePay");
    assertThat(sdk.errorCode(noCycle)).isEqualTo("MissingParameter");
    ModifyLoadBalancerPayTypeRequest longYear = new ModifyLoadBalancerPayTypeRequest();
    longYear.setLoadBalancerId(id);
    longYear.setPayType("PrePay");
    longYear.setPricingCycle("year");
    longYear.setDuration(4);
    assertThat(sdk.errorCode(longYear)).isEqualTo("InvalidParameter");
    ModifyLoadBalancerPayTypeRequest toOnDemand = new ModifyLoadBalancerPayTypeRequest();
    toOnDemand.setLoadBalancerId(id);
    toOnDemand.setPayType("PayOnDemand");
    assertThat(sdk.errorCode(toOnDemand)).isEqualTo("Operation.NotAllowed");
    ModifyLoadBalancerPayTypeRequest noPayType = new ModifyLoadBalancerPayTypeRequest();
    noPayType.setLoadBalancerId(id);
    assertThat(sdk.errorCode(noPayType)).isEqualTo("MissingParameter");
    ModifyLoadBalancerPayTypeRequest unknown = new ModifyLoadBalancerPayTypeRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setPayType("PrePay");
    unknown.setPricingCycle("month");
    unknown.setDuration(1);
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getPayType()).isEqualTo("PayOnDemand");

    // an intranet instance has no internet metering and may become PrePay
    ModifyLoadBalancerPayTypeRequest ok = new ModifyLoadBalancerPayTypeRequest();
    ok.setLoadBalancerId(id);
    ok.setPayType("PrePay");
    ok.setPricingCycle("year");
    ok.setDuration(3);
    sdk.call(ok);
    assertThat(attr(id).getPayType()).isEqualTo("PrePay");
  }

  // ---- ModifyLoadBalancerInstanceChargeType

  @Test
  void modifyInstanceChargeTypeSwitchesToClcu() {
    String id =
        create(
            r -> {
              r.setLoadBalancerSpec("slb.s2.small");
              r.setInternetChargeType("paybybandwidth");
              r.setBandwidth(10);
            })
            .getLoadBalancerId();
    ModifyLoadBalancerInstanceChargeTypeRequest r = new ModifyLoadBalancerInstanceChargeTypeRequest();
    r.setLoadBalancerId(id);
    r.setInstanceChargeType("PayByCLCU");
    assertThat(sdk.call(r).getRequestId()).isNotBlank();
    DescribeLoadBalancerAttributeResponse a = attr(id);
    assertThat(a.getInstanceChargeType()).isEqualTo("PayByCLCU");
    assertThat(a.getInternetChargeType()).isEqualTo("paybytraffic");
    assertThat(a.getLoadBalancerSpec()).isNullOrEmpty();
    assertThat(list(q -> q.setLoadBalancerId(id)).getLoadBalancers().get(0).getInstanceChargeType())
        .isEqualTo("PayByCLCU");

    // one way only
    ModifyLoadBalancerInstanceChargeTypeRequest again = new ModifyLoadBalancerInstanceChargeTypeRequest();
    again.setLoadBalancerId(id);
    again.setInstanceChargeType("PayByCLCU");
    assertThat(sdk.errorCode(again)).isEqualTo("InvalidParameter");
    ModifyLoadBalancerInstanceChargeTypeRequest back = new ModifyLoadBalancerInstanceChargeTypeRequest();
    back.setLoadBalancerId(id);
    back.setInstanceChargeType("PayBySpec");
    back.setLoadBalancerSpec("slb.s1.small");
    assertThat(sdk.errorCode(back)).isEqualTo("InvalidParameter");
    assertThat(attr(id).getInstanceChargeType()).isEqualTo("PayByCLCU");
  }

  @Test
  void modifyInstanceChargeTypeValidates() {
    String id = newLb("clcu-bad");
    ModifyLoadBalancerInstanceChargeTypeRequest missing = new ModifyLoadBalancerInstanceChargeTypeRequest();
    missing.setLoadBalancerId(id);
    ClientException e = sdk.error(missing);
    assertThat(e.getErrCode()).isEqualTo("MissingParameter");
    assertThat(e.getErrMsg()).contains("InstanceChargeType");
    ModifyLoadBalancerInstanceChargeTypeRequest bad = new ModifyLoadBalancerInstanceChargeTypeRequest();
    bad.setLoadBalancerId(id);
    bad.setInstanceChargeType("PayByHour");
    assertThat(sdk.errorCode(bad)).isEqualTo("InvalidParameter");
    ModifyLoadBalancerInstanceChargeTypeRequest bandwidth = new ModifyLoadBalancerInstanceChargeTypeRequest();
    bandwidth.setLoadBalancerId(id);
    bandwidth.setInstanceChargeType("PayByCLCU");
    bandwidth.setInternetChargeType("paybybandwidth");
    assertThat(sdk.errorCode(bandwidth)).isEqualTo("InvalidParameter");
    ModifyLoadBalancerInstanceChargeTypeRequest unknown = new ModifyLoadBalancerInstanceChargeTypeRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setInstanceChargeType("PayByCLCU");
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getInstanceChargeType()).isEqualTo("PayBySpec");
  }

  // ---- isolation between accounts

  @Test
  void anotherAccountsLoadBalancerIsInvisible() {
    Accounts.Created tenant = slb.newAccount("lb-isolation");
    Sdk other = slb.sdk(tenant);
    CreateLoadBalancerResponse theirs =
        create(
            other,
            r -> {
              r.setLoadBalancerName("theirs");
              tag(r, 1, "owner", "tenant");
            });
    String theirId = theirs.getLoadBalancerId();
    String mine = newLb("mine");

    // listing
    List<String> rootIds = ids(list(r -> {}));
    assertThat(rootIds).contains(mine).doesNotContain(theirId);
    assertThat(ids(list(r -> r.setLoadBalancerId(theirId)))).isEmpty();
    assertThat(ids(list(r -> r.setAddress(theirs.getAddress())))).isEmpty();
    assertThat(ids(list(r -> r.setTags(tags("owner", "tenant"))))).isEmpty();
    DescribeLoadBalancersResponse theirList = list(other, r -> {});
    assertThat(ids(theirList)).containsExactly(theirId);
    assertThat(theirList.getTotalCount()).isEqualTo(1);

    // every action answers exactly as for a missing id
    List<Function<String, AcsRequest<?>>> actions =
        List.of(
            id -> withLb(new DescribeLoadBalancerAttributeRequest(), id),
            id -> withLb(new DeleteLoadBalancerRequest(), id),
            id -> {
              SetLoadBalancerNameRequest r = new SetLoadBalancerNameRequest();
              r.setLoadBalancerId(id);
              r.setLoadBalancerName("hijacked");
              return r;
            },
            id -> {
              SetLoadBalancerStatusRequest r = new SetLoadBalancerStatusRequest();
              r.setLoadBalancerId(id);
              r.setLoadBalancerStatus("inactive");
              return r;
            },
            id -> {
              SetLoadBalancerDeleteProtectionRequest r = new SetLoadBalancerDeleteProtectionRequest();
              r.setLoadBalancerId(id);
              r.setDeleteProtection("on");
              return r;
            },
            id -> {
              SetLoadBalancerModificationProtectionRequest r = new SetLoadBalancerModificationProtectionRequest();
              r.setLoadBalancerId(id);
              r.setModificationProtectionStatus("ConsoleProtection");
              return r;
            },
            id -> {
              ModifyLoadBalancerInstanceSpecRequest r = new ModifyLoadBalancerInstanceSpecRequest();
              r.setLoadBalancerId(id);
              r.setLoadBalancerSpec("slb.s3.large");
              return r;
            },
            id -> {
              ModifyLoadBalancerInternetSpecRequest r = new ModifyLoadBalancerInternetSpecRequest();
              r.setLoadBalancerId(id);
              r.setInternetChargeType("paybybandwidth");
              r.setBandwidth(10);
              return r;
            },
            id -> {
              ModifyLoadBalancerPayTypeRequest r = new ModifyLoadBalancerPayTypeRequest();
              r.setLoadBalancerId(id);
              r.setPayType("PrePay");
              r.setPricingCycle("month");
              r.setDuration(1);
              return r;
            },
            id -> {
              ModifyLoadBalancerInstanceChargeTypeRequest r = new ModifyLoadBalancerInstanceChargeTypeRequest();
              r.setLoadBalancerId(id);
              r.setInstanceChargeType("PayByCLCU");
              return r;
            });
    for (Function<String, AcsRequest<?>> action : actions) {
      ClientException foreign = sdk.error(action.apply(theirId));
      ClientException missing = sdk.error(action.apply(MISSING_ID));
      assertThat(foreign.getErrCode())
          .as(action.apply(theirId).getSysActionName())
          .isEqualTo("InvalidLoadBalancerId.NotFound")
          .isEqualTo(missing.getErrCode());
      assertThat(foreign.getErrMsg()).isEqualTo(missing.getErrMsg());
    }

    // nothing changed for the owner
    DescribeLoadBalancerAttributeRequest a = new DescribeLoadBalancerAttributeRequest();
    a.setLoadBalancerId(theirId);
    DescribeLoadBalancerAttributeResponse seen = other.call(a);
    assertThat(seen.getLoadBalancerName()).isEqualTo("theirs");
    assertThat(seen.getLoadBalancerStatus()).isEqualTo("active");
    assertThat(seen.getDeleteProtection()).isEqualTo("off");
    assertThat(seen.getModificationProtectionStatus()).isEqualTo("NonProtection");
    assertThat(seen.getLoadBalancerSpec()).isNullOrEmpty();
    assertThat(seen.getInternetChargeType()).isEqualTo("paybytraffic");
    assertThat(seen.getInstanceChargeType()).isEqualTo("PayBySpec");
    assertThat(seen.getPayType()).isEqualTo("PayOnDemand");

    // and the tenant cannot see or touch mine either
    DescribeLoadBalancerAttributeRequest mineFromThem = new DescribeLoadBalancerAttributeRequest();
    mineFromThem.setLoadBalancerId(mine);
    assertThat(other.errorCode(mineFromThem)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(other.errorCode(withLb(new DeleteLoadBalancerRequest(), mine)))
        .isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(mine).getLoadBalancerName()).isEqualTo("mine");
  }
}
