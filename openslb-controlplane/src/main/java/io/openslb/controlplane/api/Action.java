package io.openslb.controlplane.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One API action. Runs on an API worker thread inside the call's transaction; it reads and writes
 * only through {@link Call#tx()} and may run again if the transaction conflicts, so it has no
 * other side effects. Returns the response fields without {@code RequestId}.
 */
@FunctionalInterface
public interface Action {
  ObjectNode handle(Call call);
}
