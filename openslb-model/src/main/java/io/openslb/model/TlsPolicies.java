package io.openslb.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in TLS cipher policies (SEMANTICS.md §3.9): protocol versions as the API spells them
 * ({@code TLSv1.2}) and cipher suites by their OpenSSL names.
 */
public final class TlsPolicies {
  private TlsPolicies() {}

  /** A policy's versions and ciphers. */
  public record Policy(String name, List<String> versions, List<String> ciphers) {}

  private static final List<String> CLASSIC = List.of(
      "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA256",
      "ECDHE-RSA-AES256-SHA384", "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA256", "AES256-SHA256",
      "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA");

  private static final List<String> STRICT = List.of(
      "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA256",
      "ECDHE-RSA-AES256-SHA384", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA");

  private static final List<String> STRICT_WITH_13 = List.of(
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256",
      "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES128-SHA256",
      "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384",
      "ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-AES256-SHA384", "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA",
      "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA");

  public static final Map<String, Policy> BUILT_IN = Map.of(
      "tls_cipher_policy_1_0", new Policy("tls_cipher_policy_1_0", List.of("TLSv1.0", "TLSv1.1", "TLSv1.2"), CLASSIC),
      "tls_cipher_policy_1_1", new Policy("tls_cipher_policy_1_1", List.of("TLSv1.1", "TLSv1.2"), CLASSIC),
      "tls_cipher_policy_1_2", new Policy("tls_cipher_policy_1_2", List.of("TLSv1.2"), CLASSIC),
      "tls_cipher_policy_1_2_strict", new Policy("tls_cipher_policy_1_2_strict", List.of("TLSv1.2"), STRICT),
      "tls_cipher_policy_1_2_strict_with_1_3",
      new Policy("tls_cipher_policy_1_2_strict_with_1_3", List.of("TLSv1.2", "TLSv1.3"), STRICT_WITH_13));

  public static Optional<Policy> builtIn(String name) {
    return Optional.ofNullable(BUILT_IN.get(name));
  }
}
