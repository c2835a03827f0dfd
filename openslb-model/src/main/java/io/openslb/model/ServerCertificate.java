package io.openslb.model;

import java.util.List;

/**
 * An uploaded certificate: a server certificate (with its private key) or a CA certificate (no
 * key). The PEM texts are stored for the data plane and never returned by the API.
 *
 * <p>As the control plane writes them: {@code certificatePem} holds every uploaded certificate
 * re-encoded as clean PEM, the leaf (the one the metadata describes) first and its chain after;
 * {@code privateKeyPem} is the unencrypted key as PKCS#8 ({@code BEGIN PRIVATE KEY}) whatever
 * format was uploaded, so a JSSE key manager can read it. {@code expireTime} and {@code
 * createTime} are epoch milliseconds; {@code encryptionAlgorithm} is {@code RSA} or {@code ECC}.
 */
public record ServerCertificate(
    String id,
    String kind,
    String name,
    String fingerprint,
    String commonName,
    List<String> subjectAlternativeNames,
    long expireTime,
    long createTime,
    String encryptionAlgorithm,
    int encryptionKeyLength,
    String certificatePem,
    String privateKeyPem,
    String resourceGroupId) {

  public static final String SERVER = "server";
  public static final String CA = "ca";

  public ServerCertificate {
    subjectAlternativeNames = subjectAlternativeNames == null ? List.of() : List.copyOf(subjectAlternativeNames);
  }
}
