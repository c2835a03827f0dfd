package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads CreateRules' {@code RuleList} ({@code [{"RuleName","Domain","Url","VServerGroupId"}]}) and
 * DeleteRules' {@code RuleIds} ({@code ["rule-a"]}), checking each element's format. What depends
 * on stored state (groups, uniqueness, quotas) is checked by {@link RuleActions}.
 */
final class RuleInput {
  static final int MAX_PER_CALL = 10;
  private static final ObjectReader STRICT_JSON =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9\\-/._]{1,40}");
  static final String RULE_NAME_EXPECTED = "1-40 characters [A-Za-z0-9-/._]";
  /** A host name, optionally with a leading wildcard label: {@code www.a.com}, {@code *.a.com}. */
  private static final Pattern DOMAIN =
      Pattern.compile("(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?");
  /**
   * A path of 2-80 characters starting with {@code /}: the documented set {@code A-Za-z0-9 - / . %
   * ? # &} plus the extended characters newer CLB versions accept ({@code _ ; ~ ! ( ) * [ ] @ $ ^
   * : ' , + =}).
   */
  private static final Pattern URL = Pattern.compile("/[A-Za-z0-9\\-/.%?#&_;~!()*\\[\\]@$^:',+=]{1,79}");

  /** One element of RuleList; domain and url are null when absent. */
  record Item(String name, String domain, String url, String vserverGroupId) {
    /** The (Domain, Url) pair that must be unique per listener; domains compare case-insensitively. */
    String matchKey() {
      return (domain == null ? "" : domain.toLowerCase(Locale.ROOT)) + " " + (url == null ? "" : url);
    }
  }

  private RuleInput() {}

  static List<Item> parseRuleList(String json) {
    JsonNode root = readArray("RuleList", json, ApiError.RULE_LIST_MALFORMED);
    if (root.isEmpty()) {
      throw ApiException.of(ApiError.RULE_LIST_MALFORMED, "RuleList is empty");
    }
    if (root.size() > MAX_PER_CALL) {
      throw ApiException.invalid("RuleList", root.size() + " rules", "at most " + MAX_PER_CALL + " per call");
    }
    List<Item> out = new ArrayList<>();
    for (JsonNode n : root) {
      if (!n.isObject()) {
        throw ApiException.of(ApiError.RULE_LIST_MALFORMED, "every element must be an object, got " + n);
      }
      String name = text(n, "RuleName");
      if (name == null) {
        throw ApiException.of(ApiError.RULE_LIST_MALFORMED, "RuleName is missing in " + n);
      }
      if (!RULE_NAME.matcher(name).matches()) {
        throw ApiException.of(ApiError.RULE_LIST_MALFORMED, "RuleName " + name + " (expected " + RULE_NAME_EXPECTED + ")");
      }
      String group = text(n, "VServerGroupId");
      if (group == null) {
        throw ApiException.of(ApiError.RULE_LIST_MALFORMED, "VServerGroupId is missing in rule " + name);
      }
      String domain = text(n, "Domain");
      String url = text(n, "Url");
      if (domain == null && url == null) {
        throw ApiException.of(ApiError.RULE_LIST_MALFORMED, "rule " + name + " needs a Domain or a Url");
      }
      if (domain != null) {
        checkDomain(domain);
      }
      if (url != null) {
        checkUrl(url);
      }
      out.add(new Item(name, domain, url, group));
    }
    return out;
  }

  static void checkDomain(String domain) {
    if (domain.length() > 80 || !DOMAIN.matcher(domain).matches()) {
      throw ApiException.of(ApiError.DOMAIN_MALFORMED, domain);
    }
  }

  static void checkUrl(String url) {
    if (!URL.matcher(url).matches()) {
      throw ApiException.of(ApiError.URL_MALFORMED, url);
    }
  }

  /** DeleteRules' RuleIds: a JSON array of 1-10 rule ids, duplicates removed. */
  static List<String> parseRuleIds(String json) {
    JsonNode root = readArray("RuleIds", json, null);
    if (root.isEmpty() || root.size() > MAX_PER_CALL) {
      throw ApiException.invalid("RuleIds", root.size() + " ids", "1-" + MAX_PER_CALL + " rule ids");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : root) {
      if (!n.isTextual() || n.asText().isEmpty()) {
        throw ApiException.invalid("RuleIds", json, "a JSON array of rule ids like [\"rule-abc\"]");
      }
      if (!out.contains(n.asText())) {
        out.add(n.asText());
      }
    }
    return out;
  }

  private static JsonNode readArray(String param, String json, ApiError malformed) {
    JsonNode root;
    try {
      root = STRICT_JSON.readTree(json);
    } catch (Exception e) {
      root = null;
    }
    if (root == null || !root.isArray()) {
      if (malformed != null) {
        throw ApiException.of(malformed, param + " is not a JSON array");
      }
      throw ApiException.invalid(param, json, "a JSON array");
    }
    return root;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }
}
