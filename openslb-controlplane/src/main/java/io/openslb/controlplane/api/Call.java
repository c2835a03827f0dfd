package io.openslb.controlplane.api;

import io.openslb.controlplane.service.Tx;
import java.time.Instant;

/** One API call as an action sees it: who, where, what, and the transaction to work in. */
public record Call(
    String action, String requestId, Caller caller, String regionId, Params params, Tx tx, Instant now) {

  public String accountId() {
    return caller.accountId();
  }
}
