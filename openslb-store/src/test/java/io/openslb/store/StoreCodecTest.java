package io.openslb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openslb.model.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreCodecTest {
  private static final String KEY = "/accounts/1/regions/r/tags/acl/acl-1";

  @Test
  void encodesTheRecordWithTheSchemaVersionAndReadsItBack() {
    String json = StoreCodec.encode(new Tag("env", "测试"));
    assertThat(json).isEqualTo("{\"key\":\"env\",\"value\":\"测试\",\"_v\":1}");
    assertThat(StoreCodec.decode(KEY, json, Tag.class)).isEqualTo(new Tag("env", "测试"));
  }

  @Test
  void nullFieldsAreLeftOutAndUnknownFieldsIgnored() {
    assertThat(StoreCodec.encode(new Tag("env", null))).isEqualTo("{\"key\":\"env\",\"_v\":1}");
    assertThat(StoreCodec.decode(KEY, "{\"key\":\"env\",\"later\":true,\"_v\":1}", Tag.class)).isEqualTo(new Tag("env", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"key\":\"env\",\"_v\":2}", "{\"key\":\"env\"}", "{\"key\":\"env\",\"_v\":0}", "{\"key\":\"env\",\"_v\":\"x\"}",
      "not json", "[1]", "{\"key\":{\"nested\":1},\"_v\":1}"})
  void aValueThatCannotBeReadIsAnErrorNamingTheKey(String json) {
    assertThatThrownBy(() -> StoreCodec.decode(KEY, json, Tag.class))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(KEY + ": ");
  }

  @Test
  void aNewerSchemaVersionSaysWhichVersionsThisBuildReads() {
    assertThatThrownBy(() -> StoreCodec.decode(KEY, "{\"_v\":7}", Tag.class))
        .hasMessage(KEY + ": schema version 7 (this build reads 1-1)");
  }
}
