package io.openslb.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An all-or-nothing write: every compare must hold, then every mutation is applied under one new
 * revision. Built with {@link #builder()}; immutable once built.
 */
public record Txn(List<Compare> compares, List<Mutation> mutations) {

  public Txn {
    compares = List.copyOf(compares);
    mutations = List.copyOf(mutations);
  }

  /** The key must have this mod revision; {@code 0} means the key must not exist. */
  public record Compare(String key, long expectedModRevision) {
    public Compare {
      Objects.requireNonNull(key, "key");
    }
  }

  /** A put ({@code value != null}) or a delete ({@code value == null}). */
  public record Mutation(String key, String value) {
    public Mutation {
      Objects.requireNonNull(key, "key");
    }

    public boolean isDelete() {
      return value == null;
    }
  }

  public boolean isEmpty() {
    return mutations.isEmpty();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private final List<Compare> compares = new ArrayList<>();
    private final List<Mutation> mutations = new ArrayList<>();

    public Builder expect(String key, long modRevision) {
      compares.add(new Compare(key, modRevision));
      return this;
    }

    public Builder expectAbsent(String key) {
      return expect(key, 0);
    }

    public Builder put(String key, String value) {
      mutations.add(new Mutation(key, Objects.requireNonNull(value, "value")));
      return this;
    }

    public Builder delete(String key) {
      mutations.add(new Mutation(key, null));
      return this;
    }

    public Txn build() {
      return new Txn(compares, mutations);
    }
  }
}
