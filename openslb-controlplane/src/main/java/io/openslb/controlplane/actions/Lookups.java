package io.openslb.controlplane.actions;

import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Params;
import io.openslb.model.Listener;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.LoadBalancer;
import io.openslb.store.StoreLayout;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finding the caller's resources. Another account's ids answer exactly like missing ones, because
 * every key is under the caller's own account.
 */
final class Lookups {
  private Lookups() {}

  static LoadBalancer loadBalancer(Call call, String lbId) {
    return call.tx()
        .get(StoreLayout.loadBalancer(call.accountId(), call.regionId(), lbId), LoadBalancer.class)
        .orElseThrow(() -> ApiException.of(ApiError.LOAD_BALANCER_NOT_FOUND));
  }

  /** The load balancer named by the required LoadBalancerId parameter. */
  static LoadBalancer loadBalancer(Call call) {
    return loadBalancer(call, call.params().required("LoadBalancerId"));
  }

  /** Refuses changes to a locked load balancer. */
  static LoadBalancer unlocked(LoadBalancer lb) {
    if ("locked".equals(lb.status())) {
      throw ApiException.of(ApiError.LOCKED);
    }
    return lb;
  }

  static void save(Call call, LoadBalancer lb) {
    call.tx().put(StoreLayout.loadBalancer(lb.accountId(), lb.regionId(), lb.id()), lb);
  }

  static List<Listener> listeners(Call call, LoadBalancer lb) {
    List<Listener> all =
        call.tx().list(StoreLayout.listeners(lb.accountId(), lb.regionId(), lb.id()), Listener.class);
    return all.stream()
        .sorted(Comparator.comparingInt(Listener::port).thenComparing(Listener::protocol))
        .toList();
  }

  /**
   * The listener on {@code port}; {@code protocol} picks one when a TCP-side and a UDP listener
   * share the port. Missing: {@code notFound}.
   */
  static Optional<Listener> findListener(
      Call call, LoadBalancer lb, int port, Optional<ListenerProtocol> protocol) {
    return listeners(call, lb).stream()
        .filter(l -> l.port() == port)
        .filter(l -> protocol.isEmpty() || l.protocol() == protocol.get())
        .findFirst();
  }

  /** The optional ListenerProtocol parameter. */
  static Optional<ListenerProtocol> listenerProtocol(Params p) {
    return p.oneOf("ListenerProtocol", "tcp", "udp", "http", "https").flatMap(ListenerProtocol::parse);
  }

  /** The listener named by ListenerPort (and ListenerProtocol, if given); missing: ListenerNotFound. */
  static Listener listener(Call call, LoadBalancer lb) {
    int port = call.params().requiredInt("ListenerPort", 1, 65535);
    return findListener(call, lb, port, listenerProtocol(call.params()))
        .orElseThrow(() -> ApiException.of(ApiError.LISTENER_NOT_FOUND));
  }

  /** The offset a NextToken of an earlier answer stands for (0 without one). */
  static int offsetToken(Params p) {
    return p.string("NextToken").map(Lookups::parseToken).orElse(0);
  }

  private static int parseToken(String token) {
    try {
      int v = Integer.parseInt(token);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw ApiException.invalid("NextToken", token, "a token from a previous response");
  }

  static void save(Call call, LoadBalancer lb, Listener listener) {
    call.tx()
        .put(
            StoreLayout.listener(lb.accountId(), lb.regionId(), lb.id(), listener.port(), listener.protocol()),
            listener);
  }
}
