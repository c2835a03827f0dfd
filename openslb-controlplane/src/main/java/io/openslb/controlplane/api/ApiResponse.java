package io.openslb.controlplane.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The outcome of one call: HTTP status and the body (with {@code RequestId}). */
public record ApiResponse(int status, ObjectNode body, String errorCode) {
  public boolean ok() {
    return errorCode == null;
  }
}
