package io.openslb.store.sqlite;

import io.openslb.store.StoreException;
import io.openslb.store.WatchEvent;
import io.openslb.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers change-log rows to watches from one daemon thread. Woken at once by commits of this
 * process and every {@link #POLL_MS} ms otherwise, so commits of other processes sharing the file
 * arrive too.
 */
final class SqliteWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SqliteWatcher.class);
  static final long POLL_MS = 50;

  private final SqliteStateStore store;
  private final List<Watch> watches = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean signalled;
  private volatile boolean closed;
  private Thread thread;

  SqliteWatcher(SqliteStateStore store) {
    this.store = store;
  }

  AutoCloseable add(String prefix, long afterRevision, WatchListener listener) {
    Watch w = new Watch(prefix, afterRevision, listener);
    watches.add(w);
    startIfNeeded();
    wake();
    return () -> watches.remove(w);
  }

  void wake() {
    lock.lock();
    try {
      signalled = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private synchronized void startIfNeeded() {
    if (thread == null) {
      thread = new Thread(this::loop, "sqlite-store-watch");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void loop() {
    while (!closed) {
      try {
        awaitSignal();
        if (closed) {
          return;
        }
        if (!watches.isEmpty()) {
          deliver();
        }
      } catch (InterruptedException e) {
        return;
      } catch (StoreException e) {
        if (!closed) {
          log.warn("store watch delivery failed, retrying: {}", e.getMessage());
        }
      } catch (RuntimeException e) {
        log.error("store watch listener failed", e);
      }
    }
  }

  private void awaitSignal() throws InterruptedException {
    lock.lock();
    try {
      if (!signalled) {
        changed.await(POLL_MS, TimeUnit.MILLISECONDS);
      }
      signalled = false;
    } finally {
      lock.unlock();
    }
  }

  private void deliver() {
    long head = store.revision();
    long compacted = store.compactedRevision();
    for (Watch w : watches) {
      if (w.cursor >= head) {
        continue;
      }
      if (w.cursor < compacted) {
        watches.remove(w);
        w.listener.onCompacted(compacted);
        continue;
      }
      List<WatchEvent> events = store.changes(w.prefix, w.cursor, head);
      w.cursor = head;
      if (!events.isEmpty()) {
        deliverByRevision(w, events);
      }
    }
  }

  /** Hands each transaction's events over in one call. */
  private static void deliverByRevision(Watch w, List<WatchEvent> events) {
    List<WatchEvent> batch = new ArrayList<>();
    long rev = events.get(0).revision();
    for (WatchEvent e : events) {
      if (e.revision() != rev) {
        w.listener.onEvents(List.copyOf(batch));
        batch.clear();
        rev = e.revision();
      }
      batch.add(e);
    }
    w.listener.onEvents(List.copyOf(batch));
  }

  @Override
  public void close() {
    closed = true;
    wake();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final class Watch {
    final String prefix;
    final WatchListener listener;
    long cursor; // only touched by the watcher thread after construction

    Watch(String prefix, long cursor, WatchListener listener) {
      this.prefix = prefix;
      this.cursor = cursor;
      this.listener = listener;
    }
  }
}
