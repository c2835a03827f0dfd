package io.openslb.dataplane.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.openslb.dataplane.listener.ListenerSlot;
import java.util.function.Supplier;

/**
 * HTTP/2 to clients of an HTTPS listener (ALPN {@code h2}); backends stay HTTP/1.1.
 *
 * <p>The connection's pipeline is {@code SslHandler → Http2FrameCodec → Http2MultiplexHandler}; each
 * stream is a child channel on the same event loop with {@code Http2StreamFrameToHttpObjectCodec →}
 * {@link StreamAdapter} {@code → [extra] → FrontendHandler}, i.e. one stream is one exchange of the
 * HTTP/1.1 proxy, which borrows a parked backend connection of the loop as for any request.
 *
 * <p>Rapid reset (CVE-2023-44487): at most {@link #MAX_CONCURRENT_STREAMS} streams at once
 * (SETTINGS and enforced: extra HEADERS get RST_STREAM REFUSED_STREAM), and a connection whose
 * client resets more than {@link #MAX_RST_PER_WINDOW} streams in {@link #RST_WINDOW_SECONDS}
 * seconds is closed with GOAWAY ENHANCE_YOUR_CALM. A stream reset before its response ends closes
 * its backend connection (the backend is not reused mid-response). An idle connection (no stream
 * for IdleTimeout) is closed.
 */
final class Http2Frontend {
  static final int MAX_CONCURRENT_STREAMS = 128;
  static final int MAX_RST_PER_WINDOW = 200;
  static final int RST_WINDOW_SECONDS = 30;
  static final int MAX_HEADER_LIST_SIZE = 64 * 1024;
  /** Server side, headers validated; {@code @Sharable}, so one instance serves every stream. */
  private static final Http2StreamFrameToHttpObjectCodec STREAM_CODEC = new Http2StreamFrameToHttpObjectCodec(true);

  private Http2Frontend() {}

  /**
   * Installs HTTP/2 on a TLS channel after ALPN chose h2. {@code extra} (may be null) gives one
   * more handler per stream, placed before the proxy (client-certificate headers).
   */
  static void install(HttpProxy proxy, Channel client, ListenerSlot slot, int idleSeconds,
      Supplier<ChannelHandler> extra) {
    Http2FrameCodec codec = Http2FrameCodecBuilder.forServer()
        .initialSettings(Http2Settings.defaultSettings()
            .maxConcurrentStreams(MAX_CONCURRENT_STREAMS)
            .maxHeaderListSize(MAX_HEADER_LIST_SIZE))
        .decoderEnforceMaxRstFramesPerWindow(MAX_RST_PER_WINDOW, RST_WINDOW_SECONDS)
        .build();
    ChannelPipeline p = client.pipeline();
    p.addLast("h2-idle", new IdleStateHandler(0, 0, idleSeconds));
    p.addLast("h2-flush", new FlushConsolidationHandler(256, true));
    p.addLast("h2-codec", codec);
    p.addLast("h2-idle-close", new IdleClose(codec));
    p.addLast("h2-multiplex", new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
      @Override
      protected void initChannel(Http2StreamChannel stream) {
        stream.config().setWriteBufferWaterMark(HttpProxy.WATER_MARK);
        ChannelPipeline sp = stream.pipeline();
        // FrontendHandler looks the encoder up (for HEAD) when added; it sits before the HTTP/2
        // codec, so only HTTP/2 frames pass it, untouched
        sp.addLast("http-response-encoder", new ResponseEncoder());
        sp.addLast("h2-http", STREAM_CODEC);
        sp.addLast("h2-adapter", new StreamAdapter());
        if (extra != null) {
          sp.addLast("h2-extra", extra.get());
        }
        sp.addLast("http-proxy", new FrontendHandler(proxy, slot, proxy.config(slot.runtime())));
      }
    }));
    client.config().setAutoRead(true);
  }

  /** Closes the connection after IdleTimeout without any read or write while no stream is open. */
  private static final class IdleClose extends io.netty.channel.ChannelInboundHandlerAdapter {
    private final Http2FrameCodec codec;

    IdleClose(Http2FrameCodec codec) {
      this.codec = codec;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof IdleStateEvent && codec.connection().numActiveStreams() == 0) {
        ctx.close();
        return;
      }
      super.userEventTriggered(ctx, evt);
    }
  }

  /**
   * Turns a stream's request into what {@link FrontendHandler} expects from {@link RequestDecoder}:
   * a {@link ProxyRequest} with its facts filled in and always a {@link LastHttpContent} at its end.
   * Outbound, the empty buffer the proxy writes before closing becomes "after the last write".
   */
  static final class StreamAdapter extends ChannelDuplexHandler {
    private static final AsciiString[] HOP_BY_HOP = {
      AsciiString.cached("connection"), AsciiString.cached("keep-alive"), AsciiString.cached("proxy-connection"),
      AsciiString.cached("upgrade"), AsciiString.cached("te"),
    };
    private ChannelFuture lastWrite;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof HttpRequest in)) {
        ctx.fireChannelRead(msg);
        return;
      }
      boolean full = msg instanceof FullHttpRequest;
      HttpHeaders h = in.headers();
      h.remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text());
      h.remove(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text());
      h.remove(HttpConversionUtil.ExtensionHeaderNames.PATH.text());
      h.remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_WEIGHT.text());
      h.remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_DEPENDENCY_ID.text());
      h.remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_PROMISE_ID.text());
      for (AsciiString name : HOP_BY_HOP) {
        h.remove(name);
      }
      ProxyRequest r = new ProxyRequest(HttpVersion.HTTP_1_1, in.method(), in.uri(), h);
      r.keepAlive = true;
      String host = h.get(HttpHeaderNames.HOST);
      r.host = host == null ? null : new AsciiString(host);
      r.forwardedFor = h.getAll(HeaderNames.X_FORWARDED_FOR).size();
      r.expectContinue = h.containsValue(HttpHeaderNames.EXPECT, "100-continue", true);
      String length = h.get(HttpHeaderNames.CONTENT_LENGTH);
      h.remove(HttpHeaderNames.TRANSFER_ENCODING);
      if (full) {
        if (length != null) {
          h.set(HttpHeaderNames.CONTENT_LENGTH, "0"); // END_STREAM on the HEADERS: no body whatever it says
          r.contentLength = 0;
        }
      } else if (length != null) {
        long n = parse(length);
        if (n < 0 || h.getAll(HttpHeaderNames.CONTENT_LENGTH).size() > 1) {
          ReferenceCountUtil.release(msg);
          ctx.fireChannelRead(DecodeError.badRequest("bad content-length in HTTP/2"));
          return;
        }
        r.contentLength = n;
      } else {
        r.chunked = true;
        h.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
      }
      ReferenceCountUtil.release(msg);
      ctx.fireChannelRead(r);
      if (full) {
        ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
      }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof ByteBuf buf) {
        // FrontendHandler's "flush, then close": complete once what was written before is out
        buf.release();
        ChannelFuture prior = lastWrite;
        if (prior == null || prior.isDone()) {
          promise.trySuccess();
        } else {
          prior.addListener(f -> promise.trySuccess());
        }
        return;
      }
      lastWrite = ctx.write(msg, promise.isVoid() ? ctx.newPromise() : promise);
    }

    private static long parse(String s) {
      if (s.isEmpty() || s.length() > 18) {
        return -1;
      }
      long n = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        n = n * 10 + (c - '0');
      }
      return n;
    }
  }
}
