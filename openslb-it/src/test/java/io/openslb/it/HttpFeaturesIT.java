package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openslb.model.BackendServer;
import io.openslb.model.ForwardingRule;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.ServerGroup;
import io.openslb.store.StoreLayout;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Layer-7 features end to end, configured through the official SDK: session persistence (insert
 * and server cookies), gzip, IdleTimeout, WebSocket upgrade, ListenerForward redirect, and
 * forwarding rules (written into the store until CreateRules exists).
 */
class HttpFeaturesIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final L7Support it = new L7Support(slb);
  static HttpTestBackend web1;
  static HttpTestBackend web2;
  static HttpTestBackend web3;

  @BeforeAll
  static void start() throws Exception {
    web1 = new HttpTestBackend("127.0.0.31", 0, "web1");
    web2 = new HttpTestBackend("127.0.0.32", web1.port(), "web2");
    web3 = new HttpTestBackend("127.0.0.33", web1.port(), "web3");
    slb.addInstance("i-f1", "127.0.0.31");
    slb.addInstance("i-f2", "127.0.0.32");
    slb.addInstance("i-f3", "127.0.0.33");
  }

  @AfterAll
  static void stop() {
    web1.close();
    web2.close();
    web3.close();
  }

  static String[] twoBackendListener(int port, java.util.function.Consumer<com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest> custom) {
    String[] lb = it.loadBalancer();
    it.addBackends(lb[0], "[{\"ServerId\":\"i-f1\"},{\"ServerId\":\"i-f2\"}]");
    it.httpListener(lb[0], lb[1], port, web1.port(), custom);
    return lb;
  }

  @Test
  void insertedServerIdCookiePinsTheBackend() throws Exception {
    String[] lb = twoBackendListener(9081, r -> {
      r.setStickySession("on");
      r.setStickySessionType("insert");
      r.setCookieTimeout(600);
    });
    Map<String, String> cookieOf = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> r = it.get(lb[1], 9081, "/");
      String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
      assertThat(setCookie).matches("SERVERID=[0-9a-f]{16}; Max-Age=600; Path=/");
      cookieOf.put(r.body(), setCookie.substring(0, setCookie.indexOf(';')));
    }
    assertThat(cookieOf).containsOnlyKeys("web1", "web2");
    assertThat(cookieOf.get("web1")).isNotEqualTo(cookieOf.get("web2"));
    for (String backend : List.of("web1", "web2")) {
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> r = it.get(lb[1], 9081, "/", "Cookie", "a=b; " + cookieOf.get(backend));
        assertThat(r.body()).isEqualTo(backend);
        assertThat(r.headers().firstValue("set-cookie")).as("no new cookie when the pinned backend answered").isEmpty();
      }
    }
    HttpResponse<String> stale = it.get(lb[1], 9081, "/", "Cookie", "SERVERID=0000000000000000");
    assertThat(stale.headers().firstValue("set-cookie")).as("an unknown id gets a fresh cookie").isPresent();
  }

  @Test
  void serverCookieIsPrefixedWithTheBackendAndRestoredOnTheWayIn() throws Exception {
    String[] lb = twoBackendListener(9082, r -> {
      r.setStickySession("on");
      r.setStickySessionType("server");
      r.setCookie("JSESSIONID");
    });
    Map<String, String> cookieOf = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> r = it.get(lb[1], 9082, "/cookie");
      String backend = r.body().split(" ")[0];
      String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
      assertThat(setCookie).matches("JSESSIONID=[0-9a-f]{16}~" + backend + "-session; Path=/; HttpOnly");
      cookieOf.put(backend, setCookie.substring(0, setCookie.indexOf(';')));
    }
    assertThat(cookieOf).containsOnlyKeys("web1", "web2");
    for (String backend : List.of("web1", "web2")) {
      for (int i = 0; i < 8; i++) {
        HttpResponse<String> r = it.get(lb[1], 9082, "/cookie", "Cookie", cookieOf.get(backend) + "; theme=dark");
        assertThat(r.body()).as("routed by the prefix, which the backend never sees")
            .isEqualTo(backend + " JSESSIONID=" + backend + "-session; theme=dark");
      }
    }
  }

  @Test
  void gzipCompressesTheDocumentedTypesWhenTheClientAsks() throws Exception {
    String[] lb = twoBackendListener(9083, r -> { });
    HttpClient client = it.http;
    URI text = URI.create("http://" + lb[1] + ":9083/text?n=20000");
    String plain = it.get(lb[1], 9083, "/text?n=20000").body();
    HttpResponse<byte[]> gz = client.send(HttpRequest.newBuilder(text).header("Accept-Encoding", "gzip, br").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(gz.headers().firstValue("vary")).hasValue("accept-encoding");
    assertThat(gz.headers().firstValue("content-length")).isEmpty();
    assertThat(gz.body().length).isLessThan(plain.length() / 4);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
      String unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(unzipped.substring(0, 40)).isEqualTo(plain.substring(0, 40));
      assertThat(unzipped).hasSize(20000);
    }

    HttpResponse<byte[]> json = client.send(HttpRequest.newBuilder(URI.create("http://" + lb[1] + ":9083/text?n=20000&type=application/json"))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(json.headers().firstValue("content-encoding")).as("not a listed type").isEmpty();
    assertThat(json.body()).hasSize(20000);
    HttpResponse<byte[]> refused = client.send(HttpRequest.newBuilder(text).header("Accept-Encoding", "gzip;q=0").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(refused.headers().firstValue("content-encoding")).isEmpty();
    HttpResponse<byte[]> tiny = client.send(HttpRequest.newBuilder(URI.create("http://" + lb[1] + ":9083/text?n=10"))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(tiny.headers().firstValue("content-encoding")).isEmpty();

    String[] off = twoBackendListener(9084, r -> r.setGzip("off"));
    HttpResponse<byte[]> offResponse = client.send(HttpRequest.newBuilder(URI.create("http://" + off[1] + ":9084/text?n=20000"))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(offResponse.headers().firstValue("content-encoding")).isEmpty();
    assertThat(offResponse.body()).hasSize(20000);
  }

  @Test
  void idleKeepAliveConnectionsCloseAfterIdleTimeout() throws Exception {
    String[] lb = twoBackendListener(9085, r -> r.setIdleTimeout(1));
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(lb[1], 9085), 2000);
      s.setSoTimeout(5000);
      for (int i = 0; i < 3; i++) { // activity every 600 ms keeps it open past 1 s
        exchange(s);
        Thread.sleep(600);
      }
      long t0 = System.nanoTime();
      assertThat(s.getInputStream().read()).as("closed by the load balancer").isEqualTo(-1);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(ms).isBetween(200L, 2500L);
    }
  }

  @Test
  void webSocketUpgradeBecomesAByteRelay() throws Exception {
    WebSocketEchoServer ws = new WebSocketEchoServer("127.0.0.34", "ws1");
    slb.addInstance("i-ws", "127.0.0.34");
    try {
      String[] lb = it.loadBalancer();
      it.addBackends(lb[0], "[{\"ServerId\":\"i-ws\"}]");
      it.httpListener(lb[0], lb[1], 9086, ws.port(), r -> r.setIdleTimeout(1));
      LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://" + lb[1] + ":9086/chat"), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
              message.append(data);
              if (last) {
                received.add(message.toString());
                message.setLength(0);
              }
              w.request(1);
              return null;
            }
          }).get(5, TimeUnit.SECONDS);
      socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
      assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("ws1:hello");
      Thread.sleep(1500); // longer than IdleTimeout: a tunnel is not an idle keep-alive connection
      String big = "x".repeat(200_000);
      socket.sendText(big, true).get(5, TimeUnit.SECONDS);
      String echoed = received.poll(5, TimeUnit.SECONDS);
      assertThat(echoed).as("echo of a 200 kB message").isNotNull();
      assertThat(echoed.length()).isEqualTo(big.length() + 4);
      assertThat(echoed.equals("ws1:" + big)).isTrue();
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    } finally {
      ws.close();
    }
  }

  @Test
  void listenerForwardRedirectsEveryRequestToHttps() throws Exception {
    String[] lb = it.loadBalancer();
    String cert = slb.rootAccountId() + "_redirect_cert";
    it.put(StoreLayout.serverCertificate(slb.rootAccountId(), Sdk.REGION, cert), "{\"id\":\"" + cert + "\"}");
    CreateLoadBalancerHTTPSListenerRequest https = new CreateLoadBalancerHTTPSListenerRequest();
    https.setLoadBalancerId(lb[0]);
    https.setListenerPort(9443);
    https.setBackendServerPort(web1.port());
    https.setBandwidth(-1);
    https.setHealthCheck("off");
    https.setServerCertificateId(cert);
    it.sdk.call(https);
    it.addBackends(lb[0], "[{\"ServerId\":\"i-f1\"}]");
    it.httpListener(lb[0], lb[1], 9087, web1.port(), r -> {
      r.setListenerForward("on");
      r.setForwardPort(9443);
    });
    int before = web1.requests();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(lb[1], 9087), 2000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write("GET /cart/1?x=y HTTP/1.1\r\nHost: Shop.Example:9087\r\n\r\nPOST /p HTTP/1.1\r\nHost: [::1]:80\r\nContent-Length: 0\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String first = HttpForwardingIT.readHead(s.getInputStream());
      assertThat(first).startsWith("HTTP/1.1 301 ");
      assertThat(HttpForwardingIT.header(first, "location")).isEqualTo("https://Shop.Example:9443/cart/1?x=y");
      String second = HttpForwardingIT.readHead(s.getInputStream());
      assertThat(HttpForwardingIT.header(second, "location")).isEqualTo("https://[::1]:9443/p");
    }
    assertThat(web1.requests()).as("nothing reaches the backends").isEqualTo(before);
  }

  @Test
  void forwardingRulesRouteByDomainThenLongestUrl() throws Exception {
    String[] lb = it.loadBalancer();
    String acct = slb.rootAccountId();
    ObjectMapper json = new ObjectMapper();
    String groupApi = "rsp-api";
    String groupImg = "rsp-img";
    it.put(StoreLayout.vserverGroup(acct, Sdk.REGION, groupApi), json.writeValueAsString(new ServerGroup(groupApi, lb[0],
        ServerGroup.VSERVER, "api", List.of(new BackendServer("i-f2", "ecs", "127.0.0.32", 100, web2.port(), null, null, null)), 1)));
    it.put(StoreLayout.vserverGroup(acct, Sdk.REGION, groupImg), json.writeValueAsString(new ServerGroup(groupImg, lb[0],
        ServerGroup.VSERVER, "img", List.of(new BackendServer("i-f3", "ecs", "127.0.0.33", 100, web3.port(), null, null, null)), 1)));
    putRule(json, acct, lb[0], "rule-api", "www.shop.example", "/api", groupApi);
    putRule(json, acct, lb[0], "rule-img", "*.shop.example", null, groupImg);
    putRule(json, acct, lb[0], "rule-img-api", "*.shop.example", "/api", groupApi);
    it.addBackends(lb[0], "[{\"ServerId\":\"i-f1\"}]");
    it.httpListener(lb[0], lb[1], 9088, web1.port(), r -> { });

    record Case(String host, String path, String backend) {}
    List<Case> cases = List.of(
        new Case("www.shop.example", "/api/orders", "web2"),
        new Case("WWW.SHOP.EXAMPLE:9088", "/api", "web2"),
        new Case("www.shop.example", "/index.html", "web1"), // domain matched, no URL: the listener's servers
        new Case("img.shop.example", "/a.png", "web3"),
        new Case("img.shop.example", "/api/x", "web2"),
        new Case("shop.example", "/api/x", "web1"),
        new Case("other.example", "/", "web1"));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> body(lb[1], "www.shop.example", "/api").equals("web2"));
    for (Case c : cases) {
      assertThat(body(lb[1], c.host(), c.path())).as(c.host() + c.path()).isEqualTo(c.backend());
    }
  }

  // ------------------------------------------------------------------ helpers

  static void putRule(ObjectMapper json, String acct, String lb, String id, String domain, String url, String group)
      throws Exception {
    ForwardingRule rule = new ForwardingRule(id, lb, 9088, ListenerProtocol.HTTP, id, domain, url, group, "on",
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, 1);
    it.put(StoreLayout.rule(acct, Sdk.REGION, lb, id), json.writeValueAsString(rule));
  }

  static String body(String vip, String host, String path) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(vip, 9088), 2000);
      s.setSoTimeout(5000);
      s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String head = HttpForwardingIT.readHead(s.getInputStream());
      int n = Integer.parseInt(HttpForwardingIT.header(head, "content-length"));
      return new String(s.getInputStream().readNBytes(n), StandardCharsets.US_ASCII);
    }
  }

  static void exchange(Socket s) throws Exception {
    s.getOutputStream().write("GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head = HttpForwardingIT.readHead(s.getInputStream());
    assertThat(head).startsWith("HTTP/1.1 200");
    s.getInputStream().readNBytes(Integer.parseInt(HttpForwardingIT.header(head, "content-length")));
  }
}
