package io.openslb.dataplane.proxy.http;

import io.openslb.model.SchedulerKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.config.RuleSpec;
import io.openslb.dataplane.config.TargetSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Forwarding-rule precedence as a table: host and path in, rule out. */
class RuleMatcherTest {
  static RuleSpec rule(String id, String domain, String url) {
    return new RuleSpec(id, domain, url, new TargetSpec(id, SchedulerKind.WRR, List.of(), HealthCheckSpec.disabled(), null, false));
  }

  static final List<RuleSpec> RULES = List.of(
      rule("exact-api", "www.a.com", "/api"),
      rule("exact-api-v2", "www.a.com", "/api/v2"),
      rule("exact-any", "WWW.B.com", null),
      rule("narrow", "*.m.a.com", null),
      rule("narrow-img", "*.m.a.com", "/img"),
      rule("broad", "*.a.com", "/static"),
      rule("path-only", null, "/shop"),
      rule("path-only-long", "", "/shop/cart"));

  record Case(String host, String path, String expected) {}

  static final List<Case> CASES = List.of(
      new Case("www.a.com", "/api/x", "exact-api"),
      new Case("www.a.com", "/api/v2/x", "exact-api-v2"),
      new Case("www.a.com", "/other", null), // domain matched, no URL: listener's target
      new Case("www.a.com", "/static/x", null), // exact beats wildcard even when only the wildcard's URL fits
      new Case("www.b.com", "/anything", "exact-any"),
      new Case("x.m.a.com", "/img/1.png", "narrow-img"),
      new Case("x.m.a.com", "/", "narrow"),
      new Case("deep.x.m.a.com", "/", "narrow"),
      new Case("m.a.com", "/static/1", "broad"), // *.m.a.com does not match m.a.com itself
      new Case("a.com", "/static/1", null),
      new Case("other.org", "/shop/cart/1", "path-only-long"),
      new Case("other.org", "/shop", "path-only"),
      new Case(null, "/shopping", "path-only"), // prefix, not segment, matching
      new Case(null, "/", null));

  @TestFactory
  Stream<DynamicTest> precedence() {
    RuleMatcher m = RuleMatcher.compile(RULES);
    return CASES.stream().map(c -> dynamicTest(c.host() + c.path() + " -> " + c.expected(), () -> {
      int idx = m.match(c.host(), c.path());
      assertThat(idx < 0 ? null : RULES.get(idx).id()).isEqualTo(c.expected());
    }));
  }

  @Test
  void hostNormalisation() {
    assertThat(RuleMatcher.normalizeHost("WWW.A.com:8080")).isEqualTo("www.a.com");
    assertThat(RuleMatcher.normalizeHost("www.a.com.")).isEqualTo("www.a.com");
    assertThat(RuleMatcher.normalizeHost("[::1]:80")).isEqualTo("[::1]");
    assertThat(RuleMatcher.normalizeHost(null)).isNull();
    String plain = "www.a.com";
    assertThat(RuleMatcher.normalizeHost(plain)).isSameAs(plain);
  }

  @Test
  void noRules() {
    assertThat(RuleMatcher.NONE.isEmpty()).isTrue();
    assertThat(RuleMatcher.NONE.match("a", "/")).isEqualTo(-1);
  }
}
