package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInstanceChargeTypeRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInstanceSpecRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerInternetSpecRequest;
import com.aliyuncs.slb.model.v20140515.ModifyLoadBalancerPayTypeRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerDeleteProtectionRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerModificationProtectionRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerNameRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerStatusRequest;
import io.openslb.controlplane.service.Accounts;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Tenant isolation: another account's load balancer is invisible to every one of the 12 actions. */
class LoadBalancerIsolationIT extends LoadBalancerITBase {
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
