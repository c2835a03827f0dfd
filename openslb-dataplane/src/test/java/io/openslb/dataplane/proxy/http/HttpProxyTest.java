package io.openslb.dataplane.proxy.http;

import static io.openslb.dataplane.proxy.http.ProxyHarness.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The HTTP proxy on real loopback sockets, driven byte by byte: framing, keep-alive, pipelining,
 * HEAD, 100-continue, HTTP/1.0, smuggling refusals end to end, backend failures.
 */
class HttpProxyTest {
  static final String VIP = "127.0.3.1";
  static final String BACKEND_IP = "127.0.3.11";
  static ProxyHarness harness;
  static RawBackend backend;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    harness = new ProxyHarness();
    backend = new RawBackend(BACKEND_IP, (r, n) -> RawBackend.ok("hello"));
    port = ProxyHarness.freePort(VIP);
    harness.listen(VIP, port, Map.of(), member("i-raw", BACKEND_IP, backend.port()));
    Awaitility.await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
      try (RawHttp c = new RawHttp(VIP, port)) {
        return c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read().status() == 200;
      }
    });
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
    backend.close();
  }

  @BeforeEach
  void reset() {
    backend.script((r, n) -> RawBackend.ok("hello"));
    backend.requests.clear();
  }

  @Test
  void keepAliveOnBothSides() throws Exception {
    int before = backend.connections.get();
    try (RawHttp c = new RawHttp(VIP, port)) {
      for (int i = 0; i < 5; i++) {
        RawHttp.Response r = c.send("GET /k" + i + " HTTP/1.1\r\nHost: a\r\n\r\n").read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("hello");
        assertThat(r.header("connection")).isNull();
      }
    }
    assertThat(backend.requests).hasSize(5);
    assertThat(backend.connections.get() - before).as("backend connections opened").isLessThanOrEqualTo(1);
    RawBackend.Request seen = backend.requests.get(0);
    assertThat(seen.head()).startsWith("GET /k0 HTTP/1.1\r\n");
    assertThat(seen.header("x-forwarded-for")).isEqualTo("127.0.0.1");
    assertThat(seen.hasHeader("connection")).isFalse();
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    backend.script((r, n) -> RawBackend.ok(r.head().split(" ")[1]));
    try (RawHttp c = new RawHttp(VIP, port)) {
      c.send("GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /two HTTP/1.1\r\nHost: a\r\n\r\nGET /three HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(c.read().text()).isEqualTo("/one");
      assertThat(c.read().text()).isEqualTo("/two");
      assertThat(c.read().text()).isEqualTo("/three");
    }
  }

  @Test
  void chunkedRequestIsForwardedChunkedWithTrailers() throws Exception {
    backend.script((r, n) -> RawBackend.ok("got"));
    try (RawHttp c = new RawHttp(VIP, port)) {
      RawHttp.Response r = c.send("POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\nhello\r\n6\r\n world\r\n0\r\nX-Sum: 11\r\n\r\n").read();
      assertThat(r.status()).isEqualTo(200);
    }
    RawBackend.Request seen = backend.requests.get(0);
    assertThat(seen.header("transfer-encoding")).isEqualTo("chunked");
    assertThat(seen.hasHeader("content-length")).isFalse();
    assertThat(seen.bodyText()).isEqualTo("5\r\nhello\r\n6\r\n world\r\n0\r\nX-Sum: 11\r\n\r\n");
  }

  @Test
  void headResponseWithChunkedHeaderHasNoBodyAndTheConnectionStaysUsable() throws Exception {
    backend.script((r, n) -> r.head().startsWith("HEAD")
        ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Head: yes\r\n\r\n"
        : RawBackend.ok("after"));
    try (RawHttp c = new RawHttp(VIP, port)) {
      RawHttp.Response head = c.send("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n").read(true);
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("x-head")).isEqualTo("yes");
      RawHttp.Response next = c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read();
      assertThat(next.text()).isEqualTo("after");
    }
  }

  @Test
  void expectContinueReachesTheBackend() throws Exception {
    backend.script((r, n) -> RawBackend.ok("body:" + r.bodyText()));
    try (RawHttp c = new RawHttp(VIP, port)) {
      RawHttp.Response r = c.send("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc").read();
      assertThat(r.text()).isEqualTo("body:abc");
    }
    assertThat(backend.requests.get(0).header("expect")).isEqualTo("100-continue");
  }

  @Test
  void interimResponsesAreForwardedBeforeTheFinalOne() throws Exception {
    backend.script((r, n) -> r.head().startsWith("POST")
        ? "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" + RawBackend.ok("final")
        : "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
    try (RawHttp c = new RawHttp(VIP, port)) {
      c.send("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx");
      assertThat(c.read().status()).isEqualTo(100);
      RawHttp.Response hints = c.read();
      assertThat(hints.status()).isEqualTo(103);
      assertThat(hints.header("link")).isEqualTo("</a.css>");
      assertThat(c.read().text()).isEqualTo("final");
      assertThat(c.send("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n").read(true).status()).isEqualTo(200);
    }
  }

  @Test
  void http10ClientGetsAnUnchunkedBodyAndTheCloseEndsIt() throws Exception {
    backend.script((r, n) -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
    try (RawHttp c = new RawHttp(VIP, port)) {
      RawHttp.Response r = c.send("GET / HTTP/1.0\r\n\r\n").read();
      assertThat(r.header("transfer-encoding")).isNull();
      assertThat(r.header("connection")).isEqualTo("close");
      assertThat(r.text()).isEqualTo("abcdef");
    }
    assertThat(backend.requests.get(0).head()).startsWith("GET / HTTP/1.1\r\n");
    assertThat(backend.requests.get(0).header("host")).isEqualTo(VIP + ":" + port);
  }

  @Test
  void http10KeepAliveIsHonouredWhenTheLengthIsKnown() throws Exception {
    try (RawHttp c = new RawHttp(VIP, port)) {
      RawHttp.Response r = c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
      assertThat(r.header("connection")).isEqualTo("keep-alive");
      assertThat(c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().status()).isEqualTo(200);
    }
  }

  @Test
  void closeDelimitedBackendResponseIsRechunkedForTheClient() throws Exception {
    backend.script((r, n) -> r.head().startsWith("GET /close ")
        ? "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil-close" : RawBackend.ok("next"));
    try (RawHttp c = new RawHttp(VIP, port)) {
      c.send("GET /close HTTP/1.1\r\nHost: a\r\n\r\n");
      Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> !backend.requests.isEmpty());
      Thread.sleep(100);
      backend.dropConnections(); // the end of the body
      RawHttp.Response r = c.read();
      assertThat(r.header("transfer-encoding")).isEqualTo("chunked");
      assertThat(r.text()).isEqualTo("until-close");
      assertThat(c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).as("client connection kept").isEqualTo("next");
    }
  }

  @Test
  void connectionCloseFromTheClientIsNotSentUpstream() throws Exception {
    try (RawHttp c = new RawHttp(VIP, port)) {
      RawHttp.Response r = c.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").read();
      assertThat(r.header("connection")).isEqualTo("close");
      assertThat(c.closedByPeer(2000)).isTrue();
    }
    assertThat(backend.requests.get(0).hasHeader("connection")).isFalse();
  }

  record Smuggle(String name, String raw) {}

  @TestFactory
  Stream<DynamicTest> smugglingAttemptsNeverReachTheBackend() {
    List<Smuggle> cases = List.of(
        new Smuggle("CL.TE", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG"),
        new Smuggle("TE.CL", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n"),
        new Smuggle("TE.TE obfuscated", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
        new Smuggle("CL.CL", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 13\r\n\r\nGET / HTTP/1.1"),
        new Smuggle("obs-fold", "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n Transfer-Encoding: chunked\r\n\r\n"),
        new Smuggle("bare LF", "GET / HTTP/1.1\nHost: a\n\n"));
    return cases.stream().map(c -> dynamicTest(c.name(), () -> {
      backend.requests.clear();
      try (RawHttp client = new RawHttp(VIP, port)) {
        RawHttp.Response r = client.send(c.raw() + "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n").read();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("connection")).isEqualTo("close");
        assertThat(client.closedByPeer(2000)).isTrue();
      }
      assertThat(backend.requests).as("nothing forwarded").isEmpty();
    }));
  }

  @Test
  void badChunkAfterForwardingStartedClosesBothSides() throws Exception {
    backend.script((r, n) -> RawBackend.ok("x"));
    try (RawHttp c = new RawHttp(VIP, port)) {
      c.send("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n");
      RawHttp.Response r = c.read();
      assertThat(r.status()).isEqualTo(400);
      assertThat(c.closedByPeer(2000)).isTrue();
    }
  }

  @Test
  void reusedConnectionClosedByTheBackendIsRetriedOnceForABodylessRequest() throws Exception {
    // the backend closes every connection when a second request arrives on it: the keep-alive race
    backend.script((r, n) -> n == 0 ? RawBackend.ok("first:" + r.connection()) : null);
    try (RawHttp c = new RawHttp(VIP, port)) {
      assertThat(c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).startsWith("first:");
      RawHttp.Response second = c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read();
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.text()).startsWith("first:");
    }
  }

  @Test
  void backendClosingBeforeAnsweringIsA502() throws Exception {
    backend.script((r, n) -> null);
    try (RawHttp c = new RawHttp(VIP, port)) {
      RawHttp.Response r = c.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi").read();
      assertThat(r.status()).isEqualTo(502);
      assertThat(r.header("content-type")).isEqualTo("text/html");
    }
  }

  @Test
  void malformedBackendResponseIsA502() throws Exception {
    backend.script((r, n) -> "HTTP/1.1 abc\r\n\r\n");
    try (RawHttp c = new RawHttp(VIP, port)) {
      assertThat(c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(502);
    }
  }

  @Test
  void connectMethodIsRefused() throws Exception {
    try (RawHttp c = new RawHttp(VIP, port)) {
      RawHttp.Response r = c.send("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n").read();
      assertThat(r.status()).isEqualTo(405);
    }
  }
}
