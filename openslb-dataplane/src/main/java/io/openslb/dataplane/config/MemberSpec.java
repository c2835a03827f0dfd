package io.openslb.dataplane.config;

/**
 * A backend as configured: where traffic goes and with what weight. {@code role} is {@code
 * Master}/{@code Slave} in a primary/secondary group, else null.
 */
public record MemberSpec(String serverId, String type, String ip, int port, int weight, String role) {
  /** {@code ip:port}: a member's identity within its target. */
  public String address() {
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
  }
}
