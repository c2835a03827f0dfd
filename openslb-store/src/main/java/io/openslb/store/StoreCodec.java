package io.openslb.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one codec of stored values, for both planes: a value is a JSON object of the model record's
 * fields (nulls omitted, UTF-8 as is) plus the schema version {@code _v}. Reading checks the
 * version: a value written by a newer OpenSLB (or without a version) is an error that names the
 * key, never a silently dropped or half-read record. Unknown fields are ignored, so a field added
 * within one schema version reads on older nodes. Thread-safe.
 */
public final class StoreCodec {
  /** The version this build writes and the newest it reads. */
  public static final int SCHEMA_VERSION = 1;
  public static final String VERSION_FIELD = "_v";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, false);

  private StoreCodec() {}

  public static String encode(Object value) {
    ObjectNode node = MAPPER.valueToTree(value);
    node.put(VERSION_FIELD, SCHEMA_VERSION);
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * The record stored under {@code key}.
   *
   * @throws StoreException naming the key: not JSON, no or a newer schema version, or fields that
   *     do not fit {@code type}
   */
  public static <T> T decode(String key, String json, Class<T> type) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException(key + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new StoreException(key + ": not a JSON object");
    }
    JsonNode v = node.get(VERSION_FIELD);
    if (v == null || !v.canConvertToInt()) {
      throw new StoreException(key + ": no schema version " + VERSION_FIELD);
    }
    if (v.asInt() < 1 || v.asInt() > SCHEMA_VERSION) {
      throw new StoreException(
          key + ": schema version " + v.asInt() + " (this build reads 1-" + SCHEMA_VERSION + ")");
    }
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new StoreException(key + ": cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
