package io.openslb.controlplane.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.Json;
import io.openslb.store.StoreException;

/** Stored values are JSON objects carrying a schema version {@code _v}. */
public final class StoreCodec {
  public static final int SCHEMA_VERSION = 1;

  private StoreCodec() {}

  public static String encode(Object value) {
    ObjectNode node = Json.MAPPER.valueToTree(value);
    node.put("_v", SCHEMA_VERSION);
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T decode(String json, Class<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
