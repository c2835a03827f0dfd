package io.openslb.dataplane.schedule;

import java.net.InetSocketAddress;

/**
 * What a scheduler may look at for a new flow: the client and the local (VIP) address, and for
 * {@code qch} a QUIC connection id when the first packet carried one.
 */
public record FlowKey(InetSocketAddress client, InetSocketAddress local, byte[] quicConnectionId) {
  public static FlowKey of(InetSocketAddress client, InetSocketAddress local) {
    return new FlowKey(client, local, null);
  }
}
