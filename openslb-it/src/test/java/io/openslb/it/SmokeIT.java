package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeIT {
  @TempDir static Path dir;
  static OpenSlbFixture slb;

  @BeforeAll
  static void start() throws Exception {
    slb = OpenSlbFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    slb.close();
  }

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
