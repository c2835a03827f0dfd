package io.openslb.dataplane.health;

import io.netty.handler.codec.http.HttpMethod;
import io.openslb.dataplane.config.HealthCheckSpec;
import java.util.Locale;

/**
 * What an HTTP check sends and accepts, resolved from a {@link HealthCheckSpec}: method (HEAD by
 * default, or GET), path ({@code /} by default), Host header (HealthCheckDomain, or the member's
 * IP when the domain is {@code $_ip} or unset) and the accepted status classes
 * (HealthCheckHttpCode, e.g. {@code http_2xx,http_3xx}; {@code http_2xx} when unset or invalid).
 */
record HttpCheck(HttpMethod method, String uri, String host, int acceptedClasses) {

  static HttpCheck of(HealthCheckSpec spec, String memberIp) {
    HttpMethod method = "get".equalsIgnoreCase(spec.method()) ? HttpMethod.GET : HttpMethod.HEAD;
    String uri = spec.uri() == null || spec.uri().isBlank() ? "/" : spec.uri();
    String domain = spec.domain();
    String host = domain == null || domain.isBlank() || "$_ip".equals(domain)
        ? (memberIp.contains(":") ? "[" + memberIp + "]" : memberIp)
        : domain;
    return new HttpCheck(method, uri, host, classes(spec.httpCodes()));
  }

  /** {@code http_2xx,http_3xx} → bits 2 and 3. */
  static int classes(String codes) {
    int accepted = 0;
    if (codes != null) {
      for (String token : codes.split(",")) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        if (t.length() == 8 && t.startsWith("http_") && t.endsWith("xx")) {
          int c = t.charAt(5) - '0';
          if (c >= 1 && c <= 5) {
            accepted |= 1 << c;
          }
        }
      }
    }
    return accepted == 0 ? 1 << 2 : accepted;
  }

  boolean accepts(int status) {
    int c = status / 100;
    return c >= 1 && c <= 5 && (acceptedClasses & (1 << c)) != 0;
  }
}
