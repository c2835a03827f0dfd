package io.openslb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openslb.model.ListenerProtocol;
import io.openslb.store.StoreLayout.Kind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every builder's key, spelled out, and {@link StoreLayout#parse} as its inverse. */
class StoreLayoutTest {
  private static final String R = "/accounts/1234/regions/cn-hangzhou/";

  static Stream<Arguments> keys() {
    return Stream.of(
        row(StoreLayout.accessKey("LTAI1"), "/accesskeys/LTAI1", Kind.ACCESS_KEY, null, null, "LTAI1"),
        row(StoreLayout.vip("127.1.0.5"), "/vips/127.1.0.5", Kind.VIP, null, null, "127.1.0.5"),
        row(StoreLayout.account("1234"), "/accounts/1234/account", Kind.ACCOUNT, "1234", null),
        row(StoreLayout.instance("1234", "i-web1"), "/accounts/1234/instances/i-web1", Kind.INSTANCE, "1234", null, "i-web1"),
        row(StoreLayout.clientToken("1234", "CreateLoadBalancer", "ab12"), "/accounts/1234/clienttokens/CreateLoadBalancer/ab12",
            Kind.CLIENT_TOKEN, "1234", null, "CreateLoadBalancer", "ab12"),
        row(StoreLayout.loadBalancer("1234", "cn-hangzhou", "lb-1"), R + "loadbalancers/lb-1", Kind.LOAD_BALANCER,
            "1234", "cn-hangzhou", "lb-1"),
        row(StoreLayout.listener("1234", "cn-hangzhou", "lb-1", 80, ListenerProtocol.HTTPS), R + "listeners/lb-1/80/https",
            Kind.LISTENER, "1234", "cn-hangzhou", "lb-1", "80", "https"),
        row(StoreLayout.vserverGroup("1234", "cn-hangzhou", "rsp-1"), R + "vservergroups/rsp-1", Kind.VSERVER_GROUP,
            "1234", "cn-hangzhou", "rsp-1"),
        row(StoreLayout.masterSlaveGroup("1234", "cn-hangzhou", "rsp-2"), R + "masterslavegroups/rsp-2",
            Kind.MASTER_SLAVE_GROUP, "1234", "cn-hangzhou", "rsp-2"),
        row(StoreLayout.acl("1234", "cn-hangzhou", "acl-1"), R + "acls/acl-1", Kind.ACL, "1234", "cn-hangzhou", "acl-1"),
        row(StoreLayout.serverCertificate("1234", "cn-hangzhou", "c-1"), R + "servercertificates/c-1",
            Kind.SERVER_CERTIFICATE, "1234", "cn-hangzhou", "c-1"),
        row(StoreLayout.caCertificate("1234", "cn-hangzhou", "ca-1"), R + "cacertificates/ca-1", Kind.CA_CERTIFICATE,
            "1234", "cn-hangzhou", "ca-1"),
        row(StoreLayout.tlsPolicy("1234", "cn-hangzhou", "tls-1"), R + "tlspolicies/tls-1", Kind.TLS_POLICY,
            "1234", "cn-hangzhou", "tls-1"),
        row(StoreLayout.rule("1234", "cn-hangzhou", "lb-1", "rule-1"), R + "rules/lb-1/rule-1", Kind.RULE,
            "1234", "cn-hangzhou", "lb-1", "rule-1"),
        row(StoreLayout.domainExtension("1234", "cn-hangzhou", "lb-1", "de-1"), R + "domainextensions/lb-1/de-1",
            Kind.DOMAIN_EXTENSION, "1234", "cn-hangzhou", "lb-1", "de-1"),
        row(StoreLayout.tags("1234", "cn-hangzhou", "acl", "acl-1"), R + "tags/acl/acl-1", Kind.TAG,
            "1234", "cn-hangzhou", "acl", "acl-1"));
  }

  private static Arguments row(String built, String expected, Kind kind, String account, String region, String... ids) {
    return Arguments.of(built, expected, kind, account, region, List.of(ids));
  }

  @ParameterizedTest
  @MethodSource("keys")
  void buildersSpellTheLayoutAndParseInvertsThem(
      String built, String expected, Kind kind, String account, String region, List<String> ids) {
    assertThat(built).isEqualTo(expected);
    assertThat(StoreLayout.parse(built)).contains(new StoreLayout.Key(kind, account, region, ids));
  }

  @Test
  void everyKindHasABuilderRowAbove() {
    Set<Kind> covered = keys().map(a -> (Kind) a.get()[2]).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(Kind.values()));
  }

  @Test
  void prefixesEndWhereTheirKeysBegin() {
    assertThat(StoreLayout.listener("a", "r", "lb-1", 80, ListenerProtocol.TCP))
        .startsWith(StoreLayout.listeners("a", "r", "lb-1"))
        .startsWith(StoreLayout.allListeners("a", "r"));
    assertThat(StoreLayout.rule("a", "r", "lb-1", "rule-1")).startsWith(StoreLayout.rules("a", "r", "lb-1"));
    assertThat(StoreLayout.instance("a", "i-1")).startsWith(StoreLayout.instances("a"));
    assertThat(StoreLayout.loadBalancer("a", "r", "lb-1")).startsWith(StoreLayout.region("a", "r"))
        .startsWith(StoreLayout.ACCOUNTS);
    // a load balancer's listeners are not under another load balancer whose id it extends
    assertThat(StoreLayout.listener("a", "r", "lb-10", 80, ListenerProtocol.TCP))
        .doesNotStartWith(StoreLayout.listeners("a", "r", "lb-1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "accounts/1/account", "/", "/unknown/x", "/vips/", "/vips/a/b", "/accesskeys/a/b",
      "/accounts/1", "/accounts/1/regions/r", "/accounts/1/regions/r/loadbalancers",
      "/accounts/1/regions/r/loadbalancers/lb-1/extra", "/accounts/1/regions/r/listeners/lb-1/80",
      "/accounts/1/regions/r/unknown/x", "/accounts/1/unknown/x", "/accounts/1/account/x",
      "/accounts//regions/r/acls/a", "/accounts/1/regions/r/acls/", "/accounts/1/instances"})
  void keysOutsideTheLayoutDoNotParse(String key) {
    assertThat(StoreLayout.parse(key)).isEmpty();
  }

  @Test
  void singleIdBuilderRefusesKindsWithMoreSegments() {
    assertThatThrownBy(() -> StoreLayout.key(Kind.LISTENER, "a", "r", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoreLayout.all(Kind.ACCOUNT, "a", "r")).isInstanceOf(IllegalArgumentException.class);
  }
}
