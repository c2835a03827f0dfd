package io.openslb.controlplane.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signature version 1.0, HMAC-SHA1 over the sorted parameters (PROTOCOL.md §1.3). */
public final class SignatureV1 {
  private SignatureV1() {}

  public static String stringToSign(String method, Map<String, String> params) {
    return method.toUpperCase(java.util.Locale.ROOT)
        + "&"
        + PercentEncoding.encode("/")
        + "&"
        + PercentEncoding.encode(PercentEncoding.canonicalQuery(params, "Signature"));
  }

  public static String sign(String stringToSign, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 unavailable", e);
    }
  }
}
