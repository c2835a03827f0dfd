package io.openslb.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.etcd.jetcd.Client;
import io.openslb.store.KeyValue;
import io.openslb.store.StateStore;
import io.openslb.store.StateStoreContract;
import io.openslb.store.StoreConflictException;
import io.openslb.store.StoreException;
import io.openslb.store.Txn;
import io.openslb.store.WatchEvent;
import io.openslb.store.WatchListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract, and etcd specifics, against a real etcd process started once for the class.
 * Every test gets its own namespace ({@code /t-<uuid>}), so tests do not see each other's keys.
 */
class EtcdStateStoreTest extends StateStoreContract {

  @TempDir static Path etcdDir;

  private static EtcdProcess etcd;

  private String namespace;

  @BeforeAll
  static void startEtcd() throws Exception {
    etcd = EtcdProcess.start(etcdDir);
  }

  @AfterAll
  static void stopEtcd() {
    if (etcd != null) {
      etcd.close();
    }
  }

  @Override
  protected StateStore newStore() {
    namespace = "/t-" + UUID.randomUUID();
    return EtcdStateStore.open(etcd.endpoints(), namespace);
  }

  @Override
  protected StateStore reopen(StateStore old) {
    old.close();
    return EtcdStateStore.open(etcd.endpoints(), namespace);
  }

