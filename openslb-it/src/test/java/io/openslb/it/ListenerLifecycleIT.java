package io.openslb.it;

import static io.openslb.it.ListenerSupport.deleteListener;
import static io.openslb.it.ListenerSupport.describeTcpRequest;
import static io.openslb.it.ListenerSupport.describeUdpRequest;
import static io.openslb.it.ListenerSupport.httpRequest;
import static io.openslb.it.ListenerSupport.httpsRequest;
import static io.openslb.it.ListenerSupport.startListener;
import static io.openslb.it.ListenerSupport.stopListener;
import static io.openslb.it.ListenerSupport.tcpRequest;
import static io.openslb.it.ListenerSupport.udpRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * StartLoadBalancerListener, StopLoadBalancerListener, DeleteLoadBalancerListener and the rules
 * of a port: the status machine, one TCP-side and one UDP listener per port with ListenerProtocol
 * choosing between them, missing listeners, and the per-instance listener quota (set to 2 here).
 */
class ListenerLifecycleIT {
  @RegisterExtension
  static final OpenSlbExtension slb =
      OpenSlbExtension.withYaml("quotas:\n  listeners-per-load-balancer: 2\n  load-balancers-per-account: 500\n");
  static final ListenerSupport it = new ListenerSupport(slb);

  @Test
  void statusMachine() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("stopped");

    it.sdk().call(startListener(lb, 80, null));
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("running");

    ClientException again = it.expectError(startListener(lb, 80, null), "OperationFailed.ListenerStatusNotSupport");
    assertThat(again.getErrMsg()).contains("The status of the listener does not support this operation");

    SetLoadBalancerTCPListenerAttributeRequest s = new SetLoadBalancerTCPListenerAttributeRequest();
    s.setLoadBalancerId(lb);
    s.setListenerPort(80);
    s.setHealthyThreshold(4);
    it.sdk().call(s);
    assertThat(it.describeTcp(lb, 80).getStatus()).as("Set keeps a running listener running").isEqualTo("running");

    it.sdk().call(stopListener(lb, 80, null));
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("stopped");
    assertThat(it.describeTcp(lb, 80).getHealthyThreshold()).isEqualTo(4);

    it.sdk().call(startListener(lb, 80, "tcp"));
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("running");

