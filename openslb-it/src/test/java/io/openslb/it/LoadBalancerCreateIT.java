package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse.LoadBalancer;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CreateLoadBalancer: defaults, every setting, validation, the per-account quota and ClientToken idempotence. */
class LoadBalancerCreateIT extends LoadBalancerITBase {
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
  void tagsAtCreationObeyTheRulesOfEveryTag() {
    assertThat(sdk.errorCode(createRequest(r -> tag(r, 1, "acs:reserved", "x")))).isEqualTo("InvalidParam.TagKey");
    assertThat(sdk.errorCode(createRequest(r -> tag(r, 1, "k".repeat(65), "x")))).isEqualTo("InvalidParam.TagKey");
    assertThat(sdk.errorCode(createRequest(r -> tag(r, 1, "env", "aliyun-x")))).isEqualTo("InvalidParam.TagValue");
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
}
