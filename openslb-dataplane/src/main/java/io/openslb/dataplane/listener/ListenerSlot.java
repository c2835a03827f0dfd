package io.openslb.dataplane.listener;

import io.netty.channel.Channel;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.runtime.ListenerRuntime;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One bound address:port and its current configuration. The runtime is published with one
 * volatile write; a connection reads it once at accept and keeps it. Also holds the listener's
 * runtime state that outlives configuration swaps: the source-IP persistence table.
 */
public final class ListenerSlot {
  private final ListenerKey key;
  private volatile ListenerRuntime runtime;
  private volatile Channel channel;
  private final Map<InetAddress, Persisted> persistence = new ConcurrentHashMap<>();

  /** A source address pinned to a backend until {@code expiresAtNanos}. */
  public record Persisted(String backendAddress, long expiresAtNanos) {}

  ListenerSlot(ListenerKey key, ListenerRuntime runtime) {
    this.key = key;
    this.runtime = runtime;
  }

  public ListenerKey key() {
    return key;
  }

  public ListenerRuntime runtime() {
    return runtime;
  }

  void publish(ListenerRuntime next) {
    this.runtime = next;
  }

  Channel channel() {
    return channel;
  }

  void bound(Channel ch) {
    this.channel = ch;
  }

  public Map<InetAddress, Persisted> persistence() {
    return persistence;
  }
}
