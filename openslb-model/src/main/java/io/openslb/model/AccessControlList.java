package io.openslb.model;

import java.util.List;

/** An access control list: CIDR entries that listeners use as a white or black list. */
public record AccessControlList(
    String id,
    String name,
    String addressIpVersion,
    List<Entry> entries,
    String resourceGroupId,
    long createTime) {

  /** One CIDR (IPv4 or IPv6) with an optional comment. */
  public record Entry(String entry, String comment) {}

  public AccessControlList {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
