package io.openslb.dataplane.proxy.http;

import static io.netty.handler.codec.http.HttpHeaderNames.CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.UPGRADE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.schedule.Backend;
import io.openslb.dataplane.schedule.FlowKey;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy for one client: an HTTP/1.x connection ({@link Http1Client}, requests from
 * {@link RequestDecoder}) or one HTTP/2 stream ({@link Http2Frontend}). Takes each request, routes
 * it, relays it to a backend and the response back, and keeps both connections alive. What it
 * needs of the client is {@link ClientSide}: write, flush, read on or off, close.
 *
 * <p>Design note.
 * <ul>
 *   <li>State by lifetime, as Envoy splits its router: this class is the client connection (or
 *       stream) part — client, slot, config, inbox, deadline, pause flags, tunnel — and lives as
 *       long as it; one request exchange is an {@link Exchange} (request, route, response state,
 *       retries, active count), made per request and dropped when it completes; the upstream
 *       attempt is an {@link Upstream} (backend, its connection, the connect future, flush and
 *       read-pause state), reset for each attempt and reused, so an attempt allocates nothing.
 *   <li>Threading: everything runs on the client connection's event loop. Backend connections are
 *       opened on the same loop and parked per loop ({@link BackendConnections}), so an exchange
 *       never crosses threads and takes no lock.
 *   <li>One exchange at a time. A pipelined request waits in {@link #inbox} (reading pauses) until
 *       the response before it is complete; so does the body of a request whose backend
 *       connection is still being opened, which lets a failed connect be retried on another
 *       backend with nothing lost.
 *   <li>Streaming: body pieces are written as they arrive and flushed once per read batch; when the
 *       receiving side's outbound buffer passes its high water mark (or an HTTP/2 stream's window
 *       shuts) the sending side stops reading until it drains: auto-read off for a connection,
 *       no WINDOW_UPDATE for an HTTP/2 stream. Nothing is aggregated.
 *   <li>Configuration: each request re-reads the listener slot's runtime (one volatile read), so a
 *       backend, weight or header change applies to the next request of a kept-alive connection;
 *       the settings of a runtime are compiled once ({@link HttpListenerConfig}).
 *   <li>Time: one deadline and at most one scheduled task per connection (per stream). Between requests it is
 *       IdleTimeout (close); while a request waits for its response, RequestTimeout (504, or 408
 *       when the client itself stalls); while a body or a tunnel moves, RequestTimeout of
 *       inactivity. Moving a deadline later costs a field write; the task re-arms when it fires
 *       early.
 *   <li>Failures: connect error: next eligible backend (3 tries in all), then 502. A pooled
 *       connection that closes before answering a body-less request: sent once more on a new
 *       connection (the keep-alive race). Backend closed or answered garbage before the response
 *       began: 502; after it began: both connections closed.
 * </ul>
 */
