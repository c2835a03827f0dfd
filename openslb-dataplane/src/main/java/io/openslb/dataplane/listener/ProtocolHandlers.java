package io.openslb.dataplane.listener;

import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.runtime.ProtocolConfig;

/**
 * The protocol side of a listener: what happens to an accepted TCP connection (TCP, HTTP or HTTPS
 * forwarding, chosen by the runtime read at accept) and to a bound UDP socket.
 */
public interface ProtocolHandlers {

  /** Called on the client channel's event loop right after accept and the ACL check. */
  void accept(SocketChannel client, ListenerSlot slot, ListenerRuntime runtime);

  /**
   * Builds what this protocol needs per runtime (settings, TLS contexts) before the runtime is
   * published; null when it needs nothing. Runs on the listener manager's thread, never on an
   * event loop.
   */
  default ProtocolConfig prepare(ListenerRuntime runtime) {
    return null;
  }

  /** Installs the handler of a freshly bound UDP listener socket. */
  void bindUdp(DatagramChannel channel, ListenerSlot slot);
}
