package io.openslb.controlplane.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.openslb.controlplane.api.ApiResponse;
import io.openslb.controlplane.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a response as JSON (default) or XML ({@code Format=XML}). XML follows the SDK's reader:
 * root {@code <ActionResponse>} (errors: {@code <Error>}), an array under key K becomes repeated
 * {@code <K>} elements, so a wrapped list {@code {"Ls":{"L":[..]}}} is {@code <Ls><L/><L/></Ls>}.
 */
public final class ResponseRenderer {
  private ResponseRenderer() {}

  public static HttpReply render(ApiResponse response, String action, boolean xml) {
    if (xml) {
      String root = response.ok() ? (action == null ? "" : action) + "Response" : "Error";
      StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      element(sb, root, response.body());
      return new HttpReply(
          response.status(), "text/xml;charset=utf-8", sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    try {
      return new HttpReply(
          response.status(), "application/json;charset=utf-8", Json.MAPPER.writeValueAsBytes(response.body()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void element(StringBuilder sb, String name, JsonNode node) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        element(sb, name, item);
      }
      return;
    }
    sb.append('<').append(name).append('>');
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        element(sb, f.getKey(), f.getValue());
      }
    } else if (!node.isNull()) {
      escape(sb, node.asText());
    }
    sb.append("</").append(name).append('>');
  }

  private static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> sb.append(c);
      }
    }
  }
}
