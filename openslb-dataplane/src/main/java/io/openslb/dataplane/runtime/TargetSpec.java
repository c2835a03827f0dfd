package io.openslb.dataplane.runtime;

import java.util.List;

/**
 * Where a listener (or one of its forwarding rules) sends traffic: members, scheduler, health
 * check and stickiness. {@code scope} names the target for health state and connection counts:
 * the listener's resource id ({@code lb-x_tcp_80}) or a rule id.
 */
public record TargetSpec(
    String scope,
    String scheduler,
    List<MemberSpec> members,
    HealthCheckSpec healthCheck,
    StickySpec sticky,
    boolean primarySecondary) {

  public TargetSpec {
    members = List.copyOf(members);
  }
}
