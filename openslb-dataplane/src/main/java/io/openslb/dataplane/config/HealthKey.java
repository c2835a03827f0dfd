package io.openslb.dataplane.config;

/** One health-checked member: its target's scope and the address probed for it. */
public record HealthKey(String scope, String ip, int port) {}