  @Test
  void watchFromCompactedRevisionIsToldToRelistOnce() throws Exception {
    long first = store.commit(Txn.builder().put("/c/a", "1").build());
    store.commit(Txn.builder().put("/c/a", "2").build());
    long head = store.commit(Txn.builder().put("/c/a", "3").build());
    // etcd's compact(R) drops the history before R: watching from first + 1 < head now fails
    try (Client client = Client.builder().endpoints(etcd.endpoints()).build()) {
      client.getKVClient().compact(head).get(10, TimeUnit.SECONDS);
    }
    AtomicLong compactedAt = new AtomicLong();
    AtomicInteger compactions = new AtomicInteger();
    List<WatchEvent> seen = new CopyOnWriteArrayList<>();
    try (AutoCloseable w =
        store.watch(
            "/c/",
            first,
            new WatchListener() {
              @Override
              public void onEvents(List<WatchEvent> events) {
                seen.addAll(events);
              }

              @Override
              public void onCompacted(long compactedRevision) {
                compactedAt.set(compactedRevision);
                compactions.incrementAndGet();
              }
            })) {
      await().atMost(Duration.ofSeconds(10)).until(() -> compactions.get() > 0);
      assertThat(compactedAt.get()).isEqualTo(head);
      // the watch has ended: later changes are not delivered
      store.commit(Txn.builder().put("/c/a", "4").build());
      Thread.sleep(300);
      assertThat(compactions.get()).isEqualTo(1);
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void oneTransactionIsOneCallOnTheWatchThread() throws Exception {
    long start = store.revision();
    List<List<WatchEvent>> calls = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    WatchListener listener =
        new WatchListener() {
          @Override
          public void onEvents(List<WatchEvent> events) {
            calls.add(events);
            threads.add(Thread.currentThread().getName());
          }

          @Override
          public void onCompacted(long compactedRevision) {}
        };
    try (AutoCloseable w = store.watch("/g/", start, listener)) {
      long r1 = store.commit(Txn.builder().put("/g/a", "1").put("/g/b", "2").put("/g/c", "3").build());
      long r2 = store.commit(Txn.builder().delete("/g/a").put("/g/b", "22").build());
      await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() >= 2);
      assertThat(calls).hasSize(2);
      assertThat(calls.get(0)).extracting(WatchEvent::revision).containsOnly(r1);
      assertThat(calls.get(0)).extracting(WatchEvent::key).containsExactly("/g/a", "/g/b", "/g/c");
      assertThat(calls.get(1)).extracting(WatchEvent::revision).containsOnly(r2);
      assertThat(calls.get(1).get(0).isDelete()).isTrue();
      assertThat(threads).allMatch(t -> t.startsWith("etcd-store-watch")).hasSize(2);
      assertThat(threads.get(0)).isEqualTo(threads.get(1));
    }
  }

  @Test
  void namespacesAreIsolatedAndKeysComeBackWithoutNamespace() {
    store.commit(Txn.builder().put("/k", "mine").build());
    // a namespace is a plain key prefix: the other one must not start with ours
    try (StateStore other = EtcdStateStore.open(etcd.endpoints(), "/o-" + UUID.randomUUID())) {
      other.commit(Txn.builder().put("/k", "theirs").build());
      assertThat(store.get("/k").orElseThrow().value()).isEqualTo("mine");
      assertThat(store.list("").entries()).extracting(KeyValue::key).containsExactly("/k");
      assertThat(other.list("/").entries()).extracting(KeyValue::value).containsExactly("theirs");
    }
  }

  @Test
  void openFromUriUsesPathAsNamespace() {
    store.commit(Txn.builder().put("/via/uri", "yes").build());
    String uri = "etcd://127.0.0.1:" + etcd.clientUrl().getPort() + namespace;
    try (EtcdStateStore viaUri = EtcdStateStore.open(uri)) {
      assertThat(viaUri.get("/via/uri").orElseThrow().value()).isEqualTo("yes");
      assertThat(viaUri.describe()).isEqualTo("etcd://127.0.0.1:" + etcd.clientUrl().getPort());
    }
  }

  @Test
  void repeatedKeyInOneTransactionLastMutationWins() {
    long rev = store.commit(Txn.builder().put("/m/a", "1").put("/m/a", "2").delete("/m/b").build());
    assertThat(store.get("/m/a").orElseThrow().value()).isEqualTo("2");
    assertThat(store.get("/m/a").orElseThrow().modRevision()).isEqualTo(rev);
    store.commit(Txn.builder().put("/m/a", "3").delete("/m/a").build());
    assertThat(store.get("/m/a")).isEmpty();
  }

  @Test
  void deletingAMissingKeyIsNotAnError() {
    long rev = store.commit(Txn.builder().put("/x", "1").build());
    assertThat(store.commit(Txn.builder().delete("/never/there").build())).isGreaterThanOrEqualTo(rev);
    assertThat(store.get("/x")).isPresent();
  }

  @Test
  void conflictNamesTheKeyAndItsRevision() {
    long rev = store.commit(Txn.builder().put("/cf/k", "v").build());
    assertThatThrownBy(() -> store.commit(Txn.builder().expect("/cf/k", rev - 1).build()))
        .isInstanceOf(StoreConflictException.class)
        .hasMessageContaining("/cf/k")
        .hasMessageContaining("is at revision " + rev);
    // an empty transaction whose compares hold returns the current revision
    assertThat(store.commit(Txn.builder().expect("/cf/k", rev).build())).isEqualTo(store.revision());
  }

  @Test
  void largeListingIsReadInPagesFromOneRevision() {
    int total = EtcdStateStore.PAGE_SIZE * 2 + 50;
    int perTxn = 100; // etcd allows 128 operations per transaction by default
    for (int i = 0; i < total; i += perTxn) {
      Txn.Builder b = Txn.builder();
      for (int j = i; j < Math.min(total, i + perTxn); j++) {
        b.put(String.format("/big/%05d", j), "v" + j);
      }
      store.commit(b.build());
    }
    long head = store.revision();
    var range = store.list("/big/");
    assertThat(range.revision()).isEqualTo(head);
    assertThat(range.entries()).hasSize(total);
    assertThat(range.entries().get(0).key()).isEqualTo("/big/00000");
    assertThat(range.entries().get(total - 1).key()).isEqualTo(String.format("/big/%05d", total - 1));
    assertThat(range.entries()).extracting(KeyValue::key).isSorted();
  }

  @Test
  void closedStoreFailsClearly() {
    StateStore closed = EtcdStateStore.open(etcd.endpoints(), namespace);
    closed.close();
    assertThatThrownBy(() -> closed.get("/a"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void unreachableClusterFailsWithStoreException() {
    // port 1 on loopback: nothing listens there
    try (EtcdStateStore dead =
        EtcdStateStore.open(List.of(java.net.URI.create("http://127.0.0.1:1")), "/x", Duration.ofSeconds(1))) {
      assertThatThrownBy(dead::revision)
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("etcd://127.0.0.1:1");
    }
  }
}
