package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.AddBackendServersResponse;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import com.aliyuncs.slb.model.v20140515.RemoveBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.RemoveBackendServersResponse;
import com.aliyuncs.slb.model.v20140515.SetBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.SetBackendServersResponse;
import io.openslb.controlplane.service.Accounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default server group (Add/Remove/SetBackendServers) and DescribeHealthStatus through the SDK. */
class BackendServerIT {
  private static final String MISSING_ID = "lb-doesnotexist0000000";

  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static Accounts.Created tenant;

  @BeforeAll
  static void start() throws Exception {
    slb.addInstance("i-web1", "127.0.0.11");
    slb.addInstance("i-web2", "127.0.0.12");
    slb.addInstance("i-web3", "127.0.0.13");
    slb.addStoppedInstance("i-stopped", "127.0.0.19");
    tenant = slb.newAccount("backend-tenant");
    slb.addInstance(tenant.account().id(), "i-foreign", "127.0.0.21");
  }

  // ---- helpers

  static String newLb() {
    return sdk.call(new CreateLoadBalancerRequest()).getLoadBalancerId();
  }

  static AddBackendServersRequest addRequest(String lb, String json) {
    AddBackendServersRequest r = new AddBackendServersRequest();
    r.setLoadBalancerId(lb);
    r.setBackendServers(json);
    return r;
  }

  static AddBackendServersResponse add(String lb, String json) {
    return sdk.call(addRequest(lb, json));
  }

  static RemoveBackendServersRequest removeRequest(String lb, String json) {
    RemoveBackendServersRequest r = new RemoveBackendServersRequest();
    r.setLoadBalancerId(lb);
    r.setBackendServers(json);
    return r;
  }

  static SetBackendServersRequest setRequest(String lb, String json) {
    SetBackendServersRequest r = new SetBackendServersRequest();
    r.setLoadBalancerId(lb);
    r.setBackendServers(json);
    return r;
  }

  static List<DescribeLoadBalancerAttributeResponse.BackendServer> members(String lb) {
    DescribeLoadBalancerAttributeRequest r = new DescribeLoadBalancerAttributeRequest();
    r.setLoadBalancerId(lb);
    return sdk.call(r).getBackendServers();
  }

  static List<String> memberIds(String lb) {
    return members(lb).stream().map(DescribeLoadBalancerAttributeResponse.BackendServer::getServerId).toList();
  }

