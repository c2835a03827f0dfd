package io.openslb.dataplane.proxy.http;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.List;

/**
 * A request head as {@link RequestDecoder} parsed it, with the facts the proxy needs so it never
 * has to look them up again. Hop-by-hop headers (Connection, Keep-Alive, Proxy-Connection, TE,
 * Upgrade) are not in {@link #headers()}; their meaning is in the fields. Framing headers are
 * normalised: at most one {@code content-length} or {@code transfer-encoding: chunked}.
 */
final class ProxyRequest extends DefaultHttpRequest {
  /** The client spoke HTTP/1.0 (the request is forwarded as HTTP/1.1). */
  final boolean http10;
  /** The client wants the connection kept after this exchange. */
  boolean keepAlive;
  boolean chunked;
  /** -1 when absent. */
  long contentLength = -1;
  /** The Host header, or the authority of an absolute-form target; null if neither. */
  AsciiString host;
  /** Number of X-Forwarded-For headers received. */
  int forwardedFor;
  /** {@code Connection: upgrade} with {@code Upgrade: websocket}; the Upgrade value is kept here. */
  AsciiString websocket;
  boolean expectContinue;
  /** Extra tokens of the Connection header: names of further hop-by-hop headers to drop. */
  List<AsciiString> connectionTokens;

  ProxyRequest(HttpVersion version, HttpMethod method, String uri, HttpHeaders headers) {
    super(version, method, uri, headers);
    this.http10 = version == HttpVersion.HTTP_1_0;
  }

  boolean hasBody() {
    return chunked || contentLength > 0;
  }
}
