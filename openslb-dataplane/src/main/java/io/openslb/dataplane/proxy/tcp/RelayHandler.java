package io.openslb.dataplane.proxy.tcp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * Copies bytes from one channel to its peer. Backpressure: the next read is asked for only when
 * the previous write completed (both channels run with auto-read off). Half-close: end of input on
 * one side shuts the peer's output; the pair closes when both directions are done or either side
 * fails. Runs on the shared event loop of the two channels.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {
  private final Channel peer;
  private boolean inputDone;

  private RelayHandler(Channel peer) {
    this.peer = peer;
  }

  /** Connects {@code a} and {@code b} both ways and starts reading. */
  static void join(Channel a, Channel b) {
    a.pipeline().addLast("relay", new RelayHandler(b));
    b.pipeline().addLast("relay", new RelayHandler(a));
    b.closeFuture().addListener(f -> closeOnFlush(a));
    a.closeFuture().addListener(f -> closeOnFlush(b));
    a.read();
    b.read();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!peer.isActive()) {
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    peer.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
      if (f.isSuccess()) {
        ctx.channel().read();
      } else {
        f.channel().close();
        ctx.close();
      }
    });
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      inputDone = true;
      if (peer instanceof DuplexChannel d && peer.isActive()) {
        d.shutdownOutput();
      }
      if (ctx.channel() instanceof DuplexChannel self && self.isOutputShutdown()) {
        ctx.close();
      }
      return;
    }
    if (evt instanceof IdleStateEvent) {
      ctx.close(); // EstablishedTimeout: nothing moved either way for too long
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closeOnFlush(peer);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  boolean inputDone() {
    return inputDone;
  }

  static void closeOnFlush(Channel ch) {
    if (ch.isActive()) {
      ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
