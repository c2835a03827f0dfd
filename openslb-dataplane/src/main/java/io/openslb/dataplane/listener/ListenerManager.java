package io.openslb.dataplane.listener;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.unix.UnixChannelOption;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.RuntimeSnapshot;
import io.openslb.dataplane.health.HealthTable;
import io.openslb.dataplane.runtime.BackendPool;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.runtime.StatsRegistry;
import io.openslb.dataplane.schedule.Backend;
import io.openslb.dataplane.transport.Transport;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles the bound listeners with the latest {@link RuntimeSnapshot}: binds new addresses,
 * closes removed ones (their open connections finish on their own), and swaps changed listeners'
 * runtime in place, so a change never refuses a connection. Also rebuilds a listener's runtime
 * when the health of a member it uses flips, and closes drained flows after ConnectionDrainTimeout.
 *
 * <p>Threading: {@link #apply} and health callbacks are serialised on this object's monitor;
 * connections only read the slots' volatile runtimes.
 */
public final class ListenerManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ListenerManager.class);

  private final Transport transport;
  private final ProtocolHandlers handlers;
  private final HealthTable health;
  private final StatsRegistry stats = new StatsRegistry();
  private final Map<ListenerKey, ListenerSlot> slots = new HashMap<>();
  private final Map<ListenerKey, String> bindErrors = new ConcurrentHashMap<>();
  private RuntimeSnapshot current = new RuntimeSnapshot(0, Map.of());
  private final ScheduledExecutorService binder = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "listener-bind-retry");
    t.setDaemon(true);
    return t;
  });

  public ListenerManager(Transport transport, ProtocolHandlers handlers, HealthTable health) {
    this.transport = transport;
    this.handlers = handlers;
    this.health = health;
    health.onScopeChange(this::healthChanged);
    // binding waits for the event loop, so the retries run on a thread of their own, never on a loop
    binder.scheduleWithFixedDelay(this::retryBinds, 5, 5, TimeUnit.SECONDS);
  }

  public synchronized void apply(RuntimeSnapshot snapshot) {
    current = snapshot;
    Map<ListenerKey, ListenerSpec> wanted = snapshot.listeners();
    for (Map.Entry<ListenerKey, ListenerSlot> e : new HashMap<>(slots).entrySet()) {
      if (!wanted.containsKey(e.getKey())) {
        unbind(e.getValue());
      }
    }
    for (ListenerSpec spec : wanted.values()) {
      ListenerSlot slot = slots.get(spec.key());
      if (slot == null) {
        bind(new ListenerSlot(spec.key(), warm(spec, null)));
      } else if (!slot.runtime().spec().equals(spec)) {
        swap(slot, warm(spec, slot.runtime()));
      }
    }
    // counters of every pool still in use, rule pools included (wlc and drain read them)
    Set<String> live = new HashSet<>();
    for (ListenerSlot s : slots.values()) {
      for (BackendPool pool : s.runtime().pools()) {
        for (Backend b : pool.all()) {
          live.add(StatsRegistry.id(pool.spec().scope(), b.member()));
        }
      }
    }
    stats.retainOnly(live);
  }

  public synchronized RuntimeSnapshot current() {
    return current;
  }

  /** Listener keys whose address could not be bound, with the reason. */
  public Map<ListenerKey, String> bindErrors() {
    return Map.copyOf(bindErrors);
  }

  public synchronized ListenerSlot slot(ListenerKey key) {
    return slots.get(key);
  }

  /**
   * Builds everything a runtime needs — pools, ACL, the protocol's settings and TLS contexts —
   * before it is published, from the runtime it replaces (schedulers carry their state over).
   */
  private ListenerRuntime warm(ListenerSpec spec, ListenerRuntime previous) {
    return ListenerRuntime.build(spec, health, stats, previous, handlers::prepare);
  }

  /** A member's health flipped: only the pools of that health scope get a new member set. */
  private synchronized void healthChanged(String scope) {
    for (ListenerSlot slot : slots.values()) {
      for (BackendPool pool : slot.runtime().pools()) {
        if (pool.spec().scope().equals(scope)) {
          List<Backend> before = pool.refresh(health);
          if (pool == slot.runtime().pool()) {
            drainRemoved(before, pool.eligible(), slot);
          }
        }
      }
    }
  }

  private void swap(ListenerSlot slot, ListenerRuntime next) {
    ListenerRuntime previous = slot.runtime();
    slot.publish(next);
    drainRemoved(previous.pool().eligible(), next.pool().eligible(), slot);
  }

  /**
   * Members that could take traffic before and cannot now (removed, weight 0, unhealthy) keep their
   * flows; with ConnectionDrain on, those flows are closed once the drain timeout has passed.
   */
  private void drainRemoved(List<Backend> before, List<Backend> after, ListenerSlot slot) {
    java.time.Duration drain = slot.runtime().spec().settings().connectionDrainTimeout();
    if (drain == null) {
      return;
    }
    Set<String> stillEligible = new HashSet<>();
    after.forEach(b -> stillEligible.add(b.memberAddress()));
    for (Backend b : before) {
      if (!stillEligible.contains(b.memberAddress()) && !b.stats().channels().isEmpty()) {
        Set<Channel> flows = Set.copyOf(b.stats().channels());
        String address = b.memberAddress();
        transport.group().next().schedule(() -> {
          if (slot.runtime().pool().eligibleByAddress(address) == null) {
            flows.forEach(Channel::close);
          }
        }, drain.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  private void bind(ListenerSlot slot) {
    ListenerKey key = slot.key();
    slots.put(key, slot);
    InetSocketAddress address = new InetSocketAddress(key.address(), key.port());
    try {
      Channel ch = key.udp() ? bindUdp(slot, address) : bindTcp(slot, address);
      slot.bound(ch);
      bindErrors.remove(key);
      log.info("listener {} ({}) bound", key, slot.runtime().spec().name());
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      if (!reason.equals(bindErrors.put(key, reason))) {
        log.error("listener {} ({}) cannot bind: {}", key, slot.runtime().spec().name(), reason);
      }
    }
  }

  private Channel bindTcp(ListenerSlot slot, InetSocketAddress address) throws InterruptedException {
    ServerBootstrap b = transport.serverBootstrap()
        .option(ChannelOption.SO_BACKLOG, 4096)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ListenerRuntime runtime = slot.runtime();
            if (!runtime.acl().admits(ch.remoteAddress().getAddress())) {
              ch.close();
              return;
            }
            handlers.accept(ch, slot, runtime);
          }
        });
    if (transport.unixOptions()) {
      b.option(UnixChannelOption.SO_REUSEPORT, true);
    }
    return b.bind(address).sync().channel();
  }

  private Channel bindUdp(ListenerSlot slot, InetSocketAddress address) throws InterruptedException {
    Bootstrap b = transport.datagramBootstrap(transport.group())
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
        .handler(new ChannelInitializer<DatagramChannel>() {
          @Override
          protected void initChannel(DatagramChannel ch) {
            handlers.bindUdp(ch, slot);
          }
        });
    return b.bind(address).sync().channel();
  }

  private void unbind(ListenerSlot slot) {
    slots.remove(slot.key());
    bindErrors.remove(slot.key());
    Channel ch = slot.channel();
    if (ch != null) {
      ch.close();
      log.info("listener {} ({}) closed", slot.key(), slot.runtime().spec().name());
    }
  }

  private synchronized void retryBinds() {
    for (ListenerKey key : Set.copyOf(bindErrors.keySet())) {
      ListenerSlot slot = slots.get(key);
      if (slot != null && slot.channel() == null) {
        slots.remove(key);
        bind(slot);
      }
    }
  }

  @Override
  public synchronized void close() {
    binder.shutdownNow();
    for (ListenerSlot slot : Set.copyOf(slots.values())) {
      unbind(slot);
    }
  }
}
