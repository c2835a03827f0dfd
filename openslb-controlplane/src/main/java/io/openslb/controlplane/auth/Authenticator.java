package io.openslb.controlplane.auth;

import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Caller;
import io.openslb.controlplane.http.ApiRequest;
import io.openslb.model.AccessKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks who signed a request: signature v1 (HMAC-SHA1, parameters) or v3 (ACS3-HMAC-SHA256,
 * {@code Authorization} header); the timestamp window; nonce replay. Order: key, timestamp,
 * signature, then nonce (so a forged request cannot burn a nonce). Thread-safe.
 */
public final class Authenticator {

  private final Function<String, Optional<AccessKey>> accessKeys;
  private final Clock clock;
  private final Duration window;
  private final NonceCache nonces;

  public Authenticator(Function<String, Optional<AccessKey>> accessKeys, Clock clock, Duration window) {
    this.accessKeys = accessKeys;
    this.clock = clock;
    this.window = window;
    this.nonces = new NonceCache(clock, window.toMillis(), 1_000_000);
  }

  public Caller authenticate(ApiRequest request, Map<String, String> params) {
    SignatureV3.Authorization v3 = SignatureV3.Authorization.parse(request.header("authorization"));
    if (v3 != null) {
      return authenticateV3(request, v3);
    }
    if (request.header("authorization") != null && !params.containsKey("Signature")) {
      throw ApiException.of(ApiError.INCOMPLETE_SIGNATURE, "Unsupported Authorization header.");
    }
    return authenticateV1(request, params);
  }

  private Caller authenticateV1(ApiRequest request, Map<String, String> params) {
    String keyId = requiredParam(params, "AccessKeyId");
    AccessKey key = activeKey(keyId);
    String method = params.get("SignatureMethod");
    if (method == null || !method.equalsIgnoreCase("HMAC-SHA1")) {
      throw ApiException.of(
          ApiError.INCOMPLETE_SIGNATURE, "SignatureMethod: " + method + " (expected HMAC-SHA1)");
    }
    String version = params.get("SignatureVersion");
    if (version != null && !version.equals("1.0")) {
      throw ApiException.of(ApiError.INCOMPLETE_SIGNATURE, "SignatureVersion: " + version + " (expected 1.0)");
    }
    checkTimestamp(params.get("Timestamp"));
    String signature = requiredParam(params, "Signature");
    String nonce = requiredParam(params, "SignatureNonce");
    String stringToSign = SignatureV1.stringToSign(request.method(), params);
    String expected = SignatureV1.sign(stringToSign, key.secret());
    if (!constantTimeEquals(expected, signature)) {
      throw ApiException.of(ApiError.SIGNATURE_DOES_NOT_MATCH, stringToSign);
    }
    checkNonce(keyId, nonce);
    return new Caller(key.accountId(), keyId);
  }

  private Caller authenticateV3(ApiRequest request, SignatureV3.Authorization auth) {
    AccessKey key = activeKey(auth.accessKeyId());
    checkTimestamp(request.header("x-acs-date"));
    String nonce = request.header("x-acs-signature-nonce");
    if (nonce == null || nonce.isEmpty()) {
      throw ApiException.missing("x-acs-signature-nonce");
    }
    String bodyHash = SignatureV3.sha256Hex(request.body());
    String claimedHash = request.header("x-acs-content-sha256");
    if (claimedHash != null && !claimedHash.equalsIgnoreCase(bodyHash)) {
      throw ApiException.of(ApiError.INCOMPLETE_SIGNATURE, "x-acs-content-sha256 does not match the body.");
    }
    String canonical =
        SignatureV3.canonicalRequest(
            request.method(), request.path(), request.query(), request.headers(),
            auth.signedHeaders(), claimedHash != null ? claimedHash : bodyHash);
    String stringToSign = SignatureV3.stringToSign(canonical);
    String expected = SignatureV3.sign(stringToSign, key.secret());
    if (!constantTimeEquals(expected, auth.signature().toLowerCase(java.util.Locale.ROOT))) {
      throw ApiException.of(ApiError.SIGNATURE_DOES_NOT_MATCH, stringToSign);
    }
    checkNonce(auth.accessKeyId(), nonce);
    return new Caller(key.accountId(), auth.accessKeyId());
  }

  private AccessKey activeKey(String keyId) {
    AccessKey key =
        accessKeys.apply(keyId).orElseThrow(() -> ApiException.of(ApiError.INVALID_ACCESS_KEY_NOT_FOUND));
    if (!key.active()) {
      throw ApiException.of(ApiError.INVALID_ACCESS_KEY_INACTIVE);
    }
    return key;
  }

  private void checkTimestamp(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      throw ApiException.of(ApiError.ILLEGAL_TIMESTAMP);
    }
    Instant at;
    try {
      at = Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw ApiException.of(ApiError.ILLEGAL_TIMESTAMP);
    }
    long skew = Math.abs(Duration.between(at, clock.instant()).toMillis());
    if (skew > window.toMillis()) {
      throw ApiException.of(ApiError.INVALID_TIMESTAMP_EXPIRED);
    }
  }

  private void checkNonce(String keyId, String nonce) {
    if (!nonces.firstUse(keyId, nonce)) {
      throw ApiException.of(ApiError.SIGNATURE_NONCE_USED);
    }
  }

  private static String requiredParam(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      throw ApiException.missing(name);
    }
    return v;
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
