package io.openslb.controlplane.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** ACS3-HMAC-SHA256 (PROTOCOL.md §1.4). */
public final class SignatureV3 {
  public static final String ALGORITHM = "ACS3-HMAC-SHA256";

  private SignatureV3() {}

  /** The parsed {@code Authorization} header; its parts may come in any order. */
  public record Authorization(String accessKeyId, List<String> signedHeaders, String signature) {

    public static Authorization parse(String header) {
      if (header == null || !header.startsWith(ALGORITHM + " ")) {
        return null;
      }
      Map<String, String> parts = new LinkedHashMap<>();
      for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
      }
      String credential = parts.get("Credential");
      String signed = parts.get("SignedHeaders");
      String signature = parts.get("Signature");
      if (credential == null || signed == null || signature == null) {
        return null;
      }
      return new Authorization(credential, List.of(signed.toLowerCase(Locale.ROOT).split(";")), signature);
    }
  }

  public static String canonicalRequest(
      String method, String path, Map<String, String> query, Map<String, String> headers,
      List<String> signedHeaders, String bodySha256Hex) {
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String h : signedHeaders.stream().sorted().toList()) {
      String v = headers.get(h);
      canonicalHeaders.append(h).append(':').append(v == null ? "" : v.trim()).append('\n');
    }
    return method.toUpperCase(Locale.ROOT) + "\n"
        + (path == null || path.isEmpty() ? "/" : path) + "\n"
        + PercentEncoding.canonicalQuery(query, null) + "\n"
        + canonicalHeaders + "\n"
        + String.join(";", signedHeaders.stream().sorted().toList()) + "\n"
        + bodySha256Hex;
  }

  public static String stringToSign(String canonicalRequest) {
    return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  public static String sign(String stringToSign, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
