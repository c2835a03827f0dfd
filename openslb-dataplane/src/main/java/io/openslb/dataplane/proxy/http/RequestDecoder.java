package io.openslb.dataplane.proxy.http;

import static io.netty.handler.codec.http.HttpHeaderNames.CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH;
import static io.netty.handler.codec.http.HttpHeaderNames.EXPECT;
import static io.netty.handler.codec.http.HttpHeaderNames.HOST;
import static io.netty.handler.codec.http.HttpHeaderNames.KEEP_ALIVE;
import static io.netty.handler.codec.http.HttpHeaderNames.PROXY_CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.TE;
import static io.netty.handler.codec.http.HttpHeaderNames.TRANSFER_ENCODING;
import static io.netty.handler.codec.http.HttpHeaderNames.UPGRADE;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict HTTP/1.x request parser for the client side of the proxy (the parsing core is {@link
 * Http1Decoder}).
 *
 * <p>Design note. Netty's HttpRequestDecoder is lenient on purpose: it joins obsolete line
 * folding, takes {@code +5} as a Content-Length, and reads a request whose Transfer-Encoding it does
 * not know until the connection closes. This decoder answers anything that could be read two ways
 * with a {@link DecodeError} (400 unless noted), after which it decodes nothing more and the proxy
 * closes the connection (RFC 9112 §6.3, ECOSYSTEM.md §4.3):
 * <ul>
 *   <li>bare LF line ends, control characters (CR, NUL, ...) in the request line or a field,
 *       obsolete line folding, whitespace or other non-token bytes before the colon;
 *   <li>Content-Length that is not 1-18 plain digits, a second Content-Length (even with the same
 *       value, or as a list), Transfer-Encoding other than exactly {@code chunked}, a second
 *       Transfer-Encoding, both Content-Length and Transfer-Encoding, Transfer-Encoding in HTTP/1.0,
 *       and {@code Content_Length}/{@code Transfer_Encoding}/{@code Host} spelled with underscores;
 *   <li>HTTP/1.1 without Host or with several; a request line that is not {@code METHOD SP
 *       target SP HTTP/1.x} (505 for other versions); a target with non-ASCII bytes;
 *   <li>bad chunk framing (see {@link Http1Decoder}).
 * </ul>
 * Limits (ECOSYSTEM.md §4.2): request line 8 KiB (414), head 64 KiB or 128 fields (431).
 *
 * <p>Output per request: one {@link ProxyRequest} whose headers leave out the hop-by-hop fields
 * (their meaning is in the request's fields), then the body. After a WebSocket upgrade request the
 * decoder holds further bytes undecoded; removing it from the pipeline hands them on raw.
 *
 * <p>Runs on the client channel's event loop.
 */
final class RequestDecoder extends Http1Decoder {
  static final int MAX_REQUEST_LINE = 8 * 1024;
  private static final int MAX_EMPTY_LINES = 4;

  private ProxyRequest request;
  private int emptyLines;
  private int hosts;
  private int lengths;
  private int encodings;
  private AsciiString absoluteHost;
  private boolean connectionClose;
  private boolean connectionKeepAlive;
  private boolean connectionUpgrade;
  private AsciiString upgrade;

  /** True when the decoder stopped after a WebSocket upgrade request. */
  boolean holding() {
    return state == State.HOLD;
  }

  @Override
  boolean head(ByteBuf in, List<Object> out) {
    for (;;) {
      int n = readLine(in);
      if (n == NEED_MORE) {
        int pending = in.readableBytes();
        if (request == null && pending > MAX_REQUEST_LINE) {
          return fail(in, out, HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long");
        }
        return headBytes + pending > MAX_HEAD
            && fail(in, out, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "head too large");
      }
      if (n == BARE_LF) {
        return fail(in, out, HttpResponseStatus.BAD_REQUEST, "bare LF");
      }
      if (request == null && n > MAX_REQUEST_LINE) {
        return fail(in, out, HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long");
      }
      if (headBytes > MAX_HEAD) {
        return fail(in, out, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "head too large");
      }
      DecodeError error;
      if (request == null) {
        if (n == 0) {
          if (++emptyLines > MAX_EMPTY_LINES) {
            return fail(in, out, HttpResponseStatus.BAD_REQUEST, "empty lines");
          }
          headBytes = 0;
          continue;
        }
        error = requestLine(n);
      } else if (n == 0) {
        error = endOfHead(out);
        if (error == null) {
          return true;
        }
      } else {
        error = field(n);
      }
      if (error != null) {
        request = null;
        return fail(in, out, error.status, error.reason);
      }
    }
  }

  private DecodeError requestLine(int n) {
    byte[] b = line;
    int sp1 = indexOf(b, 0, n, SP);
    if (sp1 <= 0) {
      return DecodeError.badRequest("request line");
    }
    for (int i = 0; i < sp1; i++) {
      if (!TCHAR[b[i] & 0xff]) {
        return DecodeError.badRequest("method");
      }
    }
    int sp2 = indexOf(b, sp1 + 1, n, SP);
    if (sp2 < 0 || sp2 == sp1 + 1) {
      return DecodeError.badRequest("request target");
    }
    for (int i = sp1 + 1; i < sp2; i++) {
      int c = b[i] & 0xff;
      if (c <= 0x20 || c >= 0x7f) {
        return DecodeError.badRequest("request target");
      }
    }
    HttpVersion version = version(b, sp2 + 1, n);
    if (version == null) {
      return looksLikeVersion(b, sp2 + 1, n)
          ? new DecodeError(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "version")
          : DecodeError.badRequest("version");
    }
    HttpMethod method = method(b, sp1);
    String target = new String(b, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.ISO_8859_1);
    if (target.charAt(0) != '/') {
      target = nonOriginTarget(method, target);
      if (target == null) {
        return DecodeError.badRequest("request target");
      }
    }
    request = new ProxyRequest(version, method, target, HEADERS.newHeaders());
    return null;
  }

  /** Absolute form becomes origin form plus the authority as Host (RFC 9112 §3.2.2). */
  private String nonOriginTarget(HttpMethod method, String target) {
    if (target.equals("*")) {
      return method == HttpMethod.OPTIONS ? target : null;
    }
    int scheme = target.regionMatches(true, 0, "http://", 0, 7) ? 7
        : target.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
    if (scheme < 0) {
      return method == HttpMethod.CONNECT ? target : null;
    }
    int end = scheme;
    while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
      end++;
    }
    String authority = target.substring(scheme, end);
    if (authority.isEmpty() || authority.indexOf('@') >= 0) {
      return null;
    }
    absoluteHost = new AsciiString(authority);
    if (end == target.length()) {
      return "/";
    }
    return target.charAt(end) == '/' ? target.substring(end) : "/" + target.substring(end);
  }

  private DecodeError field(int n) {
    String syntax = parseField(n);
    if (syntax != null) {
      return syntax.startsWith("too many")
          ? new DecodeError(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, syntax)
          : DecodeError.badRequest(syntax);
    }
    AsciiString name = HeaderNames.known(line, 0, nameLength);
    if (name == null && underscoreAlias()) {
      return DecodeError.badRequest("field name");
    }
    HttpHeaders into = request.headers();
    if (name == HOST) {
      hosts++;
      request.host = fieldValue();
      into.add(HOST, request.host);
    } else if (name == CONTENT_LENGTH) {
      long length = valueDigits();
      if (++lengths > 1 || length < 0) {
        return DecodeError.badRequest("Content-Length");
      }
      request.contentLength = length;
      into.add(CONTENT_LENGTH, fieldValue());
    } else if (name == TRANSFER_ENCODING) {
      if (++encodings > 1 || !valueEquals("chunked")) {
        return DecodeError.badRequest("Transfer-Encoding");
      }
      request.chunked = true;
      into.add(TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    } else if (name == CONNECTION) {
      connectionTokens();
    } else if (name == UPGRADE) {
      upgrade = fieldValue();
    } else if (name != KEEP_ALIVE && name != PROXY_CONNECTION && name != TE) {
      if (name == EXPECT) {
        request.expectContinue = valueEquals("100-continue");
      } else if (name == HeaderNames.X_FORWARDED_FOR) {
        request.forwardedFor++;
      }
      into.add(name != null ? name : new AsciiString(line, 0, nameLength, true), fieldValue());
    }
    return null;
  }

  /**
   * {@code Content_Length}, {@code Transfer_Encoding}, {@code Host}: backends that map header names
   * to variables (CGI) read {@code _} as {@code -}, so these would be framing to them but not to us.
   */
  private boolean underscoreAlias() {
    if (indexOf(line, 0, nameLength, (byte) '_') < 0) {
      return false;
    }
    byte[] dashed = java.util.Arrays.copyOf(line, nameLength);
    for (int i = 0; i < nameLength; i++) {
      if (dashed[i] == '_') {
        dashed[i] = '-';
      }
    }
    AsciiString alias = HeaderNames.known(dashed, 0, nameLength);
    return alias == CONTENT_LENGTH || alias == TRANSFER_ENCODING || alias == HOST;
  }

  private void connectionTokens() {
    byte[] b = line;
    int i = valueStart;
    int s;
    while ((s = nextToken(b, i, valueEnd)) >= 0) {
      int e = tokenEnd;
      i = e;
      if (equalsIgnoreCase(b, s, e, "close")) {
        connectionClose = true;
      } else if (equalsIgnoreCase(b, s, e, "keep-alive")) {
        connectionKeepAlive = true;
      } else if (equalsIgnoreCase(b, s, e, "upgrade")) {
        connectionUpgrade = true;
      } else {
        AsciiString known = HeaderNames.known(b, s, e - s);
        // never let a client make the proxy drop framing or Host: that would desynchronise the backend
        if (known != CONTENT_LENGTH && known != TRANSFER_ENCODING && known != HOST) {
          if (request.connectionTokens == null) {
            request.connectionTokens = new ArrayList<>(2);
          }
          request.connectionTokens.add(known != null ? known : new AsciiString(b, s, e - s, true));
        }
      }
    }
  }

  private DecodeError endOfHead(List<Object> out) {
    ProxyRequest r = request;
    if (hosts > 1) {
      return DecodeError.badRequest("several Host fields");
    }
    if (absoluteHost != null) {
      r.host = absoluteHost;
      r.headers().set(HOST, absoluteHost);
    } else if (hosts == 0 && !r.http10) {
      return DecodeError.badRequest("no Host");
    }
    if (encodings > 0 && (lengths > 0 || r.http10)) {
      return DecodeError.badRequest("Transfer-Encoding with Content-Length or in HTTP/1.0");
    }
    r.keepAlive = r.http10 ? connectionKeepAlive && !connectionClose : !connectionClose;
    if (connectionUpgrade && upgrade != null && containsToken(upgrade, "websocket")) {
      r.websocket = upgrade;
    }
    out.add(r);
    startBody(r.chunked, r.contentLength, false, out);
    return null;
  }

  @Override
  void messageDone() {
    state = request != null && request.websocket != null ? State.HOLD : State.HEAD;
    request = null;
    emptyLines = 0;
    hosts = 0;
    lengths = 0;
    encodings = 0;
    absoluteHost = null;
    connectionClose = false;
    connectionKeepAlive = false;
    connectionUpgrade = false;
    upgrade = null;
  }

  private static HttpVersion version(byte[] b, int from, int to) {
    if (to - from != 8 || b[from] != 'H' || b[from + 1] != 'T' || b[from + 2] != 'T' || b[from + 3] != 'P'
        || b[from + 4] != '/' || b[from + 5] != '1' || b[from + 6] != '.') {
      return null;
    }
    return b[from + 7] == '1' ? HttpVersion.HTTP_1_1 : b[from + 7] == '0' ? HttpVersion.HTTP_1_0 : null;
  }

  private static boolean looksLikeVersion(byte[] b, int from, int to) {
    return to - from == 8 && b[from] == 'H' && b[from + 1] == 'T' && b[from + 2] == 'T' && b[from + 3] == 'P'
        && b[from + 4] == '/' && Character.isDigit(b[from + 5]) && b[from + 6] == '.' && Character.isDigit(b[from + 7]);
  }

  private static HttpMethod method(byte[] b, int n) {
    if (n == 3 && b[0] == 'G' && b[1] == 'E' && b[2] == 'T') {
      return HttpMethod.GET;
    }
    if (n == 4 && b[0] == 'P' && b[1] == 'O' && b[2] == 'S' && b[3] == 'T') {
      return HttpMethod.POST;
    }
    if (n == 4 && b[0] == 'H' && b[1] == 'E' && b[2] == 'A' && b[3] == 'D') {
      return HttpMethod.HEAD;
    }
    if (n == 3 && b[0] == 'P' && b[1] == 'U' && b[2] == 'T') {
      return HttpMethod.PUT;
    }
    return HttpMethod.valueOf(new String(b, 0, n, StandardCharsets.ISO_8859_1));
  }
}
