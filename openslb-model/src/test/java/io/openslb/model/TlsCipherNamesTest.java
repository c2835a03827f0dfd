package io.openslb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class TlsCipherNamesTest {

  @Test
  void mapsOpenSslNamesToJsseNames() {
    assertThat(TlsCipherNames.jsseCipher("ECDHE-RSA-AES128-GCM-SHA256")).hasValue("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assertThat(TlsCipherNames.jsseCipher("AES256-SHA")).hasValue("TLS_RSA_WITH_AES_256_CBC_SHA");
    assertThat(TlsCipherNames.jsseCipher("ECDHE-ECDSA-AES128-SHA256")).hasValue("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256");
    assertThat(TlsCipherNames.jsseCipher("DES-CBC3-SHA")).hasValue("SSL_RSA_WITH_3DES_EDE_CBC_SHA");
    assertThat(TlsCipherNames.jsseCipher("TLS_AES_128_GCM_SHA256")).hasValue("TLS_AES_128_GCM_SHA256");
    assertThat(TlsCipherNames.jsseCipher("RC4-MD5")).isEmpty();
    assertThat(TlsCipherNames.jsseProtocol("TLSv1.0")).hasValue("TLSv1");
    assertThat(TlsCipherNames.jsseProtocol("TLSv1.3")).hasValue("TLSv1.3");
  }

  @Test
  void theTableHoldsTheCloudsTwentyFourSuitesWithDistinctJsseNames() {
    List<String> api = TlsCipherNames.apiCiphers();
    assertThat(api).hasSize(24).doesNotHaveDuplicates();
    Set<String> jsse = new HashSet<>();
    api.forEach(c -> jsse.add(TlsCipherNames.jsseCipher(c).orElseThrow()));
    assertThat(jsse).hasSize(24);
  }

  @Test
  void versionsOfEachSuite() {
    assertThat(TlsCipherNames.versionsOf("AES128-SHA")).containsExactlyInAnyOrder("TLSv1.0", "TLSv1.1", "TLSv1.2");
    assertThat(TlsCipherNames.versionsOf("AES128-GCM-SHA256")).containsExactly("TLSv1.2");
    assertThat(TlsCipherNames.versionsOf("TLS_CHACHA20_POLY1305_SHA256")).containsExactly("TLSv1.3");
    assertThat(TlsCipherNames.versionsOf("nope")).isEmpty();
  }

  @Test
  void canonicalSpellings() {
    assertThat(TlsCipherNames.canonicalCipher("ecdhe-rsa-aes128-sha")).hasValue("ECDHE-RSA-AES128-SHA");
    assertThat(TlsCipherNames.canonicalVersion("tlsv1.2")).hasValue("TLSv1.2");
    assertThat(TlsCipherNames.canonicalVersion("TLSv1")).isEmpty();
  }

  @Test
  void servableIsWhatJsseSupportsAndEnables() throws Exception {
    Set<String> supported = new HashSet<>(Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites()));
    for (String c : TlsCipherNames.JSSE.ciphers()) {
      assertThat(supported).contains(TlsCipherNames.jsseCipher(c).orElseThrow());
    }
    // every JDK since 11 serves TLS 1.2 with the ECDHE-RSA GCM suites and TLS 1.3 with AES-GCM
    assertThat(TlsCipherNames.JSSE.versions()).contains("TLSv1.2", "TLSv1.3");
    assertThat(TlsCipherNames.JSSE.ciphers()).contains("ECDHE-RSA-AES128-GCM-SHA256", "TLS_AES_256_GCM_SHA384");
    // JSSE has no TLS 1.3 CCM suites
    assertThat(TlsCipherNames.JSSE.servesCipher("TLS_AES_128_CCM_SHA256")).isFalse();
  }

  @Test
  void toJsseKeepsOnlyWhatThisJvmServesInOrder() {
    TlsPolicies.Policy p = TlsPolicies.builtIn("tls_cipher_policy_1_0").orElseThrow();
    TlsCipherNames.Jsse jsse = TlsCipherNames.toJsse(p.versions(), p.ciphers());
    assertThat(jsse.protocols()).contains("TLSv1.2").allMatch(v -> TlsCipherNames.VERSIONS.stream()
        .anyMatch(api -> TlsCipherNames.jsseProtocol(api).orElseThrow().equals(v)));
    assertThat(jsse.cipherSuites()).startsWith("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    if (!TlsCipherNames.JSSE.servesCipher("DES-CBC3-SHA")) {
      assertThat(jsse.cipherSuites()).doesNotContain("SSL_RSA_WITH_3DES_EDE_CBC_SHA");
    }
  }
}
