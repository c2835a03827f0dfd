package io.openslb.dataplane.config;

/**
 * How a target's members are health-checked. {@code type} is {@code tcp}, {@code http} or {@code
 * udp}. {@code connectPort} null means each member's own port. Times in seconds.
 */
public record HealthCheckSpec(
    boolean enabled,
    String type,
    Integer connectPort,
    int healthyThreshold,
    int unhealthyThreshold,
    int intervalSeconds,
    int timeoutSeconds,
    String domain,
    String uri,
    String httpCodes,
    String method,
    String udpRequest,
    String udpExpect) {

  public static HealthCheckSpec disabled() {
    return new HealthCheckSpec(false, "tcp", null, 3, 3, 2, 5, null, null, null, null, null, null);
  }

  /** How long a probe waits for its answer: the configured timeout, at least one second. */
  public int effectiveTimeoutSeconds() {
    return Math.max(timeoutSeconds, 1);
  }
}
