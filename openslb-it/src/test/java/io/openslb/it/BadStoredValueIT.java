package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import io.openslb.model.ListenerProtocol;
import io.openslb.store.StoreLayout;
import io.openslb.store.Txn;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stored value the data plane cannot read (corrupted by hand, or written by a newer OpenSLB)
 * keeps its last good version: the listener it describes keeps serving as before.
 */
class BadStoredValueIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static TcpEchoServer web1;
  static TcpEchoServer web2;

  @BeforeAll
  static void start() throws Exception {
    web1 = new TcpEchoServer("127.0.0.11", 0, "web1");
    web2 = new TcpEchoServer("127.0.0.12", web1.port(), "web2");
    slb.addInstance("i-web1", "127.0.0.11");
    slb.addInstance("i-web2", "127.0.0.12");
  }

  @AfterAll
  static void stop() throws Exception {
    web1.close();
    web2.close();
  }

  private static String tcpListener(Sdk sdk, String lbId, int port) {
    CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
    tcp.setLoadBalancerId(lbId);
    tcp.setListenerPort(port);
    tcp.setBackendServerPort(web1.port());
    tcp.setBandwidth(-1);
    tcp.putQueryParameter("HealthCheckSwitch", "off");
    sdk.call(tcp);
    StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
    start.setLoadBalancerId(lbId);
    start.setListenerPort(port);
    sdk.call(start);
    return StoreLayout.listener(slb.rootAccountId(), "cn-hangzhou", lbId, port, ListenerProtocol.TCP);
  }

  private static Map<String, Integer> spread(String vip, int port) throws Exception {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      seen.merge(TcpForwardingIT.greeting(vip, port), 1, Integer::sum);
    }
    return seen;
  }

  private static void awaitApplied(long revision) {
    await().atMost(Duration.ofSeconds(5)).until(() -> slb.server().dataPlane().appliedRevision() >= revision);
  }

  @Test
  void aListenerWhoseRecordBecomesUnreadableKeepsServingWithItsLastGoodSettings() throws Exception {
    Sdk sdk = slb.sdk();
    var lb = sdk.call(new CreateLoadBalancerRequest());
    AddBackendServersRequest add = new AddBackendServersRequest();
    add.setLoadBalancerId(lb.getLoadBalancerId());
    add.setBackendServers("[{\"ServerId\":\"i-web1\",\"Weight\":\"3\"},{\"ServerId\":\"i-web2\",\"Weight\":\"1\"}]");
    sdk.call(add);
    String key = tcpListener(sdk, lb.getLoadBalancerId(), 10090);
    String vip = lb.getAddress();
    await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> TcpForwardingIT.greeting(vip, 10090) != null);
    assertThat(spread(vip, 10090)).containsEntry("web1", 30).containsEntry("web2", 10);

    // a value cut short, then one from a newer schema version; each revision is applied
    String[] bad = {"{\"loadBalancerId\":\"" + lb.getLoadBalancerId() + "\",\"port\":",
        slb.server().store().get(key).orElseThrow().value().replace("\"_v\":1", "\"_v\":99")};
    for (int i = 0; i < bad.length; i++) {
      awaitApplied(slb.server().store().commit(Txn.builder().put(key, bad[i]).build()));
      // a listener elsewhere changes afterwards, so the data plane has compiled a snapshot since
      tcpListener(sdk, sdk.call(new CreateLoadBalancerRequest()).getLoadBalancerId(), 10091 + i);
      awaitApplied(slb.server().store().revision());
      assertThat(slb.server().dataPlane().bindErrors()).isEmpty();
      assertThat(spread(vip, 10090)).containsEntry("web1", 30).containsEntry("web2", 10);
    }
  }
}
