package io.openslb.dataplane.proxy.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.util.Iterator;
import java.util.Map;

/**
 * HTTP/2 header blocks to and from the HTTP/1.1 messages the proxy relays (RFC 9113 §8.2-8.3).
 * A request becomes a {@link ProxyRequest} with its facts filled in, as {@link RequestDecoder}
 * would have produced it: {@code :authority} becomes Host, split cookie fields are joined, hop-by-hop
 * fields are dropped (the codec already refuses connection-specific ones). Names are classified
 * with {@link HeaderNames}, as the HTTP/1.1 decoders do. Stateless.
 */
final class Http2Messages {
  private Http2Messages() {}

  /**
   * The request of a HEADERS frame: a {@link ProxyRequest}, or a {@link DecodeError} (400) for a
   * request HTTP/1.1 cannot carry. {@code endStream}: the request has no body.
   */
  static Object request(Http2Headers in, boolean endStream) {
    CharSequence method = in.method();
    CharSequence path = in.path();
    if (method == null || path == null || path.length() == 0) {
      return DecodeError.badRequest("HTTP/2 request without :method or :path");
    }
    HttpHeaders h = Http1Decoder.HEADERS.newHeaders();
    StringBuilder cookies = null;
    CharSequence length = null;
    int lengths = 0;
    int forwardedFor = 0;
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = in.iterator(); it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      CharSequence name = e.getKey();
      if (name.length() == 0 || name.charAt(0) == ':') {
        continue;
      }
      CharSequence value = e.getValue();
      if (HttpHeaderNames.COOKIE.contentEquals(name)) {
        cookies = cookies == null ? new StringBuilder(value) : cookies.append("; ").append(value);
        continue;
      }
      AsciiString known = HeaderNames.known(name);
      if (known != null && HeaderNames.hopByHop(known)) {
        continue; // TE: trailers (the codec refuses the others)
      }
      if (known == HttpHeaderNames.CONTENT_LENGTH) {
        length = value;
        lengths++;
      } else if (known == HeaderNames.X_FORWARDED_FOR) {
        forwardedFor++;
      }
      h.add(name, value);
    }
    if (cookies != null) {
      h.add(HttpHeaderNames.COOKIE, cookies.toString());
    }
    CharSequence authority = in.authority();
    if (authority != null) {
      h.set(HttpHeaderNames.HOST, authority); // :authority wins over a Host field (§8.3.1)
    }
    ProxyRequest r = new ProxyRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method.toString()), path.toString(), h);
    r.keepAlive = true;
    CharSequence host = authority != null ? authority : h.get(HttpHeaderNames.HOST);
    r.host = host == null ? null : AsciiString.of(host);
    r.forwardedFor = forwardedFor;
    r.expectContinue = h.containsValue(HttpHeaderNames.EXPECT, "100-continue", true);
    if (endStream) {
      if (length != null) {
        h.set(HttpHeaderNames.CONTENT_LENGTH, "0"); // END_STREAM on the HEADERS: no body whatever it says
        r.contentLength = 0;
      }
    } else if (length != null) {
      AsciiString digits = AsciiString.of(length);
      long n = Http1Decoder.digits(digits.array(), digits.arrayOffset(), digits.arrayOffset() + digits.length());
      if (n < 0 || lengths > 1) {
        return DecodeError.badRequest("bad content-length in HTTP/2");
      }
      r.contentLength = n;
    } else {
      r.chunked = true;
      h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    return r;
  }

  /**
   * A request's trailing HEADERS as HTTP/1.1 trailers: pseudo-headers and the fields an HTTP/1.1
   * request may not carry as trailers are dropped, as {@link Http1Decoder} drops them.
   */
  static HttpHeaders requestTrailers(Http2Headers in) {
    HttpHeaders out = Http1Decoder.TRAILERS.newHeaders();
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = in.iterator(); it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      CharSequence name = e.getKey();
      if (name.length() == 0 || name.charAt(0) == ':') {
        continue;
      }
      AsciiString known = HeaderNames.known(name);
      if (known == null || !HeaderNames.forbiddenInTrailers(known)) {
        out.add(name, e.getValue());
      }
    }
    return out;
  }

  /** The HEADERS of a response head (status and fields, names in lower case, hop-by-hop ones dropped). */
  static Http2Headers response(HttpResponse res) {
    HttpHeaders in = res.headers();
    Http2Headers out = new DefaultHttp2Headers(false, in.size() + 1);
    out.status(res.status().codeAsText());
    copy(in, out);
    return out;
  }

  /** The trailing HEADERS of a chunked response. */
  static Http2Headers trailers(HttpHeaders in) {
    Http2Headers out = new DefaultHttp2Headers(false, in.size());
    copy(in, out);
    return out;
  }

  private static void copy(HttpHeaders in, Http2Headers out) {
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = in.iteratorCharSequence(); it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      AsciiString known = HeaderNames.known(e.getKey());
      if (known == null) {
        out.add(AsciiString.of(e.getKey()).toLowerCase(), e.getValue());
      } else if (!HeaderNames.hopByHop(known)) {
        out.add(known, e.getValue());
      }
    }
  }
}
