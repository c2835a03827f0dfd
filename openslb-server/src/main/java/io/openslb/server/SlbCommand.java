package io.openslb.server;

import io.openslb.controlplane.auth.SignatureV1;
import io.openslb.controlplane.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code openslb slb ACTION --Param value ...}: a signed API call in the aliyun CLI's shape, e.g.
 * {@code openslb slb CreateLoadBalancer --LoadBalancerName web}. Credentials: flags, else {@code
 * OPENSLB_ACCESS_KEY_ID}/{@code _SECRET}, else {@code DATA_DIR/root-credentials.json}.
 */
@Command(name = "slb", description = "Call an SLB API action: openslb slb DescribeLoadBalancers --PageSize 50")
final class SlbCommand implements Callable<Integer> {

  @Parameters(index = "0", description = "Action name, e.g. DescribeLoadBalancers.")
  String action;

  @Option(names = "--endpoint", description = "API HOST:PORT (default: OPENSLB_API_LISTEN or 127.0.0.1:8380).")
  String endpoint;

  @Option(names = "--region", description = "RegionId (default cn-hangzhou).")
  String region = "cn-hangzhou";

  @Option(names = "--access-key-id")
  String accessKeyId;

  @Option(names = "--access-key-secret")
  String accessKeySecret;

  @Option(names = "--data-dir", description = "Where root-credentials.json is (default ./data).")
  String dataDir;

  @Unmatched List<String> rest = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    TreeMap<String, String> params = new TreeMap<>();
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      if (!a.startsWith("--") || a.length() < 3) {
        System.err.println("openslb slb: expected --Name value, got " + a);
        return 2;
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        params.put(a.substring(2, eq), a.substring(eq + 1));
      } else if (i + 1 < rest.size()) {
        params.put(a.substring(2), rest.get(++i));
      } else {
        System.err.println("openslb slb: no value for " + a);
        return 2;
      }
    }
    String[] creds = credentials();
    params.put("Action", action);
    params.put("Version", "2014-05-15");
    params.put("Format", "JSON");
    params.putIfAbsent("RegionId", region);
    params.put("AccessKeyId", creds[0]);
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureVersion", "1.0");
    params.put("SignatureNonce", UUID.randomUUID().toString());
    params.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    params.put("Signature", SignatureV1.sign(SignatureV1.stringToSign("GET", params), creds[1]));
    StringBuilder query = new StringBuilder();
    params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    String host = endpoint != null ? endpoint
        : System.getenv().getOrDefault("OPENSLB_API_LISTEN", ServerConfig.DEFAULT_API_LISTEN);
    HttpResponse<String> resp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
        .send(HttpRequest.newBuilder(URI.create("http://" + host + "/?" + query)).GET()
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = Json.MAPPER.readTree(resp.body());
    System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    return resp.statusCode() / 100 == 2 ? 0 : 1;
  }

  private String[] credentials() throws Exception {
    if (accessKeyId != null && accessKeySecret != null) {
      return new String[] {accessKeyId, accessKeySecret};
    }
    String envId = System.getenv("OPENSLB_ACCESS_KEY_ID");
    String envSecret = System.getenv("OPENSLB_ACCESS_KEY_SECRET");
    if (envId != null && envSecret != null) {
      return new String[] {envId, envSecret};
    }
    String dir = dataDir != null ? dataDir : System.getenv().getOrDefault("OPENSLB_DATA_DIR", "./data");
    Path file = Path.of(dir, RootCredentials.FILE);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no credentials: pass --access-key-id/--access-key-secret, set "
          + "OPENSLB_ACCESS_KEY_ID/OPENSLB_ACCESS_KEY_SECRET, or run where " + file + " exists");
    }
    JsonNode n = Json.MAPPER.readTree(Files.readString(file));
    return new String[] {n.path("AccessKeyId").asText(), n.path("AccessKeySecret").asText()};
  }
}
