package io.openslb.dataplane.config;

/** A compiled forwarding rule: domain (exact or {@code *.} wildcard) and URL prefix to a target. */
public record RuleSpec(String id, String domain, String url, TargetSpec target) {}
