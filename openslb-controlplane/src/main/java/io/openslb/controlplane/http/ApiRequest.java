package io.openslb.controlplane.http;

import java.util.Map;

/**
 * An API request as received: the HTTP method, path, query parameters and form-body parameters
 * (both URL-decoded), headers with lower-case names, and the raw body.
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> form,
    Map<String, String> headers,
    byte[] body,
    String remoteAddress) {

  public ApiRequest {
    query = Map.copyOf(query);
    form = Map.copyOf(form);
    headers = Map.copyOf(headers);
  }

  /** Query and form parameters together; a form value wins over a query value of the same name. */
  public Map<String, String> parameters() {
    if (form.isEmpty()) {
      return query;
    }
    java.util.HashMap<String, String> all = new java.util.HashMap<>(query);
    all.putAll(form);
    return all;
  }

  public String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }
}
