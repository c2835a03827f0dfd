package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateRulesRequest;
import com.aliyuncs.slb.model.v20140515.CreateRulesResponse;
import com.aliyuncs.slb.model.v20140515.CreateVServerGroupRequest;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupAttributeResponse;
import io.openslb.store.StoreLayout;
import io.openslb.store.Txn;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;

/**
 * Shared steps of the server group and forwarding rule tests: load balancers, listeners, groups
 * and rules created through the official SDK, and error assertions.
 */
final class GroupSupport {
  static final String VSERVER_GROUP_NOT_FOUND = "The specified VServerGroupId does not exist";
  static final String MASTER_SLAVE_GROUP_NOT_FOUND = "The specified MasterSlaveGroupId does not exist";

  private final OpenSlbExtension slb;
  private final Sdk sdk;
  private int certificates;

  /** Steps on the extension's server; may be made before it starts. */
  GroupSupport(OpenSlbExtension slb) {
    this.slb = slb;
    this.sdk = slb.sdk();
  }

  Sdk sdk() {
    return sdk;
  }

  String loadBalancer() {
    CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
    r.setLoadBalancerName("group-it");
    return sdk.call(r).getLoadBalancerId();
  }

  static CreateVServerGroupRequest createGroupRequest(String lb, String name, String members) {
    CreateVServerGroupRequest r = new CreateVServerGroupRequest();
    r.setLoadBalancerId(lb);
    if (name != null) {
      r.setVServerGroupName(name);
    }
    if (members != null) {
      r.setBackendServers(members);
    }
    return r;
  }

  String vserverGroup(String lb, String name, String members) {
    return sdk.call(createGroupRequest(lb, name, members)).getVServerGroupId();
  }

  static DescribeVServerGroupAttributeRequest readGroupRequest(String groupId) {
    DescribeVServerGroupAttributeRequest r = new DescribeVServerGroupAttributeRequest();
    r.setVServerGroupId(groupId);
    return r;
  }

  DescribeVServerGroupAttributeResponse readGroup(String groupId) {
    return sdk.call(readGroupRequest(groupId));
  }

  /** The members as "ServerId:Port/Weight", in the group's order. */
  List<String> members(String groupId) {
    return readGroup(groupId).getBackendServers().stream()
        .map(b -> b.getServerId() + ":" + b.getPort() + "/" + b.getWeight())
        .toList();
  }

  static CreateLoadBalancerTCPListenerRequest tcpListenerRequest(String lb, int port) {
    CreateLoadBalancerTCPListenerRequest r = new CreateLoadBalancerTCPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBandwidth(-1);
    return r;
  }

  void udpListener(String lb, int port, int backendPort) {
    CreateLoadBalancerUDPListenerRequest r = new CreateLoadBalancerUDPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBandwidth(-1);
    r.setBackendServerPort(backendPort);
    sdk.call(r);
  }

  static CreateLoadBalancerHTTPListenerRequest httpListenerRequest(String lb, int port) {
    CreateLoadBalancerHTTPListenerRequest r = new CreateLoadBalancerHTTPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(8080);
    r.setHealthCheck("on");
    return r;
  }

  void httpListener(String lb, int port) {
    sdk.call(httpListenerRequest(lb, port));
  }

  /** An HTTPS listener; its server certificate record is put into the store directly. */
  void httpsListener(String lb, int port) {
    String cert = slb.rootAccountId() + "_18f0c0ffee" + (++certificates) + "_1714763408_709981";
    slb.server().store().commit(
        Txn.builder()
            .put(StoreLayout.serverCertificate(slb.rootAccountId(), Sdk.REGION, cert), Stored.encode("{\"id\":\"" + cert + "\"}"))
            .build());
    CreateLoadBalancerHTTPSListenerRequest r = new CreateLoadBalancerHTTPSListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(8443);
    r.setBandwidth(-1);
    r.setHealthCheck("off");
    r.setServerCertificateId(cert);
    sdk.call(r);
  }

  static CreateRulesRequest createRulesRequest(String lb, int port, String ruleList) {
    CreateRulesRequest r = new CreateRulesRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setRuleList(ruleList);
    return r;
  }

  List<CreateRulesResponse.Rule> rules(String lb, int port, String ruleList) {
    return sdk.call(createRulesRequest(lb, port, ruleList)).getRules();
  }

  /** One rule element of a RuleList. */
  static String rule(String name, String domain, String url, String group) {
    StringBuilder sb = new StringBuilder("{\"RuleName\":\"").append(name).append('"');
    if (domain != null) {
      sb.append(",\"Domain\":\"").append(domain).append('"');
    }
    if (url != null) {
      sb.append(",\"Url\":\"").append(url).append('"');
    }
    if (group != null) {
      sb.append(",\"VServerGroupId\":\"").append(group).append('"');
    }
    return sb.append('}').toString();
  }

  static String list(String... elements) {
    return "[" + String.join(",", elements) + "]";
  }

  /** The call fails with {@code code}; returns the exception for assertions on the message. */
  ClientException expectError(AcsRequest<?> request, String code) {
    ClientException e = sdk.error(request);
    assertThat(e.getErrCode()).as(request.getSysActionName() + ": " + e.getErrMsg()).isEqualTo(code);
    return e;
  }

  static ConditionFactory poll() {
    return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO);
  }
}
