package io.openslb.dataplane.schedule;

import io.openslb.dataplane.config.MemberSpec;

import java.net.InetSocketAddress;

/** A member as the schedulers see it: its configuration and its runtime counters. */
public final class Backend {
  private final MemberSpec member;
  private final BackendStats stats;
  private final InetSocketAddress address;
  private final String memberAddress;

  public Backend(MemberSpec member, BackendStats stats) {
    this.member = member;
    this.stats = stats;
    this.address = new InetSocketAddress(member.ip(), member.port());
    this.memberAddress = member.address();
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

  /** {@code ip:port} as text ({@link MemberSpec#address}), built once: persistence and drain key on it. */
  public String memberAddress() {
    return memberAddress;
  }

  public int weight() {
    return member.weight();
  }

  @Override
  public String toString() {
    return member.serverId() + "@" + member.address();
  }
}
