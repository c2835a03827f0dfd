package io.openslb.dataplane.config;

/**
 * The client-certificate headers an HTTPS listener with mutual TLS adds to requests: the name of
 * each header switched on (its alias, or ALB's default name), null for a header that is off.
 */
public record ClientCertHeaders(String subjectDn, String issuerDn, String fingerprint, String clientVerify) {
  public static final ClientCertHeaders NONE = new ClientCertHeaders(null, null, null, null);

  public boolean any() {
    return subjectDn != null || issuerDn != null || fingerprint != null || clientVerify != null;
  }
}
