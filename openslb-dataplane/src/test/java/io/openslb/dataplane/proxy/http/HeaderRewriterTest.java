package io.openslb.dataplane.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the backend sees of a request, what gzip may touch, and the cookie work of stickiness. */
class HeaderRewriterTest {
  static final AsciiString IP = new AsciiString("10.1.2.3");
  static final AsciiString PORT = new AsciiString("40000");

  static ProxyRequest parse(String raw) {
    EmbeddedChannel ch = new EmbeddedChannel(new RequestDecoder());
    ch.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
    ProxyRequest r = ch.readInbound();
    ch.finishAndReleaseAll();
    return r;
  }

  @Test
  void forwardedForIsAppendedAndOtherHeadersFollowTheSwitches() {
    HttpListenerConfig c = Listeners.config(Map.of("xForwardedForProto", "on", "xForwardedForSlbIp", "on",
        "xForwardedForSlbId", "on", "xForwardedForSlbPort", "on", "xForwardedForClientSrcPort", "on"));
    ProxyRequest r = parse("GET / HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 1.1.1.1\r\nx-forwarded-for: 2.2.2.2\r\n"
        + "SLB-IP: forged\r\n\r\n");
    HeaderRewriter.request(r, c, IP, PORT);
    HttpHeaders h = r.headers();
    assertThat(h.getAll("X-Forwarded-For")).containsExactly("1.1.1.1, 2.2.2.2, 10.1.2.3");
    assertThat(h.get("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(h.getAll("SLB-IP")).containsExactly("127.0.0.9");
    assertThat(h.get("SLB-ID")).isEqualTo("lb-test");
    assertThat(h.get("X-Forwarded-Port")).isEqualTo("80");
    assertThat(h.get("X-Forwarded-Client-Port")).isEqualTo("40000");
  }

  @Test
  void defaultsAddOnlyForwardedFor() {
    HttpListenerConfig c = Listeners.config(Map.of());
    ProxyRequest r = parse("GET / HTTP/1.0\r\n\r\n");
    HeaderRewriter.request(r, c, IP, PORT);
    assertThat(r.headers().get("x-forwarded-for")).isEqualTo("10.1.2.3");
    assertThat(r.headers().contains("x-forwarded-proto")).isFalse();
    assertThat(r.headers().contains("slb-ip")).isFalse();
    assertThat(r.headers().get("host")).as("HTTP/1.0 without Host gets the listener's address").isEqualTo("127.0.0.9:80");
    assertThat(r.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_1);
  }

  @Test
  void forwardedForOffPassesTheClientValueUntouched() {
    HttpListenerConfig c = Listeners.config(Map.of("xForwardedFor", "off"));
    ProxyRequest r = parse("GET / HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 1.1.1.1\r\n\r\n");
    HeaderRewriter.request(r, c, IP, PORT);
    assertThat(r.headers().get("x-forwarded-for")).isEqualTo("1.1.1.1");
  }

  @Test
  void connectionNominatedFieldsAreDroppedAndWebSocketReannounced() {
    HttpListenerConfig c = Listeners.config(Map.of());
    ProxyRequest r = parse("GET /ws HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, X-Secret\r\nX-Secret: s\r\n"
        + "Upgrade: websocket\r\n\r\n");
    HeaderRewriter.request(r, c, IP, PORT);
    assertThat(r.headers().contains("x-secret")).isFalse();
    assertThat(r.headers().get("connection")).isEqualTo("upgrade");
    assertThat(r.headers().get("upgrade")).isEqualTo("websocket");
  }

  @Test
  void acceptEncodingTable() {
    assertThat(HeaderRewriter.acceptsGzip("gzip")).isTrue();
    assertThat(HeaderRewriter.acceptsGzip("deflate, gzip;q=0.5")).isTrue();
    assertThat(HeaderRewriter.acceptsGzip("br, *")).isTrue();
    assertThat(HeaderRewriter.acceptsGzip("X-GZIP")).isTrue();
    assertThat(HeaderRewriter.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(HeaderRewriter.acceptsGzip("gzip; q=0.000, br")).isFalse();
    assertThat(HeaderRewriter.acceptsGzip("gzipped, br")).isFalse();
    assertThat(HeaderRewriter.acceptsGzip("identity")).isFalse();
    assertThat(HeaderRewriter.acceptsGzip("")).isFalse();
    assertThat(HeaderRewriter.acceptsGzip(null)).isFalse();
  }

  @Test
  void compressibleTypesAreExactlyTheDocumentedOnes() {
    for (String t : List.of("text/xml", "text/plain; charset=utf-8", "TEXT/CSS", "application/javascript",
        "application/x-javascript", "application/rss+xml", "application/atom+xml", "application/xml ;q=1")) {
      assertThat(HeaderRewriter.compressible(t)).as(t).isTrue();
    }
    for (String t : List.of("text/html", "application/json", "image/png", "application/octet-stream", "text/plainx")) {
      assertThat(HeaderRewriter.compressible(t)).as(t).isFalse();
    }
    assertThat(HeaderRewriter.compressible(null)).isFalse();
  }

  @Test
  void cookies() {
    assertThat(HeaderRewriter.cookieValue("a=1; SERVERID=abc; b=2", "SERVERID")).isEqualTo("abc");
    assertThat(HeaderRewriter.cookieValue("SERVERID=abc", "SERVERID")).isEqualTo("abc");
    assertThat(HeaderRewriter.cookieValue("XSERVERID=abc", "SERVERID")).isNull();
    assertThat(HeaderRewriter.cookieValue("serverid=abc", "SERVERID")).isNull();
    assertThat(HeaderRewriter.cookieValue("a=1", "SERVERID")).isNull();

    String id = "0123456789abcdef";
    String[] split = HeaderRewriter.splitPrefixedCookie("a=1; JSESSIONID=" + id + "~s3cr3t; b=2", "JSESSIONID");
    assertThat(split).containsExactly(id, "a=1; JSESSIONID=s3cr3t; b=2");
    assertThat(HeaderRewriter.splitPrefixedCookie("JSESSIONID=s3cr3t", "JSESSIONID")).isNull();
    assertThat(HeaderRewriter.splitPrefixedCookie("JSESSIONID=0123456789ABCDEF~x", "JSESSIONID")).isNull();

    HttpHeaders h = new DefaultHttpHeaders();
    h.add("Set-Cookie", "JSESSIONID=s3cr3t; Path=/; HttpOnly");
    h.add("Set-Cookie", "other=1");
    HeaderRewriter.prefixSetCookies(h, "JSESSIONID", id);
    assertThat(h.getAll("Set-Cookie")).containsExactly("JSESSIONID=" + id + "~s3cr3t; Path=/; HttpOnly", "other=1");
  }
}
