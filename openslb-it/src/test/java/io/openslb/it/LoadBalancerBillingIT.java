package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse.LoadBalancer;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInstanceChargeTypeRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInstanceSpecRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInstanceSpecResponse;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInternetSpecRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInternetSpecResponse;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerPayTypeRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerPayTypeResponse;
import org.junit.jupiter.api.Test;

/**
 * Spec and billing: ModifyLoadBalancerInstanceSpec, ModifyLoadBalancerInternetSpec,
 * ModifyLoadBalancerPayType and ModifyLoadBalancerInstanceChargeType.
 */
class LoadBalancerBillingIT extends LoadBalancerITBase {
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
}
