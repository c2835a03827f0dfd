package io.openslb.dataplane;

import io.openslb.dataplane.config.HealthKey;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.config.RuntimeSnapshot;
import io.openslb.dataplane.config.SnapshotCompiler;
import io.openslb.dataplane.health.HealthCheckManager;
import io.openslb.dataplane.health.HealthTable;
import io.openslb.dataplane.listener.ListenerManager;
import io.openslb.dataplane.listener.ProtocolHandlers;
import io.openslb.dataplane.proxy.http.HttpProxy;
import io.openslb.dataplane.proxy.tcp.TcpProxy;
import io.openslb.dataplane.proxy.udp.UdpProxy;
import io.openslb.dataplane.sync.ConfigIndex;
import io.openslb.dataplane.sync.StoreMirror;
import io.openslb.dataplane.transport.Transport;
import io.openslb.model.Listener;
import io.openslb.store.StateStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane of one node: mirrors the store, compiles snapshots, runs the listeners. It only
 * reads the store (ARCHITECTURE.md §1), so the same code runs on an all-in-one server and on a
 * data-plane-only node of a cluster.
 */
public final class DataPlane implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DataPlane.class);

  /** Tunables; {@code eventLoops} 0 means one per core. */
  public record Settings(int eventLoops, long coalesceMillis) {
    public static Settings defaults() {
      return new Settings(0, 20);
    }
  }

  private final Transport transport;
  private final HealthTable health;
  private final ListenerManager listeners;
  private final HealthCheckManager checks;
  private final StoreMirror mirror;

  private DataPlane(StateStore store, Settings settings, ProtocolHandlersFactory factory) {
    int threads = settings.eventLoops() > 0 ? settings.eventLoops() : Runtime.getRuntime().availableProcessors();
    this.transport = new Transport(threads);
    this.health = new HealthTable();
    ProtocolHandlers handlers = factory.create(transport);
    this.listeners = new ListenerManager(transport, handlers, health);
    this.checks = new HealthCheckManager(transport, health);
    this.mirror = new StoreMirror(store, this::apply, settings.coalesceMillis());
  }

  /** Builds the protocol handlers once the transport exists. */
  @FunctionalInterface
  public interface ProtocolHandlersFactory {
    ProtocolHandlers create(Transport transport);
  }

  public static DataPlane start(StateStore store, Settings settings) {
    return start(store, settings, t -> new DispatchingHandlers(new TcpProxy(t), new HttpProxy(t), new UdpProxy(t)));
  }

  public static DataPlane start(StateStore store, Settings settings, ProtocolHandlersFactory factory) {
    DataPlane dp = new DataPlane(store, settings, factory);
    dp.mirror.start();
    log.info("data plane started ({} event loops, {})", settings.eventLoops() > 0 ? settings.eventLoops()
        : Runtime.getRuntime().availableProcessors(), dp.transport.kind().name().toLowerCase(java.util.Locale.ROOT));
    return dp;
  }

  private void apply(ConfigIndex view) {
    RuntimeSnapshot snapshot = SnapshotCompiler.compile(view);
    listeners.apply(snapshot);
    checks.update(snapshot);
    log.debug("applied revision {}: {} listeners", snapshot.revision(), snapshot.listeners().size());
  }

  /** DescribeHealthStatus: {@code normal}, {@code abnormal} or {@code unavailable}. */
  public String healthStatus(Listener listener, String ip, int backendPort) {
    return healthStatus(listener.resourceId(), listener.healthCheckConnectPort(), ip, backendPort);
  }

  /** The same for a health scope: a listener's resource id or a rule id with its own check. */
  public String healthStatus(String scope, Integer probePort, String ip, int backendPort) {
    return health.describe(new HealthKey(scope, ip, probePort != null ? probePort : backendPort));
  }

  /**
   * The status to report for a stored listener: {@code starting} while a running listener's
   * address cannot be bound (the bind is retried every few seconds), else the stored status.
   */
  public String listenerStatus(String address, Listener listener) {
    if (listener.running() && address != null
        && listeners.bindErrors().containsKey(new ListenerKey(address, listener.port(), listener.protocol() == io.openslb.model.ListenerProtocol.UDP))) {
      return "starting";
    }
    return listener.status();
  }

  public Map<ListenerKey, String> bindErrors() {
    return listeners.bindErrors();
  }

  /** The newest revision whose configuration runs. */
  public long appliedRevision() {
    return listeners.current().revision();
  }

  public HealthTable healthTable() {
    return health;
  }

  public Transport transport() {
    return transport;
  }

  @Override
  public void close() {
    mirror.close();
    checks.close();
    listeners.close();
    transport.close();
  }
}
