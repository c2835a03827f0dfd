package io.openslb.dataplane.config;

import io.openslb.model.ListenerProtocol;
import java.util.List;

/**
 * Everything the data plane needs to run one listener, compiled from the store: immutable and
 * typed (no API strings). Two specs are equal when the listener must behave the same, so an
 * unchanged listener is not swapped.
 *
 * @param settings the listener's own settings
 * @param target the listener's own target (VServer group, primary/secondary group or default
 *     server group on BackendServerPort)
 * @param rules forwarding rules (HTTP/HTTPS), most specific first
 * @param acl null when access control is off
 * @param tls certificates and policy of an HTTPS listener, else null
 */
public record ListenerSpec(
    ListenerKey key,
    String accountId,
    String loadBalancerId,
    ListenerSettings settings,
    TargetSpec target,
    List<RuleSpec> rules,
    AclSpec acl,
    TlsSpec tls) {

  public ListenerSpec {
    rules = List.copyOf(rules);
  }

  public ListenerProtocol protocol() {
    return settings.protocol();
  }

  public String name() {
    return settings.name();
  }
}
