package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code AclEntrys} parameter: a JSON array string {@code [{"entry":"10.0.0.0/24","comment":"c"}]}.
 * Keys are matched case-insensitively; {@code null} elements are skipped (Terraform's
 * acl_entry_attachment sends {@code [null,{...}]}). Entries are IPv4/IPv6 addresses or CIDR blocks
 * of the ACL's IP version, normalised by {@link Cidr}; a repeated entry keeps its first occurrence.
 *
 * @param entry normal form, always with the prefix ({@code 1.2.3.4/32})
 * @param comment null when absent or empty
 */
record AclEntryInput(String entry, String comment) {

  static final int MAX_COMMENT = 100;

  static List<AclEntryInput> parse(String json, String aclVersion, int maxPerCall) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw illegal(json + " (expected a JSON array of {\"entry\",\"comment\"})");
    }
    if (root != null && root.isObject()) {
      root = Json.array().add(root);
    }
    if (root == null || !root.isArray()) {
      throw illegal(json + " (expected a JSON array of {\"entry\",\"comment\"})");
    }
    List<JsonNode> items = new ArrayList<>();
    root.forEach(n -> {
      if (!n.isNull()) {
        items.add(n);
      }
    });
    if (items.size() > maxPerCall) {
      throw ApiException.of(ApiError.ACL_ENTRIES_PER_CALL, items.size() + " entries", maxPerCall);
    }
    Map<String, AclEntryInput> out = new LinkedHashMap<>();
    for (JsonNode item : items) {
      if (!item.isObject()) {
        throw illegal(item + " (expected {\"entry\",\"comment\"})");
      }
      String entry = field(item, "entry");
      if (entry == null || entry.isBlank()) {
        throw illegal(item + " (every element needs an entry)");
      }
      Cidr cidr =
          Cidr.parse(entry).orElseThrow(() -> illegal(entry + " (expected an IPv4 or IPv6 address or CIDR block)"));
      if (!cidr.version().equals(aclVersion)) {
        throw ApiException.of(ApiError.ACL_ENTRY_VERSION_CONFLICT, entry, cidr.version(), aclVersion);
      }
      String comment = field(item, "comment");
      if (comment != null && comment.length() > MAX_COMMENT) {
        throw ApiException.of(ApiError.ACL_ENTRY_COMMENT_INVALID, comment);
      }
      out.putIfAbsent(cidr.toString(), new AclEntryInput(cidr.toString(), comment == null || comment.isEmpty() ? null : comment));
    }
    return List.copyOf(out.values());
  }

  /** A stored entry's normal form (entries written by other means may lack the prefix). */
  static String normal(String stored) {
    return Cidr.parse(stored).map(Cidr::toString).orElse(stored);
  }

  private static String field(JsonNode item, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equalsIgnoreCase(name)) {
        return f.getValue().isNull() ? null : f.getValue().asText();
      }
    }
    return null;
  }

  private static ApiException illegal(String detail) {
    return ApiException.of(ApiError.ACL_ENTRY_ILLEGAL, detail);
  }
}