final class Frontend implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Frontend.class);
  static final int MAX_ATTEMPTS = 3;
  private static final int PAUSE_INBOX = 1;
  private static final int PAUSE_BACKEND = 2;
  private static final int PAUSE_UPGRADE = 4;

  private final HttpProxy proxy;
  private final ListenerSlot slot;
  private final ArrayDeque<Object> inbox = new ArrayDeque<>(4);
  private final ClientSide client;
  private final BackendConnections pool;
  private final Peer peer;
  private final FlowKey flow;
  private final AsciiString clientIp;
  private HttpListenerConfig config;
  private GzipStream gzip;
  private int paused;
  private boolean draining;
  private boolean closing;
  private boolean tunnel;
  private long deadline;
  private ClientSide.Timer timer;
  private long timerAt;

  /** The exchange in progress (it stays for a tunnel); null between exchanges. */
  private Exchange ex;

  /** The upstream attempt (reused from attempt to attempt). */
  private final Upstream up;

  /**
   * @param client the connection or stream the requests come from
   * @param peer the client connection's addresses and the loop's backend pool, shared by the
   *     streams of an HTTP/2 connection
   */
  Frontend(HttpProxy proxy, ListenerSlot slot, HttpListenerConfig config, ClientSide client, Peer peer) {
    this.proxy = proxy;
    this.slot = slot;
    this.config = config;
    this.client = client;
    this.peer = peer;
    this.pool = peer.pool;
    this.flow = peer.flow;
    this.clientIp = peer.ip;
    this.up = new Upstream(this, pool);
  }

  /** What the streams of one client connection share: its flow, its address text, its loop's backend pool. */
  static final class Peer {
    final FlowKey flow;
    final AsciiString ip;
    final BackendConnections pool;
    private AsciiString port;

    Peer(Channel channel, BackendConnections pool) {
      InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
      this.flow = FlowKey.of(remote, (InetSocketAddress) channel.localAddress());
      this.ip = new AsciiString(remote.getAddress().getHostAddress());
      this.pool = pool;
    }

    /** The client's port as header text (X-Forwarded-Client-srcport), made once per connection. */
    AsciiString port() {
      if (port == null) {
        port = new AsciiString(Integer.toString(flow.client().getPort()));
      }
      return port;
    }
  }

  /** A connection waits for its first request (IdleTimeout); an HTTP/2 stream starts with one. */
  void awaitRequest() {
    setDeadline(now() + config.idleNanos);
  }

  // ------------------------------------------------------------------ client events

  /** A decoded request part from the client. */
  void received(Object msg) {
    if (tunnel) {
      fromClientInTunnel(msg);
    } else if (closing) {
      ReferenceCountUtil.release(msg);
    } else if (!inbox.isEmpty() || draining || !handle(msg)) {
      inbox.addLast(msg);
      pause(PAUSE_INBOX);
    }
  }

  /** The end of a batch of client reads. */
  void readComplete() {
    flushBackend();
    if (tunnel || (ex != null && !ex.requestDone && !ex.local)) {
      pushDeadline();
    }
  }

  void clientWritabilityChanged() {
    if (client.isWritable()) {
      up.resumeReading();
    }
  }

  /** The client connection or stream is gone. */
  void clientClosed() {
    closing = true;
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    abortBackend();
    releaseInbox();
    if (gzip != null) {
      gzip.end();
      gzip = null;
    }
  }

  void clientFailed(Throwable cause) {
    if (log.isDebugEnabled()) {
      log.debug("{} client {}: {}", config.runtime.spec().name(), clientIp, cause.toString());
    }
    closeNow();
  }

  /** Processes one decoded message; false (and no effect) when it must wait in the inbox. */
  private boolean handle(Object msg) {
    if (ex == null) {
      if (msg instanceof ProxyRequest r) {
        start(r);
      } else if (msg instanceof DecodeError e) {
        refuse(e);
      } else {
        ReferenceCountUtil.release(msg);
      }
      return true;
    }
    if (ex.requestDone) {
      return false;
    }
    if (msg instanceof DecodeError e) {
      requestFailed(e);
      return true;
    }
    if (ex.local) {
      boolean last = msg instanceof LastHttpContent;
      ReferenceCountUtil.release(msg);
      if (last) {
        ex.requestDone = true;
        finishExchange();
      }
      return true;
    }
    if (up.conn == null) {
      return false;
    }
    HttpContent content = (HttpContent) msg;
    if (content.content().isReadable()) {
      ex.bodySent = true;
    }
    if (content instanceof LastHttpContent) {
      ex.requestDone = true;
    }
    if (!up.send(content)) {
      pause(PAUSE_BACKEND);
    }
    return true;
  }

  private void drainInbox() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      Object m;
      while (!closing && !tunnel && (m = inbox.pollFirst()) != null) {
        if (!handle(m)) {
          inbox.addFirst(m);
          break;
        }
      }
    } finally {
      draining = false;
    }
    if (inbox.isEmpty()) {
      resume(PAUSE_INBOX);
    }
  }

  // ------------------------------------------------------------------ request side

  private void start(ProxyRequest r) {
    ex = new Exchange(r);
    refreshConfig();
    client.headRequest(r.method() == HttpMethod.HEAD);
    setDeadline(now() + config.requestNanos);
    if (config.redirectPort > 0) {
      respondLocal(LocalResponses.redirect(r, config));
      return;
    }
    if (r.method() == HttpMethod.CONNECT) {
      ex.keepAlive = false;
      respondLocal(LocalResponses.error(HttpResponseStatus.METHOD_NOT_ALLOWED));
      return;
    }
    ex.target = config.route(r);
    ex.cookieBackend = ex.target.stickyBackend(r);
    Backend backend = ex.cookieBackend != null ? ex.cookieBackend : ex.target.pool.pick(flow, Set.of());
    if (backend == null) {
      respondLocal(LocalResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE));
      return;
    }
    HeaderRewriter.request(r, config, clientIp, config.clientPort ? peer.port() : null);
    if (r.websocket != null) {
      pause(PAUSE_UPGRADE);
    }
    up.backend = backend;
    dispatch(false);
  }

  /** A new runtime of the same listener protocol applies from this request on. */
  private void refreshConfig() {
    ListenerRuntime rt = slot.runtime();
    if (rt != config.runtime && rt.spec().protocol() == config.protocol) {
      config = proxy.config(rt);
    }
  }

  /** Sends the request to the attempt's backend: a parked connection if there is one, else a new one. */
  private void dispatch(boolean fresh) {
    ex.attempts++;
    ex.count(up.backend);
    BackendConnection c = up.open(fresh);
    if (c != null) {
      bind(c);
    }
  }

  /** A new backend connection for the attempt in progress. */
  void connected(BackendConnection c) {
    bind(c);
  }

  /** The attempt's connect failed. */
  void connectFailed(Throwable cause) {
    if (log.isDebugEnabled()) {
      log.debug("{}: connect to {} failed: {}", config.runtime.spec().name(), up.backend, cause.toString());
    }
    uncount();
    if (ex.attempts < MAX_ATTEMPTS) {
      Backend next = ex.target.pool.pick(flow, ex.tried(up.backend));
      if (next != null) {
        up.backend = next;
        dispatch(false);
        return;
      }
    }
    respondLocal(LocalResponses.error(HttpResponseStatus.BAD_GATEWAY));
  }

  private void bind(BackendConnection c) {
    up.bind(c, ex.request.method() == HttpMethod.HEAD);
    up.send(ex.request);
    if (ex.requestDone) {
      up.send(LastHttpContent.EMPTY_LAST_CONTENT); // a retry: the end was consumed by the first attempt
    }
    drainInbox();
  }

  // ------------------------------------------------------------------ response side (backend events)

  void backendRead(BackendConnection c, Object msg) {
    if (c != up.conn) {
      ReferenceCountUtil.release(msg);
    } else if (tunnel) {
      client.write(msg);
    } else if (msg instanceof ProxyResponse res) {
      responseHead(c, res);
    } else if (msg instanceof HttpContent content) {
      responseContent(content);
    } else if (msg instanceof DecodeError e) {
      backendFailed(c, "malformed response: " + e.reason);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  void backendReadComplete(BackendConnection c) {
    if (c != up.conn) {
      return;
    }
    client.flush();
    pushDeadline();
    if (!client.isWritable()) {
      up.pauseReading();
    }
  }

  void backendWritabilityChanged(BackendConnection c) {
    if (c == up.conn && c.channel().isWritable()) {
      resume(PAUSE_BACKEND);
    }
  }

  /** The backend closed a connection this exchange owns. */
  void backendClosed(BackendConnection c) {
    if (c != up.conn) {
      return;
    }
    up.lost();
    if (tunnel || ex.responseStarted) {
      closeAfterFlush();
    } else if (c.reused && ex.mayResend()) {
      ex.retried = true;
      dispatch(true);
    } else {
      uncount();
      respondLocal(LocalResponses.error(HttpResponseStatus.BAD_GATEWAY));
    }
  }

  private void backendFailed(BackendConnection c, String reason) {
    if (log.isDebugEnabled()) {
      log.debug("{}: backend {}: {}", config.runtime.spec().name(), up.backend, reason);
    }
    up.abort();
    uncount();
    if (ex.responseStarted) {
      closeAfterFlush();
    } else {
      respondLocal(LocalResponses.error(HttpResponseStatus.BAD_GATEWAY));
    }
  }

  private void responseHead(BackendConnection c, ProxyResponse res) {
    int code = res.status().code();
    if (code == 101) {
      if (ex.request.websocket == null || ex.upgrading) {
        backendFailed(c, "unexpected 101");
        return;
      }
      ex.upgrading = true;
      ex.responseStarted = true;
      res.headers().set(CONNECTION, HttpHeaderValues.UPGRADE);
      res.headers().set(UPGRADE, res.upgrade != null ? res.upgrade : ex.request.websocket);
      res.setProtocolVersion(HttpVersion.HTTP_1_1);
      client.write(res);
      return;
    }
    if (code < 200) {
      ex.interim = true;
      ex.interimForwarded = !ex.request.http10 && (code != 100 || ex.request.expectContinue);
      if (ex.interimForwarded) {
        res.setProtocolVersion(HttpVersion.HTTP_1_1);
        client.write(res);
      }
      return;
    }
    ex.responseStarted = true;
    ex.backendKeepAlive = res.keepAlive; // false as well when the body ends with the backend's close
    int flags = ResponseHead.prepare(res, ex.request, config, ex.target, up.backend, ex.cookieBackend, ex.keepAlive);
    ex.keepAlive = (flags & ResponseHead.KEEP_ALIVE) != 0;
    if ((flags & ResponseHead.GZIP) != 0) {
      if (gzip == null) {
        gzip = new GzipStream();
      }
      gzip.start();
      ex.gzipping = true;
    }
    client.write(res);
  }

  private void responseContent(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    if (ex.interim) {
      if (ex.interimForwarded) {
        client.write(content);
      } else {
        content.release();
      }
      if (last) {
        ex.interim = false;
        ex.interimForwarded = false;
      }
      return;
    }
    if (ex.upgrading) {
      content.release();
      if (last) {
        startTunnel();
      }
      return;
    }
    if (ex.gzipping) {
      compress(content, last);
    } else {
      client.write(content);
    }
    if (last) {
      responseComplete();
    }
  }

  private void compress(HttpContent content, boolean last) {
    ByteBuf out = gzip.encode(client.alloc(), content.content());
    if (last) {
      ByteBuf tail = gzip.finish(client.alloc());
      out.writeBytes(tail);
      tail.release();
      client.write(new DefaultHttpContent(out));
      HttpHeaders trailers = ((LastHttpContent) content).trailingHeaders();
      client.write(trailers.isEmpty() ? LastHttpContent.EMPTY_LAST_CONTENT
          : new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER, trailers));
    } else if (out.isReadable()) {
      client.write(new DefaultHttpContent(out));
    } else {
      out.release();
    }
    content.release();
  }

  private void responseComplete() {
    up.release(ex.backendKeepAlive && ex.requestDone);
    uncount();
    if (!ex.requestDone || !ex.keepAlive) {
      closeAfterFlush();
      return;
    }
    client.flush();
    finishExchange();
  }

  private void finishExchange() {
    ex = null;
    up.backend = null;
    resume(PAUSE_BACKEND);
    setDeadline(now() + config.idleNanos);
    drainInbox();
    flushBackend(); // a pipelined request may have gone out from outside a client read
  }

  private void flushBackend() {
    up.flush();
  }

  // ------------------------------------------------------------------ local answers and closing

  /** Answers the current request (or a refused one) without a backend. */
  private void respondLocal(FullHttpResponse res) {
    ex.local = true;
    ex.responseStarted = true;
    ProxyRequest r = ex.request;
    if (r.hasBody() && !ex.requestDone) {
      ex.keepAlive = false; // do not read an unwanted body to find the next request
    }
    if (!ex.keepAlive) {
      res.headers().set(CONNECTION, HttpHeaderValues.CLOSE);
    } else if (r.http10) {
      res.headers().set(CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    client.write(res);
    if (!ex.keepAlive) {
      closeAfterFlush();
      return;
    }
    client.flush();
    if (ex.requestDone) {
      finishExchange();
    } else {
      drainInbox(); // the request's end may already wait there
    }
  }

  /** A malformed request head: answer and close. */
  private void refuse(DecodeError e) {
    if (log.isDebugEnabled()) {
      log.debug("{}: refused request from {}: {}", config.runtime.spec().name(), clientIp, e);
    }
    client.headRequest(false);
    FullHttpResponse res = LocalResponses.error(e.status);
    res.headers().set(CONNECTION, HttpHeaderValues.CLOSE);
    client.write(res);
    closeAfterFlush();
  }

  /** The body of the current request turned out malformed. */
  private void requestFailed(DecodeError e) {
    if (log.isDebugEnabled()) {
      log.debug("{}: bad request body from {}: {}", config.runtime.spec().name(), clientIp, e);
    }
    abortBackend();
    if (ex.responseStarted) {
      closeNow();
    } else {
      ex.keepAlive = false;
      respondLocal(LocalResponses.error(e.status));
    }
  }

  private void closeAfterFlush() {
    if (closing) {
      return;
    }
    closing = true;
    abortBackend();
    releaseInbox();
    client.closeAfterFlush();
  }

  private void closeNow() {
    closing = true;
    abortBackend();
    releaseInbox();
    client.close();
  }

  private void abortBackend() {
    up.abort();
    uncount();
  }

  private void uncount() {
    if (ex != null) {
      ex.uncount();
    }
  }

  private void releaseInbox() {
    Object m;
    while ((m = inbox.pollFirst()) != null) {
      ReferenceCountUtil.release(m);
    }
  }

  // ------------------------------------------------------------------ WebSocket tunnel

  /** The backend accepted the upgrade: both connections become a raw byte relay. */
  private void startTunnel() {
    ex.upgrading = false;
    tunnel = true;
    BackendConnection c = up.conn;
    client.flush();
    ChannelPipeline backendPipeline = c.channel().pipeline();
    backendPipeline.remove(c.encoder);
    backendPipeline.remove(c.decoder); // bytes the backend sent after the 101 follow now
    client.startTunnel(); // bytes the client sent after the upgrade request follow now
    if (up.conn != null) {
      up.conn.flush();
    }
    client.flush();
    pushDeadline();
    resume(PAUSE_UPGRADE);
  }

  private void fromClientInTunnel(Object msg) {
    if (up.conn == null || !(msg instanceof ByteBuf)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (!up.send(msg)) {
      pause(PAUSE_BACKEND);
    }
  }

  // ------------------------------------------------------------------ flow control and time

  private void pause(int reason) {
    if (paused == 0) {
      client.reading(false);
    }
    paused |= reason;
  }

  private void resume(int reason) {
    if ((paused & reason) == 0) {
      return;
    }
    paused &= ~reason;
    if (paused == 0 && !closing) {
      client.reading(true);
    }
  }

  private long now() {
    return client.eventLoop().ticker().nanoTime();
  }

  private void setDeadline(long at) {
    deadline = at;
    if (timer == null || at < timerAt) {
      if (timer != null) {
        timer.cancel();
      }
      arm(at);
    }
  }

  private void pushDeadline() {
    deadline = now() + config.requestNanos;
  }

  private void arm(long at) {
    timerAt = at;
    timer = client.schedule(this, Math.max(0, at - now()));
  }

  /** The deadline task (event loop). */
  @Override
  public void run() {
    timer = null;
    if (closing || !client.isOpen()) {
      return;
    }
    if (now() < deadline) {
      arm(deadline);
      return;
    }
    if (tunnel || ex == null || ex.responseStarted) {
      closeNow(); // idle keep-alive connection, stalled response or quiet tunnel
    } else {
      abortBackend();
      ex.keepAlive = ex.keepAlive && ex.requestDone;
      respondLocal(LocalResponses.error(ex.requestDone ? HttpResponseStatus.GATEWAY_TIMEOUT
          : HttpResponseStatus.REQUEST_TIMEOUT));
    }
  }
}
