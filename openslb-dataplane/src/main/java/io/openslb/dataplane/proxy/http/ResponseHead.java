package io.openslb.dataplane.proxy.http;

import io.openslb.dataplane.config.StickySpec;
import static io.netty.handler.codec.http.HttpHeaderNames.ACCEPT_ENCODING;
import static io.netty.handler.codec.http.HttpHeaderNames.CACHE_CONTROL;
import static io.netty.handler.codec.http.HttpHeaderNames.CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_ENCODING;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE;
import static io.netty.handler.codec.http.HttpHeaderNames.ETAG;
import static io.netty.handler.codec.http.HttpHeaderNames.SET_COOKIE;
import static io.netty.handler.codec.http.HttpHeaderNames.TRANSFER_ENCODING;
import static io.netty.handler.codec.http.HttpHeaderNames.VARY;

import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.openslb.dataplane.schedule.Backend;

/**
 * Turns a backend's final response head into the one the client gets: framing for the client's
 * HTTP version, gzip (SEMANTICS.md §3.9), the session cookie (§3.7) and the Connection field.
 * Stateless; the result is a set of flags so that nothing is allocated.
 */
final class ResponseHead {
  /** The client connection stays open after this response. */
  static final int KEEP_ALIVE = 1;
  /** The body must be gzip-compressed on the way. */
  static final int GZIP = 2;

  static final long MIN_GZIP_LENGTH = 20;
  private static final AsciiString GZIP_VALUE = AsciiString.cached("gzip");

  private ResponseHead() {}

  /**
   * @param keepAlive whether the client connection may stay open so far
   * @param backend the member that answered; {@code cookieBackend} the one the request's cookie named
   */
  static int prepare(ProxyResponse res, ProxyRequest request, HttpListenerConfig config, Target target,
      Backend backend, Backend cookieBackend, boolean keepAlive) {
    HttpHeaders h = res.headers();
    int code = res.status().code();
    boolean body = request.method() != HttpMethod.HEAD && code != 204 && code != 304;
    boolean chunked = res.chunked;
    boolean length = res.contentLength >= 0;
    int flags = 0;
    if (body && config.gzip && shouldGzip(res, request, code)) {
      h.remove(CONTENT_LENGTH);
      length = false;
      h.set(CONTENT_ENCODING, GZIP_VALUE);
      String vary = h.get(VARY);
      if (vary == null) {
        h.set(VARY, ACCEPT_ENCODING);
      } else if (!Http1Decoder.containsToken(vary, "accept-encoding")) {
        h.set(VARY, vary + ", Accept-Encoding");
      }
      String etag = h.get(ETAG);
      if (etag != null && !etag.startsWith("W/")) {
        h.set(ETAG, "W/" + etag); // the compressed bytes differ from the ones the strong tag names
      }
      flags |= GZIP;
    }
    if (body) {
      if (request.http10) {
        if (chunked) {
          h.remove(TRANSFER_ENCODING);
        }
        if (!length) {
          keepAlive = false; // HTTP/1.0 knows no chunking: the close ends the body
        }
      } else if (!chunked && !length) {
        h.set(TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    }
    if (request.websocket != null) {
      keepAlive = false; // upgrade refused; the request decoder stopped after the upgrade request
    }
    if (target.sticky == StickySpec.Mode.INSERT) {
      if (backend != cookieBackend) {
        h.add(SET_COOKIE, target.setCookie(backend));
      }
    } else if (target.sticky == StickySpec.Mode.SERVER && h.contains(SET_COOKIE)) {
      HeaderRewriter.prefixSetCookies(h, target.cookie, target.idOf(backend));
    }
    if (!keepAlive) {
      h.set(CONNECTION, HttpHeaderValues.CLOSE);
    } else if (request.http10) {
      h.set(CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    res.setProtocolVersion(HttpVersion.HTTP_1_1);
    return keepAlive ? flags | KEEP_ALIVE : flags;
  }

  /**
   * The client accepts gzip, the status is one nginx compresses (200, 403, 404), the backend did
   * not encode, the type is listed, the body is not tiny, and no-transform was not asked for.
   */
  static boolean shouldGzip(ProxyResponse res, ProxyRequest request, int code) {
    if (code != 200 && code != 403 && code != 404) {
      return false;
    }
    if (!HeaderRewriter.acceptsGzip(request.headers().get(ACCEPT_ENCODING))) {
      return false;
    }
    HttpHeaders h = res.headers();
    String encoding = h.get(CONTENT_ENCODING);
    if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
      return false;
    }
    if (!HeaderRewriter.compressible(h.get(CONTENT_TYPE))) {
      return false;
    }
    if (res.contentLength >= 0 && res.contentLength < MIN_GZIP_LENGTH) {
      return false;
    }
    String cacheControl = h.get(CACHE_CONTROL);
    return cacheControl == null || !Http1Decoder.containsToken(cacheControl, "no-transform");
  }
}
