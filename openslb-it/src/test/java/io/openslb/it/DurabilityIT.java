package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerNameRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing lost": every call that returned a RequestId is there after kill -9 of the server
 * process, and a call that failed changed nothing.
 */
class DurabilityIT {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedCallSurvivesKill9() throws Exception {
    try (ServerProcess server = new ServerProcess(dir).start()) {
      Sdk sdk = server.sdk();
      // a chain of dependent changes, then SIGKILL right after the last answer
      CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
      create.setLoadBalancerName("durable");
      String lbId = sdk.call(create).getLoadBalancerId();
      CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
      tcp.setLoadBalancerId(lbId);
      tcp.setListenerPort(80);
      tcp.setBackendServerPort(8080);
      tcp.setBandwidth(-1);
      sdk.call(tcp);
      StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
      start.setLoadBalancerId(lbId);
      start.setListenerPort(80);
      sdk.call(start);
      SetLoadBalancerNameRequest rename = new SetLoadBalancerNameRequest();
      rename.setLoadBalancerId(lbId);
      rename.setLoadBalancerName("renamed-before-kill");
      sdk.call(rename);
      server.kill9();

      server.start();
      sdk = server.sdk(); // a new client: the old one's pooled connection died with the process
      DescribeLoadBalancerAttributeRequest d = new DescribeLoadBalancerAttributeRequest();
      d.setLoadBalancerId(lbId);
      DescribeLoadBalancerAttributeResponse attr = sdk.callAfterRestart(d);
      assertThat(attr.getLoadBalancerName()).isEqualTo("renamed-before-kill");
      DescribeLoadBalancerTCPListenerAttributeRequest l = new DescribeLoadBalancerTCPListenerAttributeRequest();
      l.setLoadBalancerId(lbId);
      l.setListenerPort(80);
      assertThat(sdk.call(l).getStatus()).isEqualTo("running");
    }
  }

  @Test
  void callsAnsweredWhileTheServerIsKilledAreAllThere() throws Exception {
    try (ServerProcess server = new ServerProcess(dir).start()) {
      Sdk sdk = server.sdk();
      List<String> acknowledged = new CopyOnWriteArrayList<>();
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = new Thread(() -> {
        for (int i = 0; i < 200 && !stop.get(); i++) {
          CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
          r.setLoadBalancerName("kill-" + i);
          try {
            acknowledged.add(sdk.call(r).getLoadBalancerId());
          } catch (AssertionError e) {
            return; // the server died under this call: no RequestId, no promise
          }
        }
      });
      writer.start();
      while (acknowledged.size() < 5 && writer.isAlive()) {
        Thread.sleep(20);
      }
      server.kill9();
      stop.set(true);
      writer.join(30_000);
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(5);

      server.start();
      Sdk fresh = server.sdk();
      DescribeLoadBalancersRequest list = new DescribeLoadBalancersRequest();
      list.setPageSize(100);
      Set<String> present = fresh.callAfterRestart(list).getLoadBalancers().stream()
          .map(DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerId)
          .collect(Collectors.toSet());
      assertThat(present).containsAll(acknowledged);
    }
  }

  @Test
  void aFailedCallChangesNothing() throws Exception {
    try (OpenSlbFixture slb = OpenSlbFixture.start(dir.resolve("inproc"))) {
      Sdk sdk = slb.sdk();
      slb.addInstance("i-good", "127.0.0.21");
      CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
      var first = sdk.call(create);
      String lbId = first.getLoadBalancerId();

      // the first server is fine, the second does not exist: the whole call must change nothing
      AddBackendServersRequest add = new AddBackendServersRequest();
      add.setLoadBalancerId(lbId);
      add.setBackendServers("[{\"ServerId\":\"i-good\",\"Weight\":\"100\"},{\"ServerId\":\"i-missing\"}]");
      assertThat(sdk.errorCode(add)).isEqualTo("InvalidServerId.NotFound");
      DescribeLoadBalancerAttributeRequest d = new DescribeLoadBalancerAttributeRequest();
      d.setLoadBalancerId(lbId);
      assertThat(sdk.call(d).getBackendServers()).isEmpty();

      // a failed create takes no address from the pool
      CreateLoadBalancerRequest bad = new CreateLoadBalancerRequest();
      bad.setMasterZoneId("no-such-zone");
      assertThat(sdk.errorCode(bad)).isEqualTo("InvalidParameter");
      String second = sdk.call(new CreateLoadBalancerRequest()).getLoadBalancerId();
      d.setLoadBalancerId(second);
      String[] a = first.getAddress().split("\\.");
      String next = a[0] + "." + a[1] + "." + a[2] + "." + (Integer.parseInt(a[3]) + 1);
      assertThat(sdk.call(d).getAddress()).isEqualTo(next);
    }
  }
}
