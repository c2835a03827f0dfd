package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateRulesRequest;
import com.aliyuncs.slb.model.v20140515.CreateVServerGroupRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusResponse;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DescribeHealthStatus lists the members of a listener's rule groups with their live health. */
class RuleHealthIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();

  @Test
  void ruleGroupMembersAreReportedWithTheirHealth() throws Exception {
    try (HealthHttpBackend listenerBackend = new HealthHttpBackend("127.0.0.61", 0, 200);
        HealthHttpBackend ruleBackend = new HealthHttpBackend("127.0.0.62", 0, 500)) {
      Sdk sdk = slb.sdk();
      CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
      String lb = sdk.call(create).getLoadBalancerId();
      CreateVServerGroupRequest main = new CreateVServerGroupRequest();
      main.setLoadBalancerId(lb);
      main.setBackendServers("[{\"ServerId\":\"eni-main\",\"Type\":\"eni\",\"ServerIp\":\"127.0.0.61\",\"Port\":"
          + listenerBackend.port() + "}]");
      String mainGroup = sdk.call(main).getVServerGroupId();
      CreateVServerGroupRequest api = new CreateVServerGroupRequest();
      api.setLoadBalancerId(lb);
      api.setBackendServers("[{\"ServerId\":\"eni-api\",\"Type\":\"eni\",\"ServerIp\":\"127.0.0.62\",\"Port\":"
          + ruleBackend.port() + "}]");
      String apiGroup = sdk.call(api).getVServerGroupId();

      CreateLoadBalancerHTTPListenerRequest http = new CreateLoadBalancerHTTPListenerRequest();
      http.setLoadBalancerId(lb);
      http.setListenerPort(8090);
      http.setVServerGroupId(mainGroup);
      http.setHealthCheck("on");
      http.setHealthCheckInterval(1);
      http.setHealthyThreshold(2);
      http.setUnhealthyThreshold(2);
      http.setHealthCheckTimeout(1);
      sdk.call(http);
      CreateRulesRequest rules = new CreateRulesRequest();
      rules.setLoadBalancerId(lb);
      rules.setListenerPort(8090);
      rules.setRuleList("[{\"RuleName\":\"api\",\"Url\":\"/api\",\"VServerGroupId\":\"" + apiGroup + "\"}]");
      sdk.call(rules);
      StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
      start.setLoadBalancerId(lb);
      start.setListenerPort(8090);
      sdk.call(start);

      DescribeHealthStatusRequest d = new DescribeHealthStatusRequest();
      d.setLoadBalancerId(lb);
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
        Map<String, String> status = sdk.call(d).getBackendServers().stream().collect(Collectors.toMap(
            DescribeHealthStatusResponse.BackendServer::getServerId,
            DescribeHealthStatusResponse.BackendServer::getServerHealthStatus));
        return "normal".equals(status.get("eni-main")) && "abnormal".equals(status.get("eni-api"));
      });
      assertThat(sdk.call(d).getBackendServers()).hasSize(2);
    }
  }
}
