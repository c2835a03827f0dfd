package io.openslb.dataplane.proxy.http;

import io.openslb.dataplane.schedule.Backend;
import java.util.HashSet;
import java.util.Set;

/**
 * One request exchange of a {@link Frontend}: a request and its response, across the upstream
 * attempts it takes (Envoy's ActiveStream). Holds what the request, its route and its response
 * state are; the client connection's state stays in the {@link Frontend}, the backend connection
 * of the attempt in progress too.
 *
 * <p>Lifetime: made when a request head starts an exchange, dropped when its response is complete
 * (or the client is answered locally and the request has ended); a WebSocket tunnel keeps it. One
 * small object per request, nothing else is allocated here on the keep-alive path ({@link #tried}
 * only after a failed connect).
 *
 * <p>Threading: the client's event loop only, like the {@link Frontend} that owns it; no locks, no
 * volatile fields.
 */
final class Exchange {
  final ProxyRequest request;
  /** The client sent the request's end. */
  boolean requestDone;
  /** Some body bytes went to a backend (the request cannot be sent again). */
  boolean bodySent;
  /** Answered by the proxy itself; the rest of the request body is dropped. */
  boolean local;
  boolean responseStarted;
  /** A 1xx response is being relayed (or swallowed when not {@link #interimForwarded}). */
  boolean interim;
  boolean interimForwarded;
  /** A 101 was relayed: the end of its head starts the tunnel. */
  boolean upgrading;
  /** The client connection stays open after this exchange. */
  boolean keepAlive;
  /** The backend connection may be parked after this response. */
  boolean backendKeepAlive;
  boolean gzipping;
  /** Sent once more after the keep-alive race. */
  boolean retried;
  int attempts;
  Target target;
  /** The backend the sticky cookie names, if any. */
  Backend cookieBackend;
  /** Backends whose connect failed; null until one does. */
  private Set<Backend> tried;
  /** The backend whose active count this exchange holds, if the pool counts them. */
  private Backend counted;

  Exchange(ProxyRequest request) {
    this.request = request;
    this.keepAlive = request.keepAlive;
  }

  /** Counts the exchange active on {@code backend} once, if its target counts. */
  void count(Backend backend) {
    if (counted == null && target.countActive) {
      counted = backend;
      backend.stats().opened(null);
    }
  }

  void uncount() {
    if (counted != null) {
      counted.stats().closed(null);
      counted = null;
    }
  }

  /** Adds a backend whose connect failed; returns all such backends of this exchange. */
  Set<Backend> tried(Backend backend) {
    if (tried == null) {
      tried = new HashSet<>(4);
    }
    tried.add(backend);
    return tried;
  }

  /** A pooled connection closed before answering: may the whole request go out once more? */
  boolean mayResend() {
    return !bodySent && requestDone && !request.hasBody() && !retried;
  }
}
