package io.openslb.dataplane.proxy.http;

import io.openslb.dataplane.config.RuleSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Forwarding-rule matching of an HTTP/HTTPS listener (SEMANTICS.md §5), compiled once per listener
 * runtime. The Host picks a domain first: an exact domain beats a wildcard, and a narrower
 * wildcard ({@code *.m.a.com}) beats a broader one ({@code *.a.com}); a wildcard matches any depth
 * of subdomain but not the bare domain. Among the rules of that domain the longest URL prefix of
 * the request target wins, a rule without URL matching every path. A domain that matched but none
 * of whose URLs did sends the request to the listener's own target. When no domain matched, the
 * rules without a domain are tried the same way.
 *
 * <p>Immutable; {@link #match} allocates nothing and is safe from any thread.
 */
final class RuleMatcher {
  static final RuleMatcher NONE = compile(List.of());

  private final Map<String, int[]> exact;
  private final String[] wildcardSuffixes;
  private final int[][] wildcardRules;
  private final int[] noDomainRules;
  private final String[] urls;

  private RuleMatcher(Map<String, int[]> exact, String[] wildcardSuffixes, int[][] wildcardRules, int[] noDomainRules,
      String[] urls) {
    this.exact = exact;
    this.wildcardSuffixes = wildcardSuffixes;
    this.wildcardRules = wildcardRules;
    this.noDomainRules = noDomainRules;
    this.urls = urls;
  }

  static RuleMatcher compile(List<RuleSpec> rules) {
    String[] urls = new String[rules.size()];
    Map<String, List<Integer>> exact = new HashMap<>();
    Map<String, List<Integer>> wildcard = new LinkedHashMap<>();
    List<Integer> noDomain = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      RuleSpec r = rules.get(i);
      urls[i] = r.url() == null || r.url().isEmpty() ? null : r.url();
      String domain = normalizeDomain(r.domain());
      if (domain == null) {
        noDomain.add(i);
      } else if (domain.startsWith("*.")) {
        wildcard.computeIfAbsent(domain.substring(1), k -> new ArrayList<>()).add(i);
      } else {
        exact.computeIfAbsent(domain, k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, int[]> exactCompiled = new HashMap<>();
    exact.forEach((d, idx) -> exactCompiled.put(d, byUrlLength(idx, urls)));
    List<String> suffixes = new ArrayList<>(wildcard.keySet());
    suffixes.sort(Comparator.comparingInt(RuleMatcher::labels).reversed()
        .thenComparing(Comparator.comparingInt(String::length).reversed())
        .thenComparing(Comparator.naturalOrder()));
    int[][] wildcardRules = new int[suffixes.size()][];
    for (int i = 0; i < suffixes.size(); i++) {
      wildcardRules[i] = byUrlLength(wildcard.get(suffixes.get(i)), urls);
    }
    return new RuleMatcher(Map.copyOf(exactCompiled), suffixes.toArray(new String[0]), wildcardRules,
        byUrlLength(noDomain, urls), urls);
  }

  /** True when some rule names a domain, so the Host must be looked at. */
  boolean usesHost() {
    return !exact.isEmpty() || wildcardSuffixes.length > 0;
  }

  boolean isEmpty() {
    return urls.length == 0;
  }

  /**
   * @param host lower case, without port and trailing dot; null when the request has none
   * @param target the request target in origin form (path and query)
   * @return the index of the matching rule in the compiled list, or -1 for the listener's target
   */
  int match(String host, String target) {
    int[] group = null;
    if (host != null) {
      group = exact.get(host);
      if (group == null) {
        for (int i = 0; i < wildcardSuffixes.length; i++) {
          String suffix = wildcardSuffixes[i];
          if (host.length() > suffix.length() && host.endsWith(suffix)) {
            group = wildcardRules[i];
            break;
          }
        }
      }
    }
    if (group == null) {
      group = noDomainRules;
    }
    for (int idx : group) {
      String url = urls[idx];
      if (url == null || target.startsWith(url)) {
        return idx;
      }
    }
    return -1;
  }

  /**
   * The Host header value as {@link #match} wants it: port and trailing dot removed, lower case.
   * Returns the input itself when it needs no change.
   */
  static String normalizeHost(CharSequence host) {
    if (host == null) {
      return null;
    }
    int end = host.length();
    if (end > 0 && host.charAt(0) == '[') {
      int close = indexOf(host, ']');
      end = close < 0 ? end : close + 1;
    } else {
      int colon = indexOf(host, ':');
      if (colon >= 0) {
        end = colon;
      }
    }
    if (end > 0 && host.charAt(end - 1) == '.') {
      end--;
    }
    boolean lower = true;
    for (int i = 0; i < end; i++) {
      char c = host.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        lower = false;
        break;
      }
    }
    String s = host.toString();
    if (end != s.length()) {
      s = s.substring(0, end);
    }
    return lower ? s : s.toLowerCase(Locale.ROOT);
  }

  private static int indexOf(CharSequence s, char c) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static String normalizeDomain(String domain) {
    if (domain == null || domain.isBlank()) {
      return null;
    }
    String d = domain.trim().toLowerCase(Locale.ROOT);
    return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
  }

  private static int labels(String suffix) {
    int n = 0;
    for (int i = 0; i < suffix.length(); i++) {
      if (suffix.charAt(i) == '.') {
        n++;
      }
    }
    return n;
  }

  /** Longest URL first, rules without URL last; equal lengths keep their compiled order. */
  private static int[] byUrlLength(List<Integer> idx, String[] urls) {
    List<Integer> sorted = new ArrayList<>(idx);
    sorted.sort(Comparator.comparingInt((Integer i) -> urls[i] == null ? -1 : urls[i].length()).reversed());
    int[] out = new int[sorted.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = sorted.get(i);
    }
    return out;
  }
}
