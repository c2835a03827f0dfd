package io.openslb.it;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse.LoadBalancer;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the tests of the 12 load balancer (instance) actions share: a server per test class with
 * room for many instances, handing out VIPs from 127.1.0.0/16, with the ECS instance i-lbfilter
 * (127.0.0.31); and the helpers that call the actions through the official SDK. Each subclass
 * gets a server of its own: the extension field is shared, so the classes must not run
 * concurrently (OpenSlbExtension refuses that).
 */
abstract class LoadBalancerITBase {
  static final String MISSING_ID = "lb-doesnotexist0000000";

  // many tests create instances; the default quota (30) is tested separately
  @RegisterExtension
  static final OpenSlbExtension slb =
      OpenSlbExtension.withYaml("quotas:\n  load-balancers-per-account: 500\n").vipPool("127.1.0.0/16");
  static final Sdk sdk = slb.sdk();

  @BeforeAll
  static void start() {
    slb.addInstance("i-lbfilter", "127.0.0.31");
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
}