  static String enis(int n, String prefix) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"ServerId\":\"eni-")
          .append(prefix)
          .append(i)
          .append("\",\"Type\":\"eni\",\"ServerIp\":\"10.8.0.")
          .append(i + 1)
          .append("\"}");
    }
    return sb.append(']').toString();
  }

  static void tcpListener(String lb, int port, int backendPort) {
    CreateLoadBalancerTCPListenerRequest r = new CreateLoadBalancerTCPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(backendPort);
    r.setBandwidth(-1);
    sdk.call(r);
  }

  static void httpListener(String lb, int port, int backendPort, String healthCheck) {
    CreateLoadBalancerHTTPListenerRequest r = new CreateLoadBalancerHTTPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(backendPort);
    r.setHealthCheck(healthCheck);
    sdk.call(r);
  }

  static void udpListener(String lb, int port, int backendPort) {
    CreateLoadBalancerUDPListenerRequest r = new CreateLoadBalancerUDPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(backendPort);
    r.setBandwidth(-1);
    sdk.call(r);
  }

  static DescribeHealthStatusResponse health(String lb, Integer port, String protocol) {
    DescribeHealthStatusRequest r = new DescribeHealthStatusRequest();
    r.setLoadBalancerId(lb);
    if (port != null) {
      r.setListenerPort(port);
    }
    if (protocol != null) {
      r.setListenerProtocol(protocol);
    }
    return sdk.call(r);
  }

  // ---- AddBackendServers

  @Test
  void addResolvesEcsInstancesThroughTheInventoryAndListsTheGroup() {
    String lb = newLb();
    AddBackendServersResponse first =
        add(lb, "[{\"ServerId\":\"i-web1\"},{\"ServerId\":\"i-web2\",\"Weight\":50,\"Type\":\"ecs\",\"Description\":\"web-two\"}]");
    assertThat(first.getRequestId()).isNotBlank();
    assertThat(first.getLoadBalancerId()).isEqualTo(lb);
    assertThat(first.getBackendServers())
        .extracting(
            AddBackendServersResponse.BackendServer::getServerId,
            AddBackendServersResponse.BackendServer::getWeight,
            AddBackendServersResponse.BackendServer::getType,
            AddBackendServersResponse.BackendServer::getServerIp,
            AddBackendServersResponse.BackendServer::getVpcId,
            AddBackendServersResponse.BackendServer::getDescription)
        .containsExactly(
            tuple("i-web1", "100", "ecs", "127.0.0.11", "vpc-test", null),
            tuple("i-web2", "50", "ecs", "127.0.0.12", "vpc-test", "web-two"));

    // the response lists the whole group, not only what was added
    AddBackendServersResponse second = add(lb, "[{\"ServerId\":\"i-web3\",\"Weight\":\"7\"}]");
    assertThat(second.getBackendServers())
        .extracting(AddBackendServersResponse.BackendServer::getServerId, AddBackendServersResponse.BackendServer::getWeight)
        .containsExactly(tuple("i-web1", "100"), tuple("i-web2", "50"), tuple("i-web3", "7"));

    assertThat(members(lb))
        .extracting(
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerId,
            DescribeLoadBalancerAttributeResponse.BackendServer::getWeight,
            DescribeLoadBalancerAttributeResponse.BackendServer::getType,
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerIp,
            DescribeLoadBalancerAttributeResponse.BackendServer::getDescription)
        .containsExactly(
            tuple("i-web1", 100, "ecs", "127.0.0.11", null),
            tuple("i-web2", 50, "ecs", "127.0.0.12", "web-two"),
            tuple("i-web3", 7, "ecs", "127.0.0.13", null));

    // DescribeLoadBalancers finds the instance by its members
    DescribeLoadBalancersRequest byServer = new DescribeLoadBalancersRequest();
    byServer.setServerId("i-web3");
    byServer.setLoadBalancerId(lb);
    assertThat(sdk.call(byServer).getLoadBalancers())
        .extracting(DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerId)
        .containsExactly(lb);
  }

  @Test
  void addTakesEniMembersWithTheirIp() {
    String lb = newLb();
    AddBackendServersResponse r =
        add(lb, "[{\"ServerId\":\"eni-abc\",\"Type\":\"eni\",\"ServerIp\":\"10.1.2.3\",\"Weight\":\"30\"}]");
    assertThat(r.getBackendServers())
        .extracting(
            AddBackendServersResponse.BackendServer::getServerId,
            AddBackendServersResponse.BackendServer::getType,
            AddBackendServersResponse.BackendServer::getServerIp,
            AddBackendServersResponse.BackendServer::getWeight)
        .containsExactly(tuple("eni-abc", "eni", "10.1.2.3", "30"));
    assertThat(members(lb))
        .extracting(
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerId,
            DescribeLoadBalancerAttributeResponse.BackendServer::getType,
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerIp)
        .containsExactly(tuple("eni-abc", "eni", "10.1.2.3"));

    // a second IP of the same ENI is another member
    add(lb, "[{\"ServerId\":\"eni-abc\",\"Type\":\"eni\",\"ServerIp\":\"10.1.2.4\"}]");
    assertThat(members(lb))
        .extracting(DescribeLoadBalancerAttributeResponse.BackendServer::getServerIp)
        .containsExactly("10.1.2.3", "10.1.2.4");

    ClientException noIp = sdk.error(addRequest(lb, "[{\"ServerId\":\"eni-def\",\"Type\":\"eni\"}]"));
    assertThat(noIp.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(noIp.getErrMsg()).contains("ServerIp");
    assertThat(sdk.errorCode(addRequest(lb, "[{\"ServerId\":\"eni-def\",\"Type\":\"eni\",\"ServerIp\":\"not.an.ip\"}]")))
        .isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(addRequest(lb, "[{\"ServerId\":\"x-1\",\"Type\":\"vm\",\"ServerIp\":\"10.1.2.5\"}]")))
        .isEqualTo("InvalidParameter");
  }

  @Test
  void addRejectsUnknownServersAndChangesNothing() {
    String lb = newLb();
    ClientException e = sdk.error(addRequest(lb, "[{\"ServerId\":\"i-web1\"},{\"ServerId\":\"i-nothere\"}]"));
    assertThat(e.getErrCode()).isEqualTo("InvalidServerId.NotFound");
    assertThat(e.getErrMsg()).contains("i-nothere");
    assertThat(members(lb)).isEmpty();
  }

  @Test
  void addRejectsAnotherAccountsInstanceAsUnknown() {
    String lb = newLb();
    assertThat(sdk.errorCode(addRequest(lb, "[{\"ServerId\":\"i-foreign\"}]"))).isEqualTo("InvalidServerId.NotFound");
    assertThat(members(lb)).isEmpty();
  }

  @Test
  void addRejectsAStoppedInstance() {
    String lb = newLb();
    ClientException e = sdk.error(addRequest(lb, "[{\"ServerId\":\"i-stopped\"}]"));
    assertThat(e.getErrCode()).isEqualTo("ObtainIpFail");
    assertThat(e.getErrMsg()).contains("i-stopped");
    assertThat(members(lb)).isEmpty();
  }

  @Test
  void addTakesAtMostTwentyServersPerCall() {
    String lb = newLb();
    ClientException e = sdk.error(addRequest(lb, enis(21, "x")));
    assertThat(e.getErrCode()).isEqualTo("TooManyBackendServers");
    assertThat(e.getErrMsg()).contains("20");
    assertThat(members(lb)).isEmpty();
    AddBackendServersResponse twenty = add(lb, enis(20, "y"));
    assertThat(twenty.getBackendServers()).hasSize(20);
    assertThat(twenty.getBackendServers().get(19).getServerId()).isEqualTo("eni-y19");
    assertThat(twenty.getBackendServers().get(19).getServerIp()).isEqualTo("10.8.0.20");
    assertThat(members(lb)).hasSize(20);
  }

  @Test
  void addStopsAtTheMembersPerLoadBalancerQuota() {
    String lb = newLb();
    for (int call = 0; call < 10; call++) {
      add(lb, enis(20, "q" + call + "-"));
    }
    assertThat(members(lb)).hasSize(200);
    ClientException e = sdk.error(addRequest(lb, "[{\"ServerId\":\"i-web1\"}]"));
    assertThat(e.getErrCode()).isEqualTo("OverQuota");
    assertThat(memberIds(lb)).hasSize(200).doesNotContain("i-web1");
    // after removing one there is room again
    sdk.call(removeRequest(lb, "[{\"ServerId\":\"eni-q0-0\",\"Type\":\"eni\",\"ServerIp\":\"10.8.0.1\"}]"));
    add(lb, "[{\"ServerId\":\"i-web1\"}]");
    assertThat(memberIds(lb)).hasSize(200).contains("i-web1").doesNotContain("eni-q0-0");
  }

  @Test
  void addValidatesWeights() {
    String lb = newLb();
    ClientException e = sdk.error(addRequest(lb, "[{\"ServerId\":\"i-web1\",\"Weight\":101}]"));
    assertThat(e.getErrCode()).isEqualTo("InvalidWeight.Malformed");
    assertThat(e.getErrMsg()).contains("101");
    assertThat(sdk.errorCode(addRequest(lb, "[{\"ServerId\":\"i-web1\",\"Weight\":\"-1\"}]")))
        .isEqualTo("InvalidWeight.Malformed");
    assertThat(sdk.errorCode(addRequest(lb, "[{\"ServerId\":\"i-web1\",\"Weight\":\"heavy\"}]")))
        .isEqualTo("InvalidWeight.Malformed");
    assertThat(members(lb)).isEmpty();
    // 0 and 100 are the bounds
    add(lb, "[{\"ServerId\":\"i-web1\",\"Weight\":\"0\"},{\"ServerId\":\"i-web2\",\"Weight\":100}]");
    assertThat(members(lb))
        .extracting(DescribeLoadBalancerAttributeResponse.BackendServer::getWeight)
        .containsExactly(0, 100);
  }

  @Test
  void addRejectsAServerAlreadyInTheGroup() {
    String lb = newLb();
    add(lb, "[{\"ServerId\":\"i-web1\",\"Weight\":\"10\"}]");
    ClientException e = sdk.error(addRequest(lb, "[{\"ServerId\":\"i-web2\"},{\"ServerId\":\"i-web1\",\"Weight\":\"90\"}]"));
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("i-web1");
    // not an update, and nothing of the failed call was applied
    assertThat(members(lb))
        .extracting(
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerId,
            DescribeLoadBalancerAttributeResponse.BackendServer::getWeight)
        .containsExactly(tuple("i-web1", 10));
  }

  @Test
  void addKeepsTheFirstOfDuplicatesInOneRequest() {
    String lb = newLb();
    AddBackendServersResponse r =
        add(lb, "[{\"ServerId\":\"i-web1\",\"Weight\":\"10\"},{\"ServerId\":\"i-web1\",\"Weight\":\"20\"}]");
    assertThat(r.getBackendServers())
        .extracting(AddBackendServersResponse.BackendServer::getServerId, AddBackendServersResponse.BackendServer::getWeight)
        .containsExactly(tuple("i-web1", "10"));
    // an ECS id is one member whatever ServerIp the caller adds
    AddBackendServersResponse withIp =
        add(lb, "[{\"ServerId\":\"i-web2\",\"Weight\":\"30\"},{\"ServerId\":\"i-web2\",\"ServerIp\":\"127.0.0.12\",\"Weight\":\"40\"}]");
    assertThat(withIp.getBackendServers())
        .extracting(AddBackendServersResponse.BackendServer::getServerId, AddBackendServersResponse.BackendServer::getWeight)
        .containsExactly(tuple("i-web1", "10"), tuple("i-web2", "30"));
  }

  @Test
  void addValidatesTheParameters() {
    String lb = newLb();
    ClientException notJson = sdk.error(addRequest(lb, "i-web1"));
    assertThat(notJson.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(notJson.getErrMsg()).contains("BackendServers");
    assertThat(sdk.errorCode(addRequest(lb, "{\"ServerId\":\"i-web1\"}"))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(addRequest(lb, "[{\"Weight\":\"10\"}]"))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(addRequest(lb, "[\"i-web1\"]"))).isEqualTo("InvalidParameter");
    AddBackendServersRequest missing = new AddBackendServersRequest();
    missing.setLoadBalancerId(lb);
    ClientException m = sdk.error(missing);
    assertThat(m.getErrCode()).isEqualTo("MissingParameter");
    assertThat(m.getErrMsg()).contains("BackendServers");
    assertThat(sdk.errorCode(addRequest(MISSING_ID, "[{\"ServerId\":\"i-web1\"}]")))
        .isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(members(lb)).isEmpty();
  }

  // ---- RemoveBackendServers

  @Test
  void removeDropsListedServersAndIgnoresMissingOnes() {
    String lb = newLb();
    add(lb, "[{\"ServerId\":\"i-web1\"},{\"ServerId\":\"i-web2\"},{\"ServerId\":\"eni-rm\",\"Type\":\"eni\",\"ServerIp\":\"10.2.0.1\"}]");
    RemoveBackendServersResponse r =
        sdk.call(removeRequest(lb, "[{\"ServerId\":\"i-web1\",\"Type\":\"ecs\",\"Weight\":\"100\"},{\"ServerId\":\"i-nothere\"}]"));
    assertThat(r.getRequestId()).isNotBlank();
    assertThat(r.getLoadBalancerId()).isEqualTo(lb);
    assertThat(r.getBackendServers())
        .extracting(
            RemoveBackendServersResponse.BackendServer::getServerId,
            RemoveBackendServersResponse.BackendServer::getWeight,
            RemoveBackendServersResponse.BackendServer::getType,
            RemoveBackendServersResponse.BackendServer::getServerIp)
        .containsExactly(tuple("i-web2", 100, "ecs", "127.0.0.12"), tuple("eni-rm", 100, "eni", "10.2.0.1"));
    assertThat(memberIds(lb)).containsExactly("i-web2", "eni-rm");

    // an ENI member is named by ServerId and ServerIp
    sdk.call(removeRequest(lb, "[{\"ServerId\":\"eni-rm\",\"Type\":\"eni\",\"ServerIp\":\"10.2.0.99\"}]"));
    assertThat(memberIds(lb)).containsExactly("i-web2", "eni-rm");
    sdk.call(removeRequest(lb, "[{\"ServerId\":\"eni-rm\",\"Type\":\"eni\",\"ServerIp\":\"10.2.0.1\"}]"));
    assertThat(memberIds(lb)).containsExactly("i-web2");

    // removing only missing ones is a no-op, not an error
    RemoveBackendServersResponse nothing = sdk.call(removeRequest(lb, "[{\"ServerId\":\"i-web3\"}]"));
    assertThat(nothing.getBackendServers())
        .extracting(RemoveBackendServersResponse.BackendServer::getServerId)
        .containsExactly("i-web2");
    sdk.call(removeRequest(lb, "[{\"ServerId\":\"i-web2\"}]"));
    assertThat(members(lb)).isEmpty();
  }

  @Test
  void removeValidatesTheParameters() {
    String lb = newLb();
    add(lb, "[{\"ServerId\":\"i-web1\"}]");
    assertThat(sdk.errorCode(removeRequest(lb, "not json"))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(removeRequest(lb, enis(21, "r")))).isEqualTo("TooManyBackendServers");
    RemoveBackendServersRequest missing = new RemoveBackendServersRequest();
    missing.setLoadBalancerId(lb);
    assertThat(sdk.errorCode(missing)).isEqualTo("MissingParameter");
    assertThat(sdk.errorCode(removeRequest(MISSING_ID, "[{\"ServerId\":\"i-web1\"}]")))
        .isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(memberIds(lb)).containsExactly("i-web1");
  }

  // ---- SetBackendServers

  @Test
  void setChangesWeightsAndDescriptionsOfMembers() {
    String lb = newLb();
    add(lb, "[{\"ServerId\":\"i-web1\"},{\"ServerId\":\"i-web2\"},{\"ServerId\":\"i-web3\",\"Description\":\"keep\"}]");
    SetBackendServersResponse r =
        sdk.call(
            setRequest(
                lb,
                "[{\"ServerId\":\"i-web1\",\"Weight\":\"0\"},{\"ServerId\":\"i-web2\",\"Weight\":80,\"Description\":\"canary\"}]"));
    assertThat(r.getRequestId()).isNotBlank();
    assertThat(r.getLoadBalancerId()).isEqualTo(lb);
    assertThat(r.getBackendServers())
        .extracting(
            SetBackendServersResponse.BackendServer::getServerId,
            SetBackendServersResponse.BackendServer::getWeight,
            SetBackendServersResponse.BackendServer::getDescription)
        .containsExactly(tuple("i-web1", "0", null), tuple("i-web2", "80", "canary"), tuple("i-web3", "100", "keep"));
    assertThat(members(lb))
        .extracting(
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerId,
            DescribeLoadBalancerAttributeResponse.BackendServer::getWeight,
            DescribeLoadBalancerAttributeResponse.BackendServer::getDescription,
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerIp)
        .containsExactly(
            tuple("i-web1", 0, null, "127.0.0.11"),
            tuple("i-web2", 80, "canary", "127.0.0.12"),
            tuple("i-web3", 100, "keep", "127.0.0.13"));

    // a description alone keeps the weight
    sdk.call(setRequest(lb, "[{\"ServerId\":\"i-web2\",\"Description\":\"stable\"}]"));
    assertThat(members(lb).get(1).getWeight()).isEqualTo(80);
    assertThat(members(lb).get(1).getDescription()).isEqualTo("stable");
  }

  @Test
  void setRefusesServersOutsideTheGroupAndBadWeightsAtomically() {
    String lb = newLb();
    add(lb, "[{\"ServerId\":\"i-web1\",\"Weight\":\"10\"}]");
    ClientException unknown =
        sdk.error(setRequest(lb, "[{\"ServerId\":\"i-web1\",\"Weight\":\"20\"},{\"ServerId\":\"i-web2\",\"Weight\":\"20\"}]"));
    assertThat(unknown.getErrCode()).isEqualTo("InvalidServerId.NotFound");
    assertThat(unknown.getErrMsg()).contains("i-web2");
    ClientException weight = sdk.error(setRequest(lb, "[{\"ServerId\":\"i-web1\",\"Weight\":\"101\"}]"));
    assertThat(weight.getErrCode()).isEqualTo("InvalidWeight.Malformed");
    assertThat(sdk.errorCode(setRequest(lb, enis(21, "s")))).isEqualTo("TooManyBackendServers");
    assertThat(sdk.errorCode(setRequest(lb, "[]x"))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(setRequest(MISSING_ID, "[{\"ServerId\":\"i-web1\",\"Weight\":\"20\"}]")))
        .isEqualTo("InvalidLoadBalancerId.NotFound");
    SetBackendServersRequest missing = new SetBackendServersRequest();
    missing.setLoadBalancerId(lb);
    assertThat(sdk.errorCode(missing)).isEqualTo("MissingParameter");
    assertThat(members(lb))
        .extracting(
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerId,
            DescribeLoadBalancerAttributeResponse.BackendServer::getWeight)
        .containsExactly(tuple("i-web1", 10));
  }

  // ---- DescribeHealthStatus

  @Test
  void describeHealthStatusHasOneRowPerCheckedListenerAndMember() {
    String lb = newLb();
    add(lb, "[{\"ServerId\":\"i-web1\"},{\"ServerId\":\"i-web2\"},{\"ServerId\":\"eni-hc\",\"Type\":\"eni\",\"ServerIp\":\"10.3.0.1\"}]");
    tcpListener(lb, 80, 8080);
    httpListener(lb, 81, 8081, "on");
    httpListener(lb, 82, 8082, "off");
    udpListener(lb, 53, 5353);

    DescribeHealthStatusResponse all = health(lb, null, null);
    assertThat(all.getRequestId()).isNotBlank();
    assertThat(all.getBackendServers())
        .extracting(
            DescribeHealthStatusResponse.BackendServer::getListenerPort,
            DescribeHealthStatusResponse.BackendServer::getBizProtocol,
            DescribeHealthStatusResponse.BackendServer::getServerId,
            DescribeHealthStatusResponse.BackendServer::getServerIp,
            DescribeHealthStatusResponse.BackendServer::getPort,
            DescribeHealthStatusResponse.BackendServer::getType,
            DescribeHealthStatusResponse.BackendServer::getServerHealthStatus)
        .containsExactlyInAnyOrder(
            tuple(53, "udp", "i-web1", "127.0.0.11", 5353, "ecs", "unavailable"),
            tuple(53, "udp", "i-web2", "127.0.0.12", 5353, "ecs", "unavailable"),
            tuple(53, "udp", "eni-hc", "10.3.0.1", 5353, "eni", "unavailable"),
            tuple(80, "tcp", "i-web1", "127.0.0.11", 8080, "ecs", "unavailable"),
            tuple(80, "tcp", "i-web2", "127.0.0.12", 8080, "ecs", "unavailable"),
            tuple(80, "tcp", "eni-hc", "10.3.0.1", 8080, "eni", "unavailable"),
            tuple(81, "http", "i-web1", "127.0.0.11", 8081, "ecs", "unavailable"),
            tuple(81, "http", "i-web2", "127.0.0.12", 8081, "ecs", "unavailable"),
            tuple(81, "http", "eni-hc", "10.3.0.1", 8081, "eni", "unavailable"));
    assertThat(all.getBackendServers())
        .filteredOn(b -> b.getType().equals("eni"))
        .extracting(DescribeHealthStatusResponse.BackendServer::getEniHost)
        .containsOnly("10.3.0.1");

    DescribeHealthStatusResponse one = health(lb, 80, null);
    assertThat(one.getBackendServers())
        .extracting(DescribeHealthStatusResponse.BackendServer::getListenerPort, DescribeHealthStatusResponse.BackendServer::getServerId)
        .containsExactlyInAnyOrder(tuple(80, "i-web1"), tuple(80, "i-web2"), tuple(80, "eni-hc"));

    DescribeHealthStatusResponse udp = health(lb, 53, "udp");
    assertThat(udp.getBackendServers())
        .extracting(DescribeHealthStatusResponse.BackendServer::getBizProtocol)
        .containsOnly("udp")
        .hasSize(3);
  }

  @Test
  void describeHealthStatusFollowsGroupChanges() {
    String lb = newLb();
    tcpListener(lb, 443, 8443);
    assertThat(health(lb, null, null).getBackendServers()).isEmpty();
    add(lb, "[{\"ServerId\":\"i-web3\"}]");
    assertThat(health(lb, 443, null).getBackendServers())
        .extracting(DescribeHealthStatusResponse.BackendServer::getServerId, DescribeHealthStatusResponse.BackendServer::getPort)
        .containsExactly(tuple("i-web3", 8443));
    sdk.call(removeRequest(lb, "[{\"ServerId\":\"i-web3\"}]"));
    assertThat(health(lb, 443, null).getBackendServers()).isEmpty();
  }

  @Test
  void describeHealthStatusWithoutListenersIsEmpty() {
    String lb = newLb();
    add(lb, "[{\"ServerId\":\"i-web1\"}]");
    assertThat(health(lb, null, null).getBackendServers()).isEmpty();
  }

  @Test
  void describeHealthStatusOfAPortWithoutACheckedListenerFails() {
    String lb = newLb();
    add(lb, "[{\"ServerId\":\"i-web1\"}]");
    httpListener(lb, 82, 8082, "off");
    DescribeHealthStatusRequest none = new DescribeHealthStatusRequest();
    none.setLoadBalancerId(lb);
    none.setListenerPort(9999);
    ClientException e = sdk.error(none);
    assertThat(e.getErrCode()).isEqualTo("CheckedListenerNotFound");
    assertThat(e.getErrMsg()).isEqualTo("No health-checked Listener to the specified port of the Load Balancer.");
    DescribeHealthStatusRequest unchecked = new DescribeHealthStatusRequest();
    unchecked.setLoadBalancerId(lb);
    unchecked.setListenerPort(82);
    assertThat(sdk.errorCode(unchecked)).isEqualTo("CheckedListenerNotFound");
    // the unchecked listener yields no rows in the full listing
    assertThat(health(lb, null, null).getBackendServers()).isEmpty();

    DescribeHealthStatusRequest badPort = new DescribeHealthStatusRequest();
    badPort.setLoadBalancerId(lb);
    badPort.setListenerPort(70000);
    assertThat(sdk.errorCode(badPort)).isEqualTo("InvalidParameter");
    DescribeHealthStatusRequest badProtocol = new DescribeHealthStatusRequest();
    badProtocol.setLoadBalancerId(lb);
    badProtocol.setListenerProtocol("sctp");
    assertThat(sdk.errorCode(badProtocol)).isEqualTo("InvalidParameter");
    DescribeHealthStatusRequest unknown = new DescribeHealthStatusRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(sdk.errorCode(new DescribeHealthStatusRequest())).isEqualTo("MissingParameter");
  }

  // ---- isolation

  @Test
  void anotherAccountsLoadBalancerAnswersLikeAMissingOne() {
    Sdk other = slb.sdk(tenant);
    String theirs = other.call(new CreateLoadBalancerRequest()).getLoadBalancerId();
    other.call(addRequest(theirs, "[{\"ServerId\":\"i-foreign\"}]"));

    List<com.aliyuncs.AcsRequest<?>> foreign = new ArrayList<>();
    List<com.aliyuncs.AcsRequest<?>> missing = new ArrayList<>();
    for (String id : List.of(theirs, MISSING_ID)) {
      List<com.aliyuncs.AcsRequest<?>> into = id.equals(theirs) ? foreign : missing;
      into.add(addRequest(id, "[{\"ServerId\":\"i-web1\"}]"));
      into.add(removeRequest(id, "[{\"ServerId\":\"i-foreign\"}]"));
      into.add(setRequest(id, "[{\"ServerId\":\"i-foreign\",\"Weight\":\"1\"}]"));
      DescribeHealthStatusRequest h = new DescribeHealthStatusRequest();
      h.setLoadBalancerId(id);
      into.add(h);
    }
    for (int i = 0; i < foreign.size(); i++) {
      ClientException f = sdk.error(foreign.get(i));
      ClientException m = sdk.error(missing.get(i));
      assertThat(f.getErrCode()).as(foreign.get(i).getSysActionName()).isEqualTo("InvalidLoadBalancerId.NotFound");
      assertThat(f.getErrCode()).isEqualTo(m.getErrCode());
      assertThat(f.getErrMsg()).isEqualTo(m.getErrMsg());
    }

    // their group is untouched
    DescribeLoadBalancerAttributeRequest a = new DescribeLoadBalancerAttributeRequest();
    a.setLoadBalancerId(theirs);
    assertThat(other.call(a).getBackendServers())
        .extracting(
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerId,
            DescribeLoadBalancerAttributeResponse.BackendServer::getWeight,
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerIp)
        .containsExactly(tuple("i-foreign", 100, "127.0.0.21"));

    // and the tenant cannot use the root account's instances
    assertThat(other.errorCode(addRequest(theirs, "[{\"ServerId\":\"i-web1\"}]"))).isEqualTo("InvalidServerId.NotFound");
  }
}
