package io.openslb.controlplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.function.Function;

/**
 * JSON for responses and stored values. Responses follow the SDK's reader (PROTOCOL.md §3.1): raw
 * UTF-8, never {@code \\uXXXX}; no null inside arrays; wrapped lists {@code
 * {"Plural":{"Singular":[...]}}} except in the three flat-list actions.
 */
public final class Json {

  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, false);

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Adds {@code {"container":{"item":[...]}}} to {@code parent}. */
  public static <T> ArrayNode wrapped(
      ObjectNode parent, String container, String item, Collection<T> values, Function<T, JsonNode> fn) {
    ArrayNode arr = parent.putObject(container).putArray(item);
    for (T v : values) {
      JsonNode n = fn.apply(v);
      if (n != null && !n.isNull()) {
        arr.add(n);
      }
    }
    return arr;
  }

  /** Sets {@code name} unless the value is null (absent fields are omitted, never null). */
  public static void putIfNotNull(ObjectNode node, String name, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Integer i) {
      node.put(name, i);
    } else if (value instanceof Long l) {
      node.put(name, l);
    } else if (value instanceof Boolean b) {
      node.put(name, b);
    } else if (value instanceof JsonNode j) {
      node.set(name, j);
    } else {
      node.put(name, value.toString());
    }
  }
}
