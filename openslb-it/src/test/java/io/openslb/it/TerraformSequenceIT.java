package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerListenerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calls terraform-provider-alicloud makes for {@code alicloud_slb_load_balancer} and {@code
 * alicloud_slb_listener} (ECOSYSTEM.md §3.2), in its order, with its polls and with the exact
 * states, codes and messages it branches on.
 */
class TerraformSequenceIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final ListenerSupport it = new ListenerSupport(slb);

  private static ConditionFactory poll() {
    return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO);
  }

  private static DescribeLoadBalancerTCPListenerAttributeRequest readListener(String lb, int port) {
    DescribeLoadBalancerTCPListenerAttributeRequest r = new DescribeLoadBalancerTCPListenerAttributeRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    return r;
  }

  private static DescribeLoadBalancerAttributeRequest readLoadBalancer(String lb) {
    DescribeLoadBalancerAttributeRequest r = new DescribeLoadBalancerAttributeRequest();
    r.setLoadBalancerId(lb);
    return r;
  }

  /** The listener's Status, polled the way the provider's state refresh func reads it. */
  private static String listenerStatus(String lb, int port) {
    return it.sdk().call(readListener(lb, port)).getStatus();
  }

  @Test
  void loadBalancerAndTcpListenerLifecycle() {
    // alicloud_slb_load_balancer: create with a ClientToken, wait for active
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("tf-acc-test");
    create.setAddressType("internet");
    create.setInternetChargeType("paybytraffic");
    create.setLoadBalancerSpec("slb.s1.small");
    create.setClientToken(UUID.randomUUID().toString());
    String lb = it.sdk().call(create).getLoadBalancerId();
    poll().until(() -> "active".equals(it.sdk().call(readLoadBalancer(lb)).getLoadBalancerStatus()));

    // alicloud_slb_listener: create, wait for stopped, start, wait for running
    CreateLoadBalancerTCPListenerRequest listener = new CreateLoadBalancerTCPListenerRequest();
    listener.setLoadBalancerId(lb);
    listener.setListenerPort(22);
    listener.setBackendServerPort(22);
    listener.setBandwidth(10);
    listener.setScheduler("wrr");
    listener.setHealthCheckType("tcp");
    listener.setHealthyThreshold(8);
    listener.setUnhealthyThreshold(8);
    listener.setHealthCheckConnectTimeout(8);
    listener.setHealthCheckInterval(5);
    listener.setEstablishedTimeout(600);
    listener.setPersistenceTimeout(0);
    listener.setAclStatus("off");
    it.sdk().call(listener);
    poll().until(() -> "stopped".equals(listenerStatus(lb, 22)));

    StartLoadBalancerListenerRequest startReq = new StartLoadBalancerListenerRequest();
    startReq.setLoadBalancerId(lb);
    startReq.setListenerPort(22);
    startReq.setListenerProtocol("tcp");
    it.sdk().call(startReq);
    poll().until(() -> "running".equals(listenerStatus(lb, 22)));

    // read after create: what the provider stores in its state
    DescribeLoadBalancerTCPListenerAttributeResponse state = it.sdk().call(readListener(lb, 22));
    assertThat(state.getBackendServerPort()).isEqualTo(22);
    assertThat(state.getBandwidth()).isEqualTo(10);
    assertThat(state.getHealthyThreshold()).isEqualTo(8);
    assertThat(state.getHealthCheckInterval()).isEqualTo(5);
    assertThat(state.getEstablishedTimeout()).isEqualTo(600);
    assertThat(state.getPersistenceTimeout()).isEqualTo(0);

    // update: Set only what changed, then read again
    SetLoadBalancerTCPListenerAttributeRequest update = new SetLoadBalancerTCPListenerAttributeRequest();
    update.setLoadBalancerId(lb);
    update.setListenerPort(22);
    update.setHealthyThreshold(3);
    update.setEstablishedTimeout(900);
    update.setDescription("updated by terraform");
    it.sdk().call(update);
    DescribeLoadBalancerTCPListenerAttributeResponse updated = it.sdk().call(readListener(lb, 22));
    assertThat(updated.getHealthyThreshold()).isEqualTo(3);
    assertThat(updated.getEstablishedTimeout()).isEqualTo(900);
    assertThat(updated.getDescription()).isEqualTo("updated by terraform");
    assertThat(updated.getUnhealthyThreshold()).isEqualTo(8);
    assertThat(updated.getHealthCheckConnectTimeout()).isEqualTo(8);
    assertThat(updated.getStatus()).isEqualTo("running");

    // destroy the listener: delete, then poll until the read fails with the not-found message
    DeleteLoadBalancerListenerRequest deleteListener = new DeleteLoadBalancerListenerRequest();
    deleteListener.setLoadBalancerId(lb);
    deleteListener.setListenerPort(22);
    deleteListener.setListenerProtocol("tcp");
    it.sdk().call(deleteListener);
    AtomicReference<ClientException> gone = new AtomicReference<>();
    poll().until(() -> {
      gone.set(it.failureOf(readListener(lb, 22)));
      return gone.get() != null;
    });
    assertThat(gone.get().getErrCode()).isEqualTo("InvalidParameter");
    assertThat(gone.get().getErrMsg()).contains("The specified resource does not exist");

    // destroy the load balancer: delete, then poll until InvalidLoadBalancerId.NotFound
    DeleteLoadBalancerRequest deleteLb = new DeleteLoadBalancerRequest();
    deleteLb.setLoadBalancerId(lb);
    it.sdk().call(deleteLb);
    AtomicReference<ClientException> lbGone = new AtomicReference<>();
    poll().until(() -> {
      lbGone.set(it.failureOf(readLoadBalancer(lb)));
      return lbGone.get() != null;
    });
    assertThat(lbGone.get().getErrCode()).isEqualTo("InvalidLoadBalancerId.NotFound");

    // a second destroy treats InvalidLoadBalancerId.NotFound as success; the listener read agrees
    assertThat(it.sdk().error(deleteLb).getErrCode()).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(it.sdk().error(readListener(lb, 22)).getErrCode()).isEqualTo("InvalidLoadBalancerId.NotFound");
  }

  @Test
  void listenerRecreatedOnTheSamePortAfterDelete() {
    // terraform replaces a listener (ForceNew on backend_port) by delete + create on the same port
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("tf-replace");
    String lb = it.sdk().call(create).getLoadBalancerId();
    it.tcp(lb, 80);
    StartLoadBalancerListenerRequest startReq = new StartLoadBalancerListenerRequest();
    startReq.setLoadBalancerId(lb);
    startReq.setListenerPort(80);
    it.sdk().call(startReq);

    DeleteLoadBalancerListenerRequest del = new DeleteLoadBalancerListenerRequest();
    del.setLoadBalancerId(lb);
    del.setListenerPort(80);
    it.sdk().call(del);
    poll().until(() -> it.failureOf(readListener(lb, 80)) != null);

    CreateLoadBalancerTCPListenerRequest again = ListenerSupport.tcpRequest(lb, 80);
    again.setBackendServerPort(9090);
    it.sdk().call(again);
    poll().until(() -> "stopped".equals(listenerStatus(lb, 80)));
    assertThat(it.sdk().call(readListener(lb, 80)).getBackendServerPort()).isEqualTo(9090);
  }
}
