package io.openslb.dataplane;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The event loops and channel types of the data plane: native epoll where available (Linux), NIO
 * otherwise. One group serves accepting, client and backend channels; a proxied connection's two
 * sides share one event loop, so relaying needs no cross-thread hand-off.
 */
public final class Transport implements AutoCloseable {
  private final boolean epoll;
  private final EventLoopGroup group;

  public Transport(int threads) {
    this.epoll = Epoll.isAvailable();
    this.group = new MultiThreadIoEventLoopGroup(
        threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  public boolean epoll() {
    return epoll;
  }

  public EventLoopGroup group() {
    return group;
  }

  public Class<? extends ServerSocketChannel> serverChannel() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends SocketChannel> socketChannel() {
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  public Class<? extends DatagramChannel> datagramChannel() {
    return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
