package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.model.BackendServer;
import io.openslb.model.Instance;
import io.openslb.store.StoreLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code BackendServers}-style JSON parameter ({@code [{"ServerId","Weight","Type",
 * "ServerIp","Port","Description"}]}), checks each element and resolves ECS ids through the
 * instance inventory. Weight and Port may be numbers or strings.
 */
final class BackendServerInput {
  /** Rejects text after the array ({@code []x}), which the default reader silently ignores. */
  private static final ObjectReader STRICT_JSON =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]{2,45}");

  /** One element as given; null fields were absent. */
  record Item(String serverId, Integer weight, String type, String serverIp, Integer port, String description) {}

  private BackendServerInput() {}

  /**
   * Parses {@code param}; with {@code portRequired} every element needs a Port (VServer groups).
   * Duplicates inside the request: the first one is kept.
   */
  static List<Item> parse(String param, String json, int maxItems, boolean portRequired) {
    JsonNode root;
    try {
      root = STRICT_JSON.readTree(json);
    } catch (Exception e) {
      throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, param + " is not a JSON array");
    }
    if (root == null || !root.isArray()) {
      throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, param + " is not a JSON array");
    }
    if (root.size() > maxItems) {
      throw ApiException.of(ApiError.TOO_MANY_BACKEND_SERVERS, maxItems);
    }
    Map<String, Item> unique = new LinkedHashMap<>();
    for (JsonNode n : root) {
      if (!n.isObject()) {
        throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, "every element must be an object");
      }
      String serverId = text(n, "ServerId");
      if (serverId == null || serverId.isEmpty()) {
        throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, "ServerId is missing");
      }
      Integer weight = integer(n, "Weight", 0, 100, ApiError.INVALID_WEIGHT);
      String type = text(n, "Type");
      if (type == null || type.isEmpty()) {
        type = "ecs";
      }
      type = type.toLowerCase(java.util.Locale.ROOT);
      if (!type.equals("ecs") && !type.equals("eni") && !type.equals("eci")) {
        throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, "Type " + type + " (expected ecs|eni|eci)");
      }
      String serverIp = text(n, "ServerIp");
      if (serverIp != null && !serverIp.isEmpty() && !IP.matcher(serverIp).matches()) {
        throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, "ServerIp " + serverIp + " is not an IP address");
      }
      // in server groups a bad Port is BackendServersMalformed, as the cloud reports it
      Integer port = integer(n, "Port", 1, 65535, portRequired ? ApiError.BACKEND_SERVERS_PORT_MALFORMED : null);
      if (portRequired && port == null) {
        throw ApiException.of(ApiError.BACKEND_SERVERS_PORT_MALFORMED, "Port is missing for " + serverId);
      }
      String description = text(n, "Description");
      if (description != null && description.length() > 80) {
        throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, "Description longer than 80 characters");
      }
      Item item = new Item(serverId, weight, type, serverIp == null || serverIp.isEmpty() ? null : serverIp, port, description);
      // the same identity as BackendServer.identity(): an ECS instance is one member whatever ServerIp says
      unique.putIfAbsent(serverId + "|" + (type.equals("ecs") ? "" : item.serverIp()) + "|" + port, item);
    }
    return new ArrayList<>(unique.values());
  }

  /**
   * The member an item denotes: an ECS id resolves through the inventory (must be running); ENI
   * and ECI members need a ServerIp.
   */
  static BackendServer resolve(Call call, Item item, String serverType) {
    int weight = item.weight() == null ? 100 : item.weight();
    if (item.type().equals("ecs")) {
      Instance instance =
          call.tx()
              .get(StoreLayout.instance(call.accountId(), item.serverId()), Instance.class)
              .filter(i -> i.regionId() == null || i.regionId().equals(call.regionId()))
              .orElseThrow(() -> ApiException.of(ApiError.SERVER_NOT_FOUND, item.serverId()));
      if (!instance.running()) {
        throw ApiException.of(ApiError.OBTAIN_IP_FAIL, item.serverId());
      }
      return new BackendServer(
          item.serverId(), "ecs", instance.ip(), weight, item.port(), item.description(), instance.vpcId(), serverType);
    }
    if (item.serverIp() == null) {
      throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, "ServerIp is required for Type " + item.type());
    }
    return new BackendServer(
        item.serverId(), item.type(), item.serverIp(), weight, item.port(), item.description(), null, serverType);
  }

  /** Whether {@code member} is the one {@code item} names (ServerIp and Port only when given). */
  static boolean sameMember(BackendServer member, Item item) {
    return member.serverId().equals(item.serverId())
        && (item.serverIp() == null || item.type().equals("ecs") || item.serverIp().equals(member.serverIp()))
        && (item.port() == null || item.port().equals(member.port()));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode n, String field, int min, int max, ApiError error) {
    String s = text(n, field);
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      int v = Integer.parseInt(s.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    if (error == ApiError.INVALID_WEIGHT) {
      throw ApiException.of(ApiError.INVALID_WEIGHT, s);
    }
    if (error == ApiError.BACKEND_SERVERS_PORT_MALFORMED) {
      throw ApiException.of(error, field + " " + s);
    }
    throw ApiException.of(ApiError.BACKEND_SERVERS_MALFORMED, field + " " + s + " (expected " + min + "-" + max + ")");
  }
}
