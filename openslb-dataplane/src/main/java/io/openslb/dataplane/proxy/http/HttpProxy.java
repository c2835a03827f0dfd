package io.openslb.dataplane.proxy.http;

import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.openslb.dataplane.Transport;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.listener.ProtocolHandlers;
import io.openslb.dataplane.runtime.ListenerRuntime;

/** HTTP and HTTPS listeners: the layer-7 reverse proxy. (Being built.) */
public final class HttpProxy implements ProtocolHandlers {
  private final Transport transport;

  public HttpProxy(Transport transport) {
    this.transport = transport;
  }

  @Override
  public void accept(SocketChannel client, ListenerSlot slot, ListenerRuntime runtime) {
    client.close();
  }

  @Override
  public void bindUdp(DatagramChannel channel, ListenerSlot slot) {
    throw new UnsupportedOperationException("HTTP listeners are TCP");
  }
}
