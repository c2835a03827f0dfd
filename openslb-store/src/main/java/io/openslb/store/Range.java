package io.openslb.store;

import java.util.List;

/** The entries under a prefix, sorted by key, as they were at {@code revision}. */
public record Range(List<KeyValue> entries, long revision) {
  public Range {
    entries = List.copyOf(entries);
  }
}
