package io.openslb.dataplane.config;

import java.time.Duration;
import java.util.Locale;

/**
 * How a target's members are health-checked. {@code connectPort} null means each member's own
 * port. {@code httpStatusClasses} has bit {@code c} set for each accepted class {@code c}xx
 * (HealthCheckHttpCode {@code http_2xx,http_3xx} → bits 2 and 3).
 */
public record HealthCheckSpec(
    boolean enabled,
    Type type,
    Integer connectPort,
    int healthyThreshold,
    int unhealthyThreshold,
    Duration interval,
    Duration timeout,
    String domain,
    String uri,
    int httpStatusClasses,
    Method method,
    String udpRequest,
    String udpExpect) {

  /** What a probe does: open a TCP connection, send an HTTP request, or exchange a UDP datagram. */
  public enum Type { TCP, HTTP, UDP }

  /** The HTTP check's method. */
  public enum Method { HEAD, GET }

  public static HealthCheckSpec disabled() {
    return new HealthCheckSpec(false, Type.TCP, null, 3, 3, Duration.ofSeconds(2), Duration.ofSeconds(5),
        null, null, statusClasses(null), Method.HEAD, null, null);
  }

  /** How long a probe waits for its answer: the configured timeout, at least one second. */
  public Duration effectiveTimeout() {
    return timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout;
  }

  /** {@code http_2xx,http_3xx} → bits 2 and 3; {@code http_2xx} when unset or nothing valid. */
  public static int statusClasses(String codes) {
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
}
