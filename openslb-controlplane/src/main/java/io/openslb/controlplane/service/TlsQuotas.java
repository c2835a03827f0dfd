package io.openslb.controlplane.service;

/**
 * Limits of the HTTPS resources: certificates and TLS cipher policies per region, domain
 * extensions per listener. Defaults are the cloud's (SEMANTICS.md §2.5); the cloud documents no
 * TLS policy quota, 50 per region is this server's choice (the ALB security-policy default).
 */
public record TlsQuotas(
    int serverCertificatesPerRegion,
    int caCertificatesPerRegion,
    int domainExtensionsPerListener,
    int tlsPoliciesPerRegion) {

  public static TlsQuotas defaults() {
    return new TlsQuotas(100, 100, 3, 50);
  }
}
