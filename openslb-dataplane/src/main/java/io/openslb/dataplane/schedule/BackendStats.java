package io.openslb.dataplane.schedule;

import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runtime counters of one member of one target, kept across configuration swaps: active
 * connections (for wlc) and the client channels that use it (for connection drain).
 */
public final class BackendStats {
  private final AtomicInteger active = new AtomicInteger();
  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

  public int active() {
    return active.get();
  }

  /** A flow to this member began; {@code client} is closed if the member is drained. */
  public void opened(Channel client) {
    active.incrementAndGet();
    if (client != null) {
      channels.add(client);
    }
  }

  public void closed(Channel client) {
    active.decrementAndGet();
    if (client != null) {
      channels.remove(client);
    }
  }

  public Set<Channel> channels() {
    return channels;
  }
}
