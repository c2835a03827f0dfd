package io.openslb.dataplane.proxy.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * What a decoder emits instead of a message it refuses: for a client request the status to answer
 * with (the connection closes after it, because after a framing error the next request's start
 * cannot be trusted); for a backend response the proxy answers 502 instead. {@code reason} is for
 * debug logs.
 */
final class DecodeError {
  final HttpResponseStatus status;
  final String reason;

  DecodeError(HttpResponseStatus status, String reason) {
    this.status = status;
    this.reason = reason;
  }

  static DecodeError badRequest(String reason) {
    return new DecodeError(HttpResponseStatus.BAD_REQUEST, reason);
  }

  @Override
  public String toString() {
    return status.code() + " " + reason;
  }
}
