package io.openslb.dataplane.health;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.openslb.dataplane.transport.Transport;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * HTTP check: one request on a fresh connection ({@code Connection: close}); healthy when the
 * response's status class is accepted. Only the status line matters, so the connection is closed as
 * soon as the response head arrives, with a reset (SO_LINGER 0) so that no TIME_WAIT sockets pile
 * up on the checker. Connect and response together must fit in the timeout.
 */
final class HttpProbe implements Probe {
  private final Transport transport;
  private final EventLoop loop;
  private final InetSocketAddress target;
  private final long timeoutMillis;
  private final HttpCheck check;

  HttpProbe(Transport transport, EventLoop loop, InetSocketAddress target, long timeoutMillis, HttpCheck check) {
    this.transport = transport;
    this.loop = loop;
    this.target = target;
    this.timeoutMillis = timeoutMillis;
    this.check = check;
  }

  @Override
  public void run(Consumer<Result> done) {
    ProbeCall call = new ProbeCall(loop, timeoutMillis, () -> Result.fail("no response within " + timeoutMillis + " ms"), done);
    ChannelFuture connect = transport.streamBootstrap(loop)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeoutMillis)
        .option(ChannelOption.SO_LINGER, 0)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpClientCodec(), new ResponseHandler(call));
          }
        })
        .connect(target);
    call.channel(connect.channel());
    connect.addListener(f -> {
      if (!f.isSuccess()) {
        call.finish(Result.fail(f.cause()));
      } else if (!call.finished()) {
        connect.channel().writeAndFlush(request()).addListener(w -> {
          if (!w.isSuccess()) {
            call.finish(Result.fail(w.cause()));
          }
        });
      }
    });
  }

  private FullHttpRequest request() {
    FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, check.method(), check.uri());
    req.headers()
        .set(HttpHeaderNames.HOST, check.host())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        .set(HttpHeaderNames.USER_AGENT, "OpenSLB-HealthCheck")
        .set(HttpHeaderNames.ACCEPT, "*/*");
    return req;
  }

  /** Judges the first response head; anything else (close, error) before it is a failure. */
  private final class ResponseHandler extends ChannelInboundHandlerAdapter {
    private final ProbeCall call;

    ResponseHandler(ProbeCall call) {
      this.call = call;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof HttpResponse response) {
          int status = response.status().code();
          if (response.decoderResult().isFailure()) {
            call.finish(Result.fail("bad response: " + response.decoderResult().cause()));
          } else {
            call.finish(check.accepts(status) ? Result.ok("HTTP " + status) : Result.fail("HTTP " + status));
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      call.finish(Result.fail("connection closed before a response"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      call.finish(Result.fail(cause));
      ctx.close();
    }
  }
}
