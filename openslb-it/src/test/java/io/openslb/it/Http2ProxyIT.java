package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import io.openslb.it.TestCertificates.Issued;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP/2 streams proxied to HTTP/1.1 backends, through the JDK's HTTP/2 client: bodies far larger
 * than a flow-control window both ways (so WINDOW_UPDATEs must flow each way), many concurrent
 * streams on one connection, HEAD, the proxy's own answers (502 when the backend refuses, 504
 * after RequestTimeout) as HTTP/2 responses, and IdleTimeout for a connection without streams.
 */
class Http2ProxyIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static HttpTestBackend web;
  static String certId;
  static HttpClient h2;

  @BeforeAll
  static void start() throws Exception {
    web = new HttpTestBackend("127.0.0.53", 0, "web");
    slb.addInstance("i-h2proxy", "127.0.0.53");
    Issued cert = TestCertificates.selfSigned(TestCertificates.RSA_A, "h2.test", "h2.test");
    certId = CertificateIT.upload(sdk, cert, cert.pkcs8(), "h2-proxy").getServerCertificateId();
    h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(HttpsTls.context(null))
        .connectTimeout(Duration.ofSeconds(3)).build();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  /** An HTTPS listener with HTTP/2 on, started; returns its VIP. */
  static String listener(int port, int backendPort, Consumer<CreateLoadBalancerHTTPSListenerRequest> custom) {
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("h2-proxy");
    create.setLoadBalancerSpec("slb.s2.small");
    CreateLoadBalancerResponse created = sdk.call(create);
    new L7Support(slb).addBackends(created.getLoadBalancerId(), "[{\"ServerId\":\"i-h2proxy\"}]");
    CreateLoadBalancerHTTPSListenerRequest r = CertificateIT.httpsRequest(created.getLoadBalancerId(), port, certId);
    r.setBackendServerPort(backendPort);
    r.setHealthCheck("off");
    r.setEnableHttp2("on");
    custom.accept(r);
    sdk.call(r);
    StartLoadBalancerListenerRequest s = new StartLoadBalancerListenerRequest();
    s.setLoadBalancerId(created.getLoadBalancerId());
    s.setListenerPort(port);
    sdk.call(s);
    String vip = created.getAddress();
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
      try (javax.net.ssl.SSLSocket socket = HttpsTls.connect(HttpsTls.context(null), vip, port, null)) {
        return HttpsTls.get(socket, "/").startsWith("HTTP/1.1 ");
      }
    });
    return vip;
  }

  static HttpRequest.Builder request(String vip, int port, String path) {
    return HttpRequest.newBuilder(URI.create("https://" + vip + ":" + port + path)).timeout(Duration.ofSeconds(20));
  }

  @Test
  void bodiesLargerThanTheWindowGoBothWays() throws Exception {
    String vip = listener(8460, web.port(), r -> { });
    int n = 4 * 1024 * 1024 + 17;
    for (String chunked : List.of("0", "1")) {
      HttpResponse<byte[]> down = h2.send(request(vip, 8460, "/download?n=" + n + "&chunked=" + chunked).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(down.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(down.statusCode()).isEqualTo(200);
      assertThat(down.body()).hasSize(n);
      for (int i = 0; i < n; i += 4093) {
        assertThat(down.body()[i]).as("byte %d", i).isEqualTo(HttpTestBackend.pattern(i));
      }
    }
    byte[] upload = new byte[3 * 1024 * 1024 + 5];
    for (int i = 0; i < upload.length; i++) {
      upload[i] = (byte) (i * 31 + 7);
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload));
    // with a length, and without one (the proxy sends it on chunked)
    HttpResponse<String> up = h2.send(request(vip, 8460, "/upload").POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body()).isEqualTo(upload.length + " " + sha);
    HttpResponse<String> streamed = h2.send(request(vip, 8460, "/upload").POST(HttpRequest.BodyPublishers.ofInputStream(
        () -> new java.io.ByteArrayInputStream(upload))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(streamed.statusCode()).isEqualTo(200);
    assertThat(streamed.body()).isEqualTo(upload.length + " " + sha);
  }

  @Test
  void manyConcurrentStreamsOnOneConnection() throws Exception {
    String vip = listener(8461, web.port(), r -> { });
    int before = web.requests();
    List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      all.add(h2.sendAsync(request(vip, 8461, "/text?n=" + (1000 + i)).build(), HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < all.size(); i++) {
      HttpResponse<String> r = all.get(i).get(30, TimeUnit.SECONDS);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(r.body()).hasSize(1000 + i).startsWith("the quick brown fox");
    }
    assertThat(web.requests() - before).isGreaterThanOrEqualTo(100);
  }

  @Test
  void headAndTheProxysOwnAnswers() throws Exception {
    String vip = listener(8462, web.port(), r -> r.setRequestTimeout(1));
    HttpResponse<String> head = h2.send(request(vip, 8462, "/text?n=1000").method("HEAD", HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("x-backend")).hasValue("web"); // (the JDK's server sends HEAD no length)
    assertThat(head.body()).isEmpty();

    HttpResponse<String> slow = h2.send(request(vip, 8462, "/slow?ms=3000").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(slow.statusCode()).as("RequestTimeout 1 s").isEqualTo(504);
    assertThat(slow.version()).isEqualTo(HttpClient.Version.HTTP_2);
    // the connection and its other streams are fine afterwards
    assertThat(h2.send(request(vip, 8462, "/").build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("web");

    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.53"))) {
      closedPort = s.getLocalPort();
    }
    String down = listener(8463, closedPort, r -> { });
    HttpResponse<String> refused = h2.send(request(down, 8463, "/").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(502);
    assertThat(refused.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(refused.body()).contains("502 Bad Gateway");
  }

  @Test
  void aConnectionWithoutStreamsClosesWithGoAwayAfterIdleTimeout() throws Exception {
    String vip = listener(8464, web.port(), r -> r.setIdleTimeout(1));
    try (RawHttp2 raw = RawHttp2.connect(vip, 8464)) {
      int stream = raw.get("/slow?ms=2500", true); // an open stream keeps the connection past IdleTimeout
      raw.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> raw.responses.containsKey(stream));
      assertThat(raw.closed.getCount()).as("still open when the 2.5 s response came").isEqualTo(1);
      assertThat(raw.awaitClosed(5)).as("closed about 1 s after its last stream").isTrue();
      assertThat(raw.goAwayCode.get()).as("GOAWAY NO_ERROR").isEqualTo(0);
    }
  }
}
