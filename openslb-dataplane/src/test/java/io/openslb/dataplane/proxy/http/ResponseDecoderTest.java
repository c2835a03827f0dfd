package io.openslb.dataplane.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backend responses byte by byte: framing, keep-alive, hop-by-hop fields, interim and 101 answers, refusals. */
class ResponseDecoderTest {
  static List<Object> decode(boolean head, boolean close, String... pieces) {
    ResponseDecoder d = new ResponseDecoder();
    d.headRequest = head;
    EmbeddedChannel ch = new EmbeddedChannel(d);
    for (String p : pieces) {
      ch.writeInbound(Unpooled.copiedBuffer(p, StandardCharsets.ISO_8859_1));
    }
    if (close) {
      ch.finish();
    }
    List<Object> out = new ArrayList<>();
    Object m;
    while ((m = ch.readInbound()) != null) {
      out.add(m);
    }
    ch.finishAndReleaseAll();
    return out;
  }

  static List<Object> decode(String... pieces) {
    return decode(false, false, pieces);
  }

  static String body(List<Object> msgs) {
    StringBuilder sb = new StringBuilder();
    for (Object m : msgs) {
      if (m instanceof HttpContent c) {
        sb.append(c.content().toString(StandardCharsets.ISO_8859_1));
      }
    }
    msgs.forEach(ReferenceCountUtil::release);
    return sb.toString();
  }

  @Test
  void lengthDelimitedResponseWithHopByHopFieldsRemoved() {
    List<Object> out = decode("HTTP/1.1 200 OK\r\nServer: x\r\nConnection: keep-alive, X-Hop\r\nKeep-Alive: timeout=5\r\n"
        + "X-Hop: 1\r\nContent-Length: 5\r\n\r\nhel", "lo");
    ProxyResponse r = (ProxyResponse) out.get(0);
    assertThat(r.status().code()).isEqualTo(200);
    assertThat(r.keepAlive).isTrue();
    assertThat(r.contentLength).isEqualTo(5);
    assertThat(r.headers().names()).containsExactlyInAnyOrder("server", "content-length");
    assertThat(out.get(out.size() - 1)).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
    assertThat(body(out)).isEqualTo("hello");
  }

  @Test
  void keepAliveByVersionAndConnection() {
    assertThat(((ProxyResponse) decode("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n").get(0)).keepAlive).isFalse();
    assertThat(((ProxyResponse) decode("HTTP/1.0 204 No Content\r\n\r\n").get(0)).keepAlive).isFalse();
    assertThat(((ProxyResponse) decode("HTTP/1.0 204 No Content\r\nConnection: Keep-Alive\r\n\r\n").get(0)).keepAlive).isTrue();
  }

  @Test
  void chunkedOverridesContentLengthAndTrailersPass() {
    List<Object> out = decode("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3\r\nabc\r\n0\r\nX-Sum: 3\r\n\r\n");
    ProxyResponse r = (ProxyResponse) out.get(0);
    assertThat(r.chunked).isTrue();
    assertThat(r.contentLength).isEqualTo(-1);
    assertThat(r.headers().contains("content-length")).isFalse();
    assertThat(((LastHttpContent) out.get(out.size() - 1)).trailingHeaders().get("x-sum")).isEqualTo("3");
    assertThat(body(out)).isEqualTo("abc");
  }

  @Test
  void bodyUntilCloseEndsWithTheConnection() {
    List<Object> out = decode(false, true, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil", "-close");
    ProxyResponse r = (ProxyResponse) out.get(0);
    assertThat(r.keepAlive).isFalse();
    assertThat(out.get(out.size() - 1)).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
    assertThat(body(out)).isEqualTo("until-close");
  }

  @Test
  void noBodyForHead204And304() {
    List<Object> head = decode(true, false, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    assertThat(head).hasSize(4);
    assertThat(head.get(2)).isInstanceOf(ProxyResponse.class);
    List<Object> notModified = decode("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");
    assertThat(notModified).hasSize(4);
  }

  @Test
  void interimResponsesPrecedeTheFinalOne() {
    List<Object> out = decode("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    assertThat(out.stream().filter(ProxyResponse.class::isInstance).map(m -> ((ProxyResponse) m).status().code()))
        .containsExactly(100, 103, 200);
    assertThat(body(out)).isEqualTo("ok");
  }

  @Test
  void switchingProtocolsHoldsTheTunnelBytes() {
    ResponseDecoder d = new ResponseDecoder();
    EmbeddedChannel ch = new EmbeddedChannel(d);
    ch.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: x\r\n\r\n\u0081\u0002hi", StandardCharsets.ISO_8859_1));
    ProxyResponse r = ch.readInbound();
    assertThat(r.upgrade.toString()).isEqualTo("websocket");
    assertThat(r.keepAlive).isFalse();
    assertThat((Object) ch.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
    assertThat((Object) ch.readInbound()).isNull();
    ch.pipeline().remove(d);
    ByteBuf raw = ch.readInbound();
    assertThat(raw.toString(StandardCharsets.ISO_8859_1)).isEqualTo("\u0081\u0002hi");
    raw.release();
    ch.finishAndReleaseAll();
  }

  @Test
  void reasonPhrases() {
    assertThat(((ProxyResponse) decode("HTTP/1.1 200 Fine\r\n\r\n").get(0)).status().reasonPhrase()).isEqualTo("Fine");
    assertThat(((ProxyResponse) decode("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n").get(0)).status().code()).isEqualTo(404);
    ProxyResponse standard = (ProxyResponse) decode("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").get(0);
    assertThat(standard.status()).isSameAs(io.netty.handler.codec.http.HttpResponseStatus.OK);
  }

  @Test
  void identicalDuplicateLengthsAreOneLength() {
    List<Object> out = decode("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok");
    assertThat(((ProxyResponse) out.get(0)).headers().getAll("content-length")).containsExactly("2");
    assertThat(body(out)).isEqualTo("ok");
  }

  @Test
  void malformedResponsesAreRefused() {
    for (String bad : List.of(
        "HTTP/1.1 abc\r\n\r\n",
        "HTTP/2 200 OK\r\n\r\n",
        "HTTP/1.1 200 OK\nContent-Length: 0\n\n",
        "HTTP/1.1 200 OK\r\nX: a\r\n b\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok",
        "HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\nok",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 099 Low\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n")) {
      List<Object> out = decode(bad);
      assertThat(out).as(bad).anyMatch(DecodeError.class::isInstance);
      body(out);
    }
  }
}
