package io.openslb.dataplane.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.openslb.dataplane.config.AclSpec;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Access control as a table: (ACL, source) → admitted. SEMANTICS.md §3.10. */
class AclMatcherTest {

  static AclSpec white(String... cidrs) {
    return new AclSpec(true, List.of(cidrs), true);
  }

  static AclSpec black(String... cidrs) {
    return new AclSpec(false, List.of(cidrs), true);
  }

  /** The legacy whitelist (SetListenerAccessControlStatus open_white_list). */
  static AclSpec legacy(String... items) {
    return new AclSpec(true, List.of(items), false);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // access control off
        Arguments.of("off", null, "203.0.113.9", true),
        Arguments.of("off", null, "2001:db8::1", true),
        // new ACL model: an empty ACL forwards everything, white or black
        Arguments.of("empty white", white(), "203.0.113.9", true),
        Arguments.of("empty white v6", white(), "2001:db8::1", true),
        Arguments.of("empty black", black(), "203.0.113.9", true),
        // white list, IPv4
        Arguments.of("white /24 inside", white("10.1.2.0/24"), "10.1.2.200", true),
        Arguments.of("white /24 first", white("10.1.2.0/24"), "10.1.2.0", true),
        Arguments.of("white /24 last", white("10.1.2.0/24"), "10.1.2.255", true),
        Arguments.of("white /24 next", white("10.1.2.0/24"), "10.1.3.0", false),
        Arguments.of("white /24 before", white("10.1.2.0/24"), "10.1.1.255", false),
        Arguments.of("white host without prefix", white("192.0.2.7"), "192.0.2.7", true),
        Arguments.of("white host neighbour", white("192.0.2.7"), "192.0.2.8", false),
        Arguments.of("white /32", white("192.0.2.7/32"), "192.0.2.7", true),
        Arguments.of("white unaligned base", white("10.1.2.77/24"), "10.1.2.1", true),
        Arguments.of("white 0/0", white("0.0.0.0/0"), "255.255.255.255", true),
        Arguments.of("white v4 list, v6 source", white("10.0.0.0/8"), "2001:db8::1", false),
        Arguments.of("white overlapping", white("10.0.0.0/8", "10.1.0.0/16"), "10.200.0.1", true),
        Arguments.of("white adjacent merged", white("10.0.0.0/25", "10.0.0.128/25"), "10.0.0.200", true),
        Arguments.of("white high bit", white("200.0.0.0/8"), "200.1.1.1", true),
        Arguments.of("white high bit outside", white("200.0.0.0/8"), "199.255.255.255", false),
        // white list, IPv6
        Arguments.of("white v6 /32 inside", white("2001:db8::/32"), "2001:db8:ffff::1", true),
        Arguments.of("white v6 /32 outside", white("2001:db8::/32"), "2001:db9::1", false),
        Arguments.of("white v6 /128", white("2001:db8::5/128"), "2001:db8::5", true),
        Arguments.of("white v6 /128 neighbour", white("2001:db8::5/128"), "2001:db8::6", false),
        Arguments.of("white v6 list, v4 source", white("2001:db8::/32"), "10.0.0.1", false),
        Arguments.of("white mixed v4", white("2001:db8::/32", "10.0.0.0/8"), "10.9.9.9", true),
        Arguments.of("white mixed v6", white("2001:db8::/32", "10.0.0.0/8"), "2001:db8::9", true),
        // black list
        Arguments.of("black listed", black("198.51.100.0/24"), "198.51.100.4", false),
        Arguments.of("black not listed", black("198.51.100.0/24"), "198.51.101.4", true),
        Arguments.of("black v6 listed", black("2001:db8::/48"), "2001:db8:0:1::1", false),
        Arguments.of("black v6 not listed", black("2001:db8::/48"), "2001:db8:1::1", true),
        // legacy whitelist: enabled with no items forwards nothing
        Arguments.of("legacy empty", legacy(), "203.0.113.9", false),
        Arguments.of("legacy empty v6", legacy(), "2001:db8::1", false),
        Arguments.of("legacy listed", legacy("203.0.113.0/24"), "203.0.113.9", true),
        Arguments.of("legacy not listed", legacy("203.0.113.0/24"), "203.0.114.9", false),
        // bad stored entries are skipped, never resolved through DNS, never block the rest
        Arguments.of("bad entries skipped", white("not-an-ip", "10.1", "10.0.0.0/33", "1.2.3.4/x", "10.0.0.0/8"),
            "10.2.3.4", true),
        Arguments.of("abbreviated v4 is not 10.0.0.1", white("10.1"), "10.0.0.1", false));
  }

  @ParameterizedTest(name = "{0}: {2} -> {3}")
  @MethodSource("table")
  void decides(String name, AclSpec spec, String source, boolean admitted) throws Exception {
    assertThat(AclMatcher.compile(spec).admits(InetAddress.getByName(source))).isEqualTo(admitted);
  }

  @Test
  void threeHundredEntriesAnswerForEveryAddressTheirListNames() throws Exception {
    List<String> cidrs = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      cidrs.add("10." + i + ".0.0/24"); // 10.i.0.0 - 10.i.0.255
      cidrs.add("2001:db8:" + Integer.toHexString(i) + "::/64");
    }
    AclMatcher whiteList = AclMatcher.compile(new AclSpec(true, cidrs, true));
    AclMatcher blackList = AclMatcher.compile(new AclSpec(false, cidrs, true));
    for (int i = 0; i < 150; i++) {
      InetAddress in4 = InetAddress.getByName("10." + i + ".0." + (i % 256));
      InetAddress out4 = InetAddress.getByName("10." + i + ".1.0");
      InetAddress in6 = InetAddress.getByName("2001:db8:" + Integer.toHexString(i) + "::" + Integer.toHexString(i + 1));
      InetAddress out6 = InetAddress.getByName("2001:db8:" + Integer.toHexString(i) + ":1::1");
      assertThat(whiteList.admits(in4)).as("white %s", in4).isTrue();
      assertThat(whiteList.admits(out4)).as("white %s", out4).isFalse();
      assertThat(whiteList.admits(in6)).as("white %s", in6).isTrue();
      assertThat(whiteList.admits(out6)).as("white %s", out6).isFalse();
      assertThat(blackList.admits(in4)).as("black %s", in4).isFalse();
      assertThat(blackList.admits(out4)).as("black %s", out4).isTrue();
      assertThat(blackList.admits(in6)).as("black %s", in6).isFalse();
      assertThat(blackList.admits(out6)).as("black %s", out6).isTrue();
    }
    assertThat(whiteList.admits(InetAddress.getByName("10.150.0.1"))).isFalse();
    assertThat(whiteList.admits(InetAddress.getByName("9.255.255.255"))).isFalse();
  }
}
