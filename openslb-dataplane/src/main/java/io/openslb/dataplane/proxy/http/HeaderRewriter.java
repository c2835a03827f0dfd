package io.openslb.dataplane.proxy.http;

import static io.netty.handler.codec.http.HttpHeaderNames.CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.HOST;
import static io.netty.handler.codec.http.HttpHeaderNames.UPGRADE;

import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.List;

/**
 * Header rules of the HTTP proxy as pure functions: what the backend sees of a request
 * (SEMANTICS.md §3.8), which responses gzip may touch (§3.9), and the cookie work of session
 * persistence (§3.7). No state; no regular expressions; allocation only where a value changes.
 */
final class HeaderRewriter {
  private static final String[] GZIP_TYPES = {
    "text/xml", "text/plain", "text/css", "application/javascript", "application/x-javascript",
    "application/rss+xml", "application/atom+xml", "application/xml",
  };
  /** Length of a member id in cookies ({@link Target#id}). */
  static final int ID_LENGTH = 16;
  static final char PREFIX_SEPARATOR = '~';

  private HeaderRewriter() {}

  /**
   * Makes the request ready for the backend: hop-by-hop fields named in Connection removed, the
   * listener's X-Forwarded-* / SLB-* fields added, Host supplied for HTTP/1.0, the WebSocket
   * upgrade re-announced, and the version raised to HTTP/1.1 so the backend connection stays open.
   */
  static void request(ProxyRequest r, HttpListenerConfig c, AsciiString clientIp, AsciiString clientPort) {
    HttpHeaders h = r.headers();
    if (r.connectionTokens != null) {
      for (AsciiString name : r.connectionTokens) {
        if (name.contentEqualsIgnoreCase(HeaderNames.X_FORWARDED_FOR)) {
          r.forwardedFor = 0;
        }
        h.remove(name);
      }
    }
    if (c.forwardedFor) {
      if (r.forwardedFor == 0) {
        h.add(HeaderNames.X_FORWARDED_FOR, clientIp);
      } else {
        String prior = r.forwardedFor == 1 ? h.get(HeaderNames.X_FORWARDED_FOR)
            : String.join(", ", h.getAll(HeaderNames.X_FORWARDED_FOR));
        h.set(HeaderNames.X_FORWARDED_FOR, prior + ", " + clientIp);
      }
    }
    if (c.forwardedProto) {
      h.set(HeaderNames.X_FORWARDED_PROTO, c.proto);
    }
    if (c.slbIp) {
      h.set(HeaderNames.SLB_IP, c.vip);
    }
    if (c.slbId) {
      h.set(HeaderNames.SLB_ID, c.loadBalancerId);
    }
    if (c.slbPort) {
      h.set(HeaderNames.X_FORWARDED_PORT, c.port);
    }
    if (c.clientPort) {
      h.set(HeaderNames.X_FORWARDED_CLIENT_PORT, clientPort);
    }
    if (r.host == null) {
      h.add(HOST, c.defaultHost);
    }
    if (r.websocket != null) {
      h.add(CONNECTION, HttpHeaderValues.UPGRADE);
      h.add(UPGRADE, r.websocket);
    }
    if (r.http10) {
      r.setProtocolVersion(HttpVersion.HTTP_1_1);
    }
  }

  // ------------------------------------------------------------------ gzip

  /** Whether an Accept-Encoding value admits gzip (gzip, x-gzip or *, with q above 0). */
  static boolean acceptsGzip(CharSequence acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    int n = acceptEncoding.length();
    int i = 0;
    while (i < n) {
      while (i < n && (acceptEncoding.charAt(i) == ' ' || acceptEncoding.charAt(i) == ',' || acceptEncoding.charAt(i) == '\t')) {
        i++;
      }
      int s = i;
      while (i < n && acceptEncoding.charAt(i) != ',' && acceptEncoding.charAt(i) != ';'
          && acceptEncoding.charAt(i) != ' ' && acceptEncoding.charAt(i) != '\t') {
        i++;
      }
      int e = i;
      int end = i;
      while (end < n && acceptEncoding.charAt(end) != ',') {
        end++;
      }
      boolean gzip = regionEquals(acceptEncoding, s, e, "gzip") || regionEquals(acceptEncoding, s, e, "x-gzip")
          || regionEquals(acceptEncoding, s, e, "*");
      if (gzip && !qZero(acceptEncoding, e, end)) {
        return true;
      }
      i = end;
    }
    return false;
  }

