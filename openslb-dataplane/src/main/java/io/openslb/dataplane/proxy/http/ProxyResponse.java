package io.openslb.dataplane.proxy.http;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * A backend's response head as {@link ResponseDecoder} parsed it. Hop-by-hop fields (Connection
 * and the fields it names, Keep-Alive, Proxy-Connection, Upgrade) are not in {@link #headers()};
 * their meaning is in the fields below. Framing is normalised: at most one {@code content-length}
 * or {@code transfer-encoding: chunked}.
 */
final class ProxyResponse extends DefaultHttpResponse {
  /** The backend keeps the connection open after this response. */
  boolean keepAlive;
  boolean chunked;
  /** -1 when absent (or overridden by chunked). */
  long contentLength = -1;
  /** The Upgrade value of a 101 answer. */
  AsciiString upgrade;

  ProxyResponse(HttpVersion version, HttpResponseStatus status, HttpHeaders headers) {
    super(version, status, headers);
  }
}
