package io.openslb.dataplane.proxy.tcp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.FastThreadLocal;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.runtime.BackendPool;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.schedule.Backend;
import io.openslb.dataplane.schedule.FlowKey;
import io.openslb.dataplane.transport.Transport;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Layer-4 TCP forwarding. On accept: pick a backend (source-IP persistence first when
 * PersistenceTimeout is set), connect from the client's event loop, retry another backend if the
 * connect fails, optionally send a PROXY v2 header, then relay both ways with backpressure and
 * half-close ({@link RelayHandler}). Runs on the client channel's event loop.
 */
public final class TcpProxy {
  private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);
  static final int CONNECT_TIMEOUT_MS = 5_000;
  static final int MAX_CONNECT_ATTEMPTS = 3;
  static final int PERSISTENCE_SWEEP_EVERY = 1024;

  private final Transport transport;
  /** Backend connections are opened on the client's event loop; one bootstrap per loop. */
  private final FastThreadLocal<Bootstrap> bootstraps = new FastThreadLocal<>();

  public TcpProxy(Transport transport) {
    this.transport = transport;
  }

  /** Sets up a freshly accepted client channel (auto-read off) for {@code runtime}. */
  public void accept(SocketChannel client, ListenerSlot slot, ListenerRuntime runtime) {
    long idle = runtime.spec().settings().establishedTimeout().toNanos();
    client.pipeline().addLast(new IdleStateHandler(0, 0, idle, TimeUnit.NANOSECONDS));
    client.config().setAutoRead(false);
    connect(client, slot, runtime, new HashSet<>(), 1);
  }

  private void connect(SocketChannel client, ListenerSlot slot, ListenerRuntime runtime, Set<Backend> tried, int attempt) {
    BackendPool pool = runtime.pool();
    FlowKey flow = FlowKey.of(client.remoteAddress(), client.localAddress());
    Backend backend = persisted(slot, runtime, client, tried);
    if (backend == null) {
      backend = pool.pick(flow, tried);
    }
    if (backend == null) {
      if (log.isDebugEnabled()) {
        log.debug("{}: no backend for {} (tried {})", runtime.spec().name(), client.remoteAddress(), tried);
      }
      client.close();
      return;
    }
    Backend chosen = backend;
    bootstrap(client.eventLoop()).connect(chosen.address()).addListener((ChannelFutureListener) f -> {
      if (!f.isSuccess()) {
        tried.add(chosen);
        log.debug("{}: connect to {} failed: {}", runtime.spec().name(), chosen, f.cause().toString());
        if (client.isActive() && attempt < MAX_CONNECT_ATTEMPTS) {
          connect(client, slot, runtime, tried, attempt + 1);
        } else {
          client.close();
        }
        return;
      }
      Channel backendChannel = f.channel();
      if (!client.isActive()) {
        backendChannel.close();
        return;
      }
      InetAddress source = client.remoteAddress().getAddress();
      remember(slot, runtime, source, chosen);
      chosen.stats().opened(client);
      client.closeFuture().addListener(x -> {
        chosen.stats().closed(client);
        refresh(slot, runtime, source, chosen);
      });
      if (runtime.spec().settings().proxyProtocolV2()) {
        sendProxyHeader(backendChannel, client);
      }
      RelayHandler.join(client, backendChannel);
    });
  }

  private static Backend persisted(ListenerSlot slot, ListenerRuntime runtime, SocketChannel client, Set<Backend> tried) {
    if (runtime.spec().settings().persistence().isZero()) {
      return null;
    }
    ListenerSlot.Persisted p = slot.persistence().get(client.remoteAddress().getAddress());
    if (p == null || p.expiresAtNanos() - System.nanoTime() < 0) {
      return null;
    }
    Backend b = runtime.pool().eligibleByAddress(p.backendAddress());
    return b != null && !tried.contains(b) ? b : null;
  }

  /**
   * Pins the client's address to {@code b} for PersistenceTimeout, counted from now; called when a
   * connection starts and again when it ends, so a long connection keeps its client pinned (as LVS
   * persistence templates do). Expired entries are swept every {@link #PERSISTENCE_SWEEP_EVERY} new
   * addresses, which bounds the table by the number of clients seen within one timeout.
   */
  private static void remember(ListenerSlot slot, ListenerRuntime runtime, InetAddress client, Backend b) {
    long timeout = runtime.spec().settings().persistence().toNanos();
    if (timeout == 0) {
      return;
    }
    Map<InetAddress, ListenerSlot.Persisted> table = slot.persistence();
    long now = System.nanoTime();
    ListenerSlot.Persisted previous = table.put(client, new ListenerSlot.Persisted(b.memberAddress(), now + timeout));
    if (previous == null && table.size() % PERSISTENCE_SWEEP_EVERY == 0) {
      table.values().removeIf(p -> p.expiresAtNanos() - now < 0);
    }
  }

  /** At the end of a connection: restarts the client's pin unless it now points elsewhere. */
  private static void refresh(ListenerSlot slot, ListenerRuntime runtime, InetAddress client, Backend b) {
    long timeout = runtime.spec().settings().persistence().toNanos();
    if (timeout == 0) {
      return;
    }
    String address = b.memberAddress();
    long expires = System.nanoTime() + timeout;
    slot.persistence().compute(client, (k, p) -> p == null || p.backendAddress().equals(address)
        ? new ListenerSlot.Persisted(address, expires) : p);
  }

  /**
   * Writes and flushes the PROXY v2 header at once: a backend that speaks first (SMTP, MySQL, our
   * echo test server) waits for the header before it says anything, so it must not wait for the
   * client's first bytes to carry it out.
   */
  static void sendProxyHeader(Channel backend, SocketChannel client) {
    InetSocketAddress src = client.remoteAddress();
    InetSocketAddress dst = client.localAddress();
    boolean v6 = src.getAddress() instanceof Inet6Address;
    HAProxyMessage header = new HAProxyMessage(
        HAProxyProtocolVersion.V2, HAProxyCommand.PROXY,
        v6 ? HAProxyProxiedProtocol.TCP6 : HAProxyProxiedProtocol.TCP4,
        src.getAddress().getHostAddress(), dst.getAddress().getHostAddress(), src.getPort(), dst.getPort());
    backend.pipeline().addFirst("proxy-protocol", HAProxyMessageEncoder.INSTANCE);
    backend.writeAndFlush(header);
    backend.pipeline().remove("proxy-protocol");
  }
  /** The backend bootstrap of {@code loop}, built once per event loop (connects run on the client's loop). */
  private Bootstrap bootstrap(EventLoop loop) {
    Bootstrap b = bootstraps.getIfExists();
    if (b == null || b.config().group() != loop) {
      b = transport.streamBootstrap(loop)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
          .option(ChannelOption.AUTO_READ, false)
          .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(NoHandler.INSTANCE); // RelayHandler is added once connected
      bootstraps.set(b);
    }
    return b;
  }

  @ChannelHandler.Sharable
  private static final class NoHandler extends ChannelInboundHandlerAdapter {
    static final NoHandler INSTANCE = new NoHandler();
  }
}
