package io.openslb.dataplane.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openslb.model.Listener;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.LoadBalancer;
import io.openslb.store.StoreLayout.Kind;
import io.openslb.store.StoreLayout;
import io.openslb.store.Txn;
import io.openslb.store.sqlite.SqliteStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror on a real SQLite file: decode once, keep the last good record, leave out what it cannot read. */
class StoreMirrorTest {
  private static final String LB = StoreLayout.loadBalancer("1", "r", "lb-1");
  private static final String L80 = StoreLayout.listener("1", "r", "lb-1", 80, ListenerProtocol.TCP);
  private static final String L81 = StoreLayout.listener("1", "r", "lb-1", 81, ListenerProtocol.TCP);

  @TempDir Path dir;
  SqliteStateStore store;
  StoreMirror mirror;
  final AtomicReference<ConfigIndex> latest = new AtomicReference<>();

  @BeforeEach
  void start() {
    store = SqliteStateStore.open(dir.resolve("state.db"));
    put(LB, "{\"id\":\"lb-1\",\"status\":\"active\",\"address\":\"127.1.0.1\",\"_v\":1}");
    put(L80, listener(80, "wrr"));
    mirror = new StoreMirror(store, latest::set, 1).start();
  }

  @AfterEach
  void stop() {
    mirror.close();
    store.close();
  }

  private static String listener(int port, String scheduler) {
    return "{\"loadBalancerId\":\"lb-1\",\"port\":" + port + ",\"protocol\":\"TCP\",\"status\":\"running\","
        + "\"scheduler\":\"" + scheduler + "\",\"backendServerPort\":8080,\"_v\":1}";
  }

  private long put(String key, String value) {
    return store.commit(Txn.builder().put(key, value).build());
  }

  private ConfigIndex indexAt(long revision) {
    await().atMost(Duration.ofSeconds(5)).until(() -> latest.get() != null && latest.get().revision() >= revision);
    return latest.get();
  }

  private static Listener listenerAt(ConfigIndex index, int port) {
    return index.all(Kind.LISTENER, Listener.class).stream()
        .map(ConfigIndex.Entry::value).filter(l -> l.port() == port).findFirst().orElse(null);
  }

  @Test
  void theFirstIndexHoldsTheListedRecordsDecoded() {
    ConfigIndex index = latest.get();
    assertThat(index.get(Kind.LOAD_BALANCER, "1", "r", "lb-1", LoadBalancer.class)).get()
        .extracting(LoadBalancer::address).isEqualTo("127.1.0.1");
    assertThat(listenerAt(index, 80).backendServerPort()).isEqualTo(8080);
    assertThat(index.all(Kind.LISTENER, Listener.class).get(0).key())
        .isEqualTo(new StoreLayout.Key(Kind.LISTENER, "1", "r", java.util.List.of("lb-1", "80", "tcp")));
    assertThat(index.rejected()).isEmpty();
    assertThat(mirror.decodeFailures()).isZero();
  }

  @Test
  void aValueThatIsNotJsonKeepsTheLastGoodRecordAndIsCountedOnce() {
    ConfigIndex index = indexAt(put(L80, "{\"loadBalancerId\":\"lb-1\",\"port\":"));
    assertThat(listenerAt(index, 80)).isNotNull();
    assertThat(listenerAt(index, 80).scheduler()).isEqualTo("wrr");
    assertThat(index.rejected()).containsOnlyKeys(L80);
    assertThat(index.rejected().get(L80)).startsWith(L80 + ": not JSON");
    assertThat(mirror.decodeFailures()).isEqualTo(1);

    // later revisions that do not touch the bad value neither decode nor count it again
    index = indexAt(put(L81, listener(81, "rr")));
    assertThat(listenerAt(index, 81).scheduler()).isEqualTo("rr");
    assertThat(listenerAt(index, 80)).isNotNull();
    assertThat(mirror.decodeFailures()).isEqualTo(1);

    // a good value replaces it
    index = indexAt(put(L80, listener(80, "wlc")));
    assertThat(listenerAt(index, 80).scheduler()).isEqualTo("wlc");
    assertThat(index.rejected()).isEmpty();
  }

  @Test
  void anUnknownSchedulerIsRejectedNotReadAsWrr() {
    ConfigIndex index = indexAt(put(L80, listener(80, "fastest")));
    assertThat(listenerAt(index, 80).scheduler()).isEqualTo("wrr");
    assertThat(index.rejected().get(L80)).contains("scheduler: fastest");
  }

  @Test
  void aNewerSchemaVersionOfANewKeyIsLeftOutAndNamed() {
    ConfigIndex index = indexAt(put(L81, listener(81, "rr").replace("\"_v\":1", "\"_v\":2")));
    assertThat(listenerAt(index, 81)).isNull();
    assertThat(index.rejected()).containsEntry(L81, L81 + ": schema version 2 (this build reads 1-1)");
  }

  @Test
  void aDeletedKeyLeavesTheIndexEvenWhenItsLastValueWasBad() {
    indexAt(put(L80, "garbage"));
    ConfigIndex index = indexAt(store.commit(Txn.builder().delete(L80).build()));
    assertThat(listenerAt(index, 80)).isNull();
    assertThat(index.rejected()).isEmpty();
  }

  @Test
  void kindsTheDataPlaneDoesNotReadStayOutOfTheIndex() {
    put(StoreLayout.account("1"), "{\"id\":\"1\",\"_v\":1}");
    put(StoreLayout.tags("1", "r", "acl", "acl-1"), "not even json");
    ConfigIndex index = indexAt(put(StoreLayout.instance("1", "i-1"), "{\"id\":\"i-1\",\"_v\":1}"));
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.rejected()).isEmpty();
    assertThat(mirror.decodeFailures()).isZero();
  }
}
