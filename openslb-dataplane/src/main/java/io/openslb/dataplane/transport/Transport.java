package io.openslb.dataplane.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
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
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The event loops and channel types of the data plane: io_uring where the kernel allows it, else
 * native epoll (Linux), else NIO. {@code -Dopenslb.transport=epoll|nio} forces one (for a kernel or
 * container whose io_uring misbehaves). io_uring was measured 1.5-1.8× epoll on keep-alive HTTPS
 * on one core (docs/performance.md): it batches the reads and writes of a loop iteration into
 * one system call. One group serves accepting, client and backend channels; a proxied
 * connection's two sides share one event loop, so relaying needs no cross-thread hand-off.
 *
 * <p>Every channel uses the pooled buffer allocator. Netty 4.2's default (adaptive) allocator
 * serves reads above its pooled sizes with fresh, zeroed direct memory (backend reads grow to
 * 256 KiB), and io_uring takes a read's buffer when it submits the read: with large responses most
 * of the loop's time went into zeroing and page faults (64 KiB responses: 380 → 580 MiB/s with
 * the pooled allocator).
 * Bootstraps come from here so that no channel misses it.
 */
public final class Transport implements AutoCloseable {
  /** The I/O mechanism in use. */
  public enum Kind {
    EPOLL, IO_URING, NIO
  }

  private final Kind kind;
  private final EventLoopGroup group;
  private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;

  public Transport(int threads) {
    this.kind = choose(System.getProperty("openslb.transport", "auto"));
    IoHandlerFactory handlers = switch (kind) {
      case EPOLL -> EpollIoHandler.newFactory();
      case IO_URING -> IoUringIoHandler.newFactory();
      case NIO -> NioIoHandler.newFactory();
    };
    this.group = new MultiThreadIoEventLoopGroup(threads, handlers);
  }

  private static Kind choose(String wanted) {
    String w = wanted.toLowerCase(Locale.ROOT);
    if ((w.equals("auto") || w.equals("io_uring")) && IoUring.isAvailable()) {
      return Kind.IO_URING;
    }
    if (!w.equals("nio") && Epoll.isAvailable()) {
      return Kind.EPOLL;
    }
    return Kind.NIO;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether Linux socket options (SO_REUSEPORT) are available: epoll or io_uring. */
  public boolean unixOptions() {
    return kind != Kind.NIO;
  }

  public EventLoopGroup group() {
    return group;
  }

  /** Accepting TCP channels on the group; accepted channels get the allocator too. */
  public ServerBootstrap serverBootstrap() {
    return new ServerBootstrap()
        .group(group)
        .channel(serverChannel())
        .option(ChannelOption.ALLOCATOR, allocator)
        .childOption(ChannelOption.ALLOCATOR, allocator);
  }

  /** Outgoing TCP channels on {@code loop} (a connection's peer keeps its event loop). */
  public Bootstrap streamBootstrap(EventLoopGroup loop) {
    return new Bootstrap().group(loop).channel(socketChannel()).option(ChannelOption.ALLOCATOR, allocator);
  }

  /** UDP channels on {@code loop}. */
  public Bootstrap datagramBootstrap(EventLoopGroup loop) {
    return new Bootstrap().group(loop).channel(datagramChannel()).option(ChannelOption.ALLOCATOR, allocator);
  }

  public Class<? extends ServerSocketChannel> serverChannel() {
    return switch (kind) {
      case EPOLL -> EpollServerSocketChannel.class;
      case IO_URING -> IoUringServerSocketChannel.class;
      case NIO -> NioServerSocketChannel.class;
    };
  }

  public Class<? extends SocketChannel> socketChannel() {
    return switch (kind) {
      case EPOLL -> EpollSocketChannel.class;
      case IO_URING -> IoUringSocketChannel.class;
      case NIO -> NioSocketChannel.class;
    };
  }

  public Class<? extends DatagramChannel> datagramChannel() {
    return switch (kind) {
      case EPOLL -> EpollDatagramChannel.class;
      case IO_URING -> IoUringDatagramChannel.class;
      case NIO -> NioDatagramChannel.class;
    };
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
