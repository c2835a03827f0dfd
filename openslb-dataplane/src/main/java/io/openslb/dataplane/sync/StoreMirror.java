package io.openslb.dataplane.sync;

import io.openslb.store.KeyValue;
import io.openslb.store.Range;
import io.openslb.store.StateStore;
import io.openslb.store.StoreLayout;
import io.openslb.store.WatchEvent;
import io.openslb.store.WatchListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a copy of the store's configuration by listing once and then watching from the listing's
 * revision (re-listing after compaction), and hands a fresh {@link ConfigIndex} to the consumer
 * after every change. Bursts are coalesced: at most one index per {@code coalesceMillis}.
 *
 * <p>Decoding: a value is decoded once, when it changes (not once per reader or per revision). A
 * value that cannot be decoded (not JSON, a newer schema version, a field of the wrong type) is
 * logged once with its key and error, counted in {@link #decodeFailures}, and the key keeps its
 * last good record: one bad value never unbinds a listener or empties its pool. A key that was
 * never good is left out until a good value arrives.
 *
 * <p>Threading: watch events arrive on the store's watch thread; indexes are built and published
 * on this mirror's own single thread, so the consumer is never called concurrently.
 */
public final class StoreMirror implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StoreMirror.class);
  /** The data plane reads only per-account configuration. */
  private static final String PREFIX = StoreLayout.ACCOUNTS;

  private final StateStore store;
  private final Consumer<ConfigIndex> consumer;
  private final long coalesceMillis;
  private final ScheduledExecutorService publisher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dataplane-sync");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, String> entries = new HashMap<>(); // guarded by this
  private long revision; // guarded by this
  private boolean publishPending; // guarded by this
  /** Used only on the publisher thread. */
  private final ConfigDecoder decoder = new ConfigDecoder();
  private volatile AutoCloseable watch;
  private volatile boolean closed;

  public StoreMirror(StateStore store, Consumer<ConfigIndex> consumer, long coalesceMillis) {
    this.store = store;
    this.consumer = consumer;
    this.coalesceMillis = coalesceMillis;
  }

  /** Lists, publishes the first view synchronously, then watches. */
  public StoreMirror start() {
    try {
      publisher.submit(() -> {
        relist();
        publishNow();
      }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("cannot read the store: " + e.getCause().getMessage(), e.getCause());
    }
    return this;
  }

  private void relist() {
    Range range = store.list(PREFIX);
    synchronized (this) {
      entries.clear();
      for (KeyValue kv : range.entries()) {
        entries.put(kv.key(), kv.value());
      }
      revision = range.revision();
    }
    watch = store.watch(PREFIX, range.revision(), new Listener());
  }

  private final class Listener implements WatchListener {
    @Override
    public void onEvents(List<WatchEvent> events) {
      synchronized (StoreMirror.this) {
        for (WatchEvent e : events) {
          if (e.isDelete()) {
            entries.remove(e.key());
          } else {
            entries.put(e.key(), e.value());
          }
          revision = Math.max(revision, e.revision());
        }
        if (publishPending || closed) {
          return;
        }
        publishPending = true;
      }
      publisher.schedule(StoreMirror.this::publishNow, coalesceMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onCompacted(long compactedRevision) {
      log.warn("store history compacted at {}; re-listing", compactedRevision);
      publisher.execute(
          () -> {
            if (!closed) {
              relist();
              publishNow();
            }
          });
    }
  }

  private void publishNow() {
    Map<String, String> raw;
    long rev;
    synchronized (this) {
      publishPending = false;
      raw = new HashMap<>(entries);
      rev = revision;
    }
    ConfigIndex index = decoder.index(raw, rev);
    try {
      consumer.accept(index);
    } catch (RuntimeException e) {
      log.error("applying configuration at revision {} failed", index.revision(), e);
    }
  }

  /** How many stored values could not be decoded since start (each counted once, when it arrived). */
  public long decodeFailures() {
    return decoder.failures();
  }

  @Override
  public void close() {
    closed = true;
    try {
      AutoCloseable w = watch;
      if (w != null) {
        w.close();
      }
    } catch (Exception e) {
      log.debug("closing watch: {}", e.toString());
    }
    publisher.shutdownNow();
  }
}
