package io.openslb.server;

import io.openslb.store.StateStore;
import io.openslb.store.etcd.EtcdStateStore;
import io.openslb.store.sqlite.SqliteStateStore;
import java.nio.file.Path;

/** Opens the store a {@code --store} URI names: {@code sqlite:PATH} or {@code etcd://H:P[,H:P]}. */
final class Stores {
  private Stores() {}

  static StateStore open(String uri) {
    if (uri.startsWith("sqlite:")) {
      return SqliteStateStore.open(Path.of(uri.substring("sqlite:".length())));
    }
    if (uri.startsWith("etcd://")) {
      return EtcdStateStore.open(uri);
    }
    throw new IllegalArgumentException("unknown store " + uri + " (expected sqlite:PATH or etcd://HOST:PORT[,HOST:PORT])");
  }
}
