package io.openslb.controlplane.service;

import io.openslb.model.BackendServer;
import io.openslb.model.Listener;

/**
 * Where DescribeHealthStatus learns a member's health: {@code normal}, {@code abnormal} or {@code
 * unavailable}. The data plane's health checker provides it; without one everything is
 * unavailable.
 */
@FunctionalInterface
public interface HealthView {
  String status(Listener listener, BackendServer member, int backendPort);

  HealthView UNAVAILABLE = (l, m, p) -> "unavailable";
}
