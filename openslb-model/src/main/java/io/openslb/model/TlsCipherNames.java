package io.openslb.model;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The one table of TLS names shared by the control plane (which validates TLS cipher policies)
 * and the data plane (which configures JSSE from them).
 *
 * <p>The API names cipher suites the OpenSSL way ({@code ECDHE-RSA-AES128-GCM-SHA256}) and TLS 1.3
 * suites by their IANA names; JSSE wants IANA/JSSE names ({@code
 * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}). The table holds every suite the cloud accepts
 * (SEMANTICS.md §8 and the CreateTLSCipherPolicy parameter description) with the lowest TLS version
 * that can negotiate it.
 *
 * <p>What this JVM can really serve is asked from JSSE once: a protocol or suite counts only if
 * {@code SSLContext.getDefault().getSupportedSSLParameters()} lists it <em>and</em> a server-side
 * {@link SSLEngine} enables it, so versions and suites switched off by {@code
 * jdk.tls.disabledAlgorithms} (TLS 1.0/1.1 and 3DES on current JDKs) are not offered. Thread-safe.
 */
public final class TlsCipherNames {
  /** The API's version names, oldest first. */
  public static final List<String> VERSIONS = List.of("TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private static final Map<String, String> VERSION_TO_JSSE =
      Map.of("TLSv1.0", "TLSv1", "TLSv1.1", "TLSv1.1", "TLSv1.2", "TLSv1.2", "TLSv1.3", "TLSv1.3");

  /** A suite: its JSSE name and the versions that can negotiate it. */
  private record Suite(String jsse, Set<String> versions) {}

  private static final Set<String> UP_TO_12 = Set.of("TLSv1.0", "TLSv1.1", "TLSv1.2");
  private static final Set<String> ONLY_12 = Set.of("TLSv1.2");
  private static final Set<String> ONLY_13 = Set.of("TLSv1.3");

  private static final Map<String, Suite> SUITES = new LinkedHashMap<>();

  static {
    // TLS 1.0 - 1.2
    suite("ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", UP_TO_12);
    suite("ECDHE-ECDSA-AES256-SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", UP_TO_12);
    suite("ECDHE-RSA-AES128-SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", UP_TO_12);
    suite("ECDHE-RSA-AES256-SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", UP_TO_12);
    suite("AES128-SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", UP_TO_12);
    suite("AES256-SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", UP_TO_12);
    // JSSE's standard name for TLS_RSA_WITH_3DES_EDE_CBC_SHA keeps the historical SSL_ prefix
    suite("DES-CBC3-SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA", UP_TO_12);
    // TLS 1.2 only
    suite("ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", ONLY_12);
    suite("ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", ONLY_12);
    suite("ECDHE-ECDSA-AES128-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", ONLY_12);
    suite("ECDHE-ECDSA-AES256-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", ONLY_12);
    suite("ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", ONLY_12);
    suite("ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", ONLY_12);
    suite("ECDHE-RSA-AES128-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", ONLY_12);
    suite("ECDHE-RSA-AES256-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", ONLY_12);
    suite("AES128-GCM-SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256", ONLY_12);
    suite("AES256-GCM-SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384", ONLY_12);
    suite("AES128-SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256", ONLY_12);
    suite("AES256-SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256", ONLY_12);
    // TLS 1.3: the API already uses the IANA names
    for (String s : List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256")) {
      suite(s, s, ONLY_13);
    }
  }

  private static void suite(String api, String jsse, Set<String> versions) {
    SUITES.put(api, new Suite(jsse, versions));
  }

  private TlsCipherNames() {}

  /** Every cipher suite name the API accepts, in the cloud's documentation order. */
  public static List<String> apiCiphers() {
    return List.copyOf(SUITES.keySet());
  }

  /** The API spelling of a suite ({@code ecdhe-rsa-aes128-sha} → {@code ECDHE-RSA-AES128-SHA}), if known. */
  public static Optional<String> canonicalCipher(String name) {
    return SUITES.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
  }

  /** The API spelling of a version ({@code tlsv1.2} → {@code TLSv1.2}), if known. */
  public static Optional<String> canonicalVersion(String name) {
    return VERSIONS.stream().filter(v -> v.equalsIgnoreCase(name)).findFirst();
  }

  /** The JSSE name of an API cipher suite name. */
  public static Optional<String> jsseCipher(String apiName) {
    return Optional.ofNullable(SUITES.get(apiName)).map(Suite::jsse);
  }

  /** The JSSE protocol name of an API version ({@code TLSv1.0} → {@code TLSv1}). */
  public static Optional<String> jsseProtocol(String apiVersion) {
    return Optional.ofNullable(VERSION_TO_JSSE.get(apiVersion));
  }

  /** The API versions that can negotiate {@code apiCipher} (empty if the name is unknown). */
  public static Set<String> versionsOf(String apiCipher) {
    Suite s = SUITES.get(apiCipher);
    return s == null ? Set.of() : s.versions();
  }

  /**
   * The TLS implementation that serves HTTPS listeners, as far as policies are concerned: which
   * API versions and suites it can really negotiate. The data plane says which one it uses
   * (BoringSSL where it loads) and the control plane is given it, so that the API accepts exactly
   * the policies that can be served. Thread-safe implementations only.
   */
  public interface Stack {
    String name();

    boolean servesVersion(String apiVersion);

    boolean servesCipher(String apiCipher);

    /** The API versions this stack serves, oldest first. */
    default List<String> versions() {
      return VERSIONS.stream().filter(this::servesVersion).toList();
    }

    /** The API cipher suites this stack serves, in table order. */
    default List<String> ciphers() {
      return SUITES.keySet().stream().filter(this::servesCipher).toList();
    }
  }

  /** The JDK's JSSE, as enabled on a server-side engine of this JVM. */
  public static final Stack JSSE = new Stack() {
    @Override
    public String name() {
      return "JSSE";
    }

    @Override
    public boolean servesVersion(String apiVersion) {
      return jsseProtocol(apiVersion).map(Jvm.PROTOCOLS::contains).orElse(false);
    }

    @Override
    public boolean servesCipher(String apiCipher) {
      return jsseCipher(apiCipher).map(Jvm.SUITES::contains).orElse(false);
    }
  };

  /**
   * The JSSE protocols and suites for a policy, keeping only what this JVM can serve (a built-in
   * policy lists TLS 1.0 and 3DES, which current JDKs refuse). Order is kept.
   */
  public record Jsse(List<String> protocols, List<String> cipherSuites) {}

  public static Jsse toJsse(List<String> apiVersions, List<String> apiCiphers) {
    List<String> protocols = apiVersions.stream().filter(JSSE::servesVersion)
        .map(v -> VERSION_TO_JSSE.get(v)).toList();
    List<String> suites = apiCiphers.stream().filter(JSSE::servesCipher)
        .map(c -> SUITES.get(c).jsse()).toList();
    return new Jsse(protocols, suites);
  }

  /** JSSE's answer, computed once on first use. */
  private static final class Jvm {
    static final Set<String> PROTOCOLS;
    static final Set<String> SUITES;

    static {
      Set<String> protocols = new TreeSet<>();
      Set<String> suites = new TreeSet<>();
      try {
        SSLContext context = SSLContext.getDefault();
        SSLEngine server = context.createSSLEngine();
        server.setUseClientMode(false);
        protocols.addAll(Arrays.asList(context.getSupportedSSLParameters().getProtocols()));
        protocols.retainAll(Arrays.asList(server.getEnabledProtocols()));
        suites.addAll(Arrays.asList(context.getSupportedSSLParameters().getCipherSuites()));
        suites.retainAll(Arrays.asList(server.getEnabledCipherSuites()));
      } catch (NoSuchAlgorithmException e) {
        // no TLS at all in this JVM: nothing is servable
      }
      PROTOCOLS = Set.copyOf(protocols);
      SUITES = Set.copyOf(suites);
    }
  }
}
