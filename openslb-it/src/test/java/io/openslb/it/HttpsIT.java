package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerHTTPSListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import io.openslb.it.TestCertificates.Issued;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS listeners end to end, configured through the official SDK and checked with real TLS
 * clients (JDK, openssl s_client, curl): termination with the listener's certificate, SNI
 * certificates of domain extensions (exact, wildcard, no match), mutual TLS and its headers,
 * certificate rotation without dropping connections, session resumption, and HTTP/2 via ALPN.
 * Policies are in {@link HttpsPolicyIT}. An expired certificate is refused at upload
 * ({@code CertificateIT}), so it never reaches a listener.
 */
class HttpsIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static final L7Support it = new L7Support(slb);
  /** Scratch files of the tests (TLS sessions). */
  @TempDir static Path dir;
  static HttpTestBackend web;
  static Issued defaultCert;
  static Issued exactCert;
  static Issued wildcardCert;
  static Issued ca;
  static Issued client;
  static String defaultId;
  static String exactId;
  static String wildcardId;
  static String caId;

  @BeforeAll
  static void start() throws Exception {
    web = new HttpTestBackend("127.0.0.51", 0, "web");
    slb.addInstance("i-https1", "127.0.0.51");
    defaultCert = TestCertificates.selfSigned(TestCertificates.RSA_A, "default.test", "default.test");
    exactCert = TestCertificates.selfSigned(TestCertificates.RSA_B, "a.example.net", "a.example.net");
    // RSA: the built-in policies below _1_2_strict_with_1_3 have no ECDSA suites
    wildcardCert = TestCertificates.selfSigned(TestCertificates.rsa(), "*.example.org", "*.example.org");
    defaultId = CertificateIT.upload(sdk, defaultCert, defaultCert.pkcs8(), "https-default").getServerCertificateId();
    exactId = CertificateIT.upload(sdk, exactCert, exactCert.pkcs8(), "https-exact").getServerCertificateId();
    wildcardId = CertificateIT.upload(sdk, wildcardCert, wildcardCert.pkcs8(), "https-wildcard").getServerCertificateId();
    ca = TestCertificates.ca(TestCertificates.EC_B, "Test Client CA");
    client = TestCertificates.signedBy(ca, TestCertificates.rsa(), "client-1");
    caId = sdk.call(CertificateIT.uploadCaRequest(ca.certPem(), "https-ca")).getCACertificateId();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  /** A spec load balancer with the backend: {id, VIP}. */
  static String[] loadBalancer() {
    CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
    r.setLoadBalancerName("https-it");
    r.setLoadBalancerSpec("slb.s2.small");
    CreateLoadBalancerResponse lb = sdk.call(r);
    it.addBackends(lb.getLoadBalancerId(), "[{\"ServerId\":\"i-https1\"}]");
    return new String[] {lb.getLoadBalancerId(), lb.getAddress()};
  }

  /** Creates and starts an HTTPS listener with the default certificate and waits for handshakes. */
  static void httpsListener(String[] lb, int port, Consumer<CreateLoadBalancerHTTPSListenerRequest> custom) {
    httpsListener(lb, port, null, custom);
  }

  static void httpsListener(String[] lb, int port, Issued clientCert, Consumer<CreateLoadBalancerHTTPSListenerRequest> custom) {
    CreateLoadBalancerHTTPSListenerRequest r = CertificateIT.httpsRequest(lb[0], port, defaultId);
    r.setBackendServerPort(web.port());
    r.setHealthCheck("off");
    custom.accept(r);
    sdk.call(r);
    StartLoadBalancerListenerRequest s = new StartLoadBalancerListenerRequest();
    s.setLoadBalancerId(lb[0]);
    s.setListenerPort(port);
    sdk.call(s);
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> {
          try (SSLSocket socket = HttpsTls.connect(HttpsTls.context(clientCert), lb[1], port, null)) {
            return HttpsTls.get(socket, "/").startsWith("HTTP/1.1 200");
          }
        });
  }

  static HttpClient client(HttpClient.Version version, Issued clientCert) {
    return HttpClient.newBuilder().version(version).sslContext(HttpsTls.context(clientCert))
        .connectTimeout(Duration.ofSeconds(3)).build();
  }

  static HttpResponse<String> get(HttpClient c, String vip, int port, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://" + vip + ":" + port + path)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void terminatesTlsAndPicksCertificatesBySni() throws Exception {
    String[] lb = loadBalancer();
    httpsListener(lb, 8443, r -> r.putQueryParameter("XForwardedFor_proto", "on"));
    sdk.call(DomainExtensionIT.createRequest(lb[0], 8443, "a.example.net", exactId));
    sdk.call(DomainExtensionIT.createRequest(lb[0], 8443, "*.example.org", wildcardId));

    HttpResponse<String> r = get(client(HttpClient.Version.HTTP_1_1, null), lb[1], 8443, "/headers");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("x-forwarded-proto: https").contains("x-forwarded-for: 127.0.0.1");

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8443, "a.example.net"))).isEqualTo("a.example.net"));
    assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8443, "x.example.org"))).isEqualTo("*.example.org");
    assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8443, "deep.x.example.org"))).as("wildcard over several labels")
        .isEqualTo("*.example.org");
    assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8443, "A.Example.NET"))).isEqualTo("a.example.net");
    // wrong or missing SNI: the listener's own certificate
    assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8443, "wrong.test"))).isEqualTo("default.test");
    assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8443, "example.org"))).isEqualTo("default.test");
    assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8443, null))).isEqualTo("default.test");

    // the same seen by openssl s_client
    HttpsTls.Run s = HttpsTls.sClient(lb[1], 8443, "-servername", "shop.example.org");
    assertThat(s.output()).contains("CN = *.example.org");
    HttpsTls.Run wrong = HttpsTls.sClient(lb[1], 8443, "-servername", "nomatch.invalid");
    assertThat(wrong.output()).contains("CN = default.test");
  }

  @Test
  void mutualTlsVerifiesClientsAndForwardsTheirCertificate() throws Exception {
    String[] lb = loadBalancer();
    httpsListener(lb, 8444, client, r -> {
      r.setCACertificateId(caId);
      r.putQueryParameter("XForwardedFor_ClientCertSubjectDN", "on");
      r.putQueryParameter("XForwardedFor_ClientCertIssuerDN", "on");
      r.putQueryParameter("XForwardedFor_ClientCertFingerprint", "on");
      r.putQueryParameter("XForwardedFor_ClientCertFingerprintAlias", "X-Client-Fp");
      r.putQueryParameter("XForwardedFor_ClientCertClientVerify", "on");
    });
    // a client with a certificate of the CA
    for (HttpClient.Version v : List.of(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2)) {
      HttpResponse<String> r = get(client(v, client), lb[1], 8444, "/headers",
          "X-Forwarded-Clientcert-subjectdn", "CN=forged");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.version()).isEqualTo(v);
      assertThat(r.body())
          .contains("x-forwarded-clientcert-subjectdn: " + client.cert().getSubjectX500Principal().getName("RFC2253"))
          .doesNotContain("CN=forged")
          .contains("x-forwarded-clientcert-issuerdn: " + ca.cert().getSubjectX500Principal().getName("RFC2253"))
          .contains("x-client-fp: " + client.fingerprint())
          .contains("x-forwarded-clientcert-clientverify: SUCCESS")
          .doesNotContain("x-forwarded-clientcert-fingerprint");
    }
    // no certificate, or one of another CA: the handshake fails
    assertThatThrownBy(() -> get(client(HttpClient.Version.HTTP_1_1, null), lb[1], 8444, "/"))
        .isInstanceOfAny(SSLException.class, java.io.IOException.class);
    Issued stranger = TestCertificates.selfSigned(TestCertificates.RSA_B, "stranger");
    assertThatThrownBy(() -> get(client(HttpClient.Version.HTTP_1_1, stranger), lb[1], 8444, "/"))
        .isInstanceOfAny(SSLException.class, java.io.IOException.class);
    HttpsTls.Run noCert = HttpsTls.run(10, "sh", "-c", "(printf 'GET / HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n'; sleep 1)"
        + " | openssl s_client -connect " + lb[1] + ":8444 -tls1_2");
    assertThat(noCert.output()).as("openssl without a certificate").contains("alert").doesNotContain("HTTP/1.1 200");
  }

  @Test
  void certificateChangesApplyToNewHandshakesAndKeepConnections() throws Exception {
    String[] lb = loadBalancer();
    httpsListener(lb, 8445, r -> {});
    String id = sdk.call(DomainExtensionIT.createRequest(lb[0], 8445, "x.example.org", wildcardId)).getDomainExtensionId();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8445, "x.example.org"))).isEqualTo("*.example.org"));
    try (SSLSocket kept = HttpsTls.connect(HttpsTls.context(null), lb[1], 8445, null)) {
      assertThat(HttpsTls.get(kept, "/")).startsWith("HTTP/1.1 200").endsWith("web");

      // the listener's certificate and the domain extension's, each applied within 1 s
      SetLoadBalancerHTTPSListenerAttributeRequest set = new SetLoadBalancerHTTPSListenerAttributeRequest();
      set.setLoadBalancerId(lb[0]);
      set.setListenerPort(8445);
      set.setServerCertificateId(exactId);
      long t0 = System.nanoTime();
      sdk.call(set);
      await().atMost(Duration.ofMillis(1000)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
          assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8445, null))).isEqualTo("a.example.net"));
      long listenerMs = (System.nanoTime() - t0) / 1_000_000;
      t0 = System.nanoTime();
      sdk.call(DomainExtensionIT.setRequest(id, defaultId));
      await().atMost(Duration.ofMillis(1000)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
          assertThat(HttpsTls.cn(HttpsTls.serverCertificate(lb[1], 8445, "x.example.org"))).isEqualTo("default.test"));
      long domainMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("certificate change visible to new handshakes after %d ms (listener), %d ms (domain)%n",
          listenerMs, domainMs);

      // the connection from before keeps its session and serves
      assertThat(HttpsTls.cn((java.security.cert.X509Certificate) kept.getSession().getPeerCertificates()[0]))
          .isEqualTo("default.test");
      assertThat(HttpsTls.get(kept, "/")).startsWith("HTTP/1.1 200").endsWith("web");
    }
  }

  @Test
  void sessionsResume() throws Exception {
    String[] lb = loadBalancer();
    httpsListener(lb, 8446, r -> r.setTLSCipherPolicy("tls_cipher_policy_1_2_strict_with_1_3"));
    HttpsTls.Run tls12 = HttpsTls.sClient(lb[1], 8446, "-tls1_2", "-reconnect");
    assertThat(tls12.output()).as("openssl s_client -tls1_2 -reconnect").contains("Reused, TLSv1.2");
    // TLS 1.3 tickets come after the handshake, with the first response: send a request, keep the session
    Path session = dir.resolve("tls13.session");
    String request = "(printf 'GET / HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n'; sleep 1) | openssl s_client -connect " + lb[1]
        + ":8446 -tls1_3 ";
    HttpsTls.Run first = HttpsTls.run(10, "sh", "-c", request + "-sess_out " + session);
    assertThat(first.output()).contains("New, TLSv1.3");
    HttpsTls.Run second = HttpsTls.run(10, "sh", "-c", request + "-sess_in " + session);
    assertThat(second.output()).as("resumed TLS 1.3 session").contains("Reused, TLSv1.3").contains("HTTP/1.1 200");
  }

  @Test
  void http2ThroughAlpnToHttp11Backends() throws Exception {
    String[] lb = loadBalancer();
    httpsListener(lb, 8447, r -> r.setEnableHttp2("on"));
    HttpClient h2 = client(HttpClient.Version.HTTP_2, null);
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = get(h2, lb[1], 8447, "/headers");
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("host: " + lb[1] + ":8447").doesNotContain("x-http2");
    }
    // a request body travels too
    HttpResponse<String> post = h2.send(HttpRequest.newBuilder(URI.create("https://" + lb[1] + ":8447/headers"))
        .POST(HttpRequest.BodyPublishers.ofString("hello")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(post.version()).isEqualTo(HttpClient.Version.HTTP_2);

    if (HttpsTls.installed("curl")) {
      HttpsTls.Run curl = HttpsTls.run(15, "curl", "-sk", "--http2", "-o", "/dev/null", "-w", "%{http_version} %{http_code}",
          "https://" + lb[1] + ":8447/");
      assertThat(curl.output()).isEqualTo("2 200");
    }

    // EnableHttp2 off: ALPN offers only http/1.1
    String[] lb2 = loadBalancer();
    httpsListener(lb2, 8448, r -> r.setEnableHttp2("off"));
    HttpResponse<String> r = get(h2, lb2[1], 8448, "/");
    assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(r.body()).isEqualTo("web");
  }
}
