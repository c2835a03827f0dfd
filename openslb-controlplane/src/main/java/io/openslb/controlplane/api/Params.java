package io.openslb.controlplane.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request's parameters (query and form body merged) with typed, validated access. Every
 * getter throws {@link ApiException} with the cloud's code and a message naming the actual and the
 * expected value. Names are matched exactly first, then case-insensitively (the SDK sends some
 * names in lower camel case, e.g. {@code healthCheckInterval}). An empty value counts as absent.
 */
public final class Params {

  private final Map<String, String> values;
  private final Map<String, String> byLowerName = new HashMap<>();

  public Params(Map<String, String> values) {
    this.values = Map.copyOf(values);
    values.forEach((k, v) -> byLowerName.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
  }

  public Map<String, String> asMap() {
    return values;
  }

  public boolean has(String name) {
    return raw(name).isPresent();
  }

  public Optional<String> string(String name) {
    return raw(name);
  }

  public String required(String name) {
    return raw(name).orElseThrow(() -> ApiException.missing(name));
  }

  /** A string of {@code min}-{@code max} characters. */
  public Optional<String> string(String name, int min, int max) {
    Optional<String> v = raw(name);
    v.ifPresent(
        s -> {
          if (s.length() < min || s.length() > max) {
            throw ApiException.invalid(name, s, min + "-" + max + " characters");
          }
        });
    return v;
  }

  public Optional<String> matching(String name, Pattern pattern, String expected) {
    Optional<String> v = raw(name);
    v.ifPresent(
        s -> {
          if (!pattern.matcher(s).matches()) {
            throw ApiException.invalid(name, s, expected);
          }
        });
    return v;
  }

  public Optional<Integer> integer(String name, int min, int max) {
    Optional<String> v = raw(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    int n = parseInt(name, v.get(), min + "-" + max);
    if (n < min || n > max) {
      throw ApiException.invalid(name, v.get(), min + "-" + max);
    }
    return Optional.of(n);
  }

  public int requiredInt(String name, int min, int max) {
    return integer(name, min, max).orElseThrow(() -> ApiException.missing(name));
  }

  public Optional<Boolean> bool(String name) {
    return raw(name)
        .map(
            s -> {
              if (s.equalsIgnoreCase("true")) {
                return true;
              }
              if (s.equalsIgnoreCase("false")) {
                return false;
              }
              throw ApiException.invalid(name, s, "true|false");
            });
  }

  /**
   * One of the allowed values, compared case-insensitively and returned in the allowed spelling.
   */
  public Optional<String> oneOf(String name, String... allowed) {
    Optional<String> v = raw(name);
    if (v.isEmpty()) {
      return v;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v.get())) {
        return Optional.of(a);
      }
    }
    throw ApiException.invalid(name, v.get(), String.join("|", allowed));
  }

  public String requiredOneOf(String name, String... allowed) {
    return oneOf(name, allowed).orElseThrow(() -> ApiException.missing(name));
  }

  /** A repeat list {@code Name.1, Name.2, ...} in index order. */
  public List<String> repeated(String name) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      Optional<String> v = raw(name + "." + i);
      if (v.isEmpty()) {
        break;
      }
      out.add(v.get());
    }
    return out;
  }

  private static int parseInt(String name, String s, String expected) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, s, "an integer " + expected);
    }
  }

  private Optional<String> raw(String name) {
    String v = values.get(name);
    if (v == null) {
      v = byLowerName.get(name.toLowerCase(Locale.ROOT));
    }
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }
}
