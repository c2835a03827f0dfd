package io.openslb.dataplane.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.proxy.tls.ClientCertificateHeaders;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/2 to clients of an HTTPS listener (ALPN {@code h2}); backends stay HTTP/1.1.
 *
 * <p>The connection's pipeline is {@code SslHandler → FlushConsolidationHandler →} this handler,
 * Netty's HTTP/2 connection handler (frames, HPACK, flow control, stream states). Each stream is a
 * {@link Stream}: the {@link ClientSide} of its own {@link Frontend}, created with the request's
 * HEADERS and gone when the stream closes. There is no channel or pipeline per stream: a request
 * is converted once ({@link Http2Messages}) and proxied like an HTTP/1.1 request, borrowing a
 * parked backend connection of the loop; the response goes out as HEADERS and DATA frames.
 *
 * <p>Flow control: response DATA waits in the codec while the client's window is shut, and the
 * stream reports itself unwritable, so the frontend stops reading its backend. Request DATA is
 * acknowledged (WINDOW_UPDATE) only while the frontend reads; a paused stream keeps its bytes
 * unacknowledged until it resumes, so a client cannot send more than a window ahead. The
 * connection's window is as large as all stream windows together ({@link #CONNECTION_WINDOW}), so
 * one paused stream does not stall the others.
 *
 * <p>Rapid reset (CVE-2023-44487): at most {@link #MAX_CONCURRENT_STREAMS} streams at once
 * (SETTINGS and enforced: extra HEADERS get RST_STREAM REFUSED_STREAM), and a connection whose
 * client resets more than {@link #MAX_RST_PER_WINDOW} streams in {@link #RST_WINDOW_SECONDS}
 * seconds is closed with GOAWAY ENHANCE_YOUR_CALM. A stream reset before its response ends closes
 * its backend connection (the backend is not reused mid-response). A connection without streams
 * and without reads for IdleTimeout is closed (GOAWAY).
 */
final class Http2Frontend extends Http2ConnectionHandler implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Http2Frontend.class);
  static final int MAX_CONCURRENT_STREAMS = 128;
  static final int MAX_RST_PER_WINDOW = 200;
  static final int RST_WINDOW_SECONDS = 30;
  static final int MAX_HEADER_LIST_SIZE = 64 * 1024;
  private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
  /**
   * The connection's receive window: every admitted stream may fill its own (default 64 KiB)
   * window at once, so a stream paused for a slow backend does not hold up the uploads of others.
   */
  static final int CONNECTION_WINDOW = MAX_CONCURRENT_STREAMS * Http2CodecUtil.DEFAULT_WINDOW_SIZE;

  private final HttpProxy proxy;
  private final ListenerSlot slot;
  private final ClientCertificateHeaders certHeaders;
  /** The settings when the connection came; each stream's frontend moves to a newer runtime itself. */
  private final HttpListenerConfig config;
  private final Http2Connection.PropertyKey streamKey;
  /** Streams that received something in the current read batch; told when the batch ends. */
  private final ArrayList<Stream> touched = new ArrayList<>();
  private ChannelHandlerContext ctx;
  private Frontend.Peer peer;
  private long lastActive;
  private ScheduledFuture<?> idleTimer;
  /** The once-a-second check of the streams' timers; null while no stream has one. */
  private ScheduledFuture<?> tick;
  private final Runnable tickTask = this::tick;

  private Http2Frontend(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings,
      HttpProxy proxy, ListenerSlot slot, HttpListenerConfig config, ClientCertificateHeaders certHeaders) {
    super(decoder, encoder, settings);
    this.proxy = proxy;
    this.slot = slot;
    this.config = config;
    this.certHeaders = certHeaders;
    Http2Connection connection = connection();
    this.streamKey = connection.newKey();
    connection.addListener(new Http2ConnectionAdapter() {
      @Override
      public void onStreamClosed(Http2Stream stream) {
        Stream s = stream.removeProperty(streamKey);
        if (s != null) {
          s.closed = true;
          s.frontend.clientClosed();
        }
        lastActive = now();
      }
    });
    encoder.flowController().listener(stream -> {
      Stream s = stream.getProperty(streamKey);
      if (s != null) {
        s.frontend.clientWritabilityChanged();
      }
    });
    decoder.frameListener(new Frames());
  }

  /**
   * Installs HTTP/2 on a TLS channel after ALPN chose h2. {@code certHeaders} (may be null) adds
   * the client-certificate headers to every request.
   */
  static void install(HttpProxy proxy, Channel client, ListenerSlot slot, HttpListenerConfig config,
      ClientCertificateHeaders certHeaders) {
    client.config().setWriteBufferWaterMark(HttpProxy.WATER_MARK);
    ChannelPipeline p = client.pipeline();
    p.addLast("h2-flush", new FlushConsolidationHandler(256, true));
    p.addLast("h2", new Builder(proxy, slot, config, certHeaders).build());
    client.config().setAutoRead(true);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    this.peer = new Frontend.Peer(ctx.channel(), proxy.connections(ctx.channel().eventLoop()));
    this.lastActive = now();
    super.handlerAdded(ctx);
    decoder().flowController().incrementWindowSize(connection().connectionStream(),
        CONNECTION_WINDOW - Http2CodecUtil.DEFAULT_WINDOW_SIZE);
    idleTimer = ctx.executor().schedule(this, config.idleNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    lastActive = now();
    for (int i = 0; i < touched.size(); i++) {
      Stream s = touched.get(i);
      s.touched = false;
      s.frontend.readComplete();
    }
    touched.clear();
    super.channelReadComplete(ctx);
  }

  /**
   * The flow controller reports a stream's writability only when its own view changes, and it may
   * never see a short spell of an unwritable channel (the event can arrive after the channel is
   * writable again) that a frontend saw and paused for: tell every stream when the channel drains.
   */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    super.channelWritabilityChanged(ctx);
    if (ctx.channel().isWritable()) {
      connection().forEachActiveStream(stream -> {
        Stream s = stream.getProperty(streamKey);
        if (s != null) {
          s.frontend.clientWritabilityChanged();
        }
        return true;
      });
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (idleTimer != null) {
      idleTimer.cancel(false);
      idleTimer = null;
    }
    if (tick != null) {
      tick.cancel(false);
      tick = null;
    }
    super.channelInactive(ctx);
  }

  /** The idle check (event loop): closes a connection without streams and reads for IdleTimeout. */
  @Override
  public void run() {
    idleTimer = null;
    if (!ctx.channel().isActive()) {
      return;
    }
    long quiet = now() - lastActive;
    if (connection().numActiveStreams() == 0 && quiet >= config.idleNanos) {
      ctx.channel().close(); // through this handler: GOAWAY first
      return;
    }
    idleTimer = ctx.executor().schedule(this, Math.max(config.idleNanos - quiet, config.idleNanos / 4), TimeUnit.NANOSECONDS);
  }

  private long now() {
    return ctx.executor().ticker().nanoTime();
  }

  /**
   * Fires the stream timers that are due (RequestTimeout of an exchange). One task per connection
   * instead of one per stream: a stream's timer is a field, set and cleared for free.
   */
  private void tick() {
    tick = null;
    if (!ctx.channel().isActive()) {
      return;
    }
    long now = now();
    boolean[] pending = {false};
    try {
      connection().forEachActiveStream(stream -> {
        Stream s = stream.getProperty(streamKey);
        if (s != null && s.task != null) {
          if (now - s.dueAt >= 0) {
            Runnable task = s.task;
            s.task = null;
            task.run(); // may set the timer again
          }
          pending[0] |= s.task != null;
        }
        return true;
      });
    } catch (Http2Exception e) {
      onError(ctx, false, e);
    }
    if (pending[0]) {
      startTick();
    }
  }

  private void startTick() {
    if (tick == null) {
      tick = ctx.executor().schedule(tickTask, TICK_NANOS, TimeUnit.NANOSECONDS);
    }
  }

  /** The frames that drive the streams: a request's HEADERS start one, DATA and trailers feed it. */
  private final class Frames extends Http2FrameAdapter {
    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
        short weight, boolean exclusive, int padding, boolean endOfStream) {
      onHeadersRead(ctx, streamId, headers, padding, endOfStream);
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
        boolean endOfStream) {
      Http2Stream stream = connection().stream(streamId);
      if (stream == null) {
        return;
      }
      Stream s = stream.getProperty(streamKey);
      if (s == null) {
        s = new Stream(stream);
        stream.setProperty(streamKey, s);
        Object request = Http2Messages.request(headers, endOfStream);
        if (request instanceof ProxyRequest r) {
          s.chunkedRequest = r.chunked;
          if (certHeaders != null) {
            certHeaders.addTo(r.headers(), ctx.channel());
          }
        }
        s.frontend.received(request);
        if (endOfStream && request instanceof ProxyRequest) {
          s.frontend.received(LastHttpContent.EMPTY_LAST_CONTENT);
        }
      } else {
        // trailers: only a chunked request can carry them on to HTTP/1.1
        s.frontend.received(s.chunkedRequest && !headers.isEmpty()
            ? new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER, Http2Messages.requestTrailers(headers))
            : LastHttpContent.EMPTY_LAST_CONTENT);
      }
      touch(s);
    }

    @Override
    public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
      int bytes = data.readableBytes() + padding;
      Http2Stream stream = connection().stream(streamId);
      Stream s = stream == null ? null : stream.getProperty(streamKey);
      if (s == null) {
        return bytes;
      }
      HttpContent content;
      if (endOfStream) {
        content = data.isReadable() ? new DefaultLastHttpContent(data.retain()) : LastHttpContent.EMPTY_LAST_CONTENT;
      } else {
        content = new DefaultHttpContent(data.retain());
      }
      s.frontend.received(content);
      touch(s);
      if (s.reading || s.closed) {
        return bytes;
      }
      s.unacknowledged += bytes; // WINDOW_UPDATE when the frontend reads again
      return 0;
    }

    private void touch(Stream s) {
      if (!s.touched) {
        s.touched = true;
        touched.add(s);
      }
    }
  }

  /** One request's stream, as its frontend sees the client. Event loop only. */
  private final class Stream implements ClientSide, ClientSide.Timer {
    final Http2Stream stream;
    final Frontend frontend;
    boolean closed;
    boolean touched;
    boolean reading = true;
    boolean chunkedRequest;
    /** An interim (1xx) response was written; its end is not the stream's end. */
    private boolean interim;
    /** The response's END_STREAM was written. */
    private boolean ended;
    int unacknowledged;
    private ChannelFuture lastWrite;
    /** The frontend's timer: its task and when it is due; null task when none is set. */
    private Runnable task;
    private long dueAt;

    Stream(Http2Stream stream) {
      this.stream = stream;
      this.frontend = new Frontend(proxy, slot, config, this, peer); // it moves to a newer runtime itself
    }

    @Override
    public EventLoop eventLoop() {
      return ctx.channel().eventLoop();
    }

    @Override
    public ByteBufAllocator alloc() {
      return ctx.alloc();
    }

    @Override
    public Timer schedule(Runnable task, long delayNanos) {
      this.task = task;
      this.dueAt = now() + delayNanos;
      startTick();
      return this;
    }

    @Override
    public void cancel() {
      task = null;
    }

    @Override
    public void write(Object msg) {
      if (closed || ended) {
        ReferenceCountUtil.release(msg);
        return;
      }
      if (msg instanceof HttpResponse res) {
        writeHead(res);
      } else if (msg instanceof HttpContent content) {
        writeContent(content);
      } else {
        ReferenceCountUtil.release(msg);
      }
    }

    private void writeHead(HttpResponse res) {
      Http2Headers headers = Http2Messages.response(res);
      if (res.status().code() < 200) {
        interim = !(res instanceof FullHttpResponse);
        ReferenceCountUtil.release(res);
        lastWrite = headers(headers, false);
        return;
      }
      if (res instanceof FullHttpResponse full) {
        ByteBuf body = full.content();
        if (!body.isReadable() && full.trailingHeaders().isEmpty()) {
          body.release();
          end(headers(headers, true));
          return;
        }
        lastWrite = headers(headers, false);
        writeContent(full);
        return;
      }
      lastWrite = headers(headers, false);
    }

    private void writeContent(HttpContent content) {
      ByteBuf data = content.content();
      if (interim) {
        data.release();
        interim = !(content instanceof LastHttpContent);
        return;
      }
      if (!(content instanceof LastHttpContent last)) {
        if (data.isReadable()) {
          lastWrite = data(data, false);
        } else {
          data.release();
        }
        return;
      }
      HttpHeaders trailers = last.trailingHeaders();
      if (trailers.isEmpty()) {
        end(data(data, true));
        return;
      }
      if (data.isReadable()) {
        data(data, false);
      } else {
        data.release();
      }
      end(headers(Http2Messages.trailers(trailers), true));
    }

    private ChannelFuture headers(Http2Headers headers, boolean endStream) {
      return encoder().writeHeaders(ctx, stream.id(), headers, 0, endStream, ctx.newPromise());
    }

    private ChannelFuture data(ByteBuf data, boolean endStream) {
      return encoder().writeData(ctx, stream.id(), data, 0, endStream, ctx.newPromise());
    }

    private void end(ChannelFuture f) {
      ended = true;
      lastWrite = f;
    }

    @Override
    public void flush() {
      Http2Frontend.this.flush(ctx);
    }

    @Override
    public boolean isWritable() {
      return !closed && encoder().flowController().isWritable(stream);
    }

    @Override
    public boolean isOpen() {
      return !closed && ctx.channel().isActive();
    }

    @Override
    public void reading(boolean on) {
      reading = on;
      if (on && unacknowledged > 0 && !closed) {
        int n = unacknowledged;
        unacknowledged = 0;
        try {
          decoder().flowController().consumeBytes(stream, n);
        } catch (Http2Exception e) {
          onError(ctx, false, e);
        }
        flush();
      }
    }

    @Override
    public void headRequest(boolean head) {
      // the response's END_STREAM says where it ends; nothing to tell an encoder
    }

    /**
     * Once what was written is out: a stream whose response ended but whose request goes on is
     * reset with NO_ERROR (the client may stop sending, RFC 9113 §8.1); one whose response did
     * not end is reset with INTERNAL_ERROR.
     */
    @Override
    public void closeAfterFlush() {
      flush();
      ChannelFuture prior = lastWrite;
      if (prior == null || prior.isDone()) {
        reset(ended ? Http2Error.NO_ERROR : Http2Error.INTERNAL_ERROR);
      } else {
        prior.addListener(f -> reset(ended ? Http2Error.NO_ERROR : Http2Error.INTERNAL_ERROR));
      }
    }

    @Override
    public void close() {
      reset(Http2Error.CANCEL);
    }

    private void reset(Http2Error error) {
      if (closed || !ctx.channel().isActive()) {
        return;
      }
      if (log.isDebugEnabled() && error != Http2Error.NO_ERROR) {
        log.debug("stream {} of {} reset: {}", stream.id(), ctx.channel().remoteAddress(), error);
      }
      resetStream(ctx, stream.id(), error.code(), ctx.newPromise());
      flush();
    }

    @Override
    public void startTunnel() {
      throw new UnsupportedOperationException("no upgrade over HTTP/2");
    }
  }

  private static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<Http2Frontend, Builder> {
    private final HttpProxy proxy;
    private final ListenerSlot slot;
    private final HttpListenerConfig config;
    private final ClientCertificateHeaders certHeaders;

    Builder(HttpProxy proxy, ListenerSlot slot, HttpListenerConfig config, ClientCertificateHeaders certHeaders) {
      this.proxy = proxy;
      this.slot = slot;
      this.config = config;
      this.certHeaders = certHeaders;
      server(true);
      initialSettings(Http2Settings.defaultSettings()
          .maxConcurrentStreams(MAX_CONCURRENT_STREAMS)
          .maxHeaderListSize(MAX_HEADER_LIST_SIZE));
      decoderEnforceMaxRstFramesPerWindow(MAX_RST_PER_WINDOW, RST_WINDOW_SECONDS);
      validateRequiredPseudoHeaders(true);
    }

    @Override
    public Http2Frontend build() {
      return super.build();
    }

    @Override
    protected Http2Frontend build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
        Http2Settings initialSettings) {
      return new Http2Frontend(decoder, encoder, initialSettings, proxy, slot, config, certHeaders);
    }
  }
}
