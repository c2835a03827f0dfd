package io.openslb.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openslb.store.StoreCodec;
import java.io.UncheckedIOException;

/** Store values that tests write by hand, encoded as OpenSLB stores them (with the schema version). */
final class Stored {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Stored() {}

  static String encode(String json) {
    try {
      return StoreCodec.encode(JSON.readTree(json));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
