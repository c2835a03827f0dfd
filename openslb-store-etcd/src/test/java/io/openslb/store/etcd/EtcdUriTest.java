package io.openslb.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EtcdUriTest {

  @Test
  void parsesHostsPortsAndNamespace() {
    EtcdUri u = EtcdUri.parse("etcd://10.0.0.1:2379,etcd-2:12379,[::1]:2379/prod/openslb/");
    assertThat(u.endpoints())
        .containsExactly(
            URI.create("http://10.0.0.1:2379"),
            URI.create("http://etcd-2:12379"),
            URI.create("http://[::1]:2379"));
    assertThat(u.namespace()).isEqualTo("/prod/openslb");
    assertThat(EtcdUri.describe(u.endpoints())).isEqualTo("etcd://10.0.0.1:2379,etcd-2:12379,[::1]:2379");
  }

  @Test
  void defaultsPortAndNamespace() {
    EtcdUri u = EtcdUri.parse("etcd://db");
    assertThat(u.endpoints()).containsExactly(URI.create("http://db:2379"));
    assertThat(u.namespace()).isEqualTo(EtcdUri.DEFAULT_NAMESPACE);
    assertThat(EtcdUri.parse("etcd://db/").namespace()).isEmpty();
  }

  @Test
  void rejectsOtherSchemesAndEmptyHosts() {
    assertThatThrownBy(() -> EtcdUri.parse("http://db:2379")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EtcdUri.parse("etcd://")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EtcdUri.parse("etcd://,/ns")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EtcdUri.parse("etcd://db:notaport")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void prefixEndFollowsEtcdConvention() {
    assertThat(EtcdKeys.prefixEnd(new byte[] {'a', 'b'}).getBytes()).containsExactly('a', 'c');
    assertThat(EtcdKeys.prefixEnd(new byte[] {'a', (byte) 0xff}).getBytes()).containsExactly('b');
    assertThat(EtcdKeys.prefixEnd(new byte[] {(byte) 0xff}).getBytes()).containsExactly(0);
  }
}
