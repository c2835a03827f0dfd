package io.openslb.dataplane.config;

import io.openslb.model.SchedulerKind;
import java.util.List;

/**
 * Where a listener (or one of its forwarding rules) sends traffic: members, scheduler, health
 * check and stickiness. {@code scope} names the target for health state and connection counts:
 * the listener's resource id ({@code lb-x_tcp_80}) or a rule id.
 */
public record TargetSpec(
    String scope,
    SchedulerKind scheduler,
    List<MemberSpec> members,
    HealthCheckSpec healthCheck,
    StickySpec sticky,
    boolean primarySecondary) {

  public TargetSpec {
    members = List.copyOf(members);
  }

  /** The key under which {@code member}'s health is kept: probes go to HealthCheckConnectPort if set. */
  public HealthKey healthKey(MemberSpec member) {
    Integer port = healthCheck.connectPort();
    return new HealthKey(scope, member.ip(), port != null ? port : member.port());
  }
}
