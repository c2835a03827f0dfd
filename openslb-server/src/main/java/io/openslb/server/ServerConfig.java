package io.openslb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.openslb.controlplane.service.Quotas;
import io.openslb.controlplane.service.Regions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's settings, resolved once at start: a flag wins over its {@code OPENSLB_*}
 * environment variable, which wins over the key in the YAML file ({@code --config}), which wins
 * over the default. Immutable.
 */
public record ServerConfig(
    String apiListen,
    String adminListen,
    Path dataDir,
    String store,
    String vipPool,
    Regions regions,
    Quotas quotas,
    List<InstanceEntry> instances) {

  public static final String DEFAULT_API_LISTEN = "127.0.0.1:8380";
  public static final String DEFAULT_ADMIN_LISTEN = "127.0.0.1:8381";
  public static final String DEFAULT_VIP_POOL = "127.1.0.0/16";

  /** An instance-inventory entry from the file; account null = the root account. */
  public record InstanceEntry(String id, String ip, String account, String region, String vpcId, String status) {}

  /** Values given on the command line (null = not given). */
  public record Flags(String apiListen, String adminListen, String dataDir, String store, String vipPool, Path config) {}

  public static ServerConfig resolve(Flags flags, Map<String, String> env) {
    Path configFile = flags.config() != null ? flags.config() : pathOrNull(env.get("OPENSLB_CONFIG"));
    JsonNode file = configFile == null ? null : readYaml(configFile);
    String dataDir = pick(flags.dataDir(), env, "OPENSLB_DATA_DIR", file, "data-dir", "./data");
    Path dir = Path.of(dataDir);
    return new ServerConfig(
        pick(flags.apiListen(), env, "OPENSLB_API_LISTEN", file, "api-listen", DEFAULT_API_LISTEN),
        pick(flags.adminListen(), env, "OPENSLB_ADMIN_LISTEN", file, "admin-listen", DEFAULT_ADMIN_LISTEN),
        dir,
        pick(flags.store(), env, "OPENSLB_STORE", file, "store", "sqlite:" + dir.resolve("state.db")),
        pick(flags.vipPool(), env, "OPENSLB_VIP_POOL", file, "vip-pool", DEFAULT_VIP_POOL),
        regions(file),
        quotas(file),
        instances(file));
  }

  public static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected HOST:PORT, got " + hostPort);
    }
    String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
    return new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static Path pathOrNull(String s) {
    return s == null || s.isEmpty() ? null : Path.of(s);
  }

  private static String pick(String flag, Map<String, String> env, String envName, JsonNode file, String key, String def) {
    if (flag != null && !flag.isEmpty()) {
      return flag;
    }
    String e = env.get(envName);
    if (e != null && !e.isEmpty()) {
      return e;
    }
    if (file != null && file.hasNonNull(key)) {
      return file.get(key).asText();
    }
    return def;
  }

  private static JsonNode readYaml(Path file) {
    try {
      JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
      if (node == null || node.isMissingNode() || node.isNull()) {
        return null;
      }
      if (!node.isObject()) {
        throw new IllegalArgumentException("configuration file " + file + " is not a YAML mapping");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Regions regions(JsonNode file) {
    if (file == null || !file.has("regions")) {
      return Regions.defaults();
    }
    List<Regions.Region> regions = new ArrayList<>();
    for (JsonNode r : file.get("regions")) {
      List<Regions.Zone> zones = new ArrayList<>();
      for (JsonNode z : r.path("zones")) {
        String zid = z.isTextual() ? z.asText() : z.path("id").asText();
        zones.add(new Regions.Zone(zid, names(z.isTextual() ? null : z.get("local-name"), zid)));
      }
      String id = r.path("id").asText();
      if (id.isEmpty() || zones.isEmpty()) {
        throw new IllegalArgumentException("every region needs an id and at least one zone");
      }
      regions.add(new Regions.Region(id, names(r.get("local-name"), id), r.path("endpoint").asText("slb.aliyuncs.com"), zones));
    }
    String def = file.path("default-region").asText(regions.get(0).id());
    return new Regions(regions, def);
  }

  private static Map<String, String> names(JsonNode node, String fallback) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isTextual()) {
      out.put("en-US", node.asText());
    } else if (node != null && node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue().asText());
      }
    } else {
      out.put("en-US", fallback);
    }
    return out;
  }

  private static Quotas quotas(JsonNode file) {
    Quotas d = Quotas.defaults();
    if (file == null || !file.has("quotas")) {
      return d;
    }
    JsonNode q = file.get("quotas");
    return new Quotas(
        q.path("load-balancers-per-account").asInt(d.loadBalancersPerAccount()),
        q.path("listeners-per-load-balancer").asInt(d.listenersPerLoadBalancer()),
        q.path("backend-servers-per-load-balancer").asInt(d.backendServersPerLoadBalancer()),
        q.path("backend-servers-per-call").asInt(d.backendServersPerCall()),
        q.path("load-balancer-ids-per-listener-query").asInt(d.loadBalancerIdsPerListenerQuery()),
        q.path("rules-per-listener").asInt(d.rulesPerListener()),
        q.path("acls-per-region").asInt(d.aclsPerRegion()),
        q.path("entries-per-acl").asInt(d.aclEntriesPerAcl()),
        q.path("acl-entries-per-call").asInt(d.aclEntriesPerCall()),
        q.path("listeners-per-acl").asInt(d.listenersPerAcl()),
        q.path("white-list-items-per-listener").asInt(d.whiteListItemsPerListener()),
        q.path("legacy-tags-per-load-balancer").asInt(d.legacyTagsPerLoadBalancer()),
        q.path("legacy-tags-per-call").asInt(d.legacyTagsPerCall()),
        q.path("tags-per-resource").asInt(d.tagsPerResource()),
        q.path("resources-per-tag-call").asInt(d.resourcesPerTagCall()));
  }

  private static List<InstanceEntry> instances(JsonNode file) {
    List<InstanceEntry> out = new ArrayList<>();
    if (file == null || !file.has("instances")) {
      return out;
    }
    for (JsonNode i : file.get("instances")) {
      String id = i.path("id").asText("");
      String ip = i.path("ip").asText("");
      if (id.isEmpty() || ip.isEmpty()) {
        throw new IllegalArgumentException("every instance needs an id and an ip");
      }
      out.add(new InstanceEntry(id, ip, textOrNull(i, "account"), textOrNull(i, "region"), textOrNull(i, "vpc-id"),
          i.path("status").asText("Running").toLowerCase(Locale.ROOT).equals("stopped") ? "Stopped" : "Running"));
    }
    return List.copyOf(out);
  }

  private static String textOrNull(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}
