package io.openslb.controlplane.api;

/** Who made an authenticated call. */
public record Caller(String accountId, String accessKeyId) {}
