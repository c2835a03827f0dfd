package io.openslb.controlplane.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ACL entries and whitelist items: text in, normal form out (a table), and what is refused. */
class CidrTest {

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource({
    "10.0.0.0/8,          10.0.0.0/8,            10.0.0.0/8",
    "10.1.2.3/8,          10.0.0.0/8,            10.0.0.0/8",
    "192.168.1.5,         192.168.1.5/32,        192.168.1.5",
    "' 172.16.9.9/12 ',   172.16.0.0/12,         172.16.0.0/12",
    "0.0.0.0/0,           0.0.0.0/0,             0.0.0.0/0",
    "255.255.255.255/31,  255.255.255.254/31,    255.255.255.254/31",
    "2001:DB8:0:0:0:0:0:1, 2001:db8::1/128,      2001:db8::1",
    "2001:db8::/32,       2001:db8::/32,         2001:db8::/32",
    "2001:db8:abcd:0012:ffff::1/64, 2001:db8:abcd:12::/64, 2001:db8:abcd:12::/64",
    "::,                  ::/128,                ::",
    "::1,                 ::1/128,               ::1",
    "1::,                 1::/128,               1::",
    "::/0,                ::/0,                  ::/0",
    "2001:0:0:1:0:0:0:1,  2001:0:0:1::1/128,     2001:0:0:1::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1/128, 2001:db8::1:0:0:1",
    "1:0:1:1:1:1:1:1,     1:0:1:1:1:1:1:1/128,   1:0:1:1:1:1:1:1",
    "::ffff:10.0.0.1,     ::ffff:a00:1/128,      ::ffff:a00:1",
    "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304/128, 1:2:3:4:5:6:102:304",
  })
  void normalForm(String text, String normal, String asWritten) {
    Cidr c = Cidr.parse(text).orElseThrow();
    assertThat(c.toString()).isEqualTo(normal);
    assertThat(c.asWritten()).isEqualTo(asWritten);
    assertThat(Cidr.parse(normal)).contains(c);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", " ", "10.0.0", "10.0.0.0.0", "10.0.0.256", "01.2.3.4", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/-1",
    "1.2.3.4/08", "1.2.3.4/ 8", "a.b.c.d", "example.com", "10.0.0.1/8/8",
    "2001:db8:::1", "2001:db8::1::2", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
    "12345::", "g::1", "::1/129", "1.2.3.4::", "::1.2.3", "fe80::1%eth0", "１.2.3.4", "1:2:3:4:5:6:7::8"
  })
  void refused(String text) {
    assertThat(Cidr.parse(text)).as(text).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.0/8, ipv4", "1.2.3.4, ipv4", "::1, ipv6", "2001:db8::/32, ipv6"})
  void version(String text, String version) {
    assertThat(Cidr.parse(text).orElseThrow().version()).isEqualTo(version);
  }
}
