package io.openslb.dataplane.config;

import java.util.List;

/**
 * The TLS side of an HTTPS listener: default certificate, per-domain certificates (SNI), the
 * protocol versions ({@code TLSv1.2}) and cipher suites (OpenSSL names) of its policy, HTTP/2, and
 * the CA for client certificates (null = one-way TLS).
 */
public record TlsSpec(
    CertificatePair defaultCertificate,
    List<DomainCertificate> domains,
    List<String> protocols,
    List<String> cipherSuites,
    boolean http2,
    String caCertificatePem) {

  public TlsSpec {
    domains = List.copyOf(domains);
    protocols = List.copyOf(protocols);
    cipherSuites = List.copyOf(cipherSuites);
  }

  /** A certificate chain and its private key, PEM. */
  public record CertificatePair(String id, String certificatePem, String privateKeyPem) {}

  /** A domain (exact or wildcard) served with its own certificate. */
  public record DomainCertificate(String domain, CertificatePair certificate) {}
}
