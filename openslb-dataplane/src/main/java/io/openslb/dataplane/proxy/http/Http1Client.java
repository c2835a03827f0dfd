package io.openslb.dataplane.proxy.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.openslb.dataplane.listener.ListenerSlot;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of an HTTP/1.x client connection ({@code RequestDecoder → ResponseEncoder →}
 * this): hands the decoded requests to its {@link Frontend} and gives the frontend the channel as
 * its {@link ClientSide}. Event loop only.
 */
final class Http1Client extends ChannelInboundHandlerAdapter implements ClientSide {
  private final HttpProxy proxy;
  private final ListenerSlot slot;
  private final HttpListenerConfig config;
  private ChannelHandlerContext ctx;
  private ResponseEncoder encoder;
  private Frontend frontend;

  Http1Client(HttpProxy proxy, ListenerSlot slot, HttpListenerConfig config) {
    this.proxy = proxy;
    this.slot = slot;
    this.config = config;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.encoder = ctx.pipeline().get(ResponseEncoder.class);
    Frontend.Peer peer = new Frontend.Peer(ctx.channel(), proxy.connections(ctx.channel().eventLoop()));
    frontend = new Frontend(proxy, slot, config, this, peer);
    frontend.awaitRequest();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    frontend.received(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    frontend.readComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    frontend.clientWritabilityChanged();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    frontend.clientClosed();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    frontend.clientFailed(cause);
  }

  // ------------------------------------------------------------------ ClientSide

  @Override
  public EventLoop eventLoop() {
    return ctx.channel().eventLoop();
  }

  @Override
  public Timer schedule(Runnable task, long delayNanos) {
    ScheduledFuture<?> f = ctx.executor().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public ByteBufAllocator alloc() {
    return ctx.alloc();
  }

  @Override
  public void write(Object msg) {
    ctx.write(msg, ctx.voidPromise());
  }

  @Override
  public void flush() {
    ctx.flush();
  }

  @Override
  public boolean isWritable() {
    return ctx.channel().isWritable();
  }

  @Override
  public boolean isOpen() {
    return ctx.channel().isActive();
  }

  @Override
  public void reading(boolean on) {
    ctx.channel().config().setAutoRead(on);
  }

  @Override
  public void headRequest(boolean head) {
    encoder.headRequest = head;
  }

  @Override
  public void closeAfterFlush() {
    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void close() {
    ctx.close();
  }

  @Override
  public void startTunnel() {
    ChannelPipeline p = ctx.pipeline();
    p.remove(encoder);
    RequestDecoder decoder = p.get(RequestDecoder.class);
    if (decoder != null) {
      p.remove(decoder);
    }
  }
}
