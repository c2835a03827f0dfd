package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerNameRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import io.openslb.store.etcd.EtcdProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two OpenSLB nodes sharing one real etcd: a change made through either node's API is seen by
 * the other at once, and both data planes forward the listener's traffic.
 */
class EtcdClusterIT {
  @TempDir static Path dir;
  static EtcdProcess etcd;
  static OpenSlbFixture nodeA;
  static OpenSlbFixture nodeB;

  @BeforeAll
  static void start() throws Exception {
    etcd = EtcdProcess.start(dir);
    String store = "etcd://" + etcd.clientUrl().getHost() + ":" + etcd.clientUrl().getPort();
    String pool = OpenSlbFixture.randomVipPool();
    nodeA = OpenSlbFixture.start(dir.resolve("a"), null, pool, store);
    nodeB = OpenSlbFixture.start(dir.resolve("b"), null, pool, store);
  }

  @AfterAll
  static void stop() {
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
    if (etcd != null) {
      etcd.close();
    }
  }

  @Test
  void bothNodesServeOneConfiguration() throws Exception {
    assertThat(nodeB.rootAccountId()).isEqualTo(nodeA.rootAccountId());
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("shared");
    var lb = nodeA.sdk().call(create);

    DescribeLoadBalancerAttributeRequest d = new DescribeLoadBalancerAttributeRequest();
    d.setLoadBalancerId(lb.getLoadBalancerId());
    assertThat(nodeB.sdk().call(d).getLoadBalancerName()).isEqualTo("shared");
    SetLoadBalancerNameRequest rename = new SetLoadBalancerNameRequest();
    rename.setLoadBalancerId(lb.getLoadBalancerId());
    rename.setLoadBalancerName("renamed-on-b");
    nodeB.sdk().call(rename);
    assertThat(nodeA.sdk().call(d).getLoadBalancerName()).isEqualTo("renamed-on-b");

    try (TcpEchoServer backend = new TcpEchoServer("127.0.0.31", 0, "etcd-backend")) {
      nodeA.addInstance("i-etcd", "127.0.0.31");
      AddBackendServersRequest add = new AddBackendServersRequest();
      add.setLoadBalancerId(lb.getLoadBalancerId());
      add.setBackendServers("[{\"ServerId\":\"i-etcd\"}]");
      nodeB.sdk().call(add);
      CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
      tcp.setLoadBalancerId(lb.getLoadBalancerId());
      tcp.setListenerPort(10090);
      tcp.setBackendServerPort(backend.port());
      tcp.setBandwidth(-1);
      nodeA.sdk().call(tcp);
      StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
      start.setLoadBalancerId(lb.getLoadBalancerId());
      start.setListenerPort(10090);
      nodeB.sdk().call(start);

      await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
          .until(() -> "etcd-backend".equals(TcpForwardingIT.greeting(lb.getAddress(), 10090)));
      // both data planes have the listener (SO_REUSEPORT lets them share the VIP:port)
      await().atMost(Duration.ofSeconds(10)).until(() ->
          nodeA.server().dataPlane().appliedRevision() > 0 && nodeB.server().dataPlane().appliedRevision() > 0
              && nodeA.server().dataPlane().bindErrors().isEmpty() && nodeB.server().dataPlane().bindErrors().isEmpty());
      for (int i = 0; i < 20; i++) {
        assertThat(TcpForwardingIT.greeting(lb.getAddress(), 10090)).isEqualTo("etcd-backend");
      }
    }
  }
}
