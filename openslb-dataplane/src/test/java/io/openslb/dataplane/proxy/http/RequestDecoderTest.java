package io.openslb.dataplane.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The strict request parser: byte-exact requests in, requests or refusals out. */
class RequestDecoderTest {

  /** Feeds {@code raw} (optionally in pieces) and returns every decoded message. */
  static List<Object> decode(String... pieces) {
    EmbeddedChannel ch = new EmbeddedChannel(new RequestDecoder());
    for (String p : pieces) {
      ch.writeInbound(Unpooled.copiedBuffer(p, StandardCharsets.ISO_8859_1));
    }
    List<Object> out = new ArrayList<>();
    Object m;
    while ((m = ch.readInbound()) != null) {
      out.add(m);
    }
    ch.finishAndReleaseAll();
    return out;
  }

  static String body(List<Object> msgs) {
    StringBuilder sb = new StringBuilder();
    for (Object m : msgs) {
      if (m instanceof HttpContent c) {
        sb.append(c.content().toString(StandardCharsets.ISO_8859_1));
      }
    }
    return sb.toString();
  }

  static void release(List<Object> msgs) {
    msgs.forEach(ReferenceCountUtil::release);
  }

  @Test
  void simpleGetIsOneRequestAndAnEmptyEnd() {
    List<Object> out = decode("GET /a?b=1 HTTP/1.1\r\nHost: Example.com:8080\r\nUser-Agent: t\r\nX-Custom: v1 \r\n"
        + "Connection: keep-alive, X-Drop\r\nKeep-Alive: 5\r\nTE: trailers\r\nX-Drop: x\r\n\r\n");
    assertThat(out).hasSize(2);
    ProxyRequest r = (ProxyRequest) out.get(0);
    assertThat(r.method()).isEqualTo(HttpMethod.GET);
    assertThat(r.uri()).isEqualTo("/a?b=1");
    assertThat(r.host.toString()).isEqualTo("Example.com:8080");
    assertThat(r.keepAlive).isTrue();
    assertThat(r.hasBody()).isFalse();
    assertThat(r.headers().get("x-custom")).isEqualTo("v1");
    assertThat(r.headers().contains("connection")).isFalse();
    assertThat(r.headers().contains("keep-alive")).isFalse();
    assertThat(r.headers().contains("te")).isFalse();
    assertThat(r.connectionTokens).extracting(Object::toString).containsExactly("X-Drop");
    assertThat(out.get(1)).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
  }

