package io.openslb.dataplane.proxy.http;

import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.RuleSpec;
import io.openslb.dataplane.config.RuntimeSnapshot;
import io.openslb.dataplane.config.StickySpec;
import io.openslb.dataplane.health.HealthTable;
import io.openslb.dataplane.listener.ListenerManager;
import io.openslb.dataplane.transport.Transport;
import io.openslb.model.Listener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real data plane without a store: a {@link ListenerManager} with the HTTP proxy, fed
 * hand-built listener specs. Real sockets on 127.0.0.0/8.
 */
final class ProxyHarness implements AutoCloseable {
  final Transport transport = new Transport(2);
  final HealthTable health = new HealthTable();
  final HttpProxy proxy = new HttpProxy(transport);
  final ListenerManager manager = new ListenerManager(transport, proxy, health);
  private final Map<String, ListenerSpec> specs = new HashMap<>();
  private long revision;

  /** Runs (or replaces) an HTTP listener on {@code vip:port}. */
  synchronized void listen(String vip, int port, Map<String, Object> fields, StickySpec sticky, List<RuleSpec> rules,
      MemberSpec... members) {
    Listener l = Listeners.http(port, fields);
    ListenerSpec spec = Listeners.spec(vip, l, Listeners.target(l.resourceId(), sticky, members), rules);
    specs.put(vip + ":" + port, spec);
    Map<io.openslb.dataplane.config.ListenerKey, ListenerSpec> all = new HashMap<>();
    specs.values().forEach(s -> all.put(s.key(), s));
    manager.apply(new RuntimeSnapshot(++revision, all));
  }

  void listen(String vip, int port, Map<String, Object> fields, MemberSpec... members) {
    listen(vip, port, fields, null, List.of(), members);
  }

  static MemberSpec member(String id, String ip, int port) {
    return new MemberSpec(id, "ecs", ip, port, 100, null);
  }

  static int freePort(String ip) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    manager.close();
    transport.close();
  }
}
