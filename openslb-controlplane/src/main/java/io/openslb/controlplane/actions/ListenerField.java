package io.openslb.controlplane.actions;

import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Params;
import io.openslb.model.ListenerProtocol;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One listener setting: its API name, the {@link io.openslb.model.Listener} component that holds
 * it, the protocols it applies to, how its value is checked, and its default on create. The table
 * of all of them is {@link ListenerFields}.
 *
 * @param common top-level in DescribeLoadBalancerListeners (otherwise inside the protocol's
 *     {@code *ListenerConfig} object)
 */
record ListenerField(
    String api,
    String property,
    Set<ListenerProtocol> protocols,
    ValueType type,
    Map<ListenerProtocol, Object> defaults,
    boolean common) {

  /** How a parameter's text becomes a stored value. */
  interface ValueType {
    Optional<Object> read(Params params, String name);
  }

  Optional<Object> read(Params params) {
    return type.read(params, api);
  }

  boolean appliesTo(ListenerProtocol p) {
    return protocols.contains(p);
  }

  static ValueType range(int min, int max) {
    return (p, n) -> p.integer(n, min, max).map(Integer.class::cast);
  }

  static ValueType bandwidth() {
    return (p, n) ->
        p.integer(n, -1, 5120)
            .map(
                v -> {
                  if (v == 0) {
                    throw ApiException.invalid(n, v, "-1 or 1-5120");
                  }
                  return (Object) v;
                });
  }

  static ValueType oneOf(String... values) {
    return (p, n) -> p.oneOf(n, values).map(Object.class::cast);
  }

  static ValueType onOff() {
    return oneOf("on", "off");
  }

  static ValueType bool() {
    return (p, n) -> p.bool(n).map(Object.class::cast);
  }

  static ValueType text(Pattern pattern, String expected) {
    return (p, n) -> p.matching(n, pattern, expected).map(Object.class::cast);
  }

  static ValueType length(int min, int max) {
    return (p, n) -> p.string(n, min, max).map(Object.class::cast);
  }

  /** A comma list whose every item is one of {@code values}. */
  static ValueType commaListOf(String... values) {
    Set<String> allowed = Set.of(values);
    return (p, n) ->
        p.string(n)
            .map(
                v -> {
                  for (String item : v.split(",")) {
                    if (!allowed.contains(item.trim())) {
                      throw ApiException.invalid(n, v, "a comma list of " + String.join("|", values));
                    }
                  }
                  return (Object) v.replace(" ", "");
                });
  }

  static Set<ListenerProtocol> protocols(ListenerProtocol... ps) {
    return EnumSet.copyOf(java.util.List.of(ps));
  }
}
