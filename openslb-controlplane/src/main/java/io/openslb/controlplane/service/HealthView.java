package io.openslb.controlplane.service;

/**
 * Where DescribeHealthStatus learns a member's health: {@code normal}, {@code abnormal} or {@code
 * unavailable}. {@code scope} is the listener's resource id ({@code lb-x_http_80}) or, for a
 * forwarding rule with its own health check, the rule id; the probe goes to {@code probePort}
 * when set, else to the member's port. The data plane's health checker provides it; without one
 * everything is unavailable.
 */
@FunctionalInterface
public interface HealthView {
  String status(String scope, Integer probePort, String ip, int backendPort);

  HealthView UNAVAILABLE = (scope, probePort, ip, port) -> "unavailable";
}
