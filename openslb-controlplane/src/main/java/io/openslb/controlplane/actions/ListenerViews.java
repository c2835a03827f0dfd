package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.model.Listener;
import io.openslb.model.ListenerProtocol;

/** Listeners as Describe*ListenerAttribute and DescribeLoadBalancerListeners show them. */
final class ListenerViews {
  private ListenerViews() {}

  static Listener withStatus(Listener l, String status) {
    ObjectNode node = Json.MAPPER.valueToTree(l);
    node.put("status", status);
    return Json.MAPPER.convertValue(node, Listener.class);
  }

  /** The Describe name of a setting: the API name with a capital first letter. */
  private static String describeName(ListenerField f) {
    return Character.toUpperCase(f.api().charAt(0)) + f.api().substring(1);
  }

  private static void putSettings(ObjectNode target, Listener l, JsonNode values, boolean common) {
    for (ListenerField f : ListenerFields.of(l.protocol())) {
      if (f.common() != common) {
        continue;
      }
      JsonNode v = values.get(f.property());
      if (v != null && !v.isNull()) {
        target.set(describeName(f), v);
        if (f.api().equals("HealthCheckSwitch")) {
          target.set("HealthCheck", v);
        }
      }
    }
  }

  private static void putIdentity(ObjectNode n, Listener l) {
    n.put("LoadBalancerId", l.loadBalancerId());
    n.put("ListenerPort", l.port());
    n.put("Status", l.status());
    Json.putIfNotNull(n, "BackendServerPort", l.backendServerPort());
    Json.putIfNotNull(n, "VServerGroupId", l.vserverGroupId());
    n.put("ServiceManagedMode", "Unmanaged");
  }

  /** Describe*ListenerAttribute; {@code call} reads what hangs off the listener (its forwarding rules). */
  static ObjectNode attribute(Call call, Listener l) {
    JsonNode values = Json.MAPPER.valueToTree(l);
    ObjectNode n = Json.object();
    putIdentity(n, l);
    putSettings(n, l, values, true);
    putSettings(n, l, values, false);
    Json.wrapped(n, "AclIds", "AclId", l.aclId() == null ? java.util.List.<String>of() : java.util.List.of(l.aclId()),
        Json.MAPPER::valueToTree);
    if (l.protocol().layer7()) {
      ForwardingRules.putListenerRules(n, call, l);
    } else {
      Json.putIfNotNull(n, "MasterSlaveServerGroupId", l.masterSlaveServerGroupId());
      n.put("MasterSlaveModeEnabled", l.masterSlaveServerGroupId() != null);
      n.putObject("PortRanges").putArray("PortRange");
    }
    if (l.protocol() == ListenerProtocol.HTTPS) {
      HttpsResources.putListenerCertificates(n, call, l);
    }
    return n;
  }

  static ObjectNode summary(Listener l) {
    JsonNode values = Json.MAPPER.valueToTree(l);
    ObjectNode n = Json.object();
    putIdentity(n, l);
    n.put("ListenerProtocol", l.protocol().apiName());
    putSettings(n, l, values, true);
    var acls = n.putArray("AclIds");
    if (l.aclId() != null) {
      acls.add(l.aclId());
    }
    ObjectNode config = n.putObject(l.protocol().name() + "ListenerConfig");
    putSettings(config, l, values, false);
    if (!l.protocol().layer7()) {
      Json.putIfNotNull(config, "MasterSlaveServerGroupId", l.masterSlaveServerGroupId());
      config.putArray("PortRanges");
    }
    return n;
  }
}
