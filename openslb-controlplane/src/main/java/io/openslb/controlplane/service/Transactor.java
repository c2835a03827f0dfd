package io.openslb.controlplane.service;

import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.store.StateStore;
import io.openslb.store.StoreConflictException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs an API call as one store transaction. Changing calls of this node run one at a time (so
 * quotas and "already exists" checks see each other); calls of other nodes are caught by the
 * compare-on-revision of {@link Tx#commit} and the work is redone from fresh reads.
 */
public final class Transactor {

  private static final int MAX_ATTEMPTS = 8;

  private final StateStore store;
  private final ReentrantLock writeLock = new ReentrantLock(true);

  public Transactor(StateStore store) {
    this.store = store;
  }

  public StateStore store() {
    return store;
  }

  public <R> R read(Function<Tx, R> work) {
    return work.apply(new Tx(store));
  }

  public <R> R write(Function<Tx, R> work) {
    writeLock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        Tx tx = new Tx(store);
        R result = work.apply(tx);
        if (!tx.hasWrites()) {
          return result;
        }
        try {
          tx.commit();
          return result;
        } catch (StoreConflictException e) {
          if (attempt >= MAX_ATTEMPTS) {
            throw ApiException.of(ApiError.SERVICE_UNAVAILABLE);
          }
        }
      }
    } finally {
      writeLock.unlock();
    }
  }
}
