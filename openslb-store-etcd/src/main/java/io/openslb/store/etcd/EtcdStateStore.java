package io.openslb.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.openslb.store.KeyValue;
import io.openslb.store.Range;
import io.openslb.store.StateStore;
import io.openslb.store.StoreConflictException;
import io.openslb.store.StoreException;
import io.openslb.store.Txn;
import io.openslb.store.WatchListener;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StateStore} on an etcd v3 cluster, for running several OpenSLB nodes on shared state.
 *
 * <p>Mapping: an SPI key {@code k} is the etcd key {@code namespace + k} (UTF-8); keys come back
 * without the namespace. Store revisions are etcd's cluster-wide revisions, so they are shared
 * with everything else in the cluster: they are monotonic but not dense, and other writers (other
 * namespaces) advance them too. {@code createRevision}/{@code modRevision} are etcd's.
 *
 * <ul>
 *   <li>{@link #get} / {@link #list} are linearizable etcd range reads; {@link Range#revision()} is
 *       the revision of the read (its response header). A listing larger than {@value #PAGE_SIZE}
 *       entries is read in pages pinned to the first page's revision, so it is still one snapshot.
 *   <li>{@link #commit} is one etcd transaction: a compare per {@link Txn.Compare} ({@code
 *       mod_revision == n}, or {@code version == 0} for "absent"), then all puts and deletes. A
 *       failed compare throws {@link StoreConflictException} and writes nothing. Several mutations
 *       of one key in a transaction collapse to the last one (etcd refuses duplicates); deleting a
 *       missing key is not an error.
 *   <li>{@link #watch} is an etcd prefix watch from {@code afterRevision + 1}; see {@link
 *       EtcdWatch} for delivery, threading and how compaction is reported.
 * </ul>
 *
 * <p>Threading: thread-safe; every blocking call waits at most {@link #DEFAULT_TIMEOUT} and throws
 * {@link StoreException} on failure or timeout. A commit that times out may or may not have been
 * applied. Watch listeners run on one dedicated thread per watch, never on the caller's or on
 * jetcd's threads.
 */
public final class EtcdStateStore implements StateStore {

  /** The longest a blocking call waits for etcd by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  static final int PAGE_SIZE = 1000;

  private static final Logger log = LoggerFactory.getLogger(EtcdStateStore.class);

  private final List<URI> endpoints;
  private final EtcdKeys keys;
  private final Client client;
  private final KV kv;
  private final Duration timeout;
  private final Set<EtcdWatch> watches = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private EtcdStateStore(List<URI> endpoints, EtcdKeys keys, Client client, Duration timeout) {
    this.endpoints = endpoints;
    this.keys = keys;
    this.client = client;
    this.kv = client.getKVClient();
    this.timeout = timeout;
  }

  /**
   * Connects to the etcd cluster at {@code endpoints} ({@code http://host:port} each) and keeps all
   * keys under {@code namespace} (e.g. {@code "/openslb"}; {@code ""} for none). The connection is
   * made lazily: an unreachable cluster shows as a {@link StoreException} on the first call.
   */
  public static EtcdStateStore open(List<URI> endpoints, String namespace) {
    return open(endpoints, namespace, DEFAULT_TIMEOUT);
  }

  /** As {@link #open(List, String)}, with blocking calls waiting at most {@code timeout}. */
  static EtcdStateStore open(List<URI> endpoints, String namespace, Duration timeout) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(timeout, "timeout");
    List<URI> list = List.copyOf(endpoints);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no etcd endpoint given");
    }
    try {
      Client client =
          Client.builder()
              .endpoints(list)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      EtcdStateStore store = new EtcdStateStore(list, new EtcdKeys(namespace), client, timeout);
      log.info("opened etcd store {} namespace '{}'", store.describe(), namespace);
      return store;
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot open etcd store " + EtcdUri.describe(list) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens {@code etcd://host[:port][,host[:port]...][/namespace]}: plain-HTTP endpoints, port 2379
   * by default, namespace {@code /openslb} when the URI has no path.
   *
   * @throws IllegalArgumentException if {@code uri} is not such a URI
   */
  public static EtcdStateStore open(String uri) {
    EtcdUri parsed = EtcdUri.parse(uri);
    return open(parsed.endpoints(), parsed.namespace());
  }

  @Override
  public Optional<KeyValue> get(String key) {
    GetResponse r = await("get " + key, () -> kv.get(keys.key(key)));
    return r.getKvs().isEmpty() ? Optional.empty() : Optional.of(toKeyValue(r.getKvs().get(0)));
  }

  @Override
  public Range list(String prefix) {
    EtcdKeys.KeyRange range = keys.range(prefix);
    List<KeyValue> out = new ArrayList<>();
    ByteSequence from = range.start();
    long revision = 0;
    while (true) {
      GetOption.Builder option =
          GetOption.builder()
              .withRange(range.end())
              .withSortField(GetOption.SortTarget.KEY)
              .withSortOrder(GetOption.SortOrder.ASCEND)
              .withLimit(PAGE_SIZE);
      if (revision != 0) {
        option.withRevision(revision); // later pages read the same snapshot as the first
      }
      ByteSequence start = from;
      GetResponse r = await("list " + prefix, () -> kv.get(start, option.build()));
      if (revision == 0) {
        revision = r.getHeader().getRevision();
      }
      for (io.etcd.jetcd.KeyValue e : r.getKvs()) {
        out.add(toKeyValue(e));
      }
      if (!r.isMore() || r.getKvs().isEmpty()) {
        return new Range(out, revision);
      }
      // continue right after the last key: key + "\0"
      from = r.getKvs().get(r.getKvs().size() - 1).getKey().concat(ByteSequence.from(new byte[] {0}));
    }
  }

  @Override
  public long revision() {
    ByteSequence probe = keys.range("").start();
    GetOption keysOnly = GetOption.builder().withKeysOnly(true).withLimit(1).build();
    return await("read revision", () -> kv.get(probe, keysOnly)).getHeader().getRevision();
  }

  @Override
  public long commit(Txn txn) {
    Cmp[] compares = txn.compares().stream().map(this::toCmp).toArray(Cmp[]::new);
    Op[] mutations = lastMutationPerKey(txn).stream().map(this::toOp).toArray(Op[]::new);
    // On failure read the compared keys, to say in the exception what they were.
    Op[] reads =
        txn.compares().stream()
            .map(c -> Op.get(keys.key(c.key()), GetOption.DEFAULT))
            .toArray(Op[]::new);
    TxnResponse r =
        await("commit", () -> kv.txn().If(compares).Then(mutations).Else(reads).commit());
    if (!r.isSucceeded()) {
      throw new StoreConflictException(conflictMessage(txn, r));
    }
    return r.getHeader().getRevision();
  }

  @Override
  public AutoCloseable watch(String prefix, long afterRevision, WatchListener listener) {
    Objects.requireNonNull(listener, "listener");
    ensureOpen();
    EtcdKeys.KeyRange range = keys.range(prefix);
    WatchOption option =
        WatchOption.builder()
            .withRange(range.end())
            .withRevision(Math.max(afterRevision, 0) + 1)
            .build();
    EtcdWatch watch = new EtcdWatch(keys, prefix, afterRevision, listener, watches::remove);
    watches.add(watch);
    try {
      watch.start(client.getWatchClient().watch(range.start(), option, watch));
    } catch (RuntimeException e) {
      watch.close();
      throw new StoreException("etcd " + describe() + ": cannot watch " + prefix + ": " + e.getMessage(), e);
    }
    return watch;
  }

  /** {@code etcd://host:port,...}. */
  @Override
  public String describe() {
    return EtcdUri.describe(endpoints);
  }

  /** Ends every watch of this store (without calling their listeners) and closes the client. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (EtcdWatch w : List.copyOf(watches)) {
      w.close();
    }
    client.close();
    log.info("closed etcd store {}", describe());
  }

  // ---- transactions ----

  private Cmp toCmp(Txn.Compare c) {
    ByteSequence key = keys.key(c.key());
    return c.expectedModRevision() == 0
        ? new Cmp(key, Cmp.Op.EQUAL, CmpTarget.version(0)) // absent
        : new Cmp(key, Cmp.Op.EQUAL, CmpTarget.modRevision(c.expectedModRevision()));
  }

  private Op toOp(Txn.Mutation m) {
    ByteSequence key = keys.key(m.key());
    return m.isDelete()
        ? Op.delete(key, DeleteOption.DEFAULT)
        : Op.put(key, ByteSequence.from(m.value(), StandardCharsets.UTF_8), PutOption.DEFAULT);
  }

  /** etcd rejects a transaction that changes one key twice; the last mutation of a key wins. */
  private static List<Txn.Mutation> lastMutationPerKey(Txn txn) {
    Map<String, Txn.Mutation> byKey = new LinkedHashMap<>();
    for (Txn.Mutation m : txn.mutations()) {
      byKey.remove(m.key());
      byKey.put(m.key(), m);
    }
    return new ArrayList<>(byKey.values());
  }

  private static String conflictMessage(Txn txn, TxnResponse r) {
    List<GetResponse> reads = r.getGetResponses();
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < txn.compares().size(); i++) {
      Txn.Compare c = txn.compares().get(i);
      long actual =
          i < reads.size() && !reads.get(i).getKvs().isEmpty()
              ? reads.get(i).getKvs().get(0).getModRevision()
              : 0;
      if (actual != c.expectedModRevision()) {
        failed.add("key " + c.key() + " is at revision " + actual + ", expected " + c.expectedModRevision());
      }
    }
    return failed.isEmpty() ? "a compare failed (the key changed again since)" : String.join("; ", failed);
  }

  // ---- helpers ----

  private KeyValue toKeyValue(io.etcd.jetcd.KeyValue e) {
    return new KeyValue(
        keys.spiKey(e.getKey()),
        e.getValue().toString(StandardCharsets.UTF_8),
        e.getCreateRevision(),
        e.getModRevision());
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("etcd store " + describe() + " is closed");
    }
  }

  /** Runs one etcd call and waits for it at most {@code timeout}. */
  private <T> T await(String what, Supplier<CompletableFuture<T>> call) {
    ensureOpen();
    CompletableFuture<T> future;
    try {
      future = call.get();
    } catch (RuntimeException e) {
      throw failure(what, e);
    }
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new StoreException(
          "etcd " + describe() + ": " + what + " timed out after " + timeout.toMillis() + " ms"
              + ("commit".equals(what) ? " (it may or may not have been applied)" : ""),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new StoreException("etcd " + describe() + ": " + what + " interrupted", e);
    } catch (ExecutionException e) {
      throw failure(what, e.getCause() != null ? e.getCause() : e);
    }
  }

  private StoreException failure(String what, Throwable cause) {
    return new StoreException("etcd " + describe() + ": " + what + " failed: " + cause.getMessage(), cause);
  }
}
