package io.openslb.dataplane.proxy.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.util.Mapping;
import java.util.Locale;
import java.util.Map;

/**
 * SNI host name → TLS context with the precedence of SEMANTICS.md §5/§6: an exact domain first,
 * then the narrowest wildcard ({@code info.market.aliyun.com} prefers {@code *.market.aliyun.com}
 * over {@code *.aliyun.com}), else the listener's own certificate (also when the client sends no
 * SNI). A wildcard covers any number of labels, as forwarding rules do. Immutable; thread-safe.
 */
final class SniMapping implements Mapping<String, SslContext> {
  private final SslContext fallback;
  private final Map<String, SslContext> domains;

  /** {@code domains}: lower-case exact names and {@code *.suffix} wildcards. */
  SniMapping(SslContext fallback, Map<String, SslContext> domains) {
    this.fallback = fallback;
    this.domains = Map.copyOf(domains);
  }

  SslContext fallback() {
    return fallback;
  }

  @Override
  public SslContext map(String hostname) {
    if (hostname == null || domains.isEmpty()) {
      return fallback;
    }
    String host = hostname.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    SslContext exact = domains.get(host);
    if (exact != null) {
      return exact;
    }
    for (int dot = host.indexOf('.'); dot >= 0 && dot < host.length() - 1; dot = host.indexOf('.', dot + 1)) {
      SslContext wildcard = domains.get("*" + host.substring(dot));
      if (wildcard != null) {
        return wildcard;
      }
    }
    return fallback;
  }
}
