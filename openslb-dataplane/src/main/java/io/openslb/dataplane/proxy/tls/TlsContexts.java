package io.openslb.dataplane.proxy.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.DomainWildcardMappingBuilder;
import io.netty.util.Mapping;
import io.openslb.dataplane.runtime.TlsSpec;
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
 * else the JDK; {@code -Dopenslb.tls.provider=jdk} forces the JDK. Contexts are cached by spec
 * (a spec carries the PEM texts, so a rotated certificate is a new spec and new handshakes use it
 * at once, while established connections keep their session). Thread-safe.
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

  public SslProvider provider() {
    return provider;
  }

  /** SNI host name → context; null when the listener has no usable certificate. */
  public Mapping<String, SslContext> forSpec(TlsSpec spec) {
    if (spec == null || spec.defaultCertificate() == null) {
      return null;
    }
    return cache.computeIfAbsent(spec, this::build);
  }

  private Mapping<String, SslContext> build(TlsSpec spec) {
    try {
      SslContext fallback = context(spec, spec.defaultCertificate());
      DomainWildcardMappingBuilder<SslContext> mapping = new DomainWildcardMappingBuilder<>(fallback);
      for (TlsSpec.DomainCertificate d : spec.domains()) {
        mapping.add(d.domain().toLowerCase(java.util.Locale.ROOT), context(spec, d.certificate()));
      }
      return mapping.build();
    } catch (SSLException | RuntimeException e) {
      log.error("TLS context for certificate {} failed: {}", spec.defaultCertificate().id(), e.toString());
      return null;
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
    return b.build();
  }

  /** The policy's versions the provider can serve, as JSSE names ({@code TLSv1} for TLSv1.0). */
  List<String> protocols(TlsSpec spec) {
    List<String> out = new ArrayList<>();
    for (String v : spec.protocols()) {
      TlsCipherNames.jsseProtocol(v).filter(this::protocolSupported).ifPresent(out::add);
    }
    if (out.isEmpty()) {
      out.add("TLSv1.2");
    }
    return out;
  }

  private boolean protocolSupported(String jsse) {
    if (provider == SslProvider.OPENSSL) {
      return !jsse.equals("TLSv1.3") || SslProvider.isTlsv13Supported(SslProvider.OPENSSL);
    }
    return TlsCipherNames.servableVersion(jsse.equals("TLSv1") ? "TLSv1.0" : jsse);
  }

  /** The policy's suites as JSSE/IANA names; unsupported ones are dropped by the filter. */
  List<String> ciphers(TlsSpec spec) {
    List<String> out = new ArrayList<>();
    for (String c : spec.cipherSuites()) {
      TlsCipherNames.jsseCipher(c).ifPresent(j -> out.add(j.startsWith("SSL_") ? "TLS_" + j.substring(4) : j));
    }
    if (provider == SslProvider.OPENSSL) {
      Set<String> available = OpenSsl.availableJavaCipherSuites();
      out.removeIf(c -> !available.contains(c) && !c.startsWith("TLS_AES_") && !c.startsWith("TLS_CHACHA20_"));
    }
    return out;
  }

  private static ByteArrayInputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
