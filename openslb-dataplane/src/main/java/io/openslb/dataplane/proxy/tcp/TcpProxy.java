package io.openslb.dataplane.proxy.tcp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.handler.timeout.IdleStateHandler;
import io.openslb.dataplane.Transport;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.runtime.Backend;
import io.openslb.dataplane.runtime.BackendPool;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.schedule.FlowKey;
import io.openslb.model.Listener;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.HashSet;
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

  private final Transport transport;

  public TcpProxy(Transport transport) {
    this.transport = transport;
  }

  /** Sets up a freshly accepted client channel (auto-read off) for {@code runtime}. */
  public void accept(SocketChannel client, ListenerSlot slot, ListenerRuntime runtime) {
    Listener l = runtime.spec().listener();
    int idle = l.establishedTimeout() == null ? 900 : l.establishedTimeout();
    client.pipeline().addLast(new IdleStateHandler(0, 0, idle, TimeUnit.SECONDS));
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
    Bootstrap b = new Bootstrap()
        .group(client.eventLoop())
        .channel(transport.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new io.netty.channel.ChannelInboundHandlerAdapter());
    b.connect(chosen.address()).addListener((ChannelFutureListener) f -> {
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
      remember(slot, runtime, client, chosen);
      chosen.stats().opened(client);
      client.closeFuture().addListener(x -> chosen.stats().closed(client));
      if (Boolean.TRUE.equals(runtime.spec().listener().proxyProtocolV2Enabled())) {
        sendProxyHeader(backendChannel, client);
      }
      RelayHandler.join(client, backendChannel);
    });
  }

  private static Backend persisted(ListenerSlot slot, ListenerRuntime runtime, SocketChannel client, Set<Backend> tried) {
    Integer timeout = runtime.spec().listener().persistenceTimeout();
    if (timeout == null || timeout <= 0) {
      return null;
    }
    ListenerSlot.Persisted p = slot.persistence().get(client.remoteAddress().getAddress());
    if (p == null || p.expiresAtNanos() < System.nanoTime()) {
      return null;
    }
    Backend b = runtime.pool().eligibleByAddress(p.backendAddress());
    return b != null && !tried.contains(b) ? b : null;
  }

  private static void remember(ListenerSlot slot, ListenerRuntime runtime, SocketChannel client, Backend b) {
    Integer timeout = runtime.spec().listener().persistenceTimeout();
    if (timeout != null && timeout > 0) {
      slot.persistence().put(client.remoteAddress().getAddress(),
          new ListenerSlot.Persisted(b.member().address(), System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout)));
    }
  }

  static void sendProxyHeader(Channel backend, SocketChannel client) {
    InetSocketAddress src = client.remoteAddress();
    InetSocketAddress dst = client.localAddress();
    boolean v6 = src.getAddress() instanceof Inet6Address;
    HAProxyMessage header = new HAProxyMessage(
        HAProxyProtocolVersion.V2, HAProxyCommand.PROXY,
        v6 ? HAProxyProxiedProtocol.TCP6 : HAProxyProxiedProtocol.TCP4,
        src.getAddress().getHostAddress(), dst.getAddress().getHostAddress(), src.getPort(), dst.getPort());
    backend.pipeline().addFirst("proxy-protocol", HAProxyMessageEncoder.INSTANCE);
    backend.write(header);
    backend.pipeline().remove("proxy-protocol");
    backend.write(Unpooled.EMPTY_BUFFER);
  }
}
