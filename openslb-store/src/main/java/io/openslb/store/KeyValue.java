package io.openslb.store;

import java.util.Objects;

/**
 * One stored entry. {@code createRevision} is the revision of the transaction that created the
 * key (a delete and re-create gives a new one); {@code modRevision} that of the last change.
 */
public record KeyValue(String key, String value, long createRevision, long modRevision) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
