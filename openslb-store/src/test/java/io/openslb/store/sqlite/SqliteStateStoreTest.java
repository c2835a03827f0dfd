package io.openslb.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openslb.store.StateStore;
import io.openslb.store.StateStoreContract;
import io.openslb.store.Txn;
import io.openslb.store.WatchEvent;
import io.openslb.store.WatchListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreTest extends StateStoreContract {

  @TempDir Path dir;

  @Override
  protected StateStore newStore() {
    return SqliteStateStore.open(dir.resolve("state.db"));
  }

  @Override
  protected StateStore reopen(StateStore old) {
    old.close();
    return SqliteStateStore.open(dir.resolve("state.db"));
  }

  @Test
  void walAndFullSyncAreOn() throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
        var s = c.createStatement();
        var rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void secondProcessSharingTheFileSeesChangesThroughWatch() throws Exception {
    // Two store instances on one file behave like the server and the `account create` command.
    try (SqliteStateStore other = SqliteStateStore.open(dir.resolve("state.db"))) {
      List<WatchEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (AutoCloseable w = store.watch("/acct/", store.revision(), new Collecting(seen))) {
        other.commit(Txn.builder().put("/acct/1", "from another writer").build());
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
        assertThat(seen.get(0).value()).isEqualTo("from another writer");
      }
    }
  }

  @Test
  void watchFromCompactedRevisionIsToldToRelist() throws Exception {
    SqliteStateStore sqlite = (SqliteStateStore) store;
    long first = sqlite.commit(Txn.builder().put("/c/a", "1").build());
    sqlite.commit(Txn.builder().put("/c/a", "2").build());
    long head = sqlite.commit(Txn.builder().put("/c/a", "3").build());
    sqlite.compact(head - 1);
    AtomicLong compactedAt = new AtomicLong();
    try (AutoCloseable w =
        sqlite.watch(
            "/c/",
            first,
            new WatchListener() {
              @Override
              public void onEvents(List<WatchEvent> events) {}

              @Override
              public void onCompacted(long compactedRevision) {
                compactedAt.set(compactedRevision);
              }
            })) {
      await().atMost(Duration.ofSeconds(5)).until(() -> compactedAt.get() == head - 1);
    }
  }
}
