package io.openslb.dataplane.proxy.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a backend connection. While a client exchange owns the connection it hands
 * every event to that {@link Frontend} (its {@link Upstream} binds it); while the connection idles in its event loop's
 * {@link BackendConnections} it only watches for the backend closing it (or sending something it
 * should not), and then leaves the pool. Event loop only.
 */
final class BackendConnection extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(BackendConnection.class);

  final HttpRequestEncoder encoder = new HttpRequestEncoder();
  final ResponseDecoder decoder = new ResponseDecoder();
  private final BackendConnections home;
  private ChannelHandlerContext ctx;
  private Frontend owner;
  /** The backend address, the pool's key. */
  InetSocketAddress key;
  /** Taken from the pool: it may have been closed by the backend while idle (keep-alive race). */
  boolean reused;
  /** In the pool since this ticker time; {@code pooled} while there. */
  long idleSince;
  boolean pooled;

  BackendConnection(BackendConnections home) {
    this.home = home;
  }

  static BackendConnection of(Channel ch) {
    return ch.pipeline().get(BackendConnection.class);
  }

  Channel channel() {
    return ctx.channel();
  }

  void attach(Frontend frontend, boolean headRequest) {
    owner = frontend;
    decoder.headRequest = headRequest;
  }

  void detach() {
    owner = null;
  }

  void write(Object msg) {
    ctx.write(msg, ctx.voidPromise());
  }

  void flush() {
    ctx.flush();
  }

  void autoRead(boolean on) {
    ctx.channel().config().setAutoRead(on);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    key = (InetSocketAddress) ctx.channel().remoteAddress();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Frontend o = owner;
    if (o != null) {
      o.backendRead(this, msg);
    } else {
      ReferenceCountUtil.release(msg);
      ctx.close(); // an idle connection must stay silent
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    Frontend o = owner;
    if (o != null) {
      o.backendReadComplete(this);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Frontend o = owner;
    if (o != null) {
      o.backendWritabilityChanged(this);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (pooled) {
      home.remove(this);
    }
    Frontend o = owner;
    owner = null;
    if (o != null) {
      o.backendClosed(this);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (log.isDebugEnabled()) {
      log.debug("backend {}: {}", key, cause.toString());
    }
    ctx.close();
  }
}
