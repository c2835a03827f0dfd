package io.openslb.dataplane.proxy.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Idle keep-alive connections to backends, one instance per event loop, keyed by backend address
 * and shared by all listeners and clients of that loop (HAProxy's {@code http-reuse always}, nginx's
 * upstream keepalive). Never touched from another thread, so no locks.
 *
 * <p>Most recently used first, so a few warm connections carry the load and the rest age out: a
 * connection idle for more than {@link #MAX_IDLE_NANOS} is closed (under the 5 s keep-alive timeout
 * of Apache and Node, which would otherwise close it under us), and at most {@link #MAX_IDLE_PER_BACKEND}
 * are kept per backend.
 */
final class BackendConnections implements Runnable {
  static final int CONNECT_TIMEOUT_MS = 3_000;
  static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(4);
  static final int MAX_IDLE_PER_BACKEND = 512;

  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final Map<InetSocketAddress, ArrayDeque<BackendConnection>> idle = new HashMap<>();
  private int idleCount;
  private boolean sweeping;

  /** {@code base}: TCP channels on {@code loop} (see {@code Transport.streamBootstrap}). */
  BackendConnections(EventLoop loop, Bootstrap base, WriteBufferWaterMark waterMark) {
    this.loop = loop;
    this.bootstrap = base
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
        // bodies move in large reads (a 64 KiB response and its head in one), small ones stay small
        .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 256 * 1024))
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            BackendConnection c = new BackendConnection(BackendConnections.this);
            ch.pipeline().addLast(c.encoder, c.decoder, c);
          }
        });
  }

  EventLoop loop() {
    return loop;
  }

  /** A new connection; its {@link BackendConnection} is in the pipeline once the future completes. */
  ChannelFuture connect(InetSocketAddress address) {
    return bootstrap.connect(address);
  }

  /** The most recently parked live connection to {@code address}, or null. */
  BackendConnection poll(InetSocketAddress address) {
    ArrayDeque<BackendConnection> q = idle.get(address);
    if (q == null) {
      return null;
    }
    BackendConnection c;
    while ((c = q.pollLast()) != null) {
      idleCount--;
      c.pooled = false;
      if (c.channel().isActive()) {
        c.reused = true;
        return c;
      }
    }
    return null;
  }

  /** Parks a connection whose exchange finished cleanly. */
  void offer(BackendConnection c) {
    Channel ch = c.channel();
    if (!ch.isActive() || c.key == null) {
      ch.close();
      return;
    }
    ArrayDeque<BackendConnection> q = idle.computeIfAbsent(c.key, k -> new ArrayDeque<>());
    if (q.size() >= MAX_IDLE_PER_BACKEND) {
      ch.close();
      return;
    }
    c.detach();
    c.pooled = true;
    c.idleSince = loop.ticker().nanoTime();
    ch.config().setAutoRead(true); // notice a close by the backend while idle
    q.addLast(c);
    idleCount++;
    if (!sweeping) {
      sweeping = true;
      loop.schedule(this, 1, TimeUnit.SECONDS);
    }
  }

  /** The backend closed a parked connection. */
  void remove(BackendConnection c) {
    ArrayDeque<BackendConnection> q = idle.get(c.key);
    if (q != null && q.remove(c)) {
      idleCount--;
    }
    c.pooled = false;
  }

  int idleCount() {
    return idleCount;
  }

  /** Closes connections idle for too long; runs every second while any is parked. */
  @Override
  public void run() {
    long now = loop.ticker().nanoTime();
    for (ArrayDeque<BackendConnection> q : idle.values()) {
      BackendConnection oldest;
      while ((oldest = q.peekFirst()) != null && now - oldest.idleSince > MAX_IDLE_NANOS) {
        q.pollFirst();
        idleCount--;
        oldest.pooled = false;
        oldest.channel().close();
      }
    }
    idle.values().removeIf(ArrayDeque::isEmpty);
    if (idleCount > 0) {
      loop.schedule(this, 1, TimeUnit.SECONDS);
    } else {
      sweeping = false;
    }
  }
}
