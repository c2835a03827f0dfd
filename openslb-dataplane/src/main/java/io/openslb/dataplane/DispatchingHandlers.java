package io.openslb.dataplane;

import io.netty.channel.ChannelOption;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.listener.ProtocolHandlers;
import io.openslb.dataplane.proxy.tcp.TcpProxy;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.runtime.ProtocolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an accepted connection to the proxy of the listener's current protocol. Because the
 * choice is made per connection, a port whose listener changes protocol keeps its socket.
 */
public final class DispatchingHandlers implements ProtocolHandlers {
  private static final Logger log = LoggerFactory.getLogger(DispatchingHandlers.class);

  private final TcpProxy tcp;
  private final ProtocolHandlers http;
  private final ProtocolHandlers udp;

  /** {@code http} serves HTTP and HTTPS listeners; {@code udp} binds UDP ones; either may be null. */
  public DispatchingHandlers(TcpProxy tcp, ProtocolHandlers http, ProtocolHandlers udp) {
    this.tcp = tcp;
    this.http = http;
    this.udp = udp;
  }

  @Override
  public void accept(SocketChannel client, ListenerSlot slot, ListenerRuntime runtime) {
    switch (runtime.spec().protocol()) {
      case TCP -> {
        client.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        tcp.accept(client, slot, runtime);
      }
      case HTTP, HTTPS -> {
        if (http == null) {
          log.warn("{}: no HTTP proxy in this build", runtime.spec().name());
          client.close();
        } else {
          http.accept(client, slot, runtime);
        }
      }
      default -> client.close();
    }
  }

  @Override
  public ProtocolConfig prepare(ListenerRuntime runtime) {
    return switch (runtime.spec().protocol()) {
      case HTTP, HTTPS -> http == null ? null : http.prepare(runtime);
      case UDP -> udp == null ? null : udp.prepare(runtime);
      case TCP -> null;
    };
  }

  @Override
  public void bindUdp(DatagramChannel channel, ListenerSlot slot) {
    if (udp == null) {
      log.warn("{}: no UDP proxy in this build", slot.key());
      return;
    }
    udp.bindUdp(channel, slot);
  }
}
