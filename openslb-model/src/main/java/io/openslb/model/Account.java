package io.openslb.model;

/** A tenant. Every resource belongs to exactly one account; the root account is created at start. */
public record Account(String id, String name, boolean root, long createTime) {}
