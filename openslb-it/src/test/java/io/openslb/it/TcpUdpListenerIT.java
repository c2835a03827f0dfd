package io.openslb.it;

import static io.openslb.it.ListenerSupport.describeTcpRequest;
import static io.openslb.it.ListenerSupport.describeUdpRequest;
import static io.openslb.it.ListenerSupport.tcpRequest;
import static io.openslb.it.ListenerSupport.udpRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerUDPListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerUDPListenerAttributeRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CreateLoadBalancer{TCP,UDP}Listener, SetLoadBalancer{TCP,UDP}ListenerAttribute and
 * DescribeLoadBalancer{TCP,UDP}ListenerAttribute through the official SDK: defaults of
 * SEMANTICS.md §3.4, every settable parameter round-tripping, partial updates, ranges, required
 * parameters and the cross-setting rules.
 */
class TcpUdpListenerIT {
  @RegisterExtension
  static final OpenSlbExtension slb = OpenSlbExtension.withYaml("quotas:\n  load-balancers-per-account: 500\n");
  static final ListenerSupport it = new ListenerSupport(slb);

  // ---------------------------------------------------------------- defaults

  @Test
  void tcpCreateEchoesTheDocumentedDefaults() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);

    DescribeLoadBalancerTCPListenerAttributeResponse d = it.describeTcp(lb, 80);
    assertThat(d.getListenerPort()).isEqualTo(80);
    assertThat(d.getBackendServerPort()).isEqualTo(8080);
    assertThat(d.getBandwidth()).isEqualTo(-1);
    assertThat(d.getStatus()).isEqualTo("stopped");
    assertThat(d.getScheduler()).isEqualTo("wrr");
    assertThat(d.getPersistenceTimeout()).isEqualTo(0);
    assertThat(d.getEstablishedTimeout()).isEqualTo(900);
    assertThat(d.getConnectionDrain()).isEqualTo("off");
    assertThat(d.getProxyProtocolV2Enabled()).isFalse();
    assertThat(d.getAclStatus()).isEqualTo("off");
    assertThat(d.getAclIds()).isEmpty();
    assertThat(d.getHealthCheck()).isEqualTo("on");
    assertThat(d.getHealthCheckType()).isEqualTo("tcp");
    assertThat(d.getHealthyThreshold()).isEqualTo(3);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(3);
    assertThat(d.getHealthCheckInterval()).isEqualTo(2);
    assertThat(d.getHealthCheckConnectTimeout()).isEqualTo(5);
    assertThat(d.getHealthCheckHttpCode()).isEqualTo("http_2xx");
    assertThat(d.getVServerGroupId()).isNull();
    assertThat(d.getMasterSlaveServerGroupId()).isNull();
    assertThat(d.getMasterSlaveModeEnabled()).isFalse();
    assertThat(d.getRequestId()).isNotBlank();
  }

  @Test
  void udpCreateEchoesTheDocumentedDefaults() {
    String lb = it.loadBalancer();
    it.udp(lb, 53);

    DescribeLoadBalancerUDPListenerAttributeResponse d = it.describeUdp(lb, 53);
    assertThat(d.getListenerPort()).isEqualTo(53);
    assertThat(d.getBackendServerPort()).isEqualTo(8080);
    assertThat(d.getBandwidth()).isEqualTo(-1);
    assertThat(d.getStatus()).isEqualTo("stopped");
    assertThat(d.getScheduler()).isEqualTo("wrr");
    assertThat(d.getProxyProtocolV2Enabled()).isFalse();
    assertThat(d.getAclStatus()).isEqualTo("off");
    assertThat(d.getHealthCheck()).isEqualTo("on");
    assertThat(d.getHealthCheckSwitch()).isEqualTo("on");
    assertThat(d.getHealthyThreshold()).isEqualTo(3);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(3);
    assertThat(d.getHealthCheckInterval()).as("UDP health check interval default").isEqualTo(5);
    assertThat(d.getHealthCheckConnectTimeout()).isEqualTo(5);
    assertThat(d.getHealthCheckReq()).isNull();
    assertThat(d.getHealthCheckExp()).isNull();
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void everyTcpCreateParameterIsEchoed() {
    String lb = it.loadBalancer();
    String acl = it.acl("acl-tcpcreate0001");
    CreateLoadBalancerTCPListenerRequest r = tcpRequest(lb, 443);
    r.setBackendServerPort(8443);
    r.setBandwidth(50);
    r.setScheduler("rr");
    r.setPersistenceTimeout(600);
    r.setEstablishedTimeout(120);
    r.setConnectionDrain("on");
    r.setConnectionDrainTimeout(300);
    r.setProxyProtocolV2Enabled(true);
    r.setDescription("web-tier/blue_1.0 监听");
    r.setAclStatus("on");
    r.setAclType("white");
    r.setAclId(acl);
    r.setHealthCheckType("http");
    r.setHealthCheckConnectPort(8081);
    r.setHealthCheckConnectTimeout(20);
    r.setHealthCheckInterval(7);
    r.setHealthyThreshold(4);
    r.setUnhealthyThreshold(6);
    r.setHealthCheckDomain("health.example.com");
    r.setHealthCheckURI("/healthz");
    r.setHealthCheckHttpCode("http_2xx,http_3xx");
    it.sdk().call(r);

    DescribeLoadBalancerTCPListenerAttributeResponse d = it.describeTcp(lb, 443);
    assertThat(d.getBackendServerPort()).isEqualTo(8443);
    assertThat(d.getBandwidth()).isEqualTo(50);
    assertThat(d.getScheduler()).isEqualTo("rr");
    assertThat(d.getPersistenceTimeout()).isEqualTo(600);
    assertThat(d.getEstablishedTimeout()).isEqualTo(120);
    assertThat(d.getConnectionDrain()).isEqualTo("on");
    assertThat(d.getConnectionDrainTimeout()).isEqualTo(300);
    assertThat(d.getProxyProtocolV2Enabled()).isTrue();
    assertThat(d.getDescription()).isEqualTo("web-tier/blue_1.0 监听");
    assertThat(d.getAclStatus()).isEqualTo("on");
    assertThat(d.getAclType()).isEqualTo("white");
    assertThat(d.getAclId()).isEqualTo(acl);
    assertThat(d.getAclIds()).containsExactly(acl);
    assertThat(d.getHealthCheckType()).isEqualTo("http");
    assertThat(d.getHealthCheckConnectPort()).isEqualTo(8081);
    assertThat(d.getHealthCheckConnectTimeout()).isEqualTo(20);
    assertThat(d.getHealthCheckInterval()).as("sent as lower-case healthCheckInterval").isEqualTo(7);
    assertThat(d.getHealthyThreshold()).isEqualTo(4);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(6);
    assertThat(d.getHealthCheckDomain()).isEqualTo("health.example.com");
    assertThat(d.getHealthCheckURI()).isEqualTo("/healthz");
    assertThat(d.getHealthCheckHttpCode()).isEqualTo("http_2xx,http_3xx");
  }

  @Test
  void everyTcpSetParameterRoundTrips() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    String acl = it.acl("acl-tcpset000001");
    String group = it.vserverGroup(lb, "rsp-tcpset000001");

    SetLoadBalancerTCPListenerAttributeRequest s = setTcp(lb, 80);
    s.setBandwidth(20);
    s.setScheduler("rr");
    s.setPersistenceTimeout(3600);
    s.setEstablishedTimeout(10);
    s.setConnectionDrain("on");
    s.setConnectionDrainTimeout(900);
    s.setProxyProtocolV2Enabled(true);
    s.setSynProxy("enable");
    s.setDescription("renamed");
    s.setAclStatus("on");
    s.setAclType("black");
    s.setAclId(acl);
    s.setHealthCheckType("http");
    s.setHealthCheckConnectPort(65535);
    s.setHealthCheckConnectTimeout(300);
    s.setHealthCheckInterval(50);
    s.setHealthyThreshold(10);
    s.setUnhealthyThreshold(2);
    s.setHealthCheckDomain("$_ip");
    s.setHealthCheckURI("/status?full=1");
    s.setHealthCheckHttpCode("http_4xx,http_5xx");
    s.setVServerGroup("on");
    s.setVServerGroupId(group);
    it.sdk().call(s);

    DescribeLoadBalancerTCPListenerAttributeResponse d = it.describeTcp(lb, 80);
    assertThat(d.getBandwidth()).isEqualTo(20);
    assertThat(d.getScheduler()).isEqualTo("rr");
    assertThat(d.getPersistenceTimeout()).isEqualTo(3600);
    assertThat(d.getEstablishedTimeout()).isEqualTo(10);
    assertThat(d.getConnectionDrain()).isEqualTo("on");
    assertThat(d.getConnectionDrainTimeout()).isEqualTo(900);
    assertThat(d.getProxyProtocolV2Enabled()).isTrue();
    assertThat(d.getSynProxy()).isEqualTo("enable");
    assertThat(d.getDescription()).isEqualTo("renamed");
    assertThat(d.getAclStatus()).isEqualTo("on");
    assertThat(d.getAclType()).isEqualTo("black");
    assertThat(d.getAclId()).isEqualTo(acl);
    assertThat(d.getHealthCheckType()).isEqualTo("http");
    assertThat(d.getHealthCheckConnectPort()).isEqualTo(65535);
    assertThat(d.getHealthCheckConnectTimeout()).isEqualTo(300);
    assertThat(d.getHealthCheckInterval()).isEqualTo(50);
    assertThat(d.getHealthyThreshold()).isEqualTo(10);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(2);
    assertThat(d.getHealthCheckDomain()).isEqualTo("$_ip");
    assertThat(d.getHealthCheckURI()).isEqualTo("/status?full=1");
    assertThat(d.getHealthCheckHttpCode()).isEqualTo("http_4xx,http_5xx");
    assertThat(d.getVServerGroupId()).isEqualTo(group);
    assertThat(d.getBackendServerPort()).as("kept").isEqualTo(8080);
    assertThat(d.getStatus()).as("Set does not change the status").isEqualTo("stopped");

    SetLoadBalancerTCPListenerAttributeRequest off = setTcp(lb, 80);
    off.setVServerGroup("off");
    off.setAclStatus("off");
    off.setConnectionDrain("off");
    it.sdk().call(off);
    DescribeLoadBalancerTCPListenerAttributeResponse after = it.describeTcp(lb, 80);
    assertThat(after.getVServerGroupId()).as("VServerGroup=off detaches the group").isNull();
    assertThat(after.getAclStatus()).isEqualTo("off");
    assertThat(after.getConnectionDrain()).isEqualTo("off");
    assertThat(after.getBackendServerPort()).isEqualTo(8080);
  }

  @Test
  void everyUdpParameterRoundTripsThroughCreateAndSet() {
    String lb = it.loadBalancer();
    String acl = it.acl("acl-udp000000001");
    CreateLoadBalancerUDPListenerRequest c = udpRequest(lb, 53);
    c.setBackendServerPort(5353);
    c.setBandwidth(10);
    c.setScheduler("rr");
    c.setProxyProtocolV2Enabled(true);
    c.setDescription("dns");
    c.setAclStatus("on");
    c.setAclType("white");
    c.setAclId(acl);
    c.setHealthCheckConnectPort(5354);
    c.setHealthCheckConnectTimeout(8);
    c.setHealthCheckInterval(9);
    c.setHealthyThreshold(5);
    c.setUnhealthyThreshold(7);
    c.setHealthCheckReq("ping");
    c.setHealthCheckExp("pong");
    it.sdk().call(c);

    DescribeLoadBalancerUDPListenerAttributeResponse d = it.describeUdp(lb, 53);
    assertThat(d.getBackendServerPort()).isEqualTo(5353);
    assertThat(d.getBandwidth()).isEqualTo(10);
    assertThat(d.getScheduler()).isEqualTo("rr");
    assertThat(d.getProxyProtocolV2Enabled()).isTrue();
    assertThat(d.getDescription()).isEqualTo("dns");
    assertThat(d.getAclStatus()).isEqualTo("on");
    assertThat(d.getAclType()).isEqualTo("white");
    assertThat(d.getAclId()).isEqualTo(acl);
    assertThat(d.getHealthCheckConnectPort()).isEqualTo(5354);
    assertThat(d.getHealthCheckConnectTimeout()).isEqualTo(8);
    assertThat(d.getHealthCheckInterval()).isEqualTo(9);
    assertThat(d.getHealthyThreshold()).isEqualTo(5);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(7);
    assertThat(d.getHealthCheckReq()).isEqualTo("ping");
    assertThat(d.getHealthCheckExp()).isEqualTo("pong");

    String group = it.vserverGroup(lb, "rsp-udpset000001");
    SetLoadBalancerUDPListenerAttributeRequest s = setUdp(lb, 53);
    s.setBandwidth(-1);
    s.setScheduler("wrr");
    s.setProxyProtocolV2Enabled(false);
    s.setDescription("dns2");
    s.setAclType("black");
    s.setHealthCheckConnectPort(1);
    s.setHealthCheckConnectTimeout(1);
    s.setHealthCheckInterval(1);
    s.setHealthyThreshold(2);
    s.setUnhealthyThreshold(10);
    s.setHealthCheckReq("hello");
    s.setHealthCheckExp("world");
    s.setVServerGroup("on");
    s.setVServerGroupId(group);
    it.sdk().call(s);

    DescribeLoadBalancerUDPListenerAttributeResponse e = it.describeUdp(lb, 53);
    assertThat(e.getBandwidth()).isEqualTo(-1);
    assertThat(e.getScheduler()).isEqualTo("wrr");
    assertThat(e.getProxyProtocolV2Enabled()).isFalse();
    assertThat(e.getDescription()).isEqualTo("dns2");
    assertThat(e.getAclType()).isEqualTo("black");
    assertThat(e.getAclId()).as("kept").isEqualTo(acl);
    assertThat(e.getHealthCheckConnectPort()).isEqualTo(1);
    assertThat(e.getHealthCheckConnectTimeout()).isEqualTo(1);
    assertThat(e.getHealthCheckInterval()).isEqualTo(1);
    assertThat(e.getHealthyThreshold()).isEqualTo(2);
    assertThat(e.getUnhealthyThreshold()).isEqualTo(10);
    assertThat(e.getHealthCheckReq()).isEqualTo("hello");
    assertThat(e.getHealthCheckExp()).isEqualTo("world");
    assertThat(e.getVServerGroupId()).isEqualTo(group);
    assertThat(e.getBackendServerPort()).isEqualTo(5353);
  }

  // ---------------------------------------------------------------- partial update

  @Test
  void setIsAPartialUpdate() {
    String lb = it.loadBalancer();
    CreateLoadBalancerTCPListenerRequest c = tcpRequest(lb, 8000);
    c.setScheduler("rr");
    c.setEstablishedTimeout(300);
    c.setPersistenceTimeout(60);
    c.setHealthCheckInterval(10);
    c.setDescription("keep me");
    c.setBandwidth(30);
    it.sdk().call(c);

    SetLoadBalancerTCPListenerAttributeRequest s = setTcp(lb, 8000);
    s.setHealthyThreshold(7);
    it.sdk().call(s);

    DescribeLoadBalancerTCPListenerAttributeResponse d = it.describeTcp(lb, 8000);
    assertThat(d.getHealthyThreshold()).isEqualTo(7);
    assertThat(d.getScheduler()).isEqualTo("rr");
    assertThat(d.getEstablishedTimeout()).isEqualTo(300);
    assertThat(d.getPersistenceTimeout()).isEqualTo(60);
    assertThat(d.getHealthCheckInterval()).isEqualTo(10);
    assertThat(d.getDescription()).isEqualTo("keep me");
    assertThat(d.getBandwidth()).isEqualTo(30);
    assertThat(d.getBackendServerPort()).isEqualTo(8080);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(3);
    assertThat(d.getHealthCheckConnectTimeout()).isEqualTo(5);

    // an empty Set changes nothing
    it.sdk().call(setTcp(lb, 8000));
    assertThat(it.describeTcp(lb, 8000).getHealthyThreshold()).isEqualTo(7);
  }

  @Test
  void aRejectedSetChangesNothing() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    SetLoadBalancerTCPListenerAttributeRequest s = setTcp(lb, 80);
    s.setHealthyThreshold(5);
    s.setDescription("half applied?");
    s.setEstablishedTimeout(9);
    it.expectInvalid(s, "EstablishedTimeout");

    DescribeLoadBalancerTCPListenerAttributeResponse d = it.describeTcp(lb, 80);
    assertThat(d.getHealthyThreshold()).isEqualTo(3);
    assertThat(d.getDescription()).isNull();
    assertThat(d.getEstablishedTimeout()).isEqualTo(900);
  }

  // ---------------------------------------------------------------- ranges

  @TestFactory
  Stream<DynamicTest> tcpCreateRejectsOutOfRangeValues() {
    String lb = it.loadBalancer();
    List<Case<CreateLoadBalancerTCPListenerRequest>> cases = List.of(
        new Case<>("ListenerPort", "0", r -> r.setListenerPort(0)),
        new Case<>("ListenerPort", "65536", r -> r.setListenerPort(65536)),
        new Case<>("BackendServerPort", "0", r -> r.setBackendServerPort(0)),
        new Case<>("BackendServerPort", "65536", r -> r.setBackendServerPort(65536)),
        new Case<>("Bandwidth", "0", r -> r.setBandwidth(0)),
        new Case<>("Bandwidth", "-2", r -> r.setBandwidth(-2)),
        new Case<>("Bandwidth", "5121", r -> r.setBandwidth(5121)),
        new Case<>("HealthyThreshold", "11", r -> r.setHealthyThreshold(11)),
        new Case<>("HealthyThreshold", "1", r -> r.setHealthyThreshold(1)),
        new Case<>("UnhealthyThreshold", "11", r -> r.setUnhealthyThreshold(11)),
        new Case<>("EstablishedTimeout", "9", r -> r.setEstablishedTimeout(9)),
        new Case<>("EstablishedTimeout", "901", r -> r.setEstablishedTimeout(901)),
        new Case<>("PersistenceTimeout", "-1", r -> r.setPersistenceTimeout(-1)),
        new Case<>("PersistenceTimeout", "3601", r -> r.setPersistenceTimeout(3601)),
        new Case<>("ConnectionDrainTimeout", "9", r -> { r.setConnectionDrain("on"); r.setConnectionDrainTimeout(9); }),
        new Case<>("ConnectionDrainTimeout", "901", r -> { r.setConnectionDrain("on"); r.setConnectionDrainTimeout(901); }),
        new Case<>("ConnectionDrain", "maybe", r -> r.setConnectionDrain("maybe")),
        new Case<>("healthCheckInterval", "0", r -> r.setHealthCheckInterval(0)),
        new Case<>("healthCheckInterval", "51", r -> r.setHealthCheckInterval(51)),
        new Case<>("HealthCheckConnectTimeout", "0", r -> r.setHealthCheckConnectTimeout(0)),
        new Case<>("HealthCheckConnectTimeout", "301", r -> r.setHealthCheckConnectTimeout(301)),
        new Case<>("HealthCheckConnectPort", "65536", r -> r.setHealthCheckConnectPort(65536)),
        new Case<>("HealthCheckType", "udp", r -> r.setHealthCheckType("udp")),
        new Case<>("HealthCheckHttpCode", "http_6xx", r -> r.setHealthCheckHttpCode("http_2xx,http_6xx")),
        new Case<>("HealthCheckURI", "/", r -> r.setHealthCheckURI("/")),
        new Case<>("HealthCheckURI", "no leading slash", r -> r.setHealthCheckURI("health")),
        new Case<>("HealthCheckDomain", "bad character", r -> r.setHealthCheckDomain("a_b!.com")),
        new Case<>("Scheduler", "fastest", r -> r.setScheduler("fastest")),
        new Case<>("Scheduler", "qch (UDP only)", r -> r.setScheduler("qch")),
        new Case<>("AclStatus", "maybe", r -> r.setAclStatus("maybe")),
        new Case<>("AclType", "grey", r -> r.setAclType("grey")),
        new Case<>("Description", "257 characters", r -> r.setDescription("d".repeat(257))));
    return cases.stream().map(c -> dynamicTest(c.name(), () -> {
      CreateLoadBalancerTCPListenerRequest r = tcpRequest(lb, 1000);
      c.mutation().accept(r);
      it.expectInvalid(r, c.parameter());
    }));
  }

  @TestFactory
  Stream<DynamicTest> tcpSetRejectsOutOfRangeValues() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    List<Case<SetLoadBalancerTCPListenerAttributeRequest>> cases = List.of(
        new Case<>("Bandwidth", "0", r -> r.setBandwidth(0)),
        new Case<>("HealthyThreshold", "11", r -> r.setHealthyThreshold(11)),
        new Case<>("UnhealthyThreshold", "1", r -> r.setUnhealthyThreshold(1)),
        new Case<>("EstablishedTimeout", "9", r -> r.setEstablishedTimeout(9)),
        new Case<>("PersistenceTimeout", "3601", r -> r.setPersistenceTimeout(3601)),
        new Case<>("HealthCheckInterval", "51", r -> r.setHealthCheckInterval(51)),
        new Case<>("HealthCheckConnectTimeout", "301", r -> r.setHealthCheckConnectTimeout(301)),
        new Case<>("HealthCheckConnectPort", "0", r -> r.setHealthCheckConnectPort(0)),
        new Case<>("SynProxy", "on", r -> r.setSynProxy("on")),
        new Case<>("VServerGroup", "maybe", r -> r.setVServerGroup("maybe")),
        new Case<>("Scheduler", "qch (UDP only)", r -> r.setScheduler("qch")));
    return cases.stream().map(c -> dynamicTest(c.name(), () -> {
      SetLoadBalancerTCPListenerAttributeRequest r = setTcp(lb, 80);
      c.mutation().accept(r);
      it.expectInvalid(r, c.parameter());
    }));
  }

  @TestFactory
  Stream<DynamicTest> udpRejectsOutOfRangeValues() {
    String lb = it.loadBalancer();
    it.udp(lb, 53);
    List<Case<CreateLoadBalancerUDPListenerRequest>> creates = List.of(
        new Case<>("ListenerPort", "0", r -> r.setListenerPort(0)),
        new Case<>("ListenerPort", "65536", r -> r.setListenerPort(65536)),
        new Case<>("Bandwidth", "0", r -> r.setBandwidth(0)),
        new Case<>("HealthyThreshold", "11", r -> r.setHealthyThreshold(11)),
        new Case<>("healthCheckInterval", "51", r -> r.setHealthCheckInterval(51)),
        new Case<>("HealthCheckConnectTimeout", "301", r -> r.setHealthCheckConnectTimeout(301)),
        new Case<>("healthCheckReq", "not alphanumeric", r -> r.setHealthCheckReq("ping me")),
        new Case<>("healthCheckExp", "65 characters", r -> r.setHealthCheckExp("x".repeat(65))),
        new Case<>("Scheduler", "fastest", r -> r.setScheduler("fastest")));
    List<Case<SetLoadBalancerUDPListenerAttributeRequest>> sets = List.of(
        new Case<>("Bandwidth", "5121", r -> r.setBandwidth(5121)),
        new Case<>("UnhealthyThreshold", "11", r -> r.setUnhealthyThreshold(11)),
        new Case<>("HealthCheckInterval", "0", r -> r.setHealthCheckInterval(0)),
        new Case<>("healthCheckReq", "not alphanumeric", r -> r.setHealthCheckReq("a-b")));
    Stream<DynamicTest> c = creates.stream().map(x -> dynamicTest("create " + x.name(), () -> {
      CreateLoadBalancerUDPListenerRequest r = udpRequest(lb, 54);
      x.mutation().accept(r);
      it.expectInvalid(r, x.parameter());
    }));
    Stream<DynamicTest> s = sets.stream().map(x -> dynamicTest("set " + x.name(), () -> {
      SetLoadBalancerUDPListenerAttributeRequest r = setUdp(lb, 53);
      x.mutation().accept(r);
      it.expectInvalid(r, x.parameter());
    }));
    return Stream.concat(c, s);
  }

  // ---------------------------------------------------------------- required parameters

  @Test
  void bandwidthIsRequiredOnTcpAndUdpCreate() {
    String lb = it.loadBalancer();
    CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
    tcp.setLoadBalancerId(lb);
    tcp.setListenerPort(80);
    tcp.setBackendServerPort(80);
    it.expectMissing(tcp, "Bandwidth");
    CreateLoadBalancerUDPListenerRequest udp = new CreateLoadBalancerUDPListenerRequest();
    udp.setLoadBalancerId(lb);
    udp.setListenerPort(80);
    udp.setBackendServerPort(80);
    it.expectMissing(udp, "Bandwidth");
  }

  @Test
  void backendServerPortOrVServerGroupIdIsRequired() {
    String lb = it.loadBalancer();
    CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
    tcp.setLoadBalancerId(lb);
    tcp.setListenerPort(80);
    tcp.setBandwidth(-1);
    ClientException e = it.expectError(tcp, "MissingParameter");
    assertThat(e.getErrMsg()).isEqualTo("The BackendServerPort or VServerGroupId is required at lease one.");
    CreateLoadBalancerUDPListenerRequest udp = new CreateLoadBalancerUDPListenerRequest();
    udp.setLoadBalancerId(lb);
    udp.setListenerPort(80);
    udp.setBandwidth(-1);
    it.expectError(udp, "MissingParameter");

    // a vServer group alone is enough
    String group = it.vserverGroup(lb, "rsp-required00001");
    tcp.setVServerGroupId(group);
    it.sdk().call(tcp);
    DescribeLoadBalancerTCPListenerAttributeResponse d = it.describeTcp(lb, 80);
    assertThat(d.getVServerGroupId()).isEqualTo(group);
    assertThat(d.getBackendServerPort()).isNull();

    // detaching the group would leave the listener without a destination
    SetLoadBalancerTCPListenerAttributeRequest off = setTcp(lb, 80);
    off.setVServerGroup("off");
    it.expectError(off, "MissingParameter");
    assertThat(it.describeTcp(lb, 80).getVServerGroupId()).isEqualTo(group);
  }

  @Test
  void listenerPortAndLoadBalancerIdAreRequired() {
    String lb = it.loadBalancer();
    CreateLoadBalancerTCPListenerRequest noPort = new CreateLoadBalancerTCPListenerRequest();
    noPort.setLoadBalancerId(lb);
    noPort.setBackendServerPort(80);
    noPort.setBandwidth(-1);
    it.expectMissing(noPort, "ListenerPort");
    CreateLoadBalancerTCPListenerRequest noLb = tcpRequest(null, 80);
    it.expectMissing(noLb, "LoadBalancerId");
    it.expectError(tcpRequest("lb-doesnotexist0000000", 80), "InvalidLoadBalancerId.NotFound");
    it.expectError(describeTcpRequest("lb-doesnotexist0000000", 80), "InvalidLoadBalancerId.NotFound");
  }

  @Test
  void unknownOrForeignServerGroupsAreRefused() {
    String lb = it.loadBalancer();
    String other = it.loadBalancer();
    String foreign = it.vserverGroup(other, "rsp-otherlb000001");

    CreateLoadBalancerTCPListenerRequest unknown = tcpRequest(lb, 80);
    unknown.setVServerGroupId("rsp-doesnotexist01");
    ClientException e = it.expectError(unknown, "InvalidParameter");
    assertThat(e.getErrMsg()).contains("The specified VServerGroupId does not exist");

    CreateLoadBalancerTCPListenerRequest otherLb = tcpRequest(lb, 80);
    otherLb.setVServerGroupId(foreign);
    assertThat(it.expectError(otherLb, "InvalidParameter").getErrMsg())
        .contains("The specified VServerGroupId does not exist");

    CreateLoadBalancerTCPListenerRequest both = tcpRequest(lb, 80);
    both.setVServerGroupId(it.vserverGroup(lb, "rsp-both00000001"));
    both.setMasterSlaveServerGroupId("rsp-both00000002");
    it.expectError(both, "Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch");
  }

  // ---------------------------------------------------------------- cross-setting rules

  @Test
  void connectionDrainOnNeedsItsTimeout() {
    String lb = it.loadBalancer();
    CreateLoadBalancerTCPListenerRequest c = tcpRequest(lb, 80);
    c.setConnectionDrain("on");
    it.expectMissing(c, "ConnectionDrainTimeout");

    it.tcp(lb, 80);
    SetLoadBalancerTCPListenerAttributeRequest s = setTcp(lb, 80);
    s.setConnectionDrain("on");
    it.expectMissing(s, "ConnectionDrainTimeout");
    assertThat(it.describeTcp(lb, 80).getConnectionDrain()).isEqualTo("off");

    s.setConnectionDrainTimeout(10);
    it.sdk().call(s);
    DescribeLoadBalancerTCPListenerAttributeResponse d = it.describeTcp(lb, 80);
    assertThat(d.getConnectionDrain()).isEqualTo("on");
    assertThat(d.getConnectionDrainTimeout()).isEqualTo(10);
  }

  @Test
  void aclStatusOnNeedsAnExistingAcl() {
    String lb = it.loadBalancer();
    CreateLoadBalancerTCPListenerRequest noId = tcpRequest(lb, 80);
    noId.setAclStatus("on");
    noId.setAclType("white");
    it.expectMissing(noId, "AclId");

    CreateLoadBalancerTCPListenerRequest noType = tcpRequest(lb, 80);
    noType.setAclStatus("on");
    noType.setAclId(it.acl("acl-notype0000001"));
    it.expectMissing(noType, "AclType");

    CreateLoadBalancerTCPListenerRequest unknown = tcpRequest(lb, 80);
    unknown.setAclStatus("on");
    unknown.setAclType("white");
    unknown.setAclId("acl-doesnotexist001");
    it.expectError(unknown, "AclNotExist");

    it.udp(lb, 80);
    SetLoadBalancerUDPListenerAttributeRequest s = setUdp(lb, 80);
    s.setAclStatus("on");
    s.setAclType("black");
    it.expectMissing(s, "AclId");
    assertThat(it.describeUdp(lb, 80).getAclStatus()).isEqualTo("off");
  }

  @Test
  void schedulersCannotSwitchBetweenRoundRobinAndHashing() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    SetLoadBalancerTCPListenerAttributeRequest toHash = setTcp(lb, 80);
    toHash.setScheduler("sch");
    it.expectInvalid(toHash, "Scheduler");
    assertThat(it.describeTcp(lb, 80).getScheduler()).isEqualTo("wrr");

    SetLoadBalancerTCPListenerAttributeRequest toRr = setTcp(lb, 80);
    toRr.setScheduler("rr");
    it.sdk().call(toRr);
    assertThat(it.describeTcp(lb, 80).getScheduler()).isEqualTo("rr");

    String spec = it.specLoadBalancer();
    CreateLoadBalancerTCPListenerRequest sch = tcpRequest(spec, 80);
    sch.setScheduler("sch");
    it.sdk().call(sch);
    assertThat(it.describeTcp(spec, 80).getScheduler()).isEqualTo("sch");
    for (String target : List.of("tch", "wrr", "rr")) {
      SetLoadBalancerTCPListenerAttributeRequest s = setTcp(spec, 80);
      s.setScheduler(target);
      it.expectInvalid(s, "Scheduler");
    }
    assertThat(it.describeTcp(spec, 80).getScheduler()).isEqualTo("sch");

    CreateLoadBalancerUDPListenerRequest qch = udpRequest(spec, 80);
    qch.setScheduler("qch");
    it.sdk().call(qch);
    assertThat(it.describeUdp(spec, 80).getScheduler()).isEqualTo("qch");
  }

  @Test
  void hashSchedulersNeedAPerformanceInstance() {
    String shared = it.loadBalancer();
    for (String hash : List.of("sch", "tch")) {
      CreateLoadBalancerTCPListenerRequest tcp = tcpRequest(shared, 80);
      tcp.setScheduler(hash);
      it.expectError(tcp, "UnsupportedOperation");
    }
    CreateLoadBalancerUDPListenerRequest udp = udpRequest(shared, 80);
    udp.setScheduler("qch");
    it.expectError(udp, "UnsupportedOperation");
  }

  @Test
  void healthCheckSwitchTurnsTheTcpAndUdpCheckOff() {
    String lb = it.loadBalancer();
    CreateLoadBalancerTCPListenerRequest c = tcpRequest(lb, 80);
    c.putQueryParameter("HealthCheckSwitch", "off");
    it.sdk().call(c);
    DescribeLoadBalancerTCPListenerAttributeResponse d = it.describeTcp(lb, 80);
    assertThat(d.getHealthCheck()).isEqualTo("off");

    it.udp(lb, 80);
    SetLoadBalancerUDPListenerAttributeRequest s = setUdp(lb, 80);
    s.putQueryParameter("HealthCheckSwitch", "off");
    it.sdk().call(s);
    DescribeLoadBalancerUDPListenerAttributeResponse u = it.describeUdp(lb, 80);
    assertThat(u.getHealthCheck()).isEqualTo("off");
    assertThat(u.getHealthCheckSwitch()).isEqualTo("off");
    assertThat(u.getHealthCheckInterval()).as("kept").isEqualTo(5);
  }

  @Test
  void listenerBandwidthsFitIntoAPayByBandwidthInstance() {
    com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest create =
        new com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest();
    create.setInternetChargeType("paybybandwidth");
    create.setBandwidth(10);
    String lb = it.sdk().call(create).getLoadBalancerId();

    CreateLoadBalancerTCPListenerRequest six = tcpRequest(lb, 80);
    six.setBandwidth(6);
    it.sdk().call(six);
    CreateLoadBalancerUDPListenerRequest five = udpRequest(lb, 80);
    five.setBandwidth(5);
    ClientException e = it.expectError(five, "InvalidParameter");
    assertThat(e.getErrMsg()).contains("exceeds the maximum bandwidth available to the instance");
    five.setBandwidth(4);
    it.sdk().call(five);

    SetLoadBalancerTCPListenerAttributeRequest seven = setTcp(lb, 80);
    seven.setBandwidth(7);
    it.expectError(seven, "InvalidParameter");
    assertThat(it.describeTcp(lb, 80).getBandwidth()).isEqualTo(6);
    seven.setBandwidth(-1);
    it.sdk().call(seven);
    assertThat(it.describeTcp(lb, 80).getBandwidth()).isEqualTo(-1);
  }

  @Test
  void setOfAListenerThatDoesNotExist() {
    String lb = it.loadBalancer();
    it.udp(lb, 80);
    SetLoadBalancerTCPListenerAttributeRequest tcp = setTcp(lb, 80);
    tcp.setDescription("x");
    ClientException e = it.expectError(tcp, "InvalidParameter");
    assertThat(e.getErrMsg()).contains(ListenerSupport.NOT_FOUND_MESSAGE);
    SetLoadBalancerUDPListenerAttributeRequest udp = setUdp(lb, 81);
    udp.setDescription("x");
    it.expectError(udp, "InvalidParameter");
    it.expectListenerAbsent(describeTcpRequest(lb, 80));
    it.expectListenerAbsent(describeUdpRequest(lb, 81));
  }

  // ---------------------------------------------------------------- helpers

  /** One invalid value: the parameter the error must name, a label, and how to set it. */
  record Case<R>(String parameter, String value, Consumer<R> mutation) {
    String name() {
      return parameter + "=" + value;
    }
  }

  static SetLoadBalancerTCPListenerAttributeRequest setTcp(String lb, int port) {
    SetLoadBalancerTCPListenerAttributeRequest s = new SetLoadBalancerTCPListenerAttributeRequest();
    s.setLoadBalancerId(lb);
    s.setListenerPort(port);
    return s;
  }

  static SetLoadBalancerUDPListenerAttributeRequest setUdp(String lb, int port) {
    SetLoadBalancerUDPListenerAttributeRequest s = new SetLoadBalancerUDPListenerAttributeRequest();
    s.setLoadBalancerId(lb);
    s.setListenerPort(port);
    return s;
  }
}