    // a running listener can be deleted
    it.sdk().call(deleteListener(lb, 80, null));
    it.expectListenerAbsent(describeTcpRequest(lb, 80));
    it.expectError(startListener(lb, 80, null), "ListenerNotFound");
  }

  @Test
  void everyProtocolStartsAndStops() {
    String lb = it.loadBalancer();
    it.http(lb, 80);
    it.sdk().call(httpsRequest(lb, 443, it.serverCertificate()));
    it.sdk().call(startListener(lb, 80, null));
    it.sdk().call(startListener(lb, 443, null));
    assertThat(it.describeHttp(lb, 80).getStatus()).isEqualTo("running");
    assertThat(it.describeHttps(lb, 443).getStatus()).isEqualTo("running");
    it.sdk().call(stopListener(lb, 443, "https"));
    assertThat(it.describeHttps(lb, 443).getStatus()).isEqualTo("stopped");
    assertThat(it.describeHttp(lb, 80).getStatus()).isEqualTo("running");
    it.sdk().call(deleteListener(lb, 443, "https"));
    it.sdk().call(deleteListener(lb, 80, "http"));
    it.expectListenerAbsent(ListenerSupport.describeHttpRequest(lb, 80));
    it.expectListenerAbsent(ListenerSupport.describeHttpsRequest(lb, 443));
  }

  @Test
  void aPortHoldsOneTcpSideListenerAndOneUdpListener() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    it.expectError(tcpRequest(lb, 80), "ListenerAlreadyExists");
    it.expectError(httpRequest(lb, 80), "ListenerAlreadyExists");
    it.expectError(httpsRequest(lb, 80, it.serverCertificate()), "ListenerAlreadyExists");

    it.udp(lb, 80);
    it.expectError(udpRequest(lb, 80), "ListenerAlreadyExists");
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("stopped");
    assertThat(it.describeUdp(lb, 80).getStatus()).isEqualTo("stopped");

    // ListenerProtocol picks one of the two
    it.sdk().call(startListener(lb, 80, "udp"));
    assertThat(it.describeUdp(lb, 80).getStatus()).isEqualTo("running");
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("stopped");

    it.sdk().call(startListener(lb, 80, "tcp"));
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("running");

    it.sdk().call(stopListener(lb, 80, "tcp"));
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("stopped");
    assertThat(it.describeUdp(lb, 80).getStatus()).isEqualTo("running");

    // a protocol that has no listener on the port
    it.expectError(startListener(lb, 80, "http"), "ListenerNotFound");
    it.expectError(deleteListener(lb, 80, "https"), "ListenerNotFound");
    it.expectInvalid(startListener(lb, 80, "sctp"), "ListenerProtocol");

    it.sdk().call(deleteListener(lb, 80, "udp"));
    it.expectListenerAbsent(describeUdpRequest(lb, 80));
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("stopped");

    // the port's UDP side is free again; its TCP side is not
    it.udp(lb, 80);
    it.expectError(httpRequest(lb, 80), "ListenerAlreadyExists");
  }

  @Test
  void missingListenersAndLoadBalancers() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    for (int port : List.of(81, 65535)) {
      it.expectError(startListener(lb, port, null), "ListenerNotFound");
      it.expectError(stopListener(lb, port, null), "ListenerNotFound");
      it.expectError(deleteListener(lb, port, null), "ListenerNotFound");
    }
    it.expectError(deleteListener(lb, 80, "udp"), "ListenerNotFound");
    it.expectListenerAbsent(describeTcpRequest(lb, 81));
    it.expectListenerAbsent(describeUdpRequest(lb, 80));

    it.expectError(startListener("lb-doesnotexist0000000", 80, null), "InvalidLoadBalancerId.NotFound");
    it.expectError(stopListener("lb-doesnotexist0000000", 80, null), "InvalidLoadBalancerId.NotFound");
    it.expectError(deleteListener("lb-doesnotexist0000000", 80, null), "InvalidLoadBalancerId.NotFound");

    StartLoadBalancerListenerRequest noPort = new StartLoadBalancerListenerRequest();
    noPort.setLoadBalancerId(lb);
    it.expectMissing(noPort, "ListenerPort");
    it.expectInvalid(startListener(lb, 0, null), "ListenerPort");
    it.expectInvalid(deleteListener(lb, 65536, null), "ListenerPort");
  }

  @Test
  void listenerQuotaPerLoadBalancer() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    it.http(lb, 8080);
    ClientException over = it.expectError(tcpRequest(lb, 81), "ListenerNumberOverLimit");
    assertThat(over.getErrMsg()).contains("The maximum number of listeners is exceeded");
    it.expectError(udpRequest(lb, 80), "ListenerNumberOverLimit");

    // the quota is per load balancer
    String other = it.loadBalancer();
    it.tcp(other, 81);

    it.sdk().call(deleteListener(lb, 8080, null));
    it.udp(lb, 80);
    DescribeLoadBalancerListenersRequest list = new DescribeLoadBalancerListenersRequest();
    list.setLoadBalancerIds(List.of(lb));
    DescribeLoadBalancerListenersResponse r = it.sdk().call(list);
    assertThat(r.getListeners())
        .extracting(l -> l.getListenerProtocol() + ":" + l.getListenerPort())
        .containsExactlyInAnyOrder("tcp:80", "udp:80");
  }

  @Test
  void aLockedLoadBalancerRefusesListenerChanges() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    it.forceLoadBalancerStatus(lb, "locked");
    try {
      it.expectError(startListener(lb, 80, null), "ActionNotAllowed");
      it.expectError(stopListener(lb, 80, null), "ActionNotAllowed");
      it.expectError(udpRequest(lb, 81), "ActionNotAllowed");
      assertThat(it.describeTcp(lb, 80).getStatus()).as("Describe still answers").isEqualTo("stopped");
    } finally {
      it.forceLoadBalancerStatus(lb, "active");
    }
    it.sdk().call(startListener(lb, 80, null));
    assertThat(it.describeTcp(lb, 80).getStatus()).isEqualTo("running");
  }
}
