package io.openslb.dataplane.proxy.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.Mapping;
import io.openslb.dataplane.config.TlsSpec;
import io.openslb.model.TlsCipherNames;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the server TLS contexts of HTTPS listeners from their {@link TlsSpec}: the listener's
 * certificate, one context per domain extension chosen by SNI (exact before wildcard, the
 * listener's certificate when nothing matches), the policy's protocol versions and cipher suites
 * (only those the provider can serve), ALPN h2/http1.1, and client-certificate verification when
 * a CA is set.
 *
 * <p>Provider: BoringSSL ({@code netty-tcnative-boringssl-static}) when its native library loads,
 * else the JDK; {@code -Dopenslb.tls.provider=jdk} forces the JDK. BoringSSL was measured about
 * 2× faster on full handshakes (docs/performance.md, HTTPS). What each provider can serve differs:
 * BoringSSL has TLS 1.0/1.1 but no 3DES and no CBC-SHA256/SHA384 suites, and always offers its
 * three TLS 1.3 suites; the JDK has the CBC-SHA256/384 suites but refuses TLS 1.0/1.1 and 3DES
 * ({@code jdk.tls.disabledAlgorithms}). A policy is served as the intersection; a policy left
 * with no usable suite fails closed (connections are refused, never served with other suites).
 *
 * <p>Sessions resume through the per-context session cache and, with BoringSSL, session tickets
 * (keys generated per context). Contexts are cached by spec (a spec carries the PEM texts and the
 * policy, so a rotated certificate or changed policy is a new spec and new handshakes use it at
 * once, while established connections keep theirs). Thread-safe; a build runs on the event loop
 * of the first connection that needs it (a few milliseconds, once per change).
 */
public final class TlsContexts {
  private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);
  private static final int CACHE_SIZE = 256;

  private final SslProvider provider;
  private final Map<TlsSpec, Mapping<String, SslContext>> cache =
      Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TlsSpec, Mapping<String, SslContext>> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  public TlsContexts() {
    boolean forceJdk = "jdk".equalsIgnoreCase(System.getProperty("openslb.tls.provider"));
    this.provider = !forceJdk && OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    log.info("TLS provider: {}", provider == SslProvider.OPENSSL ? "BoringSSL " + OpenSsl.versionString() : "JDK");
  }

  /**
   * What HTTPS listeners can really negotiate with the provider this node uses (BoringSSL: TLS
   * 1.0-1.3, its own suite list; JDK: what JSSE enables), for the API's policy checks.
   */
  public static TlsCipherNames.Stack servingStack() {
    boolean forceJdk = "jdk".equalsIgnoreCase(System.getProperty("openslb.tls.provider"));
    if (forceJdk || !OpenSsl.isAvailable()) {
      return TlsCipherNames.JSSE;
    }
    Set<String> available = OpenSsl.availableJavaCipherSuites();
    boolean tls13 = SslProvider.isTlsv13Supported(SslProvider.OPENSSL);
    Set<String> tls13Suites = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    return new TlsCipherNames.Stack() {
      @Override
      public String name() {
        return "BoringSSL";
      }

      @Override
      public boolean servesVersion(String apiVersion) {
        return switch (apiVersion) {
          case "TLSv1.0", "TLSv1.1", "TLSv1.2" -> true;
          case "TLSv1.3" -> tls13;
          default -> false;
        };
      }

      @Override
      public boolean servesCipher(String apiCipher) {
        if (tls13Suites.contains(apiCipher)) {
          return tls13; // BoringSSL always offers its three TLS 1.3 suites
        }
        return TlsCipherNames.jsseCipher(apiCipher)
            .map(j -> j.startsWith("SSL_") ? "TLS_" + j.substring(4) : j)
            .map(available::contains)
            .orElse(false);
      }
    };
  }

  public SslProvider provider() {
    return provider;
  }

  /**
   * SNI host name → context; null when the listener has no usable certificate. Callers keep the
   * answer with their runtime ({@code ListenerRuntime.compiled}); the cache here is by spec, so a
   * runtime rebuilt for another reason (a health flip, a backend change) finds its contexts again.
   */
  public Mapping<String, SslContext> forSpec(TlsSpec spec) {
    if (spec == null || spec.defaultCertificate() == null) {
      return null;
    }
    Mapping<String, SslContext> m = cache.computeIfAbsent(spec, this::build);
    return m == FAILED ? null : m;
  }

  private static final Mapping<String, SslContext> FAILED = host -> null;

  private Mapping<String, SslContext> build(TlsSpec spec) {
    try {
      SslContext fallback = context(spec, spec.defaultCertificate());
      Map<String, SslContext> domains = new LinkedHashMap<>();
      for (TlsSpec.DomainCertificate d : spec.domains()) {
        domains.putIfAbsent(d.domain().toLowerCase(java.util.Locale.ROOT), context(spec, d.certificate()));
      }
      return new SniMapping(fallback, domains);
    } catch (SSLException | RuntimeException e) {
      // cached too, so a broken spec is not rebuilt (and logged) on every connection
      log.error("TLS context for certificate {} failed: {}", spec.defaultCertificate().id(), e.toString());
      return FAILED;
    }
  }

  private SslContext context(TlsSpec spec, TlsSpec.CertificatePair pair) throws SSLException {
    SslContextBuilder b = SslContextBuilder.forServer(
            stream(pair.certificatePem()), stream(pair.privateKeyPem()))
        .sslProvider(provider)
        .protocols(protocols(spec))
        .ciphers(ciphers(spec), SupportedCipherSuiteFilter.INSTANCE)
        .sessionCacheSize(20_480)
        .sessionTimeout(300);
    List<String> alpn = spec.http2()
        ? List.of(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)
        : List.of(ApplicationProtocolNames.HTTP_1_1);
    b.applicationProtocolConfig(new ApplicationProtocolConfig(
        ApplicationProtocolConfig.Protocol.ALPN,
        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
        alpn));
    if (spec.caCertificatePem() != null) {
      b.trustManager(stream(spec.caCertificatePem())).clientAuth(ClientAuth.REQUIRE);
    }
    SslContext ctx = b.build();
    if (ctx.sessionContext() instanceof OpenSslSessionContext openssl) {
      openssl.setTicketKeys(); // no keys given: tickets on, with keys BoringSSL generates per context
    }
    return ctx;
  }

  /** The policy's versions the provider can serve, as JSSE names ({@code TLSv1} for TLSv1.0). */
  List<String> protocols(TlsSpec spec) {
    List<String> out = new ArrayList<>();
    for (String v : spec.protocols()) {
      TlsCipherNames.jsseProtocol(v).filter(this::protocolSupported).ifPresent(out::add);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no TLS version of the policy " + spec.protocols() + " is served by " + provider);
    }
    return out;
  }

  private boolean protocolSupported(String jsse) {
    if (provider == SslProvider.OPENSSL) {
      return !jsse.equals("TLSv1.3") || SslProvider.isTlsv13Supported(SslProvider.OPENSSL);
    }
    return TlsCipherNames.JSSE.servesVersion(jsse.equals("TLSv1") ? "TLSv1.0" : jsse);
  }

  /**
   * The policy's suites as JSSE/IANA names, only those the provider serves. Fails (the listener
   * refuses connections) when a TLS 1.0-1.2 version is allowed but no suite for it is left and
   * TLS 1.3 is not allowed either: serving other suites than the policy's is worse than serving none.
   */
  List<String> ciphers(TlsSpec spec) {
    List<String> out = new ArrayList<>();
    for (String c : spec.cipherSuites()) {
      // BoringSSL knows 3DES (if at all) as TLS_RSA_..., JSSE as SSL_RSA_...
      TlsCipherNames.jsseCipher(c)
          .map(j -> provider == SslProvider.OPENSSL && j.startsWith("SSL_") ? "TLS_" + j.substring(4) : j)
          .ifPresent(out::add);
    }
    if (provider == SslProvider.OPENSSL) {
      Set<String> available = OpenSsl.availableJavaCipherSuites();
      out.removeIf(c -> !available.contains(c) && !c.startsWith("TLS_AES_") && !c.startsWith("TLS_CHACHA20_"));
    } else {
      Set<String> available = Set.of(jdkSupportedSuites());
      out.removeIf(c -> !available.contains(c));
    }
    List<String> protocols = protocols(spec);
    boolean tls13 = protocols.contains("TLSv1.3");
    boolean below13 = protocols.stream().anyMatch(p -> !p.equals("TLSv1.3"));
    boolean below13Suite = out.stream().anyMatch(c -> !c.startsWith("TLS_AES_") && !c.startsWith("TLS_CHACHA20_"));
    if (below13 && !below13Suite && !tls13) {
      throw new IllegalArgumentException("no cipher suite of the policy " + spec.cipherSuites()
          + " is served by " + provider);
    }
    return out;
  }

  private static String[] jdkSupportedSuites() {
    try {
      return javax.net.ssl.SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites();
    } catch (java.security.NoSuchAlgorithmException e) {
      return new String[0];
    }
  }

  private static ByteArrayInputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
