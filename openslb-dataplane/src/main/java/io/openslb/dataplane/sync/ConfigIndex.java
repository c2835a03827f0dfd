package io.openslb.dataplane.sync;

import io.openslb.store.StoreLayout.Kind;
import io.openslb.store.StoreLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration the data plane reads, at one store revision, decoded: every record of the
 * kinds in {@link DataPlaneKinds}, by kind and key. Immutable; built by {@link StoreMirror}, which
 * decodes a value once, when it changes, and keeps a key's last good record when a new value of it
 * cannot be decoded ({@link #rejected} lists those keys and why).
 */
public final class ConfigIndex {
  /** A decoded record and where it lives. */
  public record Entry<T>(StoreLayout.Key key, T value) {
    public String accountId() {
      return key.accountId();
    }

    public String regionId() {
      return key.regionId();
    }
  }

  private static final ConfigIndex EMPTY = new ConfigIndex(0, Map.of(), Map.of());

  private final long revision;
  private final Map<Kind, List<Entry<?>>> byKind;
  private final Map<Kind, Map<Scope, Entry<?>>> byId;
  private final Map<Kind, Map<Scope, List<Entry<?>>>> byParent;
  private final Map<String, String> rejected;

  /** Account, region and one id: how records are looked up by reference. */
  private record Scope(String accountId, String regionId, String id) {}

  ConfigIndex(long revision, Map<String, Entry<?>> entries, Map<String, String> rejected) {
    this.revision = revision;
    Map<Kind, List<Entry<?>>> kinds = new EnumMap<>(Kind.class);
    Map<Kind, Map<Scope, Entry<?>>> ids = new EnumMap<>(Kind.class);
    Map<Kind, Map<Scope, List<Entry<?>>>> parents = new EnumMap<>(Kind.class);
    // sorted by key, so every list below is in key order whatever order the store listed
    List<String> keys = new ArrayList<>(entries.keySet());
    Collections.sort(keys);
    for (String k : keys) {
      Entry<?> e = entries.get(k);
      StoreLayout.Key key = e.key();
      kinds.computeIfAbsent(key.kind(), x -> new ArrayList<>()).add(e);
      ids.computeIfAbsent(key.kind(), x -> new HashMap<>())
          .put(new Scope(key.accountId(), key.regionId(), key.id()), e);
      if (key.ids().size() > 1) {
        parents.computeIfAbsent(key.kind(), x -> new HashMap<>())
            .computeIfAbsent(new Scope(key.accountId(), key.regionId(), key.ids().get(0)), x -> new ArrayList<>())
            .add(e);
      }
    }
    this.byKind = kinds;
    this.byId = ids;
    this.byParent = parents;
    this.rejected = Map.copyOf(rejected);
  }

  public static ConfigIndex empty() {
    return EMPTY;
  }

  public long revision() {
    return revision;
  }

  /** Every record of {@code kind} in every account and region, in key order. */
  public <T> List<Entry<T>> all(Kind kind, Class<T> type) {
    return cast(byKind.getOrDefault(kind, List.of()), type);
  }

  /** The record of {@code kind} whose key ends in {@code id} in one account and region. */
  public <T> Optional<T> get(Kind kind, String accountId, String regionId, String id, Class<T> type) {
    Entry<?> e = byId.getOrDefault(kind, Map.of()).get(new Scope(accountId, regionId, id));
    return e == null ? Optional.empty() : Optional.of(type.cast(e.value()));
  }

  /**
   * The records of a kind keyed under a parent id, e.g. the forwarding rules ({@code
   * rules/{lbId}/{ruleId}}) or domain extensions of one load balancer, in key order.
   */
  public <T> List<Entry<T>> children(Kind kind, String accountId, String regionId, String parentId, Class<T> type) {
    return cast(byParent.getOrDefault(kind, Map.of()).getOrDefault(new Scope(accountId, regionId, parentId), List.of()), type);
  }

  /** Keys whose current value could not be decoded, with the error; each keeps its last good record. */
  public Map<String, String> rejected() {
    return rejected;
  }

  public int size() {
    int n = 0;
    for (List<Entry<?>> l : byKind.values()) {
      n += l.size();
    }
    return n;
  }

  /** Every entry of a kind holds that kind's record type ({@link DataPlaneKinds}): checked once per call. */
  @SuppressWarnings("unchecked")
  private static <T> List<Entry<T>> cast(List<Entry<?>> entries, Class<T> type) {
    if (!entries.isEmpty()) {
      type.cast(entries.get(0).value());
    }
    return (List<Entry<T>>) (List<?>) Collections.unmodifiableList(entries);
  }
}
