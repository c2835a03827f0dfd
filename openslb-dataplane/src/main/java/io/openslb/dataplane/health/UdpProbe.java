package io.openslb.dataplane.health;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.openslb.dataplane.transport.Transport;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * UDP check (SEMANTICS.md §3.5): sends {@code healthCheckReq} (or a short probe payload) on a
 * connected datagram channel, so that an ICMP port-unreachable comes back as a {@link
 * PortUnreachableException}. With {@code healthCheckExp} set the reply must equal it; without it
 * any reply or silence until the timeout is healthy, and only port-unreachable is a failure.
 */
final class UdpProbe implements Probe {
  static final String DEFAULT_PAYLOAD = "openslb-hc";

  private final Transport transport;
  private final EventLoop loop;
  private final InetSocketAddress target;
  private final long timeoutMillis;
  private final byte[] request;
  private final byte[] expected;

  /** @param expected the exact reply required, or null when silence is healthy */
  UdpProbe(Transport transport, EventLoop loop, InetSocketAddress target, long timeoutMillis, String request, String expected) {
    this.transport = transport;
    this.loop = loop;
    this.target = target;
    this.timeoutMillis = timeoutMillis;
    this.request = (request == null || request.isEmpty() ? DEFAULT_PAYLOAD : request).getBytes(StandardCharsets.UTF_8);
    this.expected = expected == null || expected.isEmpty() ? null : expected.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void run(Consumer<Result> done) {
    ProbeCall call = new ProbeCall(loop, timeoutMillis,
        () -> expected == null ? Result.ok("no reply, no ICMP error") : Result.fail("no reply within " + timeoutMillis + " ms"),
        done);
    ChannelFuture connect = transport.datagramBootstrap(loop)
        .handler(new ReplyHandler(call))
        .connect(target);
    call.channel(connect.channel());
    connect.addListener(f -> {
      if (!f.isSuccess()) {
        call.finish(Result.fail(f.cause()));
      } else if (!call.finished()) {
        connect.channel().writeAndFlush(Unpooled.wrappedBuffer(request)).addListener(w -> {
          if (!w.isSuccess()) {
            call.finish(failure(w.cause()));
          }
        });
      }
    });
  }

  private static Result failure(Throwable cause) {
    return cause instanceof PortUnreachableException ? Result.fail("ICMP port unreachable") : Result.fail(cause);
  }

  private final class ReplyHandler extends ChannelInboundHandlerAdapter {
    private final ProbeCall call;

    ReplyHandler(ProbeCall call) {
      this.call = call;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        ByteBuf content = msg instanceof DatagramPacket p ? p.content() : msg instanceof ByteBuf b ? b : null;
        if (content == null) {
          return;
        }
        if (expected == null) {
          call.finish(Result.ok("reply"));
        } else if (ByteBufUtil.equals(content, Unpooled.wrappedBuffer(expected))) {
          call.finish(Result.ok("expected reply"));
        } else {
          call.finish(Result.fail("unexpected reply of " + content.readableBytes() + " bytes"));
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      call.finish(failure(cause));
    }
  }
}
