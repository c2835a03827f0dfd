package io.openslb.dataplane.proxy.udp;

import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.openslb.dataplane.Transport;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.listener.ProtocolHandlers;
import io.openslb.dataplane.runtime.ListenerRuntime;

/** UDP listeners: per-client sessions to backends. (Being built.) */
public final class UdpProxy implements ProtocolHandlers {
  private final Transport transport;

  public UdpProxy(Transport transport) {
    this.transport = transport;
  }

  @Override
  public void accept(SocketChannel client, ListenerSlot slot, ListenerRuntime runtime) {
    throw new UnsupportedOperationException("UDP listeners do not accept TCP connections");
  }

  @Override
  public void bindUdp(DatagramChannel channel, ListenerSlot slot) {}
}
