package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import com.aliyuncs.slb.model.v20140515.StopLoadBalancerListenerRequest;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.model.ListenerProtocol;
import io.openslb.store.StoreLayout;
import io.openslb.store.Txn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real TCP traffic through a listener configured with the official SDK. */
class TcpForwardingIT {
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

  static String greeting(String vip, int port) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(vip, port), 2000);
      s.setSoTimeout(5000);
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      String name = in.readLine();
      OutputStream out = s.getOutputStream();
      out.write("ping\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(in.readLine()).isEqualTo("ping");
      return name;
    }
  }

  @Test
  void runningListenerForwardsWithWeightsAndStopsAcceptingWhenStopped() throws Exception {
    Sdk sdk = slb.sdk();
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    var lb = sdk.call(create);
    AddBackendServersRequest add = new AddBackendServersRequest();
    add.setLoadBalancerId(lb.getLoadBalancerId());
    add.setBackendServers("[{\"ServerId\":\"i-web1\",\"Weight\":\"3\"},{\"ServerId\":\"i-web2\",\"Weight\":\"1\"}]");
    sdk.call(add);
    CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
    tcp.setLoadBalancerId(lb.getLoadBalancerId());
    tcp.setListenerPort(10080);
    tcp.setBackendServerPort(web1.port());
    tcp.setBandwidth(-1);
    tcp.putQueryParameter("HealthCheckSwitch", "off");
    sdk.call(tcp);
    StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
    start.setLoadBalancerId(lb.getLoadBalancerId());
    start.setListenerPort(10080);
    sdk.call(start);

    String vip = lb.getAddress();
    await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> greeting(vip, 10080) != null);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      seen.merge(greeting(vip, 10080), 1, Integer::sum);
    }
    assertThat(seen).containsOnlyKeys("web1", "web2");
    assertThat(seen.get("web1")).isEqualTo(30);
    assertThat(seen.get("web2")).isEqualTo(10);

    StopLoadBalancerListenerRequest stop = new StopLoadBalancerListenerRequest();
    stop.setLoadBalancerId(lb.getLoadBalancerId());
    stop.setListenerPort(10080);
    sdk.call(stop);
    await().atMost(Duration.ofSeconds(5)).until(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(vip, 10080), 500);
        return false;
      } catch (java.io.IOException refused) {
        return true;
      }
    });
  }

  @Test
  void aPortThatCannotBeBoundIsReportedAsStartingUntilTheBindSucceeds() throws Exception {
    Sdk sdk = slb.sdk();
    var lb = sdk.call(new CreateLoadBalancerRequest());
    AddBackendServersRequest add = new AddBackendServersRequest();
    add.setLoadBalancerId(lb.getLoadBalancerId());
    add.setBackendServers("[{\"ServerId\":\"i-web1\"}]");
    sdk.call(add);
    try (java.net.ServerSocket squatter = new java.net.ServerSocket()) {
      squatter.bind(new InetSocketAddress(lb.getAddress(), 10081));
      CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
      tcp.setLoadBalancerId(lb.getLoadBalancerId());
      tcp.setListenerPort(10081);
      tcp.setBackendServerPort(web1.port());
      tcp.setBandwidth(-1);
      sdk.call(tcp);
      StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
      start.setLoadBalancerId(lb.getLoadBalancerId());
      start.setListenerPort(10081);
      sdk.call(start);
      com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeRequest d =
          new com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeRequest();
      d.setLoadBalancerId(lb.getLoadBalancerId());
      d.setListenerPort(10081);
      await().atMost(Duration.ofSeconds(5)).until(() -> "starting".equals(sdk.call(d).getStatus()));
      squatter.close();
      await().atMost(Duration.ofSeconds(15)).until(() -> "running".equals(sdk.call(d).getStatus()));
      await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
          .until(() -> "web1".equals(greeting(lb.getAddress(), 10081)));
    }
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
      seen.merge(greeting(vip, port), 1, Integer::sum);
    }
    return seen;
  }

  private static void awaitApplied(long revision) {
    await().atMost(Duration.ofSeconds(5)).until(() -> slb.server().dataPlane().appliedRevision() >= revision);
  }

  /**
   * A stored value the data plane cannot read (corrupted by hand, or written by a newer OpenSLB)
   * keeps its last good version: the listener it describes keeps serving as before.
   */
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
    await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> greeting(vip, 10090) != null);
    assertThat(spread(vip, 10090)).containsEntry("web1", 30).containsEntry("web2", 10);

    // a value cut short, then one from a newer schema version; each revision is applied
    String[] bad = {"{\"loadBalancerId\":\"" + lb.getLoadBalancerId() + "\",\"port\":",
        slb.server().store().get(key).orElseThrow().value().replace("\"_v\":1", "\"_v\":99")};
    for (int i = 0; i < bad.length; i++) {
      awaitApplied(slb.server().store().commit(Txn.builder().put(key, bad[i]).build()));
      // a listener elsewhere changes afterwards, so the data plane has compiled a snapshot since
      tcpListener(sdk, sdk.call(new CreateLoadBalancerRequest()).getLoadBalancerId(), 10091 + i);
      awaitApplied(slb.server().store().revision());
      assertThat(slb.server().dataPlane().bindErrors()).doesNotContainKey(new ListenerKey(vip, 10090, false));
      assertThat(spread(vip, 10090)).containsEntry("web1", 30).containsEntry("web2", 10);
    }
  }
}
