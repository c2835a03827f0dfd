package io.openslb.dataplane.proxy.http;

import static io.netty.handler.codec.http.HttpHeaderNames.CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH;
import static io.netty.handler.codec.http.HttpHeaderNames.KEEP_ALIVE;
import static io.netty.handler.codec.http.HttpHeaderNames.PROXY_CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.TE;
import static io.netty.handler.codec.http.HttpHeaderNames.TRANSFER_ENCODING;
import static io.netty.handler.codec.http.HttpHeaderNames.UPGRADE;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict parser of a backend's responses (the parsing core is {@link Http1Decoder}). A backend
 * connection carries one request at a time, so instead of a request queue the proxy sets {@link
 * #headRequest} when it sends one.
 *
 * <p>Framing (RFC 9112 §6.3): no body for HEAD, 1xx, 204 and 304; else {@code chunked} (which
 * overrides a Content-Length, dropped), else Content-Length (identical duplicates accepted), else
 * the body runs until the backend closes. A Transfer-Encoding other than {@code chunked},
 * differing Content-Lengths, obsolete line folding and the like make a {@link DecodeError}: the
 * proxy answers 502 and drops the connection. Interim (1xx) responses are emitted like others and
 * followed by the final one; after a 101 the decoder holds the bytes that follow until the proxy
 * removes it and relays them raw.
 *
 * <p>Runs on the backend channel's event loop (the client's).
 */
final class ResponseDecoder extends Http1Decoder {
  static final int MAX_STATUS_LINE = 8 * 1024;

  boolean headRequest;
  private ProxyResponse response;
  private int lengths;
  private int encodings;
  private boolean connectionClose;
  private boolean connectionKeepAlive;
  private AsciiString upgrade;
  private List<AsciiString> dropped;

  @Override
  boolean head(ByteBuf in, List<Object> out) {
    for (;;) {
      int n = readLine(in);
      if (n == NEED_MORE) {
        int pending = in.readableBytes();
        return (response == null ? pending > MAX_STATUS_LINE : headBytes + pending > MAX_HEAD)
            && fail(in, out, HttpResponseStatus.BAD_GATEWAY, "response head too large");
      }
      if (n == BARE_LF) {
        return fail(in, out, HttpResponseStatus.BAD_GATEWAY, "bare LF");
      }
      if (headBytes > MAX_HEAD) {
        return fail(in, out, HttpResponseStatus.BAD_GATEWAY, "response head too large");
      }
      String error;
      if (response == null) {
        error = statusLine(n);
      } else if (n == 0) {
        endOfHead(out);
        return true;
      } else {
        error = field(n);
      }
      if (error != null) {
        response = null;
        return fail(in, out, HttpResponseStatus.BAD_GATEWAY, error);
      }
    }
  }

  /** {@code HTTP/1.x SP 3DIGIT [SP reason]}. */
  private String statusLine(int n) {
    byte[] b = line;
    if (n < 12 || b[0] != 'H' || b[1] != 'T' || b[2] != 'T' || b[3] != 'P' || b[4] != '/' || b[5] != '1'
        || b[6] != '.' || (b[7] != '0' && b[7] != '1') || b[8] != SP) {
      return "status line";
    }
    int code = 0;
    for (int i = 9; i < 12; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return "status code";
      }
      code = code * 10 + d;
    }
    if (code < 100 || code > 599 || (n > 12 && b[12] != SP)) {
      return "status code";
    }
    for (int i = 13; i < n; i++) {
      int c = b[i] & 0xff;
      if ((c < 0x20 && c != HT) || c == 0x7f) {
        return "reason phrase";
      }
    }
    HttpResponseStatus status = HttpResponseStatus.valueOf(code);
    String standard = status.reasonPhrase();
    int reasonLength = Math.max(0, n - 13);
    if (reasonLength != standard.length() || !sameAscii(b, 13, standard)) {
      status = new HttpResponseStatus(code, new String(b, 13, reasonLength, StandardCharsets.ISO_8859_1));
    }
    response = new ProxyResponse(b[7] == '1' ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0, status, HEADERS.newHeaders());
    return null;
  }

  private static boolean sameAscii(byte[] b, int from, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (b[from + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String field(int n) {
    String syntax = parseField(n);
    if (syntax != null) {
      return syntax;
    }
    AsciiString name = HeaderNames.known(line, 0, nameLength);
    if (name == CONTENT_LENGTH) {
      long length = valueDigits();
      if (length < 0 || (lengths++ > 0 && length != response.contentLength)) {
        return "Content-Length";
      }
      if (lengths == 1) {
        response.contentLength = length;
        response.headers().add(CONTENT_LENGTH, fieldValue());
      }
    } else if (name == TRANSFER_ENCODING) {
      if (++encodings > 1 || !valueEquals("chunked")) {
        return "Transfer-Encoding";
      }
      response.chunked = true;
      response.headers().add(TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    } else if (name == CONNECTION) {
      connectionTokens();
    } else if (name == UPGRADE) {
      upgrade = fieldValue();
    } else if (name != KEEP_ALIVE && name != PROXY_CONNECTION && name != TE) {
      response.headers().add(name != null ? name : new AsciiString(line, 0, nameLength, true), fieldValue());
    }
    return null;
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
      } else if (!equalsIgnoreCase(b, s, e, "upgrade")) {
        AsciiString known = HeaderNames.known(b, s, e - s);
        if (known != CONTENT_LENGTH && known != TRANSFER_ENCODING) {
          if (dropped == null) {
            dropped = new ArrayList<>(2);
          }
          dropped.add(known != null ? known : new AsciiString(b, s, e - s, true));
        }
      }
    }
  }

  private void endOfHead(List<Object> out) {
    ProxyResponse r = response;
    if (dropped != null) {
      for (AsciiString name : dropped) {
        r.headers().remove(name);
      }
    }
    if (r.chunked && lengths > 0) {
      r.headers().remove(CONTENT_LENGTH); // chunked wins (RFC 9112 §6.3); never forward both
      r.contentLength = -1;
    }
    r.keepAlive = r.protocolVersion() == HttpVersion.HTTP_1_1 ? !connectionClose : connectionKeepAlive && !connectionClose;
    int code = r.status().code();
    out.add(r);
    if (code < 200 || code == 204 || code == 304 || (headRequest && code >= 200)) {
      if (code == 101) {
        r.upgrade = upgrade;
        r.keepAlive = false;
      }
      out.add(LastHttpContent.EMPTY_LAST_CONTENT);
      messageDone();
      return;
    }
    boolean untilClose = !r.chunked && r.contentLength < 0;
    if (untilClose) {
      r.keepAlive = false;
    }
    startBody(r.chunked, r.contentLength, untilClose, out);
  }

  @Override
  void messageDone() {
    boolean switched = response != null && response.status().code() == 101;
    state = switched ? State.HOLD : State.HEAD;
    response = null;
    headBytes = 0;
    fields = 0;
    lengths = 0;
    encodings = 0;
    connectionClose = false;
    connectionKeepAlive = false;
    upgrade = null;
    dropped = null;
  }
}
