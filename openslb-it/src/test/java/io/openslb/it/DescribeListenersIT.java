package io.openslb.it;

import static io.openslb.it.ListenerSupport.httpRequest;
import static io.openslb.it.ListenerSupport.httpsRequest;
import static io.openslb.it.ListenerSupport.startListener;
import static io.openslb.it.ListenerSupport.tcpRequest;
import static io.openslb.it.ListenerSupport.udpRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersResponse.Listener;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersResponse;
import io.openslb.controlplane.service.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DescribeLoadBalancerListeners through the official SDK, whose model reads this action's lists
 * flat ({@code "Listeners":[...]}): token paging, the LoadBalancerId.N and ListenerProtocol
 * filters, and the per-protocol config objects.
 */
class DescribeListenersIT {
  @RegisterExtension
  static final OpenSlbExtension slb = OpenSlbExtension.withYaml("quotas:\n  load-balancers-per-account: 500\n");
  static final ListenerSupport it = new ListenerSupport(slb);

  private static DescribeLoadBalancerListenersRequest listOf(String... lbs) {
    DescribeLoadBalancerListenersRequest r = new DescribeLoadBalancerListenersRequest();
    if (lbs.length > 0) {
      r.setLoadBalancerIds(List.of(lbs));
    }
    return r;
  }

  private static String key(Listener l) {
    return l.getLoadBalancerId() + "/" + l.getListenerProtocol() + ":" + l.getListenerPort();
  }

  @Test
  void pagesWithMaxResultsAndNextToken() {
    String lb = it.loadBalancer();
    it.tcp(lb, 1);
    it.udp(lb, 1);
    it.http(lb, 2);
    it.tcp(lb, 3);
    it.udp(lb, 4);

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      DescribeLoadBalancerListenersRequest r = listOf(lb);
      r.setMaxResults(2);
      if (token != null) {
        r.setNextToken(token);
      }
      DescribeLoadBalancerListenersResponse page = it.sdk().call(r);
      assertThat(page.getTotalCount()).isEqualTo(5);
      assertThat(page.getMaxResults()).isEqualTo(2);
      page.getListeners().forEach(l -> seen.add(key(l)));
      pageSizes.add(page.getListeners().size());
      token = page.getNextToken();
      assertThat(++pages).as("paging ends").isLessThanOrEqualTo(5);
    } while (token != null && !token.isEmpty());

