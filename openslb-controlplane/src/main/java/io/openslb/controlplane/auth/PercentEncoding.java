package io.openslb.controlplane.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** RFC 3986 encoding as the SDKs sign with it (PROTOCOL.md §1.3 step 3). */
final class PercentEncoding {
  private PercentEncoding() {}

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  /** {@code k1=v1&k2=v2} over the encoded names and values, sorted by name in code-unit order. */
  static String canonicalQuery(Map<String, String> params, String excluded) {
    TreeMap<String, String> sorted = new TreeMap<>(params);
    if (excluded != null) {
      sorted.remove(excluded);
    }
    StringBuilder sb = new StringBuilder();
    sorted.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append('&');
          }
          sb.append(encode(k)).append('=').append(encode(v == null ? "" : v));
        });
    return sb.toString();
  }
}
