package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Quotas;
import io.openslb.model.Listener;
import io.openslb.model.LoadBalancer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 4 legacy whitelist actions (SEMANTICS.md §3.10): a listener's own list of IPs/CIDRs, on
 * with {@code AccessControlStatus=open_white_list}. Unlike an ACL, an enabled whitelist with no
 * items lets nothing through. Items are kept on the listener record ({@code whiteListItems},
 * {@code accessControlStatus}), where the data plane reads them.
 */
public final class WhiteListActions {

  static final String OPEN = "open_white_list";
  static final String CLOSE = "close";

  private final Quotas quotas;

  public WhiteListActions(Quotas quotas) {
    this.quotas = quotas;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("AddListenerWhiteListItem", this::add)
        .register("RemoveListenerWhiteListItem", this::remove)
        .register("SetListenerAccessControlStatus", this::setStatus)
        .register("DescribeListenerAccessControlAttribute", this::describe);
  }

  /** Adds items; ones already listed (in any spelling of the same block) are ignored. */
  ObjectNode add(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    Listener l = Lookups.listener(call, lb);
    Map<Cidr, String> items = current(l);
    sourceItems(call.params()).forEach(items::putIfAbsent);
    if (items.size() > quotas.whiteListItemsPerListener()) {
      throw ApiException.of(ApiError.SOURCE_ITEMS_OVER_QUOTA, items.size() + " items",
          quotas.whiteListItemsPerListener());
    }
    save(call, lb, l, new ArrayList<>(items.values()), l.accessControlStatus());
    return Json.object();
  }

  /** Removes items; ones not listed are ignored. Removing all of them is allowed (nothing passes). */
  ObjectNode remove(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    Listener l = Lookups.listener(call, lb);
    Map<Cidr, String> items = current(l);
    sourceItems(call.params()).keySet().forEach(items::remove);
    save(call, lb, l, new ArrayList<>(items.values()), l.accessControlStatus());
    return Json.object();
  }

  ObjectNode setStatus(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    String status = call.params().requiredOneOf("AccessControlStatus", OPEN, CLOSE);
    Listener l = Lookups.listener(call, lb);
    save(call, lb, l, l.whiteListItems(), status);
    return Json.object();
  }

  ObjectNode describe(Call call) {
    LoadBalancer lb = Lookups.loadBalancer(call);
    Listener l = Lookups.listener(call, lb);
    ObjectNode out = Json.object();
    out.put("SourceItems", String.join(",", l.whiteListItems()));
    out.put("AccessControlStatus", l.accessControlStatus() == null ? CLOSE : l.accessControlStatus());
    return out;
  }

  /** The listener's items by block, in their order. */
  private static Map<Cidr, String> current(Listener l) {
    Map<Cidr, String> items = new LinkedHashMap<>();
    for (String item : l.whiteListItems()) {
      Cidr.parse(item).ifPresent(c -> items.putIfAbsent(c, item));
    }
    return items;
  }

  /**
   * {@code SourceItems}: a comma list of IPv4/IPv6 addresses and CIDR blocks, each in normal form
   * (a bare address stays bare). Allowing everyone ({@code 0.0.0.0}, a /0 block) is refused.
   */
  private static Map<Cidr, String> sourceItems(Params p) {
    String raw = p.required("SourceItems");
    Map<Cidr, String> out = new LinkedHashMap<>();
    for (String part : raw.split(",")) {
      String item = part.trim();
      if (item.isEmpty()) {
        continue;
      }
      Cidr c =
          Cidr.parse(item)
              .orElseThrow(() -> ApiException.of(ApiError.SOURCE_ITEMS_INVALID,
                  item + " (expected a comma list of IP addresses or CIDR blocks)"));
      if (c.prefix() == 0 || c.addressText().equals("0.0.0.0")) {
        throw ApiException.of(ApiError.SOURCE_ITEMS_INVALID, item + " (0.0.0.0 and /0 blocks are not allowed)");
      }
      out.putIfAbsent(c, c.asWritten());
    }
    if (out.isEmpty()) {
      throw ApiException.of(ApiError.SOURCE_ITEMS_INVALID, "\"" + raw + "\" (expected at least one item)");
    }
    return out;
  }

  private static void save(Call call, LoadBalancer lb, Listener l, List<String> items, String status) {
    ObjectNode node = Json.MAPPER.valueToTree(l);
    node.set("whiteListItems", Json.MAPPER.valueToTree(items));
    if (status == null) {
      node.remove("accessControlStatus");
    } else {
      node.put("accessControlStatus", status);
    }
    Listener changed = Json.MAPPER.convertValue(node, Listener.class);
    if (!changed.equals(l)) {
      Lookups.save(call, lb, changed);
    }
  }
}
