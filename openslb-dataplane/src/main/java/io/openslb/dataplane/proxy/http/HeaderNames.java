package io.openslb.dataplane.proxy.http;

import static io.netty.handler.codec.http.HttpHeaderNames.*;

import io.netty.util.AsciiString;

/**
 * Header names the proxy adds, and the table that maps a received name (request or response) to
 * its shared lower-case constant so that common headers cost no allocation and can be compared by
 * identity. Names are
 * sent lower case, as HAProxy does; HTTP field names are case-insensitive.
 */
final class HeaderNames {
  static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
  static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
  static final AsciiString X_FORWARDED_PORT = AsciiString.cached("x-forwarded-port");
  static final AsciiString X_FORWARDED_CLIENT_PORT = AsciiString.cached("x-forwarded-client-port");
  static final AsciiString X_REAL_IP = AsciiString.cached("x-real-ip");
  static final AsciiString SLB_IP = AsciiString.cached("slb-ip");
  static final AsciiString SLB_ID = AsciiString.cached("slb-id");
  static final AsciiString HSTS = AsciiString.cached("strict-transport-security");

  private static final AsciiString[] KNOWN = {
    HOST, CONNECTION, CONTENT_LENGTH, TRANSFER_ENCODING, KEEP_ALIVE, PROXY_CONNECTION, TE, UPGRADE, EXPECT,
    COOKIE, USER_AGENT, ACCEPT, ACCEPT_ENCODING, ACCEPT_LANGUAGE, ACCEPT_CHARSET, CONTENT_TYPE, CONTENT_ENCODING,
    AUTHORIZATION, CACHE_CONTROL, PRAGMA, IF_NONE_MATCH, IF_MODIFIED_SINCE, IF_MATCH, RANGE, DATE, REFERER, ORIGIN,
    TRAILER, DNT, UPGRADE_INSECURE_REQUESTS, X_REQUESTED_WITH, SEC_WEBSOCKET_KEY, SEC_WEBSOCKET_VERSION,
    SEC_WEBSOCKET_EXTENSIONS, SEC_WEBSOCKET_PROTOCOL, X_FORWARDED_FOR, X_FORWARDED_PROTO, X_FORWARDED_PORT,
    X_FORWARDED_CLIENT_PORT, X_REAL_IP, SLB_IP, SLB_ID,
    // responses
    SERVER, SET_COOKIE, ETAG, LAST_MODIFIED, EXPIRES, VARY, LOCATION, ACCEPT_RANGES, CONTENT_RANGE, AGE,
    CONTENT_DISPOSITION, ACCESS_CONTROL_ALLOW_ORIGIN, HSTS, X_FRAME_OPTIONS, SEC_WEBSOCKET_ACCEPT,
  };

  private static final AsciiString[][] BY_LENGTH = byLength();

  private HeaderNames() {}

  /** Connection-specific fields (RFC 9113 §8.2.2): never carried between HTTP/1.1 and HTTP/2. */
  static boolean hopByHop(AsciiString name) {
    return name == CONNECTION || name == KEEP_ALIVE || name == PROXY_CONNECTION || name == TRANSFER_ENCODING
        || name == UPGRADE || name == TE;
  }

  /** Fields that must not come as trailers (framing, routing, hop-by-hop); they are dropped. */
  static boolean forbiddenInTrailers(AsciiString name) {
    return name == HOST || name == CONTENT_LENGTH || name == TRANSFER_ENCODING || name == CONNECTION
        || name == KEEP_ALIVE || name == PROXY_CONNECTION || name == TE || name == UPGRADE || name == TRAILER;
  }

  private static AsciiString[][] byLength() {
    int max = 0;
    for (AsciiString n : KNOWN) {
      max = Math.max(max, n.length());
    }
    AsciiString[][] table = new AsciiString[max + 1][];
    for (AsciiString n : KNOWN) {
      AsciiString[] row = table[n.length()];
      AsciiString[] grown = row == null ? new AsciiString[1] : java.util.Arrays.copyOf(row, row.length + 1);
      grown[grown.length - 1] = n;
      table[n.length()] = grown;
    }
    return table;
  }

  /** The shared constant for {@code name} (any case), or null when it is not a known name. */
  static AsciiString known(CharSequence name) {
    AsciiString n = AsciiString.of(name);
    return known(n.array(), n.arrayOffset(), n.length());
  }

  /**
   * The shared constant for the field name in {@code b[off, off+len)}, compared ignoring ASCII
   * case, or null. The bytes must be tchars: then {@code (c | 0x20)} equals a lower-case letter,
   * digit or '-' only for that same character.
   */
  static AsciiString known(byte[] b, int off, int len) {
    if (len >= BY_LENGTH.length) {
      return null;
    }
    AsciiString[] row = BY_LENGTH[len];
    if (row == null) {
      return null;
    }
    for (AsciiString candidate : row) {
      byte[] c = candidate.array();
      int co = candidate.arrayOffset();
      int i = 0;
      while (i < len && (b[off + i] | 0x20) == c[co + i]) {
        i++;
      }
      if (i == len) {
        return candidate;
      }
    }
    return null;
  }
}
