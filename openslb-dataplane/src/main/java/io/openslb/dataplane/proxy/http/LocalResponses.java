package io.openslb.dataplane.proxy.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Responses the proxy writes itself: error pages (400, 502, 503, 504, ...) in the style of the
 * cloud's Tengine pages, and the HTTPS redirect of ListenerForward. Bodies are built once per
 * status and shared. The caller adds the Connection field.
 */
final class LocalResponses {
  private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final AsciiString TEXT_HTML = AsciiString.cached("text/html");
  private static final ConcurrentHashMap<Integer, byte[]> BODIES = new ConcurrentHashMap<>();

  private LocalResponses() {}

  static FullHttpResponse error(HttpResponseStatus status) {
    byte[] body = BODIES.computeIfAbsent(status.code(), c -> page(status));
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body),
        HEADERS, HEADERS);
    r.headers().add(HttpHeaderNames.CONTENT_TYPE, TEXT_HTML);
    r.headers().add(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return r;
  }

  /** 301 to {@code https://<host without port>:<ForwardPort><target>} (ListenerForward). */
  static FullHttpResponse redirect(ProxyRequest r, HttpListenerConfig config) {
    return redirect(httpsLocation(r, config));
  }

  static String httpsLocation(ProxyRequest r, HttpListenerConfig config) {
    CharSequence host = r.host;
    int end = host == null ? 0 : host.length();
    if (end > 0) {
      boolean literal = host.charAt(0) == '[';
      for (int i = 0; i < end; i++) {
        char c = host.charAt(i);
        if (literal && c == ']') {
          end = i + 1;
          break;
        }
        if (!literal && c == ':') {
          end = i;
          break;
        }
      }
    }
    StringBuilder sb = new StringBuilder(24 + end + r.uri().length()).append("https://");
    if (end == 0) {
      sb.append(config.vip);
    } else {
      sb.append(host, 0, end);
    }
    sb.append(':').append(config.redirectPort);
    return sb.append(r.uri().equals("*") ? "/" : r.uri()).toString();
  }

  static FullHttpResponse redirect(String location) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.MOVED_PERMANENTLY,
        Unpooled.EMPTY_BUFFER, HEADERS, HEADERS);
    r.headers().add(HttpHeaderNames.LOCATION, location);
    r.headers().add(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
    return r;
  }

  private static byte[] page(HttpResponseStatus status) {
    String title = status.code() + " " + status.reasonPhrase();
    return ("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
        + "</h1></center>\r\n<hr><center>openslb</center>\r\n</body>\r\n</html>\r\n").getBytes(StandardCharsets.US_ASCII);
  }
}
