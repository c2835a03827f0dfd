package io.openslb.dataplane.health;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.openslb.dataplane.transport.Transport;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * TCP check: healthy when the connection is established within the timeout. The connection is
 * then closed with a reset (SO_LINGER 0), as the cloud's checker does, so probes leave no
 * TIME_WAIT sockets behind.
 */
final class TcpProbe implements Probe {
  private final Transport transport;
  private final EventLoop loop;
  private final InetSocketAddress target;
  private final long timeoutMillis;

  TcpProbe(Transport transport, EventLoop loop, InetSocketAddress target, long timeoutMillis) {
    this.transport = transport;
    this.loop = loop;
    this.target = target;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public void run(Consumer<Result> done) {
    ProbeCall call = new ProbeCall(loop, timeoutMillis, () -> Result.fail("connect timed out after " + timeoutMillis + " ms"), done);
    ChannelFuture connect = transport.streamBootstrap(loop)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeoutMillis)
        .option(ChannelOption.SO_LINGER, 0)
        .handler(new ChannelInboundHandlerAdapter() {
          @Override
          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a reset after the verdict is no news
          }
        })
        .connect(target);
    call.channel(connect.channel());
    connect.addListener(f -> call.finish(f.isSuccess() ? Result.ok("connected") : Result.fail(f.cause())));
  }
}
