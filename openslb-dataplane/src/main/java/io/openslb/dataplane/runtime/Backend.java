package io.openslb.dataplane.runtime;

import java.net.InetSocketAddress;

/** A member as the schedulers see it: its configuration and its runtime counters. */
public final class Backend {
  private final MemberSpec member;
  private final BackendStats stats;
  private final InetSocketAddress address;

  public Backend(MemberSpec member, BackendStats stats) {
    this.member = member;
    this.stats = stats;
    this.address = new InetSocketAddress(member.ip(), member.port());
  }

  public MemberSpec member() {
    return member;
  }

  public BackendStats stats() {
    return stats;
  }

  public InetSocketAddress address() {
    return address;
  }

  public int weight() {
    return member.weight();
  }

  @Override
  public String toString() {
    return member.serverId() + "@" + member.address();
  }
}
