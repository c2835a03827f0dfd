package io.openslb.model;

/**
 * An entry of the instance inventory: what an ECS {@code ServerId} resolves to. Filled from the
 * configuration file and {@code openslb instance add}. {@code status} is {@code Running} or {@code
 * Stopped}; only running instances can be attached.
 */
public record Instance(
    String id, String accountId, String regionId, String ip, String vpcId, String status) {
  public boolean running() {
    return "Running".equalsIgnoreCase(status);
  }
}
