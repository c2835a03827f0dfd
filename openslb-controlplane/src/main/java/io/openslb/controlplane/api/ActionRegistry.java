package io.openslb.controlplane.api;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Action name → implementation. Filled once at start by the {@code *Actions} classes. */
public final class ActionRegistry {

  /** An action and whether it only reads (Describe and List calls). */
  public record Entry(String name, Action action, boolean readOnly) {}

  private final Map<String, Entry> actions = new TreeMap<>();

  public ActionRegistry register(String name, Action action) {
    boolean readOnly = name.startsWith("Describe") || name.startsWith("List");
    if (actions.putIfAbsent(name, new Entry(name, action, readOnly)) != null) {
      throw new IllegalStateException("action registered twice: " + name);
    }
    return this;
  }

  public Optional<Entry> find(String name) {
    return Optional.ofNullable(actions.get(name));
  }

  public Map<String, Entry> all() {
    return Collections.unmodifiableMap(actions);
  }
}
