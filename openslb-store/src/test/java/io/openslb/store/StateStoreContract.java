package io.openslb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StateStore} must have. Each implementation's test extends this class
 * and supplies a fresh, empty store per test (and, for {@link #reopen}, the same data reopened).
 */
public abstract class StateStoreContract {

  protected StateStore store;

  /** A new empty store. */
  protected abstract StateStore newStore() throws Exception;

  /** Closes {@code store} and opens the same data again (a restart). */
  protected abstract StateStore reopen(StateStore store) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void putThenGetReturnsValueAndRevisions() {
    long r1 = store.commit(Txn.builder().put("/a/1", "one").build());
    KeyValue kv = store.get("/a/1").orElseThrow();
    assertThat(kv.value()).isEqualTo("one");
    assertThat(kv.createRevision()).isEqualTo(r1);
    assertThat(kv.modRevision()).isEqualTo(r1);

    long r2 = store.commit(Txn.builder().put("/a/1", "uno").build());
    assertThat(r2).isGreaterThan(r1);
    KeyValue updated = store.get("/a/1").orElseThrow();
    assertThat(updated.value()).isEqualTo("uno");
    assertThat(updated.createRevision()).isEqualTo(r1);
    assertThat(updated.modRevision()).isEqualTo(r2);
    assertThat(store.revision()).isEqualTo(r2);
  }

  @Test
  void missingKeyIsEmpty() {
    assertThat(store.get("/nothing/here")).isEmpty();
  }

  @Test
  void oneTransactionIsOneRevision() {
    long before = store.revision();
    long rev =
        store.commit(Txn.builder().put("/t/a", "1").put("/t/b", "2").put("/t/c", "3").build());
    assertThat(rev).isGreaterThan(before);
    assertThat(store.list("/t/").entries())
        .extracting(KeyValue::modRevision)
        .containsOnly(rev);
  }

  @Test
  void emptyTransactionDoesNotAdvanceRevision() {
    long rev = store.commit(Txn.builder().put("/x", "1").build());
    assertThat(store.commit(Txn.builder().build())).isEqualTo(rev);
    assertThat(store.revision()).isEqualTo(rev);
  }

  @Test
  void listIsSortedAndBoundedByPrefix() {
    store.commit(
        Txn.builder()
            .put("/p/b", "b")
            .put("/p/a", "a")
            .put("/p/c/d", "cd")
            .put("/q/a", "other")
            .put("/p", "parent")
            .build());
    Range range = store.list("/p/");
    assertThat(range.entries()).extracting(KeyValue::key).containsExactly("/p/a", "/p/b", "/p/c/d");
    assertThat(range.revision()).isEqualTo(store.revision());
  }

  @Test
  void compareOnRevisionGuardsWrites() {
    long rev = store.commit(Txn.builder().put("/c/k", "v1").build());
    store.commit(Txn.builder().expect("/c/k", rev).put("/c/k", "v2").build());
    assertThatThrownBy(() -> store.commit(Txn.builder().expect("/c/k", rev).put("/c/k", "v3").build()))
        .isInstanceOf(StoreConflictException.class);
    assertThat(store.get("/c/k").orElseThrow().value()).isEqualTo("v2");
  }

  @Test
  void failedCompareWritesNothing() {
    store.commit(Txn.builder().put("/f/existing", "x").build());
    long rev = store.revision();
    assertThatThrownBy(
            () ->
                store.commit(
                    Txn.builder()
                        .put("/f/new", "should not exist")
                        .expectAbsent("/f/existing")
                        .build()))
        .isInstanceOf(StoreConflictException.class);
    assertThat(store.get("/f/new")).isEmpty();
    assertThat(store.revision()).isEqualTo(rev);
  }

  @Test
  void expectAbsentCreatesOnlyOnce() {
    store.commit(Txn.builder().expectAbsent("/once").put("/once", "first").build());
    assertThatThrownBy(() -> store.commit(Txn.builder().expectAbsent("/once").put("/once", "second").build()))
        .isInstanceOf(StoreConflictException.class);
    assertThat(store.get("/once").orElseThrow().value()).isEqualTo("first");
  }

  @Test
  void deleteRemovesAndRecreateGetsNewCreateRevision() {
    long r1 = store.commit(Txn.builder().put("/d/k", "v").build());
    store.commit(Txn.builder().delete("/d/k").build());
    assertThat(store.get("/d/k")).isEmpty();
    long r3 = store.commit(Txn.builder().expectAbsent("/d/k").put("/d/k", "again").build());
    assertThat(store.get("/d/k").orElseThrow().createRevision()).isEqualTo(r3).isGreaterThan(r1);
  }

  @Test
  void concurrentCompareAndSetLosesNoUpdate() throws Exception {
    store.commit(Txn.builder().put("/counter", "0").build());
    int threads = 4;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger conflicts = new AtomicInteger();
    try {
      CountDownLatch start = new CountDownLatch(1);
      for (int t = 0; t < threads; t++) {
        pool.submit(
            () -> {
              start.await();
              for (int i = 0; i < perThread; i++) {
                while (true) {
                  KeyValue kv = store.get("/counter").orElseThrow();
                  int next = Integer.parseInt(kv.value()) + 1;
                  try {
                    store.commit(
                        Txn.builder()
                            .expect("/counter", kv.modRevision())
                            .put("/counter", Integer.toString(next))
                            .build());
                    break;
                  } catch (StoreConflictException e) {
                    conflicts.incrementAndGet();
                  }
                }
              }
              return null;
            });
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.get("/counter").orElseThrow().value()).isEqualTo(Integer.toString(threads * perThread));
  }

  @Test
  void watchDeliversChangesInOrderFromRevision() throws Exception {
    long start = store.commit(Txn.builder().put("/w/before", "old").build());
    List<WatchEvent> seen = new CopyOnWriteArrayList<>();
    try (AutoCloseable w = store.watch("/w/", start, new Collecting(seen))) {
      long r1 = store.commit(Txn.builder().put("/w/a", "1").build());
      long r2 = store.commit(Txn.builder().put("/w/a", "2").put("/w/b", "x").build());
      store.commit(Txn.builder().put("/elsewhere", "ignored").build());
      long r4 = store.commit(Txn.builder().delete("/w/b").build());
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 4);
      assertThat(seen).extracting(WatchEvent::revision).containsExactly(r1, r2, r2, r4);
      assertThat(seen.get(0).value()).isEqualTo("1");
      assertThat(seen.get(3).isDelete()).isTrue();
      assertThat(seen.get(3).key()).isEqualTo("/w/b");
      assertThat(seen).noneMatch(e -> e.key().equals("/elsewhere") || e.key().equals("/w/before"));
    }
  }

  @Test
  void watchReplaysHistoryAfterAnOldRevision() throws Exception {
    long r1 = store.commit(Txn.builder().put("/h/a", "1").build());
    long r2 = store.commit(Txn.builder().put("/h/a", "2").build());
    long r3 = store.commit(Txn.builder().put("/h/b", "3").build());
    List<WatchEvent> seen = new CopyOnWriteArrayList<>();
    try (AutoCloseable w = store.watch("/h/", r1, new Collecting(seen))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 2);
      assertThat(seen).extracting(WatchEvent::revision).containsExactly(r2, r3);
    }
  }

  @Test
  void closedWatchStopsDelivering() throws Exception {
    List<WatchEvent> seen = new CopyOnWriteArrayList<>();
    AutoCloseable w = store.watch("/s/", store.revision(), new Collecting(seen));
    store.commit(Txn.builder().put("/s/1", "a").build());
    await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
    w.close();
    store.commit(Txn.builder().put("/s/2", "b").build());
    Thread.sleep(300); // a negative check: give a wrong delivery the chance to happen
    assertThat(seen).hasSize(1);
  }

  @Test
  void dataSurvivesReopen() throws Exception {
    long rev = store.commit(Txn.builder().put("/r/a", "durable").build());
    store = reopen(store);
    assertThat(store.get("/r/a").orElseThrow().value()).isEqualTo("durable");
    assertThat(store.revision()).isGreaterThanOrEqualTo(rev);
    long next = store.commit(Txn.builder().put("/r/b", "after").build());
    assertThat(next).isGreaterThan(rev);
  }

  @Test
  void valuesKeepUnicodeAndJson() {
    String json = "{\"Name\":\"n\u00e9 \u4e2d\u6587\",\"Quote\":\"a\\\"b\"}";
    store.commit(Txn.builder().put("/u/k", json).build());
    assertThat(store.get("/u/k").orElseThrow().value()).isEqualTo(json);
  }

  /** Collects events; ignores compaction. */
  protected static final class Collecting implements WatchListener {
    private final List<WatchEvent> sink;

    public Collecting(List<WatchEvent> sink) {
      this.sink = sink;
    }

    @Override
    public void onEvents(List<WatchEvent> events) {
      sink.addAll(events);
    }

    @Override
    public void onCompacted(long compactedRevision) {}
  }
}
