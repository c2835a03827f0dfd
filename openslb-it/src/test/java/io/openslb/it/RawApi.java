package io.openslb.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openslb.controlplane.auth.SignatureV1;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/** Signed API calls on raw HTTP, for the wire details the SDK hides. */
public final class RawApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Supplier<String> endpoint;
  private final String keyId;
  private final String secret;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public RawApi(String endpoint, String keyId, String secret) {
    this(() -> endpoint, keyId, secret);
  }

  /** Signed calls whose endpoint is looked up at each call (see {@link Sdk}). */
  RawApi(Supplier<String> endpoint, String keyId, String secret) {
    this.endpoint = endpoint;
    this.keyId = keyId;
    this.secret = secret;
  }

  /** Response status, content type and body. */
  public record Reply(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  /** The common parameters of a v1 call (without Signature). */
  public TreeMap<String, String> common(String action) {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("Action", action);
    p.put("Version", "2014-05-15");
    p.put("Format", "JSON");
    p.put("RegionId", Sdk.REGION);
    p.put("AccessKeyId", keyId);
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", UUID.randomUUID().toString());
    p.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    return p;
  }

  public Map<String, String> sign(String method, Map<String, String> params) {
    return sign(method, params, secret);
  }

  public static Map<String, String> sign(String method, Map<String, String> params, String secret) {
    TreeMap<String, String> signed = new TreeMap<>(params);
    signed.remove("Signature");
    signed.put("Signature", SignatureV1.sign(SignatureV1.stringToSign(method, signed), secret));
    return signed;
  }

  public Reply get(Map<String, String> params) {
    return send(HttpRequest.newBuilder(URI.create("http://" + endpoint.get() + "/?" + encode(params))).GET());
  }

  /** POST with every parameter in an application/x-www-form-urlencoded body. */
  public Reply postForm(Map<String, String> params) {
    return send(
        HttpRequest.newBuilder(URI.create("http://" + endpoint.get() + "/"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(params))));
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Calls {@code action} signed correctly with GET. */
  public Reply call(String action, Map<String, String> extra) {
    TreeMap<String, String> p = common(action);
    p.putAll(extra);
    return get(sign("GET", p));
  }

  public static String encode(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    params.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : "&")
            .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return sb.toString();
  }
}