  /** True when the parameters in {@code [from, to)} hold {@code q=0} (or 0.0, 0.000). */
  private static boolean qZero(CharSequence v, int from, int to) {
    for (int i = from; i < to - 1; i++) {
      char c = v.charAt(i);
      if ((c == 'q' || c == 'Q') && v.charAt(i + 1) == '=' && (i == from || v.charAt(i - 1) == ';'
          || v.charAt(i - 1) == ' ' || v.charAt(i - 1) == '\t')) {
        int j = i + 2;
        if (j >= to || v.charAt(j) != '0') {
          return false;
        }
        for (j++; j < to; j++) {
          char d = v.charAt(j);
          if (d == ' ' || d == '\t' || d == ';') {
            break;
          }
          if (d != '.' && d != '0') {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** Whether a Content-Type is one gzip compresses (SEMANTICS.md §3.9); parameters ignored. */
  static boolean compressible(CharSequence contentType) {
    if (contentType == null) {
      return false;
    }
    int end = 0;
    int n = contentType.length();
    while (end < n && contentType.charAt(end) != ';') {
      end++;
    }
    while (end > 0 && (contentType.charAt(end - 1) == ' ' || contentType.charAt(end - 1) == '\t')) {
      end--;
    }
    int start = 0;
    while (start < end && contentType.charAt(start) == ' ') {
      start++;
    }
    for (String type : GZIP_TYPES) {
      if (regionEquals(contentType, start, end, type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean regionEquals(CharSequence v, int from, int to, String lower) {
    return to - from == lower.length() && AsciiString.regionMatches(v, true, from, lower, 0, lower.length());
  }

  // ------------------------------------------------------------------ cookies

  /** The value of cookie {@code name} in a Cookie header, or null. Cookie names are case-sensitive. */
  static String cookieValue(String header, String name) {
    int start = cookieValueStart(header, name);
    if (start < 0) {
      return null;
    }
    int end = header.indexOf(';', start);
    end = end < 0 ? header.length() : end;
    while (end > start && header.charAt(end - 1) == ' ') {
      end--;
    }
    return header.substring(start, end);
  }

  /** Where the value of cookie {@code name} starts in a Cookie header, or -1. */
  static int cookieValueStart(String header, String name) {
    int n = header.length();
    int len = name.length();
    int i = 0;
    while (i < n) {
      while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t' || header.charAt(i) == ';')) {
        i++;
      }
      if (i + len < n && header.charAt(i + len) == '=' && header.startsWith(name, i)) {
        return i + len + 1;
      }
      int semi = header.indexOf(';', i);
      if (semi < 0) {
        return -1;
      }
      i = semi + 1;
    }
    return -1;
  }

  /**
   * {@code server} stickiness, request side: when cookie {@code name} carries a member-id prefix
   * ({@code NAME=<id>~value}), returns {@code {id, header without the prefix}}, else null.
   */
  static String[] splitPrefixedCookie(String header, String name) {
    int start = cookieValueStart(header, name);
    if (start < 0 || start + ID_LENGTH >= header.length() || header.charAt(start + ID_LENGTH) != PREFIX_SEPARATOR) {
      return null;
    }
    for (int i = start; i < start + ID_LENGTH; i++) {
      char c = header.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return null;
      }
    }
    return new String[] {
      header.substring(start, start + ID_LENGTH),
      header.substring(0, start) + header.substring(start + ID_LENGTH + 1),
    };
  }

  /**
   * {@code server} stickiness, response side: every {@code Set-Cookie: NAME=value...} becomes
   * {@code NAME=<id>~value...} (HAProxy's "cookie prefix").
   */
  static void prefixSetCookies(HttpHeaders h, String name, String id) {
    List<String> all = new java.util.ArrayList<>(h.getAll(io.netty.handler.codec.http.HttpHeaderNames.SET_COOKIE));
    boolean changed = false;
    for (int i = 0; i < all.size(); i++) {
      String v = all.get(i);
      int s = 0;
      while (s < v.length() && v.charAt(s) == ' ') {
        s++;
      }
      if (v.startsWith(name, s) && v.length() > s + name.length() && v.charAt(s + name.length()) == '=') {
        int valueStart = s + name.length() + 1;
        all.set(i, v.substring(0, valueStart) + id + PREFIX_SEPARATOR + v.substring(valueStart));
        changed = true;
      }
    }
    if (changed) {
      h.set(io.netty.handler.codec.http.HttpHeaderNames.SET_COOKIE, all);
    }
  }
}
