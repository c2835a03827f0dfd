package io.openslb.dataplane.config;

import java.util.Map;

/** The whole compiled configuration at one store revision: every listener that should run. */
public record RuntimeSnapshot(long revision, Map<ListenerKey, ListenerSpec> listeners) {
  public RuntimeSnapshot {
    listeners = Map.copyOf(listeners);
  }
}
