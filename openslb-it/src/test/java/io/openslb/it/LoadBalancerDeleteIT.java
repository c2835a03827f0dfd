package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerDeleteProtectionRequest;
import org.junit.jupiter.api.Test;

/** DeleteLoadBalancer and SetLoadBalancerDeleteProtection. */
class LoadBalancerDeleteIT extends LoadBalancerITBase {
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
}
