package io.openslb.dataplane.health;

import io.openslb.dataplane.health.HealthTable.State;

/**
 * The rise/fall counters of one health-check session (HAProxy's {@code rise}/{@code fall},
 * Envoy's healthy/unhealthy thresholds): a member becomes {@link State#NORMAL} after {@code rise}
 * consecutive successes and {@link State#ABNORMAL} after {@code fall} consecutive failures. Before
 * the first threshold is reached there is no verdict at all ({@link #state()} is null), which the
 * {@link HealthTable} reports as {@code unavailable} while the member keeps getting traffic.
 *
 * <p>Pure and single-threaded: a session calls it from its event loop only.
 */
final class RiseFall {
  private final int rise;
  private final int fall;
  private State state;
  private int successes;
  private int failures;

  RiseFall(int rise, int fall) {
    if (rise < 1 || fall < 1) {
      throw new IllegalArgumentException("thresholds must be at least 1: rise " + rise + ", fall " + fall);
    }
    this.rise = rise;
    this.fall = fall;
  }

  /**
   * Counts one probe result.
   *
   * @return the new state when this result produced a verdict that differs from the previous one
   *     (including the first verdict), else null
   */
  State record(boolean healthy) {
    if (healthy) {
      failures = 0;
      successes = Math.min(successes + 1, rise);
      if (successes >= rise && state != State.NORMAL) {
        state = State.NORMAL;
        return state;
      }
    } else {
      successes = 0;
      failures = Math.min(failures + 1, fall);
      if (failures >= fall && state != State.ABNORMAL) {
        state = State.ABNORMAL;
        return state;
      }
    }
    return null;
  }

  /** The current verdict, or null before the first threshold was reached. */
  State state() {
    return state;
  }
}
