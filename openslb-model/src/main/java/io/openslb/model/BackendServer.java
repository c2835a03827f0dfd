package io.openslb.model;

/**
 * A member of a server group. {@code port} is set for VServer and primary/secondary group members
 * and null in the default server group (there the listener's BackendServerPort applies). {@code
 * serverType} is {@code Master}/{@code Slave} in primary/secondary groups, else null.
 */
public record BackendServer(
    String serverId,
    String type,
    String serverIp,
    int weight,
    Integer port,
    String description,
    String vpcId,
    String serverType) {

  public BackendServer withWeight(int newWeight) {
    return new BackendServer(serverId, type, serverIp, newWeight, port, description, vpcId, serverType);
  }

  public BackendServer withDescription(String newDescription) {
    return new BackendServer(serverId, type, serverIp, weight, port, newDescription, vpcId, serverType);
  }

  /** Identity inside one group: ServerId (+ServerIp for ENI/ECI, +Port in VServer groups). */
  public String identity() {
    return serverId + "|" + (serverIp == null || "ecs".equals(type) ? "" : serverIp) + "|" + (port == null ? "" : port);
  }
}
