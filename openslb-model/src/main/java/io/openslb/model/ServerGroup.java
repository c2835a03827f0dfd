package io.openslb.model;

import java.util.List;

/**
 * A VServer group ({@code kind = vserver}) or a primary/secondary group ({@code kind =
 * masterslave}) of one load balancer. Members carry their own port.
 */
public record ServerGroup(
    String id, String loadBalancerId, String kind, String name, List<BackendServer> backendServers, long createTime) {

  public static final String VSERVER = "vserver";
  public static final String MASTER_SLAVE = "masterslave";

  public ServerGroup {
    backendServers = backendServers == null ? List.of() : List.copyOf(backendServers);
  }

  public ServerGroup withBackendServers(List<BackendServer> members) {
    return new ServerGroup(id, loadBalancerId, kind, name, members, createTime);
  }

  public ServerGroup withName(String newName) {
    return new ServerGroup(id, loadBalancerId, kind, newName, backendServers, createTime);
  }
}
