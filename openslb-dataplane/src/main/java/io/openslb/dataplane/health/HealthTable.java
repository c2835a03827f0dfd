package io.openslb.dataplane.health;

import io.openslb.dataplane.config.HealthKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runtime health of members (not configuration). A member without an entry has not been judged
 * yet: it gets traffic (like a freshly added server in HAProxy) and reports {@code unavailable}.
 * Thread-safe; change listeners are called on the thread that recorded the change.
 */
public final class HealthTable {
  public enum State {
    NORMAL,
    ABNORMAL
  }

  private final Map<HealthKey, State> states = new ConcurrentHashMap<>();
  private final List<Consumer<String>> scopeListeners = new CopyOnWriteArrayList<>();

  public State get(HealthKey key) {
    return states.get(key);
  }

  public boolean healthy(HealthKey key) {
    return states.get(key) != State.ABNORMAL;
  }

  /** Records a judgement; listeners hear of the scope only when the state flipped. */
  public void set(HealthKey key, State state) {
    State old = states.put(key, state);
    if (old != state) {
      scopeListeners.forEach(l -> l.accept(key.scope()));
    }
  }

  /** Forgets members that are no longer checked. */
  public void retainOnly(Set<HealthKey> keys) {
    states.keySet().retainAll(keys);
  }

  public void onScopeChange(Consumer<String> listener) {
    scopeListeners.add(listener);
  }

  /** {@code normal}, {@code abnormal} or {@code unavailable} as DescribeHealthStatus reports it. */
  public String describe(HealthKey key) {
    State s = states.get(key);
    return s == null ? "unavailable" : s == State.NORMAL ? "normal" : "abnormal";
  }
}
