package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import io.openslb.it.TestCertificates.Issued;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS cipher policies on the wire: each built-in policy and a custom one, checked with
 * {@code openssl s_client} (a version or suite outside the policy fails the handshake) and with
 * sslscan (what is offered is exactly the policy, as far as the BoringSSL provider serves it).
 *
 * <p>Provider notes (BoringSSL, the data plane's choice): TLS 1.0/1.1 are served; DES-CBC3-SHA
 * and the CBC-SHA256/SHA384 suites do not exist in BoringSSL, so the {@code _1_0}-{@code _1_2}
 * policies offer 9 of their 13 suites and {@code _1_2_strict} 4 of its 6; TLS 1.3 always offers
 * BoringSSL's three suites.
 */
class HttpsPolicyIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static HttpTestBackend web;
  static String certId;
  static boolean ci = "true".equals(System.getenv("CI"));

  @BeforeAll
  static void start() throws Exception {
    web = new HttpTestBackend("127.0.0.52", 0, "web");
    slb.addInstance("i-pol1", "127.0.0.52");
    Issued cert = TestCertificates.selfSigned(TestCertificates.RSA_A, "policy.test", "policy.test");
    certId = CertificateIT.upload(sdk, cert, cert.pkcs8(), "policy").getServerCertificateId();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  /** A new LB with an HTTPS listener on 443 using {@code policy}; returns the VIP. */
  static String listener(String policy) {
    CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
    r.setLoadBalancerName("policy-it");
    r.setLoadBalancerSpec("slb.s2.small");
    CreateLoadBalancerResponse lb = sdk.call(r);
    new L7Support(slb).addBackends(lb.getLoadBalancerId(), "[{\"ServerId\":\"i-pol1\"}]");
    CreateLoadBalancerHTTPSListenerRequest l = CertificateIT.httpsRequest(lb.getLoadBalancerId(), 443, certId);
    l.setBackendServerPort(web.port());
    l.setHealthCheck("off");
    l.setTLSCipherPolicy(policy);
    sdk.call(l);
    StartLoadBalancerListenerRequest s = new StartLoadBalancerListenerRequest();
    s.setLoadBalancerId(lb.getLoadBalancerId());
    s.setListenerPort(443);
    sdk.call(s);
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> HttpsTls.handshook(HttpsTls.sClient(lb.getAddress(), 443)));
    return lb.getAddress();
  }

  /** s_client with a version flag (and optional cipher), allowing old versions/suites client-side. */
  static boolean handshake(String vip, String version, String cipher) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of(version));
    if (version.equals("-tls1_3")) {
      if (cipher != null) {
        args.addAll(List.of("-ciphersuites", cipher));
      }
    } else {
      args.addAll(List.of("-cipher", (cipher == null ? "ALL" : cipher) + ":@SECLEVEL=0"));
    }
    return HttpsTls.handshook(HttpsTls.sClient(vip, 443, args.toArray(String[]::new)));
  }

  @Test
  void builtInPoliciesAllowExactlyTheirVersions() throws Exception {
    record Row(String policy, boolean tls10, boolean tls11, boolean tls12, boolean tls13) {}
    List<Row> table = List.of(
        new Row("tls_cipher_policy_1_0", true, true, true, false),
        new Row("tls_cipher_policy_1_1", false, true, true, false),
        new Row("tls_cipher_policy_1_2", false, false, true, false),
        new Row("tls_cipher_policy_1_2_strict", false, false, true, false),
        new Row("tls_cipher_policy_1_2_strict_with_1_3", false, false, true, true));
    for (Row row : table) {
      String vip = listener(row.policy());
      assertThat(handshake(vip, "-tls1", null)).as("%s TLS 1.0", row.policy()).isEqualTo(row.tls10());
      assertThat(handshake(vip, "-tls1_1", null)).as("%s TLS 1.1", row.policy()).isEqualTo(row.tls11());
      assertThat(handshake(vip, "-tls1_2", null)).as("%s TLS 1.2", row.policy()).isEqualTo(row.tls12());
      assertThat(handshake(vip, "-tls1_3", null)).as("%s TLS 1.3", row.policy()).isEqualTo(row.tls13());
    }
  }

  @Test
  void strictPolicyRefusesSuitesOutsideIt() throws Exception {
    String vip = listener("tls_cipher_policy_1_2_strict");
    assertThat(handshake(vip, "-tls1_2", "ECDHE-RSA-AES128-GCM-SHA256")).isTrue();
    assertThat(handshake(vip, "-tls1_2", "ECDHE-RSA-AES256-SHA")).isTrue();
    assertThat(handshake(vip, "-tls1_2", "AES128-GCM-SHA256")).as("RSA key exchange is not in _1_2_strict").isFalse();
    assertThat(handshake(vip, "-tls1_2", "AES128-SHA")).isFalse();
  }

  @Test
  void customPolicyIsEnforced() throws Exception {
    String policy = sdk.call(TlsCipherPolicyIT.createRequest("only-gcm256", List.of("TLSv1.2"),
        List.of("ECDHE-RSA-AES256-GCM-SHA384"))).getTLSCipherPolicyId();
    String vip = listener(policy);
    assertThat(handshake(vip, "-tls1_2", "ECDHE-RSA-AES256-GCM-SHA384")).isTrue();
    assertThat(handshake(vip, "-tls1_2", "ECDHE-RSA-AES128-GCM-SHA256")).isFalse();
    assertThat(handshake(vip, "-tls1_1", null)).isFalse();
    assertThat(handshake(vip, "-tls1_3", null)).isFalse();
  }

  /** sslscan's view of the wire: protocols enabled and suites accepted are exactly the served policy. */
  @Test
  void sslscanSeesExactlyThePolicy() throws Exception {
    boolean sslscan = HttpsTls.installed("sslscan");
    assumeTrue(sslscan || ci, "sslscan is not installed (apt-get install sslscan); CI installs it");
    assertThat(sslscan).as("sslscan on CI").isTrue();
    record Row(String policy, Set<String> protocols, Set<String> suites) {}
    Set<String> strict = Set.of("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA");
    Set<String> legacy = new TreeSet<>(strict);
    legacy.addAll(Set.of("AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA", "AES256-SHA"));
    List<Row> table = List.of(
        new Row("tls_cipher_policy_1_0", Set.of("TLSv1.0", "TLSv1.1", "TLSv1.2"), legacy),
        new Row("tls_cipher_policy_1_2_strict", Set.of("TLSv1.2"), strict),
        new Row("tls_cipher_policy_1_2_strict_with_1_3", Set.of("TLSv1.2", "TLSv1.3"), null));
    for (Row row : table) {
      String vip = listener(row.policy());
      HttpsTls.Run scan = HttpsTls.run(120, "sslscan", "--no-colour", "--no-heartbleed", "--no-renegotiation",
          "--no-compression", "--no-groups", "--no-check-certificate", vip + ":443");
      Set<String> protocols = new TreeSet<>();
      Matcher m = Pattern.compile("(?m)^(SSLv[23]|TLSv1\\.[0-3])\\s+enabled").matcher(scan.output());
      while (m.find()) {
        protocols.add(m.group(1));
      }
      assertThat(protocols).as("%s protocols; sslscan said:%n%s", row.policy(), scan.output()).isEqualTo(row.protocols());
      Set<String> suites = new TreeSet<>();
      Matcher a = Pattern.compile("(?m)^(?:Preferred|Accepted)\\s+TLSv1\\.[0-2]\\s+\\d+ bits\\s+(\\S+)").matcher(scan.output());
      while (a.find()) {
        suites.add(a.group(1));
      }
      if (row.suites() != null) {
        assertThat(suites).as("%s TLS<=1.2 suites; sslscan said:%n%s", row.policy(), scan.output()).isEqualTo(row.suites());
      } else {
        assertThat(suites).as(row.policy()).allMatch(s -> s.startsWith("ECDHE-"));
      }
    }
  }
}
