package io.openslb.it;

import static io.openslb.it.ListenerSupport.describeHttpRequest;
import static io.openslb.it.ListenerSupport.describeHttpsRequest;
import static io.openslb.it.ListenerSupport.httpRequest;
import static io.openslb.it.ListenerSupport.httpsRequest;
import static io.openslb.it.ListenerSupport.tcpRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPSListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerHTTPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerHTTPSListenerAttributeRequest;
import io.openslb.controlplane.service.Accounts;
import io.openslb.it.TcpUdpListenerIT.Case;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CreateLoadBalancer{HTTP,HTTPS}Listener, SetLoadBalancer{HTTP,HTTPS}ListenerAttribute and
 * DescribeLoadBalancer{HTTP,HTTPS}ListenerAttribute through the official SDK. Server and CA
 * certificates are put into the store directly until their upload actions exist.
 */
class HttpListenerIT {
  @RegisterExtension
  static final OpenSlbExtension slb = OpenSlbExtension.withYaml("quotas:\n  load-balancers-per-account: 500\n");
  static final ListenerSupport it = new ListenerSupport(slb);

  // ---------------------------------------------------------------- defaults

  @Test
  void httpCreateEchoesTheDocumentedDefaults() {
    String lb = it.loadBalancer();
    it.http(lb, 80);

    DescribeLoadBalancerHTTPListenerAttributeResponse d = it.describeHttp(lb, 80);
    assertThat(d.getListenerPort()).isEqualTo(80);
    assertThat(d.getBackendServerPort()).isEqualTo(8080);
    assertThat(d.getStatus()).isEqualTo("stopped");
    assertThat(d.getBandwidth()).as("HTTP Bandwidth is optional, -1 when absent").isEqualTo(-1);
    assertThat(d.getScheduler()).isEqualTo("wrr");
    assertThat(d.getHealthCheck()).isEqualTo("on");
    assertThat(d.getHealthyThreshold()).isEqualTo(3);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(3);
    assertThat(d.getHealthCheckInterval()).isEqualTo(2);
    assertThat(d.getHealthCheckTimeout()).isEqualTo(5);
    assertThat(d.getHealthCheckHttpCode()).isEqualTo("http_2xx");
    assertThat(d.getHealthCheckMethod()).isEqualTo("head");
    assertThat(d.getXForwardedFor()).isEqualTo("on");
    assertThat(d.getXForwardedFor_SLBIP()).isEqualTo("off");
    assertThat(d.getXForwardedFor_SLBID()).isEqualTo("off");
    assertThat(d.getXForwardedFor_proto()).isEqualTo("off");
    assertThat(d.getXForwardedFor_SLBPORT()).isEqualTo("off");
    assertThat(d.getXForwardedFor_ClientSrcPort()).isEqualTo("off");
    assertThat(d.getGzip()).isEqualTo("on");
    assertThat(d.getIdleTimeout()).isEqualTo(15);
    assertThat(d.getRequestTimeout()).isEqualTo(60);
    assertThat(d.getStickySession()).isEqualTo("off");
    assertThat(d.getListenerForward()).isEqualTo("off");
    assertThat(d.getAclStatus()).isEqualTo("off");
    assertThat(d.getAclIds()).isEmpty();
    assertThat(d.getRules()).isEmpty();
  }

