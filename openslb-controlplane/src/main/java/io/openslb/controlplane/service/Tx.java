package io.openslb.controlplane.service;

import io.openslb.store.KeyValue;
import io.openslb.store.StateStore;
import io.openslb.store.StoreCodec;
import io.openslb.store.StoreLayout;
import io.openslb.store.Txn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The unit of work of one API call: reads remember the revision they saw, writes are buffered, and
 * {@link #commit} applies all writes in one store transaction that fails if any key read has
 * changed since. Reads see the call's own writes. Not thread-safe: one call, one thread.
 */
public final class Tx {

  private static final String DELETED = new String("<deleted>");

  private final StateStore store;
  private final Map<String, Long> readRevisions = new HashMap<>();
  private final Map<String, String> writes = new LinkedHashMap<>();

  public Tx(StateStore store) {
    this.store = store;
  }

  public <T> Optional<T> get(String key, Class<T> type) {
    String pending = writes.get(key);
    if (pending != null) {
      return pending == DELETED ? Optional.empty() : Optional.of(StoreCodec.decode(key, pending, type));
    }
    Optional<KeyValue> kv = store.get(key);
    readRevisions.putIfAbsent(key, kv.map(KeyValue::modRevision).orElse(0L));
    return kv.map(v -> StoreCodec.decode(key, v.value(), type));
  }

  public boolean exists(String key) {
    String pending = writes.get(key);
    if (pending != null) {
      return pending != DELETED;
    }
    Optional<KeyValue> kv = store.get(key);
    readRevisions.putIfAbsent(key, kv.map(KeyValue::modRevision).orElse(0L));
    return kv.isPresent();
  }

  /** Values under {@code prefix}, by key, including this call's own writes. */
  public <T> List<T> list(String prefix, Class<T> type) {
    List<T> out = new ArrayList<>();
    merged(prefix).forEach((k, v) -> out.add(StoreCodec.decode(k, v, type)));
    return out;
  }

  /** Values of one kind under {@code prefix} (other kinds nested under it are skipped). */
  public <T> List<T> list(String prefix, StoreLayout.Kind kind, Class<T> type) {
    List<T> out = new ArrayList<>();
    merged(prefix).forEach((k, v) -> {
      if (StoreLayout.parse(k).filter(key -> key.kind() == kind).isPresent()) {
        out.add(StoreCodec.decode(k, v, type));
      }
    });
    return out;
  }

  /** Keys under {@code prefix}, including this call's own writes. */
  public List<String> keys(String prefix) {
    return new ArrayList<>(merged(prefix).keySet());
  }

  /** The stored entries under {@code prefix} with this call's writes and deletes applied. */
  private TreeMap<String, String> merged(String prefix) {
    TreeMap<String, String> merged = new TreeMap<>();
    for (KeyValue kv : store.list(prefix).entries()) {
      merged.put(kv.key(), kv.value());
    }
    writes.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            if (v == DELETED) {
              merged.remove(k);
            } else {
              merged.put(k, v);
            }
          }
        });
    return merged;
  }

  public void put(String key, Object value) {
    writes.put(key, StoreCodec.encode(value));
  }

  public void delete(String key) {
    writes.put(key, DELETED);
  }

  /** Deletes every key under {@code prefix}. */
  public void deleteAll(String prefix) {
    keys(prefix).forEach(this::delete);
  }

  public boolean hasWrites() {
    return !writes.isEmpty();
  }

  /** Applies the writes atomically; throws StoreConflictException if a read key changed. */
  public long commit() {
    Txn.Builder b = Txn.builder();
    readRevisions.forEach(b::expect);
    writes.forEach(
        (k, v) -> {
          if (v == DELETED) {
            b.delete(k);
          } else {
            b.put(k, v);
          }
        });
    return store.commit(b.build());
  }
}
