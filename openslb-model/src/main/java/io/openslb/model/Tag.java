package io.openslb.model;

public record Tag(String key, String value) {}
