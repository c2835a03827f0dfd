package io.openslb.dataplane.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable copy of the configuration part of the store at one revision: every key under
 * {@code /accounts/}. Values are decoded on demand into the model records.
 *
 * <p>Key layout (owned by the control plane's StoreKeys): {@code
 * /accounts/{account}/regions/{region}/{kind}/{id...}}.
 */
public final class StoreView {
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final TreeMap<String, String> entries;
  private final long revision;

  public StoreView(Map<String, String> entries, long revision) {
    this.entries = new TreeMap<>(entries);
    this.revision = revision;
  }

  public long revision() {
    return revision;
  }

  public int size() {
    return entries.size();
  }

  /** A regional resource of one kind, e.g. {@code loadbalancers}, with where it lives. */
  public record Entry<T>(String accountId, String regionId, String key, T value) {}

  /** Every regional resource of {@code kind} in every account, decoded; undecodable ones are skipped. */
  public <T> List<Entry<T>> all(String kind, Class<T> type) {
    List<Entry<T>> out = new ArrayList<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String[] parts = e.getKey().split("/");
      // "", "accounts", acct, "regions", region, kind, ...
      if (parts.length >= 7 && parts[1].equals("accounts") && parts[3].equals("regions") && parts[5].equals(kind)) {
        decode(e.getValue(), type).ifPresent(v -> out.add(new Entry<>(parts[2], parts[4], e.getKey(), v)));
      }
    }
    return out;
  }

  /** One regional resource by account, region, kind and id. */
  public <T> Optional<T> get(String accountId, String regionId, String kind, String id, Class<T> type) {
    String v = entries.get("/accounts/" + accountId + "/regions/" + regionId + "/" + kind + "/" + id);
    return v == null ? Optional.empty() : decode(v, type);
  }

  private static <T> Optional<T> decode(String json, Class<T> type) {
    try {
      return Optional.of(JSON.readValue(json, type));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
