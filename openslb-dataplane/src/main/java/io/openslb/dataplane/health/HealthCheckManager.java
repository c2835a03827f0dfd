package io.openslb.dataplane.health;

import io.openslb.dataplane.Transport;
import io.openslb.dataplane.runtime.RuntimeSnapshot;

/**
 * Runs one health-check session per checked member of the running listeners and records results
 * in the {@link HealthTable}. (Being built.)
 */
public final class HealthCheckManager implements AutoCloseable {
  private final Transport transport;
  private final HealthTable table;

  public HealthCheckManager(Transport transport, HealthTable table) {
    this.transport = transport;
    this.table = table;
  }

  /** Starts sessions for newly checked members, stops those no longer checked. */
  public void update(RuntimeSnapshot snapshot) {}

  @Override
  public void close() {}
}