    assertThat(pageSizes).containsExactly(2, 2, 1);
    assertThat(seen).containsExactlyInAnyOrder(
        lb + "/tcp:1", lb + "/udp:1", lb + "/http:2", lb + "/tcp:3", lb + "/udp:4");
  }

  @Test
  void defaultPageIsTwentyListeners() {
    String lb = it.loadBalancer();
    IntStream.rangeClosed(1, 21).forEach(port -> it.tcp(lb, 10000 + port));

    DescribeLoadBalancerListenersResponse first = it.sdk().call(listOf(lb));
    assertThat(first.getListeners()).hasSize(20);
    assertThat(first.getMaxResults()).isEqualTo(20);
    assertThat(first.getTotalCount()).isEqualTo(21);
    assertThat(first.getNextToken()).isNotBlank();

    DescribeLoadBalancerListenersRequest next = listOf(lb);
    next.setNextToken(first.getNextToken());
    DescribeLoadBalancerListenersResponse second = it.sdk().call(next);
    assertThat(second.getListeners()).hasSize(1);
    assertThat(second.getNextToken()).isNullOrEmpty();

    List<Integer> ports = new ArrayList<>();
    first.getListeners().forEach(l -> ports.add(l.getListenerPort()));
    second.getListeners().forEach(l -> ports.add(l.getListenerPort()));
    assertThat(ports).doesNotHaveDuplicates().hasSize(21);

    DescribeLoadBalancerListenersRequest max = listOf(lb);
    max.setMaxResults(100);
    DescribeLoadBalancerListenersResponse all = it.sdk().call(max);
    assertThat(all.getListeners()).hasSize(21);
    assertThat(all.getNextToken()).isNullOrEmpty();
  }

  @Test
  void filtersByLoadBalancerAndProtocol() {
    String a = it.loadBalancer();
    String b = it.loadBalancer();
    it.tcp(a, 80);
    it.udp(a, 80);
    it.http(a, 8080);
    it.udp(b, 53);
    it.sdk().call(httpsRequest(b, 443, it.serverCertificate()));

    assertThat(it.sdk().call(listOf(a)).getListeners()).extracting(DescribeListenersIT::key)
        .containsExactlyInAnyOrder(a + "/tcp:80", a + "/udp:80", a + "/http:8080");
    assertThat(it.sdk().call(listOf(b)).getListeners()).extracting(DescribeListenersIT::key)
        .containsExactlyInAnyOrder(b + "/udp:53", b + "/https:443");
    DescribeLoadBalancerListenersResponse both = it.sdk().call(listOf(a, b));
    assertThat(both.getTotalCount()).isEqualTo(5);
    assertThat(both.getListeners()).hasSize(5);

    DescribeLoadBalancerListenersRequest udp = listOf(a, b);
    udp.setListenerProtocol("udp");
    assertThat(it.sdk().call(udp).getListeners()).extracting(DescribeListenersIT::key)
        .containsExactlyInAnyOrder(a + "/udp:80", b + "/udp:53");

    DescribeLoadBalancerListenersRequest https = listOf(a, b);
    https.setListenerProtocol("https");
    DescribeLoadBalancerListenersResponse r = it.sdk().call(https);
    assertThat(r.getTotalCount()).isEqualTo(1);
    assertThat(r.getListeners()).extracting(DescribeListenersIT::key).containsExactly(b + "/https:443");

    // ListenerPort is a filter of the current API without a setter in SDK 3.3.17
    DescribeLoadBalancerListenersRequest port = listOf(a, b);
    port.putQueryParameter("ListenerPort", "80");
    assertThat(it.sdk().call(port).getListeners()).extracting(DescribeListenersIT::key)
        .containsExactlyInAnyOrder(a + "/tcp:80", a + "/udp:80");

    DescribeLoadBalancerListenersRequest bad = listOf(a);
    bad.setListenerProtocol("sctp");
    it.expectInvalid(bad, "ListenerProtocol");
  }

  @Test
  void everyProtocolsSettingsAreReadFromItsConfigObject() {
    String lb = it.loadBalancer();
    String acl = it.acl("acl-listall000001");

    CreateLoadBalancerTCPListenerRequest tcp = tcpRequest(lb, 80);
    tcp.setBandwidth(40);
    tcp.setScheduler("rr");
    tcp.setDescription("tcp one");
    tcp.setEstablishedTimeout(500);
    tcp.setPersistenceTimeout(30);
    tcp.setHealthCheckType("http");
    tcp.setHealthCheckURI("/tcp");
    tcp.setHealthCheckDomain("tcp.example.com");
    tcp.setHealthCheckConnectTimeout(6);
    tcp.setHealthCheckInterval(4);
    tcp.setConnectionDrain("on");
    tcp.setConnectionDrainTimeout(60);
    tcp.setAclStatus("on");
    tcp.setAclType("white");
    tcp.setAclId(acl);
    it.sdk().call(tcp);
    it.sdk().call(startListener(lb, 80, "tcp"));

    CreateLoadBalancerUDPListenerRequest udp = udpRequest(lb, 80);
    udp.setHealthCheckReq("req");
    udp.setHealthCheckExp("exp");
    udp.setUnhealthyThreshold(4);
    it.sdk().call(udp);

    CreateLoadBalancerHTTPSListenerRequest https = httpsRequest(lb, 443, it.serverCertificate());
    https.setTLSCipherPolicy("tls_cipher_policy_1_1");
    https.setEnableHttp2("off");
    https.setCACertificateId(it.caCertificate());
    it.sdk().call(https);

    CreateLoadBalancerHTTPListenerRequest http = httpRequest(lb, 8080);
    http.setGzip("off");
    http.setIdleTimeout(33);
    http.setRequestTimeout(44);
    http.setStickySession("on");
    http.setStickySessionType("server");
    http.setCookie("c1");
    http.setListenerForward("on");
    http.setForwardPort(443);
    http.setHealthCheckMethod("get");
    it.sdk().call(http);

    DescribeLoadBalancerListenersResponse r = it.sdk().call(listOf(lb));
    assertThat(r.getListeners()).hasSize(4);

    Listener t = find(r, "tcp", 80);
    assertThat(t.getLoadBalancerId()).isEqualTo(lb);
    assertThat(t.getStatus()).isEqualTo("running");
    assertThat(t.getBandwidth()).isEqualTo(40);
    assertThat(t.getScheduler()).isEqualTo("rr");
    assertThat(t.getDescription()).isEqualTo("tcp one");
    assertThat(t.getBackendServerPort()).isEqualTo(8080);
    assertThat(t.getAclStatus()).isEqualTo("on");
    assertThat(t.getAclType()).isEqualTo("white");
    assertThat(t.getAclId()).isEqualTo(acl);
    assertThat(t.getAclIds()).containsExactly(acl);
    Listener.TCPListenerConfig tc = t.getTCPListenerConfig();
    assertThat(tc.getEstablishedTimeout()).isEqualTo(500);
    assertThat(tc.getPersistenceTimeout()).isEqualTo(30);
    assertThat(tc.getHealthCheckType()).isEqualTo("http");
    assertThat(tc.getHealthCheckURI()).isEqualTo("/tcp");
    assertThat(tc.getHealthCheckDomain()).isEqualTo("tcp.example.com");
    assertThat(tc.getHealthCheckConnectTimeout()).isEqualTo(6);
    assertThat(tc.getHealthCheckInterval()).isEqualTo(4);
    assertThat(tc.getHealthyThreshold()).isEqualTo(3);
    assertThat(tc.getUnhealthyThreshold()).isEqualTo(3);
    assertThat(tc.getConnectionDrain()).isEqualTo("on");
    assertThat(tc.getConnectionDrainTimeout()).isEqualTo(60);
    assertThat(tc.getHealthCheck()).isEqualTo("on");
    assertThat(tc.getHealthCheckSwitch()).isEqualTo("on");

    Listener u = find(r, "udp", 80);
    assertThat(u.getStatus()).isEqualTo("stopped");
    assertThat(u.getBandwidth()).isEqualTo(-1);
    assertThat(u.getScheduler()).isEqualTo("wrr");
    assertThat(u.getAclStatus()).isEqualTo("off");
    assertThat(u.getAclIds()).isEmpty();
    Listener.UDPListenerConfig uc = u.getUDPListenerConfig();
    assertThat(uc.getHealthCheckReq()).isEqualTo("req");
    assertThat(uc.getHealthCheckExp()).isEqualTo("exp");
    assertThat(uc.getHealthCheckInterval()).isEqualTo(5);
    assertThat(uc.getHealthCheckConnectTimeout()).isEqualTo(5);
    assertThat(uc.getUnhealthyThreshold()).isEqualTo(4);
    assertThat(uc.getHealthCheck()).isEqualTo("on");

    Listener h = find(r, "http", 8080);
    Listener.HTTPListenerConfig hc = h.getHTTPListenerConfig();
    assertThat(h.getBandwidth()).isEqualTo(-1);
    assertThat(hc.getGzip()).isEqualTo("off");
    assertThat(hc.getIdleTimeout()).isEqualTo(33);
    assertThat(hc.getRequestTimeout()).isEqualTo(44);
    assertThat(hc.getStickySession()).isEqualTo("on");
    assertThat(hc.getStickySessionType()).isEqualTo("server");
    assertThat(hc.getCookie()).isEqualTo("c1");
    assertThat(hc.getListenerForward()).isEqualTo("on");
    assertThat(hc.getForwardPort()).isEqualTo(443);
    assertThat(hc.getHealthCheckMethod()).isEqualTo("get");
    assertThat(hc.getHealthCheck()).isEqualTo("on");
    assertThat(hc.getXForwardedFor()).isEqualTo("on");
    assertThat(hc.getHealthCheckTimeout()).isEqualTo(5);

    Listener s = find(r, "https", 443);
    Listener.HTTPSListenerConfig sc = s.getHTTPSListenerConfig();
    assertThat(sc.getServerCertificateId()).isNotBlank();
    assertThat(sc.getCACertificateId()).isNotBlank();
    assertThat(sc.getTLSCipherPolicy()).isEqualTo("tls_cipher_policy_1_1");
    assertThat(sc.getEnableHttp2()).isEqualTo("off");
    assertThat(sc.getGzip()).isEqualTo("on");
    assertThat(sc.getIdleTimeout()).isEqualTo(15);
    assertThat(sc.getRequestTimeout()).isEqualTo(60);
    assertThat(sc.getHealthCheck()).isEqualTo("on");
  }

  @Test
  void pagingParametersAreValidated() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    DescribeLoadBalancerListenersRequest zero = listOf(lb);
    zero.setMaxResults(0);
    it.expectInvalid(zero, "MaxResults");
    DescribeLoadBalancerListenersRequest big = listOf(lb);
    big.setMaxResults(101);
    it.expectInvalid(big, "MaxResults");
    DescribeLoadBalancerListenersRequest token = listOf(lb);
    token.setNextToken("not-a-token");
    it.expectInvalid(token, "NextToken");

    List<String> eleven = new ArrayList<>();
    IntStream.rangeClosed(1, 11).forEach(i -> eleven.add(lb));
    DescribeLoadBalancerListenersRequest tooMany = new DescribeLoadBalancerListenersRequest();
    tooMany.setLoadBalancerIds(eleven);
    it.expectInvalid(tooMany, "LoadBalancerId");
  }

  @Test
  void anAccountSeesOnlyItsOwnListeners() {
    String rootLb = it.loadBalancer();
    it.tcp(rootLb, 80);

    Accounts.Created tenant = slb.newAccount("listeners-tenant");
    Sdk other = slb.sdk(tenant);
    assertThat(other.call(new DescribeLoadBalancerListenersRequest()).getTotalCount()).isZero();
    assertThat(other.call(listOf(rootLb)).getListeners()).isEmpty();
    assertThat(other.error(ListenerSupport.describeTcpRequest(rootLb, 80)).getErrCode())
        .isEqualTo("InvalidLoadBalancerId.NotFound");

    // without a LoadBalancerId filter: every load balancer of the account in the region
    CreateLoadBalancerRequest c = new CreateLoadBalancerRequest();
    String x = other.call(c).getLoadBalancerId();
    String y = other.call(new CreateLoadBalancerRequest()).getLoadBalancerId();
    other.call(tcpRequest(x, 80));
    other.call(udpRequest(x, 80));
    other.call(httpRequest(y, 80));
    DescribeLoadBalancerListenersResponse all = other.call(new DescribeLoadBalancerListenersRequest());
    assertThat(all.getTotalCount()).isEqualTo(3);
    assertThat(all.getListeners()).extracting(DescribeListenersIT::key)
        .containsExactlyInAnyOrder(x + "/tcp:80", x + "/udp:80", y + "/http:80");
  }

  private static Listener find(DescribeLoadBalancerListenersResponse r, String protocol, int port) {
    return r.getListeners().stream()
        .filter(l -> protocol.equals(l.getListenerProtocol()) && l.getListenerPort() == port)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + protocol + ":" + port + " in the list"));
  }
}
