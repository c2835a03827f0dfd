package io.openslb.store.etcd;

import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.watch.WatchResponse;
import io.openslb.store.WatchEvent;
import io.openslb.store.WatchListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link io.openslb.store.StateStore#watch} on etcd: the jetcd {@link Watch.Listener} of a
 * prefix watch, and the handle the caller closes.
 *
 * <p>Threading: jetcd calls this listener on its gRPC/Vert.x threads, sometimes while holding jetcd
 * locks. Nothing here runs user code on those threads: each response is converted and queued on
 * this watch's own single delivery thread, which is the only thread that calls the {@link
 * WatchListener}. So the listener sees calls in order and never concurrently, and a slow listener
 * delays only its own watch.
 *
 * <p>Delivery: every etcd response is split by revision, one {@link WatchListener#onEvents} call
 * per revision (etcd never splits one revision across responses). Events at or below the last
 * delivered revision are dropped, so a jetcd resume that overlaps does not deliver twice.
 *
 * <p>End: the watch ends when it is closed, when etcd reports that the start revision was compacted
 * ({@link WatchListener#onCompacted} with etcd's compact revision), or when jetcd gives the watch
 * up for another reason (a non-retryable error or the stream ending). In the last case the listener is
 * told to resynchronise through the same {@link WatchListener#onCompacted} call, with the last
 * revision it saw, because the SPI has no other way to say "your watch is gone, re-list". Transient
 * errors are retried by jetcd from the last seen revision and only logged here.
 */
final class EtcdWatch implements Watch.Listener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EtcdWatch.class);

  private final EtcdKeys keys;
  private final String prefix;
  private final WatchListener listener;
  private final Consumer<EtcdWatch> onEnd;
  private final ExecutorService delivery;
  private volatile boolean ended;
  private volatile Watch.Watcher watcher;
  /** The newest revision handed to the listener; only touched on the delivery thread. */
  private long cursor;

  EtcdWatch(
      EtcdKeys keys,
      String prefix,
      long afterRevision,
      WatchListener listener,
      Consumer<EtcdWatch> onEnd) {
    this.keys = keys;
    this.prefix = prefix;
    this.cursor = afterRevision;
    this.listener = listener;
    this.onEnd = onEnd;
    this.delivery =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "etcd-store-watch " + keys.namespace() + prefix);
              t.setDaemon(true);
              return t;
            });
  }

  /** Registers with jetcd; called once, before the handle is given out. */
  void start(Watch.Watcher jetcdWatcher) {
    this.watcher = jetcdWatcher;
    if (ended) {
      jetcdWatcher.close();
    }
  }

  /**
   * Stops the watch. No listener call starts after this returns; a call already running on the
   * delivery thread finishes. Idempotent, and safe to call from the listener itself.
   */
  @Override
  public void close() {
    if (end()) {
      log.debug("closed etcd watch on {}{}", keys.namespace(), prefix);
    }
  }

  // ---- jetcd callbacks (jetcd threads) ----

  @Override
  public void onNext(WatchResponse response) {
    if (log.isTraceEnabled()) {
      log.trace("etcd watch on {}{}: {}", keys.namespace(), prefix, response);
    }
    if (ended || response.getEvents().isEmpty()) {
      return; // created / progress notifications carry no events
    }
    List<WatchEvent> events = new ArrayList<>(response.getEvents().size());
    for (io.etcd.jetcd.watch.WatchEvent e : response.getEvents()) {
      WatchEvent event = toEvent(e);
      if (event != null) {
        events.add(event);
      }
    }
    submit(() -> deliver(events));
  }

  @Override
  public void onError(Throwable error) {
    log.trace("etcd watch on {}{} error", keys.namespace(), prefix, error);
    CompactedException compacted = findCompacted(error);
    if (compacted != null) {
      long revision = compacted.getCompactedRevision();
      submit(() -> finish(revision, "its start revision was compacted at " + revision));
    } else if (!ended) {
      log.warn("etcd watch on {}{} failed: {}", keys.namespace(), prefix, String.valueOf(error));
    }
  }

  @Override
  public void onCompleted() {
    log.trace("etcd watch on {}{} completed", keys.namespace(), prefix);
    // jetcd calls this when we close the watcher, and when it gives the watch up on its own.
    if (!ended) {
      submit(() -> finish(cursor, "etcd ended it"));
    }
  }

  // ---- delivery thread ----

  private void deliver(List<WatchEvent> events) {
    List<WatchEvent> batch = new ArrayList<>();
    for (WatchEvent e : events) {
      if (e.revision() <= cursor) {
        continue; // already delivered before a resume
      }
      if (!batch.isEmpty() && batch.get(0).revision() != e.revision()) {
        emit(batch);
        batch = new ArrayList<>();
      }
      batch.add(e);
    }
    if (!batch.isEmpty()) {
      emit(batch);
    }
  }

  private void emit(List<WatchEvent> batch) {
    if (ended) {
      return;
    }
    cursor = batch.get(0).revision();
    try {
      listener.onEvents(List.copyOf(batch));
    } catch (RuntimeException e) {
      log.error("store watch listener on {}{} failed", keys.namespace(), prefix, e);
    }
  }

  /** Ends the watch and tells the listener to re-list; runs at most once. */
  private void finish(long revision, String why) {
    if (!end()) {
      return;
    }
    log.info("etcd watch on {}{} ended: {}; the listener re-lists", keys.namespace(), prefix, why);
    try {
      listener.onCompacted(revision);
    } catch (RuntimeException e) {
      log.error("store watch listener on {}{} failed", keys.namespace(), prefix, e);
    }
  }

  // ---- helpers ----

  /** Marks the watch ended and releases it; returns false if it already was. */
  private synchronized boolean end() {
    if (ended) {
      return false;
    }
    ended = true;
    Watch.Watcher w = watcher;
    if (w != null) {
      w.close();
    }
    delivery.shutdown();
    onEnd.accept(this);
    return true;
  }

  private void submit(Runnable task) {
    try {
      delivery.execute(task);
    } catch (RejectedExecutionException e) {
      // the watch ended meanwhile; nothing to deliver
    }
  }

  /** The SPI event of an etcd event, or null (logged) for an event type this code does not know. */
  private WatchEvent toEvent(io.etcd.jetcd.watch.WatchEvent e) {
    io.etcd.jetcd.KeyValue kv = e.getKeyValue();
    String key = keys.spiKey(kv.getKey());
    long revision = kv.getModRevision();
    return switch (e.getEventType()) {
      case PUT -> new WatchEvent(revision, key, kv.getValue().toString(StandardCharsets.UTF_8));
      case DELETE -> new WatchEvent(revision, key, null);
      default -> {
        log.warn("ignoring etcd event of unknown type {} on {}", e.getEventType(), key);
        yield null;
      }
    };
  }

  private static CompactedException findCompacted(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CompactedException c) {
        return c;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
