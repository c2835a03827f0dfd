package io.openslb.dataplane.health;

import io.netty.handler.codec.http.HttpMethod;
import io.openslb.dataplane.config.HealthCheckSpec;

/**
 * What an HTTP check sends and accepts, resolved from a {@link HealthCheckSpec}: method (HEAD by
 * default, or GET), path ({@code /} by default), Host header (HealthCheckDomain, or the member's
 * IP when the domain is {@code $_ip} or unset) and the accepted status classes
 * (HealthCheckHttpCode, e.g. {@code http_2xx,http_3xx}; {@code http_2xx} when unset or invalid).
 */
record HttpCheck(HttpMethod method, String uri, String host, int acceptedClasses) {

  static HttpCheck of(HealthCheckSpec spec, String memberIp) {
    HttpMethod method = spec.method() == HealthCheckSpec.Method.GET ? HttpMethod.GET : HttpMethod.HEAD;
    String uri = spec.uri() == null || spec.uri().isBlank() ? "/" : spec.uri();
    String domain = spec.domain();
    String host = domain == null || domain.isBlank() || "$_ip".equals(domain)
        ? (memberIp.contains(":") ? "[" + memberIp + "]" : memberIp)
        : domain;
    return new HttpCheck(method, uri, host, spec.httpStatusClasses());
  }

  boolean accepts(int status) {
    int c = status / 100;
    return c >= 1 && c <= 5 && (acceptedClasses & (1 << c)) != 0;
  }
}
