package io.openslb.dataplane.proxy.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.StickySpec;
import io.openslb.dataplane.runtime.BackendPool;
import io.openslb.dataplane.schedule.Backend;
import io.openslb.model.SchedulerKind;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One pool a request can go to (the listener's or a rule's), with what session persistence needs
 * precomputed: each member's opaque id, the member of each id, and for {@code insert} the
 * whole {@code Set-Cookie} value. Immutable; built with the listener's runtime.
 *
 * <p>A member's id is 16 hex digits of a hash of its server id and address: stable across
 * configuration changes and nodes (so a cookie stays valid when the load balancer is reconfigured),
 * and not the backend's address.
 */
final class Target {
  static final String INSERT_COOKIE = "SERVERID";

  final BackendPool pool;
  /**
   * Whether requests in flight are counted on the members: only {@code wlc} reads the count, and
   * the counters are shared by all event loops, so other schedulers skip the contended atomics.
   */
  final boolean countActive;
  /** The session persistence of the pool's target; null for none. */
  final StickySpec.Mode sticky;
  /** The application cookie that {@code server} mode prefixes; null otherwise. */
  final String cookie;
  private final Map<String, Backend> byId = new HashMap<>();
  private final Map<Backend, String> ids = new IdentityHashMap<>();
  private final Map<Backend, AsciiString> setCookies = new IdentityHashMap<>();

  Target(BackendPool pool) {
    this.pool = pool;
    this.countActive = pool.spec().scheduler() == SchedulerKind.WLC;
    StickySpec s = pool.spec().sticky();
    this.sticky = s == null ? null : s.mode();
    this.cookie = sticky == StickySpec.Mode.SERVER ? s.cookie() : null;
    if (sticky == null) {
      return;
    }
    long seconds = s.cookieTimeout().toSeconds();
    String maxAge = seconds > 0 ? "; Max-Age=" + seconds : "";
    for (Backend b : pool.all()) {
      String id = id(b.member());
      ids.put(b, id);
      byId.put(id, b);
      if (sticky == StickySpec.Mode.INSERT) {
        setCookies.put(b, new AsciiString(INSERT_COOKIE + "=" + id + maxAge + "; Path=/"));
      }
    }
  }

  /**
   * The eligible member a request's session cookie names, or null (no stickiness, no cookie, or a
   * member that cannot take traffic now). For {@code server} stickiness the member-id prefix is
   * removed from the request's cookie, so the backend sees its own value.
   */
  Backend stickyBackend(ProxyRequest r) {
    if (sticky == null) {
      return null;
    }
    String cookies = r.headers().get(HttpHeaderNames.COOKIE);
    if (cookies == null) {
      return null;
    }
    if (sticky == StickySpec.Mode.INSERT) {
      return eligible(HeaderRewriter.cookieValue(cookies, INSERT_COOKIE));
    }
    String[] split = HeaderRewriter.splitPrefixedCookie(cookies, cookie);
    if (split == null) {
      return null;
    }
    r.headers().set(HttpHeaderNames.COOKIE, split[1]);
    return eligible(split[0]);
  }

  /** The member whose id is {@code id} if it can take traffic now, or null. */
  Backend eligible(String id) {
    Backend b = id == null ? null : byId.get(id);
    return b != null && pool.isEligible(b) ? b : null;
  }

  String idOf(Backend b) {
    return ids.get(b);
  }

  AsciiString setCookie(Backend b) {
    return setCookies.get(b);
  }

  static String id(MemberSpec m) {
    long h = 0xcbf29ce484222325L;
    String key = m.serverId() + "|" + m.address();
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    String hex = Long.toHexString(h);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
