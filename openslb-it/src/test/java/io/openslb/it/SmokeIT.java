package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmokeIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();

  @Test
  void createThenDescribeThroughTheSdk() {
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("smoke");
    CreateLoadBalancerResponse created = slb.sdk().call(create);
    assertThat(created.getLoadBalancerId()).startsWith("lb-");

    DescribeLoadBalancerAttributeRequest d = new DescribeLoadBalancerAttributeRequest();
    d.setLoadBalancerId(created.getLoadBalancerId());
    DescribeLoadBalancerAttributeResponse attr = slb.sdk().call(d);
    assertThat(attr.getLoadBalancerName()).isEqualTo("smoke");
    assertThat(attr.getLoadBalancerStatus()).isEqualTo("active");

    DescribeLoadBalancersResponse list = slb.sdk().call(new DescribeLoadBalancersRequest());
    assertThat(list.getLoadBalancers()).extracting(DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerId)
        .contains(created.getLoadBalancerId());
  }
}
