package io.openslb.model;

/** An AccessKey pair of an account. {@code status} is {@code Active} or {@code Inactive}. */
public record AccessKey(String id, String secret, String accountId, String status, long createTime) {
  public boolean active() {
    return "Active".equals(status);
  }
}
