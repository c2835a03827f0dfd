package io.openslb.dataplane.sync;

import io.openslb.store.KeyValue;
import io.openslb.store.Range;
import io.openslb.store.StateStore;
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
 * revision (re-listing after compaction), and hands a fresh {@link StoreView} to the consumer after
 * every change. Bursts are coalesced: at most one view per {@code coalesceMillis}.
 *
 * <p>Threading: watch events arrive on the store's watch thread; views are published on this
 * mirror's own single thread, so the consumer is never called concurrently.
 */
public final class StoreMirror implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StoreMirror.class);
  public static final String PREFIX = "/accounts/";

  private final StateStore store;
  private final Consumer<StoreView> consumer;
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
  private volatile AutoCloseable watch;
  private volatile boolean closed;

  public StoreMirror(StateStore store, Consumer<StoreView> consumer, long coalesceMillis) {
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
    StoreView view;
    synchronized (this) {
      publishPending = false;
      view = new StoreView(entries, revision);
    }
    try {
      consumer.accept(view);
    } catch (RuntimeException e) {
      log.error("applying configuration at revision {} failed", view.revision(), e);
    }
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
