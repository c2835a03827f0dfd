package io.openslb.dataplane.proxy.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.openslb.dataplane.schedule.Backend;
import io.openslb.dataplane.transport.Transport;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's flow through a UDP listener: a datagram channel connected to the chosen backend,
 * on the listener's event loop. Client packets are sent on it (with a PROXY v2 header in front
 * when the listener asks for one); its replies go back out of the listener socket to the client.
 * Every method runs on that one event loop.
 */
final class UdpSession {
  private static final Logger log = LoggerFactory.getLogger(UdpSession.class);
  /** Client packets kept while the backend channel connects (a few microseconds, normally). */
  static final int MAX_PENDING = 64;
  /** A received buffer wasting more than this is copied to a tight one before it is queued. */
  private static final int MAX_SLACK = 2048;

  private final UdpListenerHandler owner;
  private final Channel listener;
  private final EventLoop loop;
  private final InetSocketAddress client;
  private final Backend backend;
  private final byte[] proxyHeader;
  private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>(4);
  private Channel channel;
  private long idleTimeoutNanos;
  private long lastActivityNanos;
  private ScheduledFuture<?> idleCheck;
  private boolean counted;
  private boolean ended;

  UdpSession(UdpListenerHandler owner, Channel listener, InetSocketAddress client, Backend backend, byte[] proxyHeader) {
    this.owner = owner;
    this.listener = listener;
    this.loop = listener.eventLoop();
    this.client = client;
    this.backend = backend;
    this.proxyHeader = proxyHeader;
  }

  void start(Transport transport, long idleTimeoutNanos) {
    this.idleTimeoutNanos = idleTimeoutNanos;
    this.lastActivityNanos = System.nanoTime();
    ChannelFuture connect = transport.datagramBootstrap(loop)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(UdpProxy.MAX_DATAGRAM))
        .handler(new FromBackend())
        .connect(backend.address());
    channel = connect.channel();
    if (connect.isDone() && !connect.isSuccess()) { // no socket at all (file descriptors exhausted)
      log.warn("{}: session {} -> {} cannot start: {}", owner.listenerName(), client, backend, connect.cause().toString());
      ended();
      return;
    }
    backend.stats().opened(channel); // connection drain closes this channel
    counted = true;
    channel.closeFuture().addListener(f -> ended());
    connect.addListener((ChannelFuture f) -> {
      if (!f.isSuccess()) {
        log.debug("{}: session {} -> {} cannot start: {}", owner.listenerName(), client, backend, f.cause().toString());
        close();
        return;
      }
      ByteBuf payload;
      while ((payload = pending.poll()) != null) {
        send(payload);
      }
      channel.flush();
    });
    idleCheck = loop.schedule(this::checkIdle, idleTimeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** A packet from the client; takes ownership of {@code payload}. */
  void fromClient(ByteBuf payload) {
    if (ended) {
      payload.release();
      return;
    }
    lastActivityNanos = System.nanoTime();
    if (!channel.isActive()) {
      if (pending.size() < MAX_PENDING) {
        pending.add(payload);
      } else {
        payload.release();
      }
      return;
    }
    send(payload);
    channel.flush();
  }

  private void send(ByteBuf payload) {
    if (!channel.isWritable()) {
      payload.release(); // the socket cannot keep up: drop, as a router would
      return;
    }
    ByteBuf out = payload;
    if (proxyHeader != null) {
      out = channel.alloc().directBuffer(proxyHeader.length + payload.readableBytes());
      out.writeBytes(proxyHeader).writeBytes(payload);
      payload.release();
    }
    channel.write(out, channel.voidPromise()); // a failure reaches FromBackend.exceptionCaught
  }

  private void checkIdle() {
    if (ended) {
      return;
    }
    long idle = System.nanoTime() - lastActivityNanos;
    if (idle >= idleTimeoutNanos) {
      log.debug("{}: session {} -> {} idle, closed", owner.listenerName(), client, backend);
      close();
    } else {
      idleCheck = loop.schedule(this::checkIdle, idleTimeoutNanos - idle, TimeUnit.NANOSECONDS);
    }
  }

  void close() {
    if (channel != null) {
      channel.close();
    }
    ended();
  }

  /** Once, on the event loop: leave the table, give back buffers and the backend's flow count. */
  private void ended() {
    if (!loop.inEventLoop()) {
      loop.execute(this::ended);
      return;
    }
    if (ended) {
      return;
    }
    ended = true;
    owner.ended(client, this);
    if (idleCheck != null) {
      idleCheck.cancel(false);
    }
    ByteBuf payload;
    while ((payload = pending.poll()) != null) {
      payload.release();
    }
    if (counted) {
      backend.stats().closed(channel);
    }
  }

  /**
   * Datagrams are read into buffers big enough for the largest one; a small datagram that will
   * wait in a queue gets its own tight copy, so queued bytes are what memory limits count.
   */
  static ByteBuf compact(ByteBuf buf, ByteBufAllocator alloc) {
    int n = buf.readableBytes();
    if (buf.capacity() - n <= MAX_SLACK) {
      return buf;
    }
    ByteBuf copy = alloc.directBuffer(n, n);
    copy.writeBytes(buf);
    buf.release();
    return copy;
  }

  /** Replies from the backend, relayed to the client through the listener socket. */
  private final class FromBackend extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf data;
      if (msg instanceof DatagramPacket p) {
        data = p.content();
      } else if (msg instanceof ByteBuf b) {
        data = b;
      } else {
        ReferenceCountUtil.release(msg);
        return;
      }
      lastActivityNanos = System.nanoTime();
      if (!listener.isWritable()) {
        data.release();
        return;
      }
      listener.write(new DatagramPacket(compact(data, ctx.alloc()), client), listener.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      listener.flush();
    }

    /** ICMP port unreachable from the backend, or a failed send: end the session; the next packet opens a new one. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("{}: session {} -> {} ended: {}", owner.listenerName(), client, backend, cause.toString());
      ctx.close();
    }
  }
}
