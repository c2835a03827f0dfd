package io.openslb.store;

import java.util.Optional;

/**
 * The revisioned key-value store that holds all of OpenSLB's configuration.
 *
 * <p>Contract (checked by the contract test suite for every implementation):
 *
 * <ul>
 *   <li>The revision is global and monotonic; every successful non-empty {@link #commit} creates
 *       exactly one new revision shared by all of its mutations.
 *   <li>A commit is atomic and durable once it returns: after a crash either all of its
 *       mutations are there or none.
 *   <li>{@link #watch} delivers every change under the prefix after the given revision, in order,
 *       including changes made by other processes or nodes sharing the store.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface StateStore extends AutoCloseable {

  Optional<KeyValue> get(String key);

  /** Every entry whose key starts with {@code prefix}, sorted by key. */
  Range list(String prefix);

  /** The newest revision. */
  long revision();

  /**
   * Applies {@code txn} if all its compares hold.
   *
   * @return the new revision (the current one for an empty transaction)
   * @throws StoreConflictException if a compare failed; nothing was written
   */
  long commit(Txn txn);

  /**
   * Delivers every change under {@code prefix} with a revision greater than {@code afterRevision}.
   * Close the handle to stop.
   */
  AutoCloseable watch(String prefix, long afterRevision, WatchListener listener);

  /** A short description for logs, e.g. {@code sqlite:/var/lib/openslb/state.db}. */
  String describe();

  @Override
  void close();
}
