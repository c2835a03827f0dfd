package io.openslb.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.ApiResponse;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Caller;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.auth.Authenticator;
import io.openslb.controlplane.auth.SignatureV3;
import io.openslb.controlplane.http.ApiRequest;
import io.openslb.controlplane.http.HttpReply;
import io.openslb.controlplane.http.RequestHandler;
import io.openslb.controlplane.http.ResponseRenderer;
import io.openslb.controlplane.service.Ids;
import io.openslb.controlplane.service.Regions;
import io.openslb.controlplane.service.Transactor;
import io.openslb.store.StoreException;
import io.openslb.store.StoreLayout;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAPI endpoint: one request in, one response out. Order of checks as the gateway does
 * them: method, action, version, signature, region; then the action runs as one store
 * transaction ({@link Transactor}). Every call is logged on one line (logger {@code openslb.api}).
 */
public final class ApiDispatcher implements RequestHandler {

  public static final String API_VERSION = "2014-05-15";
  private static final Logger accessLog = LoggerFactory.getLogger("openslb.api");
  private static final Logger log = LoggerFactory.getLogger(ApiDispatcher.class);
  /** Parameters that are not part of what a ClientToken promises (they change on every retry). */
  private static final Set<String> NOT_IDEMPOTENCY_RELEVANT =
      Set.of("Signature", "SignatureNonce", "Timestamp", "AccessKeyId", "SignatureMethod",
          "SignatureVersion", "Format", "SecurityToken");

  private final ActionRegistry registry;
  private final Authenticator authenticator;
  private final Transactor transactor;
  private final Regions regions;
  private final Clock clock;
  private final String hostId;

  public ApiDispatcher(
      ActionRegistry registry, Authenticator authenticator, Transactor transactor, Regions regions,
      Clock clock, String hostId) {
    this.registry = registry;
    this.authenticator = authenticator;
    this.transactor = transactor;
    this.regions = regions;
    this.clock = clock;
    this.hostId = hostId;
  }

  @Override
  public HttpReply handle(ApiRequest request) {
    long start = System.nanoTime();
    Map<String, String> params = request.parameters();
    String action = params.get("Action");
    if (action == null) {
      action = request.header("x-acs-action");
    }
    boolean xml = "XML".equalsIgnoreCase(params.get("Format"));
    String requestId = Ids.requestId();
    String account = "-";
    ApiResponse response;
    try {
      ActionRegistry.Entry entry = check(request, params, action);
      Caller caller = authenticator.authenticate(request, params);
      account = caller.accountId();
      response = run(entry, params, requestId, caller);
    } catch (ApiException e) {
      response = error(requestId, e);
    } catch (StoreException e) {
      log.error("store failure in {} (RequestId {})", action, requestId, e);
      response = error(requestId, ApiException.of(ApiError.SERVICE_UNAVAILABLE));
    } catch (RuntimeException e) {
      log.error("internal error in {} (RequestId {})", action, requestId, e);
      response = error(requestId, ApiException.of(ApiError.INTERNAL_ERROR));
    }
    long micros = (System.nanoTime() - start) / 1000;
    accessLog.info(
        "action={} account={} status={} code={} latency_ms={} request_id={} peer={}",
        action, account, response.status(), response.ok() ? "OK" : response.errorCode(),
        String.format("%.1f", micros / 1000.0), requestId, request.remoteAddress());
    return ResponseRenderer.render(response, action, xml);
  }

  /** The checks before the signature: method, path, action and version. Returns the action. */
  private ActionRegistry.Entry check(ApiRequest request, Map<String, String> params, String action) {
    if (!request.method().equals("GET") && !request.method().equals("POST")) {
      throw ApiException.of(ApiError.UNSUPPORTED_HTTP_METHOD);
    }
    if (!"/".equals(request.path()) && !request.path().isEmpty()) {
      throw ApiException.of(ApiError.INVALID_ACTION);
    }
    if (action == null || action.isEmpty()) {
      throw ApiException.missing("Action");
    }
    ActionRegistry.Entry entry = registry.find(action).orElseThrow(() -> ApiException.of(ApiError.INVALID_ACTION));
    String version = params.get("Version");
    if (version == null) {
      version = request.header("x-acs-version");
    }
    if (version == null || version.isEmpty()) {
      throw ApiException.missing("Version");
    }
    if (!API_VERSION.equals(version)) {
      throw ApiException.of(ApiError.INVALID_VERSION);
    }
    return entry;
  }

  private ApiResponse run(ActionRegistry.Entry entry, Map<String, String> raw, String requestId, Caller caller) {
    String action = entry.name();
    Params params = new Params(raw);
    String regionId = params.string("RegionId").orElse(regions.defaultRegionId());
    if (entry.regional() && regions.find(regionId).isEmpty()) {
      throw ApiException.of(ApiError.INVALID_REGION);
    }
    ObjectNode result;
    if (entry.readOnly()) {
      result =
          transactor.read(
              tx -> entry.action().handle(new Call(action, requestId, caller, regionId, params, tx, clock.instant())));
    } else {
      String token = params.string("ClientToken").orElse(null);
      result =
          transactor.write(
              tx -> {
                String tokenKey = null;
                String fingerprint = null;
                if (token != null) {
                  tokenKey = StoreLayout.clientToken(caller.accountId(), action, sha256(token));
                  fingerprint = sha256(canonical(raw));
                  var previous = tx.get(tokenKey, IdempotentResult.class);
                  if (previous.isPresent()) {
                    if (!previous.get().fingerprint().equals(fingerprint)) {
                      throw ApiException.of(ApiError.IDEMPOTENT_MISMATCH);
                    }
                    return (ObjectNode) previous.get().response().deepCopy();
                  }
                }
                ObjectNode out =
                    entry.action().handle(new Call(action, requestId, caller, regionId, params, tx, clock.instant()));
                if (tokenKey != null) {
                  tx.put(tokenKey, new IdempotentResult(fingerprint, out, clock.millis()));
                }
                return out;
              });
    }
    ObjectNode body = Json.object();
    body.put("RequestId", requestId);
    body.setAll(result);
    return new ApiResponse(200, body, null);
  }

  private ApiResponse error(String requestId, ApiException e) {
    ObjectNode body = Json.object();
    body.put("RequestId", requestId);
    body.put("HostId", hostId);
    body.put("Code", e.code());
    body.put("Message", e.getMessage());
    body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code() + "&product=Slb");
    return new ApiResponse(e.status(), body, e.code());
  }

  /** What a ClientToken remembers: the parameters' fingerprint and the first response. */
  public record IdempotentResult(String fingerprint, JsonNode response, long createTime) {}

  private static String canonical(Map<String, String> params) {
    TreeMap<String, String> sorted = new TreeMap<>(params);
    sorted.keySet().removeAll(NOT_IDEMPOTENCY_RELEVANT);
    return sorted.toString();
  }

  private static String sha256(String s) {
    return SignatureV3.sha256Hex(s.getBytes(StandardCharsets.UTF_8));
  }
}
