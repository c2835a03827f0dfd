package io.openslb.controlplane.api;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Action name → implementation. Filled once at start by the {@code *Actions} classes. */
public final class ActionRegistry {

  /**
   * An action, whether it only reads (Describe and List calls), and whether its {@code RegionId}
   * must name a configured region (every action but the few that work across regions).
   */
  public record Entry(String name, Action action, boolean readOnly, boolean regional) {}

  private final Map<String, Entry> actions = new TreeMap<>();

  /** Registers an action that works in one region: the call's {@code RegionId} must be known. */
  public ActionRegistry register(String name, Action action) {
    return add(name, action, true);
  }

  /**
   * Registers an action that works across regions (DescribeRegions, which lists them): any
   * {@code RegionId} is accepted.
   */
  public ActionRegistry registerCrossRegion(String name, Action action) {
    return add(name, action, false);
  }

  private ActionRegistry add(String name, Action action, boolean regional) {
    boolean readOnly = name.startsWith("Describe") || name.startsWith("List");
    if (actions.putIfAbsent(name, new Entry(name, action, readOnly, regional)) != null) {
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
