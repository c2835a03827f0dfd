package io.openslb.dataplane.schedule;

import io.openslb.dataplane.config.MemberSpec;
import java.net.InetSocketAddress;

/** A member as the schedulers see it: its configuration and its runtime counters. */
public final class Backend {
  private final MemberSpec member;
  private final BackendStats stats;
  private final InetSocketAddress address;
  private final String memberAddress;
  private final String identity;

  public Backend(MemberSpec member, BackendStats stats) {
    this.member = member;
    this.stats = stats;
    this.address = new InetSocketAddress(member.ip(), member.port());
    this.memberAddress = member.address();
    this.identity = member.serverId() + "@" + memberAddress;
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

  /**
   * {@code serverId@ip:port}, built once: the member across rebuilds, since a Backend object is
   * built anew on every configuration or health change. Schedulers carry their state by it and the
   * hash ring places the member's virtual nodes by it.
   */
  public String identity() {
    return identity;
  }

  public int weight() {
    return member.weight();
  }

  @Override
  public String toString() {
    return identity;
  }
}
