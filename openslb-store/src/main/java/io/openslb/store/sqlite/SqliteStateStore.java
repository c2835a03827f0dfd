package io.openslb.store.sqlite;

import io.openslb.store.KeyValue;
import io.openslb.store.Range;
import io.openslb.store.StateStore;
import io.openslb.store.StoreConflictException;
import io.openslb.store.StoreException;
import io.openslb.store.Txn;
import io.openslb.store.WatchListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a commit that
 * returned is on disk.
 *
 * <p>Design: table {@code kv} holds current values, {@code changelog} one row per changed key per
 * revision (value NULL = delete), {@code meta} the current and the compacted revision. A commit
 * runs inside {@code BEGIN IMMEDIATE}, which serialises writers across processes (the {@code
 * account create} command writes while a server runs), so revisions are dense and ordered. Watches
 * read the change log ({@link SqliteWatcher}); the log keeps the newest {@code retainedRevisions}.
 *
 * <p>Threading: a writer connection and a reader connection, each guarded by its own lock, so
 * reads never wait for a commit's fsync (WAL readers see the last committed state). Every public
 * method may be called from any thread.
 */
public final class SqliteStateStore implements StateStore {

  private static final int BUSY_TIMEOUT_MS = 10_000;

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Connection reader;
  private final ReentrantLock readLock = new ReentrantLock();
  private final long retainedRevisions;
  private final SqliteWatcher watcher;

  private SqliteStateStore(Path file, Connection connection, Connection reader, long retainedRevisions) {
    this.file = file;
    this.connection = connection;
    this.reader = reader;
    this.retainedRevisions = retainedRevisions;
    this.watcher = new SqliteWatcher(this);
  }

  public static SqliteStateStore open(Path file) {
    return open(file, 10_000);
  }

