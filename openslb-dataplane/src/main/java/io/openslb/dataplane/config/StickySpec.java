package io.openslb.dataplane.config;

/** L7 session persistence: {@code insert} (cookie SERVERID) or {@code server} (rewrite {@code cookie}). */
public record StickySpec(String type, int cookieTimeoutSeconds, String cookie) {}
