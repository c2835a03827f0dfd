package io.openslb.it;

import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import io.openslb.store.Txn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Steps shared by the layer-7 end-to-end tests: a load balancer, backends, an HTTP listener
 * configured through the official SDK (health check off so probes do not interfere), started and
 * waited for.
 */
final class L7Support {
  final OpenSlbExtension slb;
  final Sdk sdk;
  final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  /** Steps on the extension's server; may be made before it starts. */
  L7Support(OpenSlbExtension slb) {
    this.slb = slb;
    this.sdk = slb.sdk();
  }

  /** A new load balancer: {id, VIP}. */
  String[] loadBalancer() {
    CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
    r.setLoadBalancerName("l7-it");
    CreateLoadBalancerResponse lb = sdk.call(r);
    return new String[] {lb.getLoadBalancerId(), lb.getAddress()};
  }

  void addBackends(String lb, String json) {
    AddBackendServersRequest add = new AddBackendServersRequest();
    add.setLoadBalancerId(lb);
    add.setBackendServers(json);
    sdk.call(add);
  }

  /** Creates, starts and waits for an HTTP listener on {@code port} to {@code backendPort}. */
  void httpListener(String lb, String vip, int port, int backendPort, Consumer<CreateLoadBalancerHTTPListenerRequest> custom) {
    CreateLoadBalancerHTTPListenerRequest r = new CreateLoadBalancerHTTPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(backendPort);
    r.setHealthCheck("off");
    custom.accept(r);
    sdk.call(r);
    start(lb, port);
    awaitServing(vip, port);
  }

  void start(String lb, int port) {
    StartLoadBalancerListenerRequest s = new StartLoadBalancerListenerRequest();
    s.setLoadBalancerId(lb);
    s.setListenerPort(port);
    sdk.call(s);
  }

  void awaitServing(String vip, int port) {
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> get(vip, port, "/").statusCode() > 0);
  }

  HttpResponse<String> get(String vip, int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://" + vip + ":" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String vip, int port, String path, String... headers) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://" + vip + ":" + port + path)).headers(headers)
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Writes a store record given as JSON (for resources whose API does not exist yet), as the codec stores it. */
  void put(String key, String json) {
    slb.server().store().commit(Txn.builder().put(key, Stored.encode(json)).build());
  }
}