  public static SqliteStateStore open(Path file, long retainedRevisions) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA foreign_keys=OFF");
        s.execute(
            "CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL,"
                + " create_rev INTEGER NOT NULL, mod_rev INTEGER NOT NULL)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS changelog (rev INTEGER NOT NULL, key TEXT NOT NULL,"
                + " value TEXT, PRIMARY KEY (rev, key))");
        s.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
        s.execute("INSERT OR IGNORE INTO meta(name, value) VALUES ('revision', 0), ('compacted', 0)");
      }
      Connection r = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = r.createStatement()) {
        s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
      }
      return new SqliteStateStore(file, c, r, retainedRevisions);
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("cannot open SQLite store " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<KeyValue> get(String key) {
    return reading(
        () -> {
          try (PreparedStatement ps =
              reader.prepareStatement(
                  "SELECT key, value, create_rev, mod_rev FROM kv WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(row(rs)) : Optional.<KeyValue>empty();
            }
          }
        });
  }

  @Override
  public Range list(String prefix) {
    return reading(
        () -> {
          reader.setAutoCommit(false);
          try {
            long rev = meta(reader, "revision");
            List<KeyValue> out = new ArrayList<>();
            try (PreparedStatement ps =
                reader.prepareStatement(
                    "SELECT key, value, create_rev, mod_rev FROM kv WHERE key >= ? AND key < ?"
                        + " ORDER BY key")) {
              ps.setString(1, prefix);
              ps.setString(2, prefixEnd(prefix));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(row(rs));
                }
              }
            }
            reader.commit();
            return new Range(out, rev);
          } finally {
            reader.setAutoCommit(true);
          }
        });
  }

  @Override
  public long revision() {
    return reading(() -> meta(reader, "revision"));
  }

  @Override
  public long commit(Txn txn) {
    long rev =
        locked(
            () -> {
              try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
              }
              boolean done = false;
              try {
                for (Txn.Compare c : txn.compares()) {
                  long actual = modRevision(c.key());
                  if (actual != c.expectedModRevision()) {
                    throw new StoreConflictException(
                        "key " + c.key() + " is at revision " + actual + ", expected "
                            + c.expectedModRevision());
                  }
                }
                long current = meta("revision");
                if (txn.isEmpty()) {
                  return current;
                }
                long next = current + 1;
                for (Txn.Mutation m : txn.mutations()) {
                  apply(m, next);
                }
                setMeta("revision", next);
                if (next % 1000 == 0) {
                  compact(next - retainedRevisions);
                }
                done = true;
                return next;
              } finally {
                try (Statement s = connection.createStatement()) {
                  s.execute(done ? "COMMIT" : "ROLLBACK");
                }
              }
            });
    watcher.wake();
    return rev;
  }

  @Override
  public AutoCloseable watch(String prefix, long afterRevision, WatchListener listener) {
    return watcher.add(prefix, afterRevision, listener);
  }

  @Override
  public String describe() {
    return "sqlite:" + file;
  }

  @Override
  public void close() {
    watcher.close();
    locked(
        () -> {
          connection.close();
          return null;
        });
    reading(
        () -> {
          reader.close();
          return null;
        });
  }

  /** Compacts the change log up to {@code revision} (exclusive of newer rows). For tests and ops. */
  public void compact(long revision) {
    if (revision <= 0) {
      return;
    }
    locked(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement("DELETE FROM changelog WHERE rev <= ?")) {
            ps.setLong(1, revision);
            ps.executeUpdate();
          }
          if (revision > meta("compacted")) {
            setMeta("compacted", revision);
          }
          return null;
        });
  }

  // ---- used by SqliteWatcher (any thread) ----

  long compactedRevision() {
    return reading(() -> meta(reader, "compacted"));
  }

  /** Change-log rows under {@code prefix} with revision in (after, upTo], in order. */
  List<io.openslb.store.WatchEvent> changes(String prefix, long after, long upTo) {
    return reading(
        () -> {
          List<io.openslb.store.WatchEvent> out = new ArrayList<>();
          try (PreparedStatement ps =
              reader.prepareStatement(
                  "SELECT rev, key, value FROM changelog WHERE rev > ? AND rev <= ?"
                      + " AND key >= ? AND key < ? ORDER BY rev, key")) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setString(3, prefix);
            ps.setString(4, prefixEnd(prefix));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new io.openslb.store.WatchEvent(rs.getLong(1), rs.getString(2), rs.getString(3)));
              }
            }
          }
          return out;
        });
  }

  // ---- internals; all called with the lock held ----

  private void apply(Txn.Mutation m, long rev) throws SQLException {
    if (m.isDelete()) {
      try (PreparedStatement ps = connection.prepareStatement("DELETE FROM kv WHERE key = ?")) {
        ps.setString(1, m.key());
        if (ps.executeUpdate() == 0) {
          return; // deleting a missing key is not a change
        }
      }
    } else {
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO kv(key, value, create_rev, mod_rev) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
                  + " mod_rev = excluded.mod_rev")) {
        ps.setString(1, m.key());
        ps.setString(2, m.value());
        ps.setLong(3, rev);
        ps.setLong(4, rev);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO changelog(rev, key, value) VALUES (?, ?, ?)")) {
      ps.setLong(1, rev);
      ps.setString(2, m.key());
      ps.setString(3, m.value());
      ps.executeUpdate();
    }
  }

  private long modRevision(String key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT mod_rev FROM kv WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private long meta(String name) throws SQLException {
    return meta(connection, name);
  }

  private static long meta(Connection on, String name) throws SQLException {
    try (PreparedStatement ps = on.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private void setMeta(String name, long value) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("UPDATE meta SET value = ? WHERE name = ?")) {
      ps.setLong(1, value);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  private static KeyValue row(ResultSet rs) throws SQLException {
    return new KeyValue(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
  }

  /** The smallest string greater than every string starting with {@code prefix}. */
  static String prefixEnd(String prefix) {
    return prefix + Character.MAX_VALUE;
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> T reading(SqlWork<T> work) {
    readLock.lock();
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("SQLite store " + file + ": " + e.getMessage(), e);
    } finally {
      readLock.unlock();
    }
  }

  private <T> T locked(SqlWork<T> work) {
    lock.lock();
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("SQLite store " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
