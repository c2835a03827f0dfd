package io.openslb.dataplane.sync;

import io.openslb.store.StoreCodec;
import io.openslb.store.StoreException;
import io.openslb.store.StoreLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the store's raw configuration into {@link ConfigIndex}es: a value is decoded once, when it
 * changes; a value that cannot be decoded (not JSON, a newer schema version, a field of the wrong
 * type, an unknown scheduler) is logged once with its key and error, counted, and its key keeps
 * its last good record. Kinds the data plane does not read are skipped.
 *
 * <p>Not thread-safe: one caller at a time ({@link StoreMirror}'s publisher thread).
 */
public final class ConfigDecoder {
  private static final Logger log = LoggerFactory.getLogger(ConfigDecoder.class);

  /** Decoded form of each raw value, by key. */
  private final Map<String, Decoded> decoded = new HashMap<>();
  private final AtomicLong failures = new AtomicLong();

  /**
   * What one raw value decoded to: {@code entry} is the record in force for the key (the last good
   * one when {@code error} is set), {@code raw} the value it was judged on.
   */
  private record Decoded(String raw, ConfigIndex.Entry<?> entry, String error) {}

  /**
   * The index of {@code raw} (every configuration key and value at {@code revision}), decoding
   * only the values that changed since the last call.
   */
  public ConfigIndex index(Map<String, String> raw, long rev) {
    decoded.keySet().retainAll(raw.keySet());
    Map<String, ConfigIndex.Entry<?>> records = new HashMap<>();
    Map<String, String> rejected = new HashMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      Decoded d = decoded.get(e.getKey());
      if (d == null || !d.raw().equals(e.getValue())) {
        d = decode(e.getKey(), e.getValue(), d);
        if (d == null) {
          continue;
        }
        decoded.put(e.getKey(), d);
      }
      if (d.entry() != null) {
        records.put(e.getKey(), d.entry());
      }
      if (d.error() != null) {
        rejected.put(e.getKey(), d.error());
      }
    }
    return new ConfigIndex(rev, records, rejected);
  }

  /** Null for keys the data plane does not read (accounts, instances, tags, client tokens). */
  private Decoded decode(String key, String value, Decoded previous) {
    Optional<StoreLayout.Key> parsed = StoreLayout.parse(key);
    Class<?> type = parsed.map(k -> DataPlaneKinds.type(k.kind())).orElse(null);
    if (type == null) {
      return null;
    }
    String error;
    try {
      Object record = StoreCodec.decode(key, value, type);
      DataPlaneKinds.check(record);
      return new Decoded(value, new ConfigIndex.Entry<>(parsed.get(), record), null);
    } catch (StoreException e) {
      error = e.getMessage();
    } catch (IllegalArgumentException e) {
      error = key + ": " + e.getMessage();
    }
    failures.incrementAndGet();
    ConfigIndex.Entry<?> lastGood = previous == null ? null : previous.entry();
    log.error("stored value rejected, {}: {}", lastGood != null ? "keeping its last good version" : "left out", error);
    return new Decoded(value, lastGood, error);
  }

  /** How many values could not be decoded so far (each counted once, when it arrived). */
  public long failures() {
    return failures.get();
  }
}