  @Test
  void httpsCreateEchoesTheDocumentedDefaults() {
    String lb = it.loadBalancer();
    String cert = it.serverCertificate();
    it.sdk().call(httpsRequest(lb, 443, cert));

    DescribeLoadBalancerHTTPSListenerAttributeResponse d = it.describeHttps(lb, 443);
    assertThat(d.getListenerPort()).isEqualTo(443);
    assertThat(d.getStatus()).isEqualTo("stopped");
    assertThat(d.getServerCertificateId()).isEqualTo(cert);
    assertThat(d.getCACertificateId()).isNull();
    assertThat(d.getTLSCipherPolicy()).isEqualTo("tls_cipher_policy_1_0");
    assertThat(d.getEnableHttp2()).isEqualTo("on");
    assertThat(d.getBandwidth()).isEqualTo(-1);
    assertThat(d.getScheduler()).isEqualTo("wrr");
    assertThat(d.getHealthCheck()).isEqualTo("on");
    assertThat(d.getHealthyThreshold()).isEqualTo(3);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(3);
    assertThat(d.getHealthCheckInterval()).isEqualTo(2);
    assertThat(d.getHealthCheckTimeout()).isEqualTo(5);
    assertThat(d.getXForwardedFor()).isEqualTo("on");
    assertThat(d.getXForwardedFor_proto()).isEqualTo("off");
    assertThat(d.getXForwardedFor_ClientCertSubjectDN()).isEqualTo("off");
    assertThat(d.getGzip()).isEqualTo("on");
    assertThat(d.getIdleTimeout()).isEqualTo(15);
    assertThat(d.getRequestTimeout()).isEqualTo(60);
    assertThat(d.getStickySession()).isEqualTo("off");
    assertThat(d.getDomainExtensions()).isEmpty();
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void everyHttpCreateParameterIsEchoed() {
    String lb = it.loadBalancer();
    String acl = it.acl("acl-httpcreate001");
    CreateLoadBalancerHTTPListenerRequest r = httpRequest(lb, 8080);
    r.setBackendServerPort(80);
    r.setBandwidth(100);
    r.setScheduler("rr");
    r.setDescription("frontend");
    r.setAclStatus("on");
    r.setAclType("black");
    r.setAclId(acl);
    r.setHealthCheck("on");
    r.setHealthCheckConnectPort(81);
    r.setHealthCheckDomain("www.example.com");
    r.setHealthCheckURI("/ping");
    r.setHealthCheckHttpCode("http_2xx,http_3xx,http_4xx");
    r.setHealthCheckMethod("get");
    r.setHealthCheckInterval(3);
    r.setHealthCheckTimeout(4);
    r.setHealthyThreshold(2);
    r.setUnhealthyThreshold(9);
    r.setStickySession("on");
    r.setStickySessionType("insert");
    r.setCookieTimeout(86400);
    r.setXForwardedFor("off");
    r.setXForwardedFor_SLBIP("on");
    r.setXForwardedFor_SLBID("on");
    r.setXForwardedFor_proto("on");
    r.putQueryParameter("XForwardedFor_SLBPORT", "on");
    r.putQueryParameter("XForwardedFor_ClientSrcPort", "on");
    r.setGzip("off");
    r.setIdleTimeout(60);
    r.setRequestTimeout(180);
    it.sdk().call(r);

    DescribeLoadBalancerHTTPListenerAttributeResponse d = it.describeHttp(lb, 8080);
    assertThat(d.getBackendServerPort()).isEqualTo(80);
    assertThat(d.getBandwidth()).isEqualTo(100);
    assertThat(d.getScheduler()).isEqualTo("rr");
    assertThat(d.getDescription()).isEqualTo("frontend");
    assertThat(d.getAclStatus()).isEqualTo("on");
    assertThat(d.getAclType()).isEqualTo("black");
    assertThat(d.getAclId()).isEqualTo(acl);
    assertThat(d.getHealthCheck()).isEqualTo("on");
    assertThat(d.getHealthCheckConnectPort()).isEqualTo(81);
    assertThat(d.getHealthCheckDomain()).isEqualTo("www.example.com");
    assertThat(d.getHealthCheckURI()).isEqualTo("/ping");
    assertThat(d.getHealthCheckHttpCode()).isEqualTo("http_2xx,http_3xx,http_4xx");
    assertThat(d.getHealthCheckMethod()).isEqualTo("get");
    assertThat(d.getHealthCheckInterval()).isEqualTo(3);
    assertThat(d.getHealthCheckTimeout()).isEqualTo(4);
    assertThat(d.getHealthyThreshold()).isEqualTo(2);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(9);
    assertThat(d.getStickySession()).isEqualTo("on");
    assertThat(d.getStickySessionType()).isEqualTo("insert");
    assertThat(d.getCookieTimeout()).isEqualTo(86400);
    assertThat(d.getXForwardedFor()).isEqualTo("off");
    assertThat(d.getXForwardedFor_SLBIP()).isEqualTo("on");
    assertThat(d.getXForwardedFor_SLBID()).isEqualTo("on");
    assertThat(d.getXForwardedFor_proto()).isEqualTo("on");
    assertThat(d.getXForwardedFor_SLBPORT()).isEqualTo("on");
    assertThat(d.getXForwardedFor_ClientSrcPort()).isEqualTo("on");
    assertThat(d.getGzip()).isEqualTo("off");
    assertThat(d.getIdleTimeout()).isEqualTo(60);
    assertThat(d.getRequestTimeout()).isEqualTo(180);
  }

  @Test
  void everyHttpSetParameterRoundTrips() {
    String lb = it.loadBalancer();
    it.http(lb, 80);
    String acl = it.acl("acl-httpset000001");
    String group = it.vserverGroup(lb, "rsp-httpset000001");

    SetLoadBalancerHTTPListenerAttributeRequest s = setHttp(lb, 80);
    s.setBandwidth(5120);
    s.setScheduler("rr");
    s.setDescription("set all");
    s.setAclStatus("on");
    s.setAclType("white");
    s.setAclId(acl);
    s.setHealthCheck("off");
    s.setHealthCheckConnectPort(8081);
    s.setHealthCheckDomain("check.example.com");
    s.setHealthCheckURI("/a/b.html");
    s.setHealthCheckHttpCode("http_5xx");
    s.setHealthCheckMethod("get");
    s.setHealthCheckInterval(1);
    s.setHealthCheckTimeout(1);
    s.setHealthyThreshold(6);
    s.setUnhealthyThreshold(8);
    s.setStickySession("on");
    s.setStickySessionType("server");
    s.setCookie("JSESSIONID");
    s.setXForwardedFor("off");
    s.setXForwardedFor_SLBIP("on");
    s.setXForwardedFor_SLBID("on");
    s.setXForwardedFor_proto("on");
    s.putQueryParameter("XForwardedFor_SLBPORT", "on");
    s.putQueryParameter("XForwardedFor_ClientSrcPort", "on");
    s.setGzip("off");
    s.setIdleTimeout(1);
    s.setRequestTimeout(1);
    s.setVServerGroup("on");
    s.setVServerGroupId(group);
    it.sdk().call(s);

    DescribeLoadBalancerHTTPListenerAttributeResponse d = it.describeHttp(lb, 80);
    assertThat(d.getBandwidth()).isEqualTo(5120);
    assertThat(d.getScheduler()).isEqualTo("rr");
    assertThat(d.getDescription()).isEqualTo("set all");
    assertThat(d.getAclStatus()).isEqualTo("on");
    assertThat(d.getAclType()).isEqualTo("white");
    assertThat(d.getAclId()).isEqualTo(acl);
    assertThat(d.getAclIds()).containsExactly(acl);
    assertThat(d.getHealthCheck()).isEqualTo("off");
    assertThat(d.getHealthCheckConnectPort()).isEqualTo(8081);
    assertThat(d.getHealthCheckDomain()).isEqualTo("check.example.com");
    assertThat(d.getHealthCheckURI()).isEqualTo("/a/b.html");
    assertThat(d.getHealthCheckHttpCode()).isEqualTo("http_5xx");
    assertThat(d.getHealthCheckMethod()).isEqualTo("get");
    assertThat(d.getHealthCheckInterval()).isEqualTo(1);
    assertThat(d.getHealthCheckTimeout()).isEqualTo(1);
    assertThat(d.getHealthyThreshold()).isEqualTo(6);
    assertThat(d.getUnhealthyThreshold()).isEqualTo(8);
    assertThat(d.getStickySession()).isEqualTo("on");
    assertThat(d.getStickySessionType()).isEqualTo("server");
    assertThat(d.getCookie()).isEqualTo("JSESSIONID");
    assertThat(d.getXForwardedFor()).isEqualTo("off");
    assertThat(d.getXForwardedFor_SLBIP()).isEqualTo("on");
    assertThat(d.getXForwardedFor_SLBID()).isEqualTo("on");
    assertThat(d.getXForwardedFor_proto()).isEqualTo("on");
    assertThat(d.getXForwardedFor_SLBPORT()).isEqualTo("on");
    assertThat(d.getXForwardedFor_ClientSrcPort()).isEqualTo("on");
    assertThat(d.getGzip()).isEqualTo("off");
    assertThat(d.getIdleTimeout()).isEqualTo(1);
    assertThat(d.getRequestTimeout()).isEqualTo(1);
    assertThat(d.getVServerGroupId()).isEqualTo(group);
    assertThat(d.getBackendServerPort()).isEqualTo(8080);

    SetLoadBalancerHTTPListenerAttributeRequest back = setHttp(lb, 80);
    back.setVServerGroup("off");
    back.setStickySession("off");
    back.setHealthCheck("on");
    it.sdk().call(back);
    DescribeLoadBalancerHTTPListenerAttributeResponse e = it.describeHttp(lb, 80);
    assertThat(e.getVServerGroupId()).isNull();
    assertThat(e.getStickySession()).isEqualTo("off");
    assertThat(e.getHealthCheck()).isEqualTo("on");
    assertThat(e.getHealthCheckURI()).as("kept").isEqualTo("/a/b.html");
  }

  @Test
  void everyHttpsParameterRoundTripsThroughCreateAndSet() {
    String lb = it.loadBalancer();
    String cert = it.serverCertificate();
    String ca = it.caCertificate();
    CreateLoadBalancerHTTPSListenerRequest c = httpsRequest(lb, 443, cert);
    c.setCACertificateId(ca);
    c.setTLSCipherPolicy("tls_cipher_policy_1_2");
    c.setEnableHttp2("off");
    c.setBandwidth(200);
    c.setDescription("tls");
    c.setStickySession("on");
    c.setStickySessionType("insert");
    c.setCookieTimeout(1);
    c.setXForwardedFor_proto("on");
    c.setIdleTimeout(30);
    c.setRequestTimeout(90);
    c.setHealthCheckURI("/tls");
    c.putQueryParameter("XForwardedFor_ClientCertSubjectDN", "on");
    c.putQueryParameter("XForwardedFor_ClientCertSubjectDNAlias", "X-Client-DN");
    it.sdk().call(c);

    DescribeLoadBalancerHTTPSListenerAttributeResponse d = it.describeHttps(lb, 443);
    assertThat(d.getServerCertificateId()).isEqualTo(cert);
    assertThat(d.getCACertificateId()).isEqualTo(ca);
    assertThat(d.getTLSCipherPolicy()).isEqualTo("tls_cipher_policy_1_2");
    assertThat(d.getEnableHttp2()).isEqualTo("off");
    assertThat(d.getBandwidth()).isEqualTo(200);
    assertThat(d.getDescription()).isEqualTo("tls");
    assertThat(d.getStickySession()).isEqualTo("on");
    assertThat(d.getStickySessionType()).isEqualTo("insert");
    assertThat(d.getCookieTimeout()).isEqualTo(1);
    assertThat(d.getXForwardedFor_proto()).isEqualTo("on");
    assertThat(d.getIdleTimeout()).isEqualTo(30);
    assertThat(d.getRequestTimeout()).isEqualTo(90);
    assertThat(d.getHealthCheckURI()).isEqualTo("/tls");
    assertThat(d.getXForwardedFor_ClientCertSubjectDN()).isEqualTo("on");
    assertThat(d.getXForwardedFor_ClientCertSubjectDNAlias()).isEqualTo("X-Client-DN");

    String cert2 = it.serverCertificate();
    String ca2 = it.caCertificate();
    SetLoadBalancerHTTPSListenerAttributeRequest s = setHttps(lb, 443);
    s.setServerCertificateId(cert2);
    s.setCACertificateId(ca2);
    s.setTLSCipherPolicy("tls_cipher_policy_1_2_strict_with_1_3");
    s.setEnableHttp2("on");
    s.setBandwidth(-1);
    s.setScheduler("rr");
    s.setCookieTimeout(86400);
    s.setGzip("off");
    s.setXForwardedFor_SLBID("on");
    s.setHealthCheckTimeout(300);
    s.setHealthCheckInterval(50);
    it.sdk().call(s);

    DescribeLoadBalancerHTTPSListenerAttributeResponse e = it.describeHttps(lb, 443);
    assertThat(e.getServerCertificateId()).isEqualTo(cert2);
    assertThat(e.getCACertificateId()).isEqualTo(ca2);
    assertThat(e.getTLSCipherPolicy()).isEqualTo("tls_cipher_policy_1_2_strict_with_1_3");
    assertThat(e.getEnableHttp2()).isEqualTo("on");
    assertThat(e.getBandwidth()).isEqualTo(-1);
    assertThat(e.getScheduler()).isEqualTo("rr");
    assertThat(e.getCookieTimeout()).isEqualTo(86400);
    assertThat(e.getGzip()).isEqualTo("off");
    assertThat(e.getXForwardedFor_SLBID()).isEqualTo("on");
    assertThat(e.getHealthCheckTimeout()).isEqualTo(300);
    assertThat(e.getHealthCheckInterval()).isEqualTo(50);
    // untouched by the Set
    assertThat(e.getDescription()).isEqualTo("tls");
    assertThat(e.getStickySession()).isEqualTo("on");
    assertThat(e.getXForwardedFor_proto()).isEqualTo("on");
    assertThat(e.getIdleTimeout()).isEqualTo(30);
    assertThat(e.getHealthCheckURI()).isEqualTo("/tls");

    // a custom policy (tls-xxx) of the account
    String custom = it.tlsPolicy("tls-custom0000000001");
    SetLoadBalancerHTTPSListenerAttributeRequest policy = setHttps(lb, 443);
    policy.setTLSCipherPolicy(custom);
    it.sdk().call(policy);
    assertThat(it.describeHttps(lb, 443).getTLSCipherPolicy()).isEqualTo(custom);
  }

  @Test
  void httpSetIsAPartialUpdate() {
    String lb = it.loadBalancer();
    CreateLoadBalancerHTTPListenerRequest c = httpRequest(lb, 80);
    c.setGzip("off");
    c.setIdleTimeout(20);
    c.setRequestTimeout(30);
    c.setStickySession("on");
    c.setStickySessionType("server");
    c.setCookie("sid");
    c.setHealthCheckURI("/up");
    it.sdk().call(c);

    SetLoadBalancerHTTPListenerAttributeRequest s = setHttp(lb, 80);
    s.setXForwardedFor_proto("on");
    it.sdk().call(s);

    DescribeLoadBalancerHTTPListenerAttributeResponse d = it.describeHttp(lb, 80);
    assertThat(d.getXForwardedFor_proto()).isEqualTo("on");
    assertThat(d.getGzip()).isEqualTo("off");
    assertThat(d.getIdleTimeout()).isEqualTo(20);
    assertThat(d.getRequestTimeout()).isEqualTo(30);
    assertThat(d.getStickySession()).isEqualTo("on");
    assertThat(d.getStickySessionType()).isEqualTo("server");
    assertThat(d.getCookie()).isEqualTo("sid");
    assertThat(d.getHealthCheckURI()).isEqualTo("/up");
    assertThat(d.getXForwardedFor()).isEqualTo("on");
    assertThat(d.getHealthCheck()).isEqualTo("on");
  }

  // ---------------------------------------------------------------- ranges

  @TestFactory
  Stream<DynamicTest> httpRejectsOutOfRangeValues() {
    String lb = it.loadBalancer();
    it.http(lb, 80);
    List<Case<CreateLoadBalancerHTTPListenerRequest>> creates = List.of(
        new Case<>("ListenerPort", "0", r -> r.setListenerPort(0)),
        new Case<>("ListenerPort", "65536", r -> r.setListenerPort(65536)),
        new Case<>("Bandwidth", "0", r -> r.setBandwidth(0)),
        new Case<>("IdleTimeout", "0", r -> r.setIdleTimeout(0)),
        new Case<>("IdleTimeout", "61", r -> r.setIdleTimeout(61)),
        new Case<>("RequestTimeout", "0", r -> r.setRequestTimeout(0)),
        new Case<>("RequestTimeout", "181", r -> r.setRequestTimeout(181)),
        new Case<>("HealthCheck", "maybe", r -> r.setHealthCheck("maybe")),
        new Case<>("HealthCheckTimeout", "301", r -> r.setHealthCheckTimeout(301)),
        new Case<>("HealthCheckInterval", "51", r -> r.setHealthCheckInterval(51)),
        new Case<>("HealthyThreshold", "11", r -> r.setHealthyThreshold(11)),
        new Case<>("UnhealthyThreshold", "1", r -> r.setUnhealthyThreshold(1)),
        new Case<>("HealthCheckMethod", "post", r -> r.setHealthCheckMethod("post")),
        new Case<>("HealthCheckHttpCode", "200", r -> r.setHealthCheckHttpCode("200")),
        new Case<>("Scheduler", "sch (TCP/UDP only)", r -> r.setScheduler("sch")),
        new Case<>("Gzip", "yes", r -> r.setGzip("yes")),
        new Case<>("XForwardedFor", "yes", r -> r.setXForwardedFor("yes")),
        new Case<>("StickySession", "yes", r -> r.setStickySession("yes")),
        new Case<>("StickySessionType", "rewrite", r -> { r.setStickySession("on"); r.setStickySessionType("rewrite"); }),
        new Case<>("CookieTimeout", "0", r -> { r.setStickySession("on"); r.setStickySessionType("insert"); r.setCookieTimeout(0); }),
        new Case<>("CookieTimeout", "86401", r -> { r.setStickySession("on"); r.setStickySessionType("insert"); r.setCookieTimeout(86401); }),
        new Case<>("Cookie", "starting with $", r -> { r.setStickySession("on"); r.setStickySessionType("server"); r.setCookie("$sid"); }),
        new Case<>("Cookie", "with ;", r -> { r.setStickySession("on"); r.setStickySessionType("server"); r.setCookie("a;b"); }),
        new Case<>("Cookie", "201 characters", r -> { r.setStickySession("on"); r.setStickySessionType("server"); r.setCookie("c".repeat(201)); }),
        new Case<>("ListenerForward", "yes", r -> r.setListenerForward("yes")),
        new Case<>("ForwardPort", "65536", r -> { r.setListenerForward("on"); r.setForwardPort(65536); }));
    List<Case<SetLoadBalancerHTTPListenerAttributeRequest>> sets = List.of(
        new Case<>("IdleTimeout", "61", r -> r.setIdleTimeout(61)),
        new Case<>("RequestTimeout", "181", r -> r.setRequestTimeout(181)),
        new Case<>("HealthyThreshold", "11", r -> r.setHealthyThreshold(11)),
        new Case<>("Bandwidth", "0", r -> r.setBandwidth(0)),
        new Case<>("Scheduler", "tch (TCP/UDP only)", r -> r.setScheduler("tch")),
        new Case<>("VServerGroup", "yes", r -> r.setVServerGroup("yes")));
    Stream<DynamicTest> c = creates.stream().map(x -> dynamicTest("create " + x.name(), () -> {
      CreateLoadBalancerHTTPListenerRequest r = httpRequest(lb, 81);
      x.mutation().accept(r);
      it.expectInvalid(r, x.parameter());
    }));
    Stream<DynamicTest> s = sets.stream().map(x -> dynamicTest("set " + x.name(), () -> {
      SetLoadBalancerHTTPListenerAttributeRequest r = setHttp(lb, 80);
      x.mutation().accept(r);
      it.expectInvalid(r, x.parameter());
    }));
    return Stream.concat(c, s);
  }

  @TestFactory
  Stream<DynamicTest> httpsRejectsOutOfRangeValues() {
    String lb = it.loadBalancer();
    String cert = it.serverCertificate();
    it.sdk().call(httpsRequest(lb, 443, cert));
    List<Case<CreateLoadBalancerHTTPSListenerRequest>> creates = List.of(
        new Case<>("ListenerPort", "65536", r -> r.setListenerPort(65536)),
        new Case<>("Bandwidth", "0", r -> r.setBandwidth(0)),
        new Case<>("EnableHttp2", "yes", r -> r.setEnableHttp2("yes")),
        new Case<>("TLSCipherPolicy", "unknown policy", r -> r.setTLSCipherPolicy("tls_cipher_policy_9_9")),
        new Case<>("IdleTimeout", "61", r -> r.setIdleTimeout(61)),
        new Case<>("RequestTimeout", "181", r -> r.setRequestTimeout(181)));
    List<Case<SetLoadBalancerHTTPSListenerAttributeRequest>> sets = List.of(
        new Case<>("EnableHttp2", "yes", r -> r.setEnableHttp2("yes")),
        new Case<>("TLSCipherPolicy", "unknown custom policy", r -> r.setTLSCipherPolicy("tls-doesnotexist01")),
        new Case<>("IdleTimeout", "0", r -> r.setIdleTimeout(0)),
        new Case<>("CookieTimeout", "86401", r -> r.setCookieTimeout(86401)));
    Stream<DynamicTest> c = creates.stream().map(x -> dynamicTest("create " + x.name(), () -> {
      CreateLoadBalancerHTTPSListenerRequest r = httpsRequest(lb, 444, cert);
      x.mutation().accept(r);
      it.expectInvalid(r, x.parameter());
    }));
    Stream<DynamicTest> s = sets.stream().map(x -> dynamicTest("set " + x.name(), () -> {
      SetLoadBalancerHTTPSListenerAttributeRequest r = setHttps(lb, 443);
      x.mutation().accept(r);
      it.expectInvalid(r, x.parameter());
    }));
    return Stream.concat(c, s);
  }

  // ---------------------------------------------------------------- required parameters

  @Test
  void healthCheckIsRequiredOnHttpAndHttpsCreate() {
    String lb = it.loadBalancer();
    CreateLoadBalancerHTTPListenerRequest http = new CreateLoadBalancerHTTPListenerRequest();
    http.setLoadBalancerId(lb);
    http.setListenerPort(80);
    http.setBackendServerPort(80);
    it.expectMissing(http, "HealthCheck");

    CreateLoadBalancerHTTPSListenerRequest https = new CreateLoadBalancerHTTPSListenerRequest();
    https.setLoadBalancerId(lb);
    https.setListenerPort(443);
    https.setBackendServerPort(80);
    https.setBandwidth(-1);
    https.setServerCertificateId(it.serverCertificate());
    it.expectMissing(https, "HealthCheck");
  }

  @Test
  void bandwidthIsRequiredOnHttpsCreate() {
    String lb = it.loadBalancer();
    CreateLoadBalancerHTTPSListenerRequest https = new CreateLoadBalancerHTTPSListenerRequest();
    https.setLoadBalancerId(lb);
    https.setListenerPort(443);
    https.setBackendServerPort(80);
    https.setHealthCheck("on");
    https.setServerCertificateId(it.serverCertificate());
    it.expectMissing(https, "Bandwidth");
  }

  @Test
  void backendServerPortOrVServerGroupIdIsRequired() {
    String lb = it.loadBalancer();
    CreateLoadBalancerHTTPListenerRequest http = new CreateLoadBalancerHTTPListenerRequest();
    http.setLoadBalancerId(lb);
    http.setListenerPort(80);
    http.setHealthCheck("on");
    ClientException e = it.expectError(http, "MissingParameter");
    assertThat(e.getErrMsg()).isEqualTo("The BackendServerPort or VServerGroupId is required at lease one.");

    CreateLoadBalancerHTTPSListenerRequest https = new CreateLoadBalancerHTTPSListenerRequest();
    https.setLoadBalancerId(lb);
    https.setListenerPort(443);
    https.setHealthCheck("on");
    https.setBandwidth(-1);
    https.setServerCertificateId(it.serverCertificate());
    it.expectError(https, "MissingParameter");
  }

  @Test
  void httpsNeedsAnExistingServerCertificateOfTheCaller() {
    String lb = it.loadBalancer();
    CreateLoadBalancerHTTPSListenerRequest none = new CreateLoadBalancerHTTPSListenerRequest();
    none.setLoadBalancerId(lb);
    none.setListenerPort(443);
    none.setBackendServerPort(80);
    none.setBandwidth(-1);
    none.setHealthCheck("on");
    ClientException empty = it.expectError(none, "InvalidParameter");
    assertThat(empty.getErrMsg()).contains("ServerCertificateId is empty");

    it.expectError(httpsRequest(lb, 443, "1231579085529123_166f8204689_1714763408_70998xxxx"),
        "ServerCertificateId.NotFound");

    CreateLoadBalancerHTTPSListenerRequest unknownCa = httpsRequest(lb, 443, it.serverCertificate());
    unknownCa.setCACertificateId("139a00604ad-cn-east-hangzhou-99");
    it.expectError(unknownCa, "CACertificateId.NotFound");

    String cert = it.serverCertificate();
    it.sdk().call(httpsRequest(lb, 443, cert));
    SetLoadBalancerHTTPSListenerAttributeRequest swap = setHttps(lb, 443);
    swap.setServerCertificateId("1231579085529123_166f8204689_1714763408_70998yyyy");
    it.expectError(swap, "ServerCertificateId.NotFound");
    assertThat(it.describeHttps(lb, 443).getServerCertificateId()).isEqualTo(cert);

    // another account's certificate is as unknown as a missing one
    Accounts.Created tenant = slb.newAccount("cert-tenant");
    Sdk other = slb.sdk(tenant);
    com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest createLb =
        new com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest();
    String foreignLb = other.call(createLb).getLoadBalancerId();
    ClientException foreign = other.error(httpsRequest(foreignLb, 443, cert));
    assertThat(foreign.getErrCode()).isEqualTo("ServerCertificateId.NotFound");
  }

  // ---------------------------------------------------------------- cross-setting rules

  @Test
  void stickySessionOnNeedsItsTypeAndCookieSettings() {
    String lb = it.loadBalancer();
    CreateLoadBalancerHTTPListenerRequest noType = httpRequest(lb, 80);
    noType.setStickySession("on");
    it.expectMissing(noType, "StickySessionType");

    CreateLoadBalancerHTTPListenerRequest insert = httpRequest(lb, 80);
    insert.setStickySession("on");
    insert.setStickySessionType("insert");
    it.expectMissing(insert, "CookieTimeout");

    CreateLoadBalancerHTTPListenerRequest server = httpRequest(lb, 80);
    server.setStickySession("on");
    server.setStickySessionType("server");
    it.expectMissing(server, "Cookie");

    insert.setCookieTimeout(1800);
    it.sdk().call(insert);
    DescribeLoadBalancerHTTPListenerAttributeResponse d = it.describeHttp(lb, 80);
    assertThat(d.getStickySession()).isEqualTo("on");
    assertThat(d.getStickySessionType()).isEqualTo("insert");
    assertThat(d.getCookieTimeout()).isEqualTo(1800);

    SetLoadBalancerHTTPListenerAttributeRequest toServer = setHttp(lb, 80);
    toServer.setStickySessionType("server");
    it.expectMissing(toServer, "Cookie");
    toServer.setCookie("SESSION");
    it.sdk().call(toServer);
    DescribeLoadBalancerHTTPListenerAttributeResponse e = it.describeHttp(lb, 80);
    assertThat(e.getStickySessionType()).isEqualTo("server");
    assertThat(e.getCookie()).isEqualTo("SESSION");

    String cert = it.serverCertificate();
    CreateLoadBalancerHTTPSListenerRequest https = httpsRequest(lb, 443, cert);
    https.setStickySession("on");
    it.expectMissing(https, "StickySessionType");
    it.sdk().call(httpsRequest(lb, 443, cert));
    SetLoadBalancerHTTPSListenerAttributeRequest on = setHttps(lb, 443);
    on.setStickySession("on");
    on.setStickySessionType("insert");
    it.expectMissing(on, "CookieTimeout");
    assertThat(it.describeHttps(lb, 443).getStickySession()).isEqualTo("off");
  }

  @Test
  void listenerForwardNeedsAnHttpsListenerOnTheForwardPort() {
    String lb = it.loadBalancer();
    CreateLoadBalancerHTTPListenerRequest noPort = httpRequest(lb, 80);
    noPort.setListenerForward("on");
    it.expectMissing(noPort, "ForwardPort");

    CreateLoadBalancerHTTPListenerRequest nothingThere = httpRequest(lb, 80);
    nothingThere.setListenerForward("on");
    nothingThere.setForwardPort(443);
    it.expectInvalid(nothingThere, "ForwardPort");

    it.sdk().call(tcpRequest(lb, 8443));
    CreateLoadBalancerHTTPListenerRequest toTcp = httpRequest(lb, 80);
    toTcp.setListenerForward("on");
    toTcp.setForwardPort(8443);
    it.expectInvalid(toTcp, "ForwardPort");

    it.sdk().call(httpsRequest(lb, 443, it.serverCertificate()));
    it.sdk().call(nothingThere);
    DescribeLoadBalancerHTTPListenerAttributeResponse d = it.describeHttp(lb, 80);
    assertThat(d.getListenerForward()).isEqualTo("on");
    assertThat(d.getForwardPort()).isEqualTo(443);
  }

  @Test
  void l7SchedulerChangesBetweenRoundRobins() {
    String lb = it.loadBalancer();
    it.http(lb, 80);
    SetLoadBalancerHTTPListenerAttributeRequest rr = setHttp(lb, 80);
    rr.setScheduler("rr");
    it.sdk().call(rr);
    assertThat(it.describeHttp(lb, 80).getScheduler()).isEqualTo("rr");
    SetLoadBalancerHTTPListenerAttributeRequest wrr = setHttp(lb, 80);
    wrr.setScheduler("wrr");
    it.sdk().call(wrr);
    assertThat(it.describeHttp(lb, 80).getScheduler()).isEqualTo("wrr");
  }

  @Test
  void describeAndSetOfAMissingListener() {
    String lb = it.loadBalancer();
    it.http(lb, 80);
    it.expectListenerAbsent(describeHttpsRequest(lb, 80));
    it.expectListenerAbsent(describeHttpRequest(lb, 81));
    SetLoadBalancerHTTPListenerAttributeRequest s = setHttp(lb, 81);
    s.setGzip("off");
    assertThat(it.expectError(s, "InvalidParameter").getErrMsg()).contains(ListenerSupport.NOT_FOUND_MESSAGE);
    SetLoadBalancerHTTPSListenerAttributeRequest t = setHttps(lb, 80);
    t.setGzip("off");
    assertThat(it.expectError(t, "InvalidParameter").getErrMsg()).contains(ListenerSupport.NOT_FOUND_MESSAGE);
  }

  // ---------------------------------------------------------------- helpers

  static SetLoadBalancerHTTPListenerAttributeRequest setHttp(String lb, int port) {
    SetLoadBalancerHTTPListenerAttributeRequest s = new SetLoadBalancerHTTPListenerAttributeRequest();
    s.setLoadBalancerId(lb);
    s.setListenerPort(port);
    return s;
  }

  static SetLoadBalancerHTTPSListenerAttributeRequest setHttps(String lb, int port) {
    SetLoadBalancerHTTPSListenerAttributeRequest s = new SetLoadBalancerHTTPSListenerAttributeRequest();
    s.setLoadBalancerId(lb);
    s.setListenerPort(port);
    return s;
  }
}
