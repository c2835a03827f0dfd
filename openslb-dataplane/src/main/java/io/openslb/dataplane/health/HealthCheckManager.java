package io.openslb.dataplane.health;

import io.netty.channel.EventLoop;
import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.config.HealthKey;
import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.RuleSpec;
import io.openslb.dataplane.config.RuntimeSnapshot;
import io.openslb.dataplane.config.TargetSpec;
import io.openslb.dataplane.health.HealthTable.State;
import io.openslb.dataplane.transport.Transport;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one health-check session per checked member of the running listeners and records the
 * verdicts in the {@link HealthTable}.
 *
 * <p>A member is identified by its {@link HealthKey} (target scope, IP, probe port =
 * HealthCheckConnectPort or the member's port), exactly as {@link TargetSpec#healthKey} looks it
 * up. On every snapshot: sessions whose key is still wanted with the same check keep running and
 * keep their counters; a changed check restarts the session (counters reset, the last verdict
 * stays in the table until the new session reaches one); sessions no longer wanted stop and their
 * table entries are dropped.
 *
 * <p>Threading: {@link #update} and {@link #close} are serialised on this object (the store
 * mirror's thread calls {@code update}). Sessions and probes run on the transport's event loops
 * with Netty timers, spread over the loops. Verdicts are written to the table on one publisher
 * thread, never on an event loop: a verdict makes the {@code ListenerManager} rebuild pools under
 * its monitor, and that monitor is also held while it binds listeners and waits for event loops.
 */
public final class HealthCheckManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HealthCheckManager.class);

  private final Transport transport;
  private final HealthTable table;
  private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "openslb-health-publisher");
    t.setDaemon(true);
    return t;
  });
  private final Map<HealthKey, HealthSession> sessions = new HashMap<>();
  private boolean closed;

  public HealthCheckManager(Transport transport, HealthTable table) {
    this.transport = transport;
    this.table = table;
  }

  /** Starts sessions for newly checked members, restarts changed ones, stops those no longer checked. */
  public synchronized void update(RuntimeSnapshot snapshot) {
    if (closed) {
      return;
    }
    Map<HealthKey, HealthCheckSpec> wanted = wanted(snapshot);
    int stopped = 0;
    for (Iterator<HealthSession> it = sessions.values().iterator(); it.hasNext(); ) {
      HealthSession s = it.next();
      if (!s.spec().equals(wanted.get(s.key()))) {
        s.stop();
        it.remove();
        stopped++;
      }
    }
    int started = 0;
    for (Map.Entry<HealthKey, HealthCheckSpec> e : wanted.entrySet()) {
      if (!sessions.containsKey(e.getKey())) {
        try {
          HealthSession s = newSession(e.getKey(), e.getValue());
          sessions.put(e.getKey(), s);
          s.start();
          started++;
        } catch (RuntimeException bad) {
          // one bad member (say, an address that does not parse) must not block the others
          log.error("health check {} cannot start: {}", e.getKey(), bad.toString());
        }
      }
    }
    Set<HealthKey> keep = Set.copyOf(wanted.keySet());
    // after the stopped sessions' queued verdicts (which they drop), so nothing re-adds a dropped key
    publish(() -> table.retainOnly(keep));
    if (started > 0 || stopped > 0) {
      log.debug("revision {}: {} health-check sessions ({} started, {} stopped)", snapshot.revision(), sessions.size(),
          started, stopped);
    }
  }

  /**
   * Every member to check and how: the listener targets and the rule targets of running listeners
   * whose check is enabled. Rules that share the listener's check share its scope, so their members
   * are checked under the listener's scope; a key wanted twice (the same IP and probe port in one
   * scope) gets one session.
   */
  static Map<HealthKey, HealthCheckSpec> wanted(RuntimeSnapshot snapshot) {
    Map<HealthKey, HealthCheckSpec> wanted = new LinkedHashMap<>();
    for (ListenerSpec listener : snapshot.listeners().values()) {
      addTarget(wanted, listener.target());
      for (RuleSpec rule : listener.rules()) {
        addTarget(wanted, rule.target());
      }
    }
    return wanted;
  }

  private static void addTarget(Map<HealthKey, HealthCheckSpec> wanted, TargetSpec target) {
    if (!target.healthCheck().enabled()) {
      return;
    }
    for (MemberSpec m : target.members()) {
      wanted.putIfAbsent(target.healthKey(m), target.healthCheck());
    }
  }

  private HealthSession newSession(HealthKey key, HealthCheckSpec spec) {
    EventLoop loop = transport.group().next();
    return new HealthSession(key, spec, probe(transport, loop, key, spec), TaskTimer.on(loop),
        ThreadLocalRandom.current(), this::verdict);
  }

  /** The probe a check type needs. */
  static Probe probe(Transport transport, EventLoop loop, HealthKey key, HealthCheckSpec spec) {
    InetSocketAddress target = new InetSocketAddress(key.ip(), key.port());
    long timeoutMillis = spec.effectiveTimeout().toMillis();
    return switch (spec.type()) {
      case HTTP -> new HttpProbe(transport, loop, target, timeoutMillis, HttpCheck.of(spec, key.ip()));
      case UDP -> new UdpProbe(transport, loop, target, timeoutMillis, spec.udpRequest(), spec.udpExpect());
      case TCP -> new TcpProbe(transport, loop, target, timeoutMillis);
    };
  }

  /** Event-loop thread: hands the verdict to the publisher, which drops it if the session stopped meanwhile. */
  private void verdict(HealthSession session, State state) {
    publish(() -> {
      if (session.active()) {
        table.set(session.key(), state);
      }
    });
  }

  private void publish(Runnable task) {
    try {
      publisher.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          log.error("health verdict could not be applied", e);
        }
      });
    } catch (RejectedExecutionException closing) {
      // closed: nobody reads the table any more
    }
  }

  /** The number of running sessions (for tests and metrics). */
  public synchronized int sessionCount() {
    return sessions.size();
  }

  synchronized HealthSession session(HealthKey key) {
    return sessions.get(key);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    sessions.values().forEach(HealthSession::stop);
    sessions.clear();
    publisher.shutdown();
    try {
      publisher.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
