package io.openslb.store;

/** A transaction's compare failed: somebody changed a key since it was read. Retry from a read. */
public final class StoreConflictException extends StoreException {
  public StoreConflictException(String message) {
    super(message);
  }
}
