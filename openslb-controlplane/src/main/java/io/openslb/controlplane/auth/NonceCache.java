package io.openslb.controlplane.auth;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers signature nonces for the timestamp window so that a replayed request is refused. A
 * request older than the window is refused by its timestamp, so older nonces can be forgotten.
 * Thread-safe. Kept per node in memory: in a cluster, a replay sent to another node inside the
 * window is not caught (a documented limit).
 */
public final class NonceCache {
  private final Clock clock;
  private final long windowMillis;
  private final int maxEntries;
  private final Map<String, Long> seen = new ConcurrentHashMap<>();
  private volatile long nextSweep;

  public NonceCache(Clock clock, long windowMillis, int maxEntries) {
    this.clock = clock;
    this.windowMillis = windowMillis;
    this.maxEntries = maxEntries;
  }

  /** True the first time {@code accessKeyId + nonce} is seen inside the window. */
  public boolean firstUse(String accessKeyId, String nonce) {
    long now = clock.millis();
    sweep(now);
    return seen.putIfAbsent(accessKeyId + "\n" + nonce, now + 2 * windowMillis) == null;
  }

  private void sweep(long now) {
    if (now < nextSweep && seen.size() < maxEntries) {
      return;
    }
    nextSweep = now + 10_000;
    for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getValue() < now) {
        it.remove();
      }
    }
  }
}