  @Test
  void keepAliveDefaultsPerVersion() {
    List<Object> out = decode("GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"
        + "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    List<ProxyRequest> reqs = out.stream().filter(ProxyRequest.class::isInstance).map(ProxyRequest.class::cast).toList();
    assertThat(reqs).extracting(r -> r.keepAlive).containsExactly(false, true, false);
    assertThat(reqs.get(0).http10).isTrue();
    assertThat((Object) reqs.get(0).host).isNull();
  }

  @Test
  void contentLengthBodyArrivingInPiecesIsStreamedAsSlices() {
    List<Object> out = decode("POST /u HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhel", "lo wo", "rldGET / HTTP/1.1\r\nHost: b\r\n\r\n");
    assertThat(out.get(0)).isInstanceOf(ProxyRequest.class);
    assertThat(((ProxyRequest) out.get(0)).contentLength).isEqualTo(11);
    assertThat(out.stream().filter(LastHttpContent.class::isInstance).count()).isEqualTo(2);
    assertThat(body(out.subList(0, 5))).isEqualTo("hello world");
    assertThat(out.get(5)).isInstanceOf(ProxyRequest.class);
    release(out);
  }

  @Test
  void chunkedBodyWithExtensionsAndTrailers() {
    List<Object> out = decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
        + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: 42\r\nContent-Length: 7\r\n\r\n");
    ProxyRequest r = (ProxyRequest) out.get(0);
    assertThat(r.chunked).isTrue();
    assertThat(r.headers().get("transfer-encoding")).isEqualTo("chunked");
    assertThat(body(out)).isEqualTo("hello world");
    LastHttpContent last = (LastHttpContent) out.get(out.size() - 1);
    assertThat(last.trailingHeaders().get("x-checksum")).isEqualTo("42");
    assertThat(last.trailingHeaders().contains("content-length")).as("framing fields are not trailers").isFalse();
    release(out);
  }

  @Test
  void absoluteFormBecomesOriginFormWithHost() {
    List<Object> out = decode("GET http://www.a.com:81?q=1 HTTP/1.1\r\nHost: other\r\n\r\n");
    ProxyRequest r = (ProxyRequest) out.get(0);
    assertThat(r.uri()).isEqualTo("/?q=1");
    assertThat(r.host.toString()).isEqualTo("www.a.com:81");
    assertThat(r.headers().get("host")).isEqualTo("www.a.com:81");
  }

  @Test
  void websocketUpgradeHoldsTheBytesThatFollow() {
    EmbeddedChannel ch = new EmbeddedChannel(new RequestDecoder());
    ch.writeInbound(Unpooled.copiedBuffer("GET /ws HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
        + "Sec-WebSocket-Key: k\r\n\r\n\u0081\u0085garbage", StandardCharsets.ISO_8859_1));
    ProxyRequest r = ch.readInbound();
    assertThat(r.websocket.toString()).isEqualTo("websocket");
    assertThat((Object) ch.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
    assertThat((Object) ch.readInbound()).isNull();
    assertThat(ch.pipeline().get(RequestDecoder.class).holding()).isTrue();
    ch.pipeline().remove(RequestDecoder.class);
    ByteBuf raw = ch.readInbound();
    assertThat(raw.toString(StandardCharsets.ISO_8859_1)).isEqualTo("\u0081\u0085garbage");
    raw.release();
    ch.finishAndReleaseAll();
  }

  @Test
  void connectionCannotNominateFramingFields() {
    List<Object> out = decode("POST / HTTP/1.1\r\nHost: a\r\nConnection: content-length, transfer-encoding, host\r\n"
        + "Content-Length: 2\r\n\r\nok");
    ProxyRequest r = (ProxyRequest) out.get(0);
    assertThat(r.connectionTokens).isNull();
    assertThat(r.headers().get("content-length")).isEqualTo("2");
    release(out);
  }

  @Test
  void leadingEmptyLinesAreIgnored() {
    List<Object> out = decode("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
    assertThat(out.get(0)).isInstanceOf(ProxyRequest.class);
  }

  record Refusal(String name, int status, String raw) {}

  /** Requests a smuggler would send (RFC 9112 §6.3, ECOSYSTEM.md §4.3): each is refused, and nothing after it is read. */
  static final List<Refusal> REFUSALS = List.of(
      new Refusal("CL.TE", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG"),
      new Refusal("TE.CL", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n"),
      new Refusal("CL.CL same value", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello"),
      new Refusal("CL.CL different", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
      new Refusal("CL list", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello"),
      new Refusal("CL plus sign", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nhello"),
      new Refusal("CL negative", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n"),
      new Refusal("CL hex", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x5\r\n\r\nhello"),
      new Refusal("CL inner space", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 5\r\n\r\nhello"),
      new Refusal("CL empty", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n"),
      new Refusal("CL too long", 400, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1234567890123456789\r\n\r\n"),
      new Refusal("TE xchunked", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n"),
      new Refusal("TE list", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
      new Refusal("TE chunked then identity", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n"),
      new Refusal("TE twice", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
      new Refusal("TE space before colon", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n"),
      new Refusal("TE with underscore", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer_Encoding: chunked\r\n\r\n0\r\n\r\n"),
      new Refusal("TE folded", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n"),
      new Refusal("TE in HTTP/1.0", 400, "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
      new Refusal("TE vertical tab", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\u000bchunked\r\n\r\n0\r\n\r\n"),
      new Refusal("obs-fold", 400, "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n"),
      new Refusal("obs-fold with tab", 400, "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n\tc\r\n\r\n"),
      new Refusal("bare LF line ends", 400, "GET / HTTP/1.1\nHost: a\n\n"),
      new Refusal("bare LF in head", 400, "GET / HTTP/1.1\r\nHost: a\nX: y\r\n\r\n"),
      new Refusal("bare CR in value", 400, "GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n"),
      new Refusal("NUL in value", 400, "GET / HTTP/1.1\r\nHost: a\r\nX: a\u0000b\r\n\r\n"),
      new Refusal("space in name", 400, "GET / HTTP/1.1\r\nHost: a\r\nX Y: a\r\n\r\n"),
      new Refusal("empty name", 400, "GET / HTTP/1.1\r\nHost: a\r\n: a\r\n\r\n"),
      new Refusal("no colon", 400, "GET / HTTP/1.1\r\nHost: a\r\nXY\r\n\r\n"),
      new Refusal("no Host", 400, "GET / HTTP/1.1\r\nX: y\r\n\r\n"),
      new Refusal("two Hosts", 400, "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
      new Refusal("HTTP/2.0 version", 505, "GET / HTTP/2.0\r\nHost: a\r\n\r\n"),
      new Refusal("lower-case version", 400, "GET / http/1.1\r\nHost: a\r\n\r\n"),
      new Refusal("HTTP/0.9 style", 400, "GET /\r\n\r\n"),
      new Refusal("double space", 400, "GET  / HTTP/1.1\r\nHost: a\r\n\r\n"),
      new Refusal("trailing space", 400, "GET / HTTP/1.1 \r\nHost: a\r\n\r\n"),
      new Refusal("non-ASCII target", 400, "GET /\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n"),
      new Refusal("relative target", 400, "GET index.html HTTP/1.1\r\nHost: a\r\n\r\n"),
      new Refusal("userinfo in absolute form", 400, "GET http://u@a/ HTTP/1.1\r\nHost: a\r\n\r\n"),
      new Refusal("chunk size with plus", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n+5\r\nhello\r\n0\r\n\r\n"),
      new Refusal("chunk size 0x", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n"),
      new Refusal("chunk size leading space", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n 5\r\nhello\r\n0\r\n\r\n"),
      new Refusal("chunk size trailing space", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n"),
      new Refusal("chunk size huge", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\nhello\r\n"),
      new Refusal("chunk size empty", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\r\nhello\r\n0\r\n\r\n"),
      new Refusal("chunk size bare LF", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n"),
      new Refusal("chunk data too long", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX\r\n0\r\n\r\n"),
      new Refusal("chunk extension with CTL", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;a=\u0001\r\nhello\r\n0\r\n\r\n"),
      new Refusal("trailer folded", 400, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: a\r\n b\r\n\r\n"),
      new Refusal("request line too long", 414, "GET /" + "a".repeat(RequestDecoder.MAX_REQUEST_LINE) + " HTTP/1.1\r\nHost: a\r\n\r\n"),
      new Refusal("head too large", 431, "GET / HTTP/1.1\r\nHost: a\r\n" + ("X-Filler: " + "b".repeat(1000) + "\r\n").repeat(70) + "\r\n"),
      new Refusal("too many fields", 431, "GET / HTTP/1.1\r\nHost: a\r\n" + "X: y\r\n".repeat(RequestDecoder.MAX_FIELDS + 1) + "\r\n"));

  @TestFactory
  Stream<DynamicTest> smugglingAttemptsAreRefused() {
    return REFUSALS.stream().map(c -> dynamicTest(c.name(), () -> {
      List<Object> out = decode(c.raw(), "GET /next HTTP/1.1\r\nHost: a\r\n\r\n");
      DecodeError error = out.stream().filter(DecodeError.class::isInstance).map(DecodeError.class::cast)
          .findFirst().orElseThrow(() -> new AssertionError("not refused: " + out));
      assertThat(error.status.code()).isEqualTo(c.status());
      assertThat(out.get(out.size() - 1)).as("nothing is decoded after a refusal").isSameAs(error);
      assertThat(out.stream().filter(ProxyRequest.class::isInstance).map(m -> ((ProxyRequest) m).uri()))
          .as("the following request is never seen").doesNotContain("/next");
      release(out);
    }));
  }

  @Test
  void toleratedVariantsAreAccepted() {
    // optional whitespace around values and any case of "chunked" are fine
    List<Object> out = decode("POST / HTTP/1.1\r\nhost:a\r\nTRANSFER-ENCODING:\t chunked \t\r\n\r\n0\r\n\r\n");
    assertThat(((ProxyRequest) out.get(0)).chunked).isTrue();
    assertThat(out.get(out.size() - 1)).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
  }
}
