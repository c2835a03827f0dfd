package io.openslb.dataplane.health;

import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.config.HealthKey;
import io.openslb.dataplane.health.HealthTable.State;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health-check session of one member (Envoy's per-host active health-check session): probes,
 * waits a jittered interval, probes again, and feeds the results to {@link RiseFall}; each new
 * verdict goes to {@code verdicts}.
 *
 * <p>Timing: the first probe starts after a random delay in [0, min(interval, 5 s)) and each next
 * probe an interval ±10% after the previous one finished, so sessions started together do not
 * stay in step. A probe takes at most the timeout, so a dead member is judged after about
 * {@code fall × (timeout-or-less + interval)}, as SEMANTICS.md §3.5 describes.
 *
 * <p>Threading: everything but {@link #stop} runs on the timer's thread (the session's event
 * loop), which is also where its probes complete. {@link #stop} may be called from any thread;
 * after it, no probe starts and no verdict is reported.
 */
final class HealthSession {
  private static final Logger log = LoggerFactory.getLogger(HealthSession.class);
  static final long MAX_FIRST_DELAY_MILLIS = 5_000;

  private final HealthKey key;
  private final HealthCheckSpec spec;
  private final Probe probe;
  private final TaskTimer timer;
  private final RandomGenerator random;
  private final BiConsumer<HealthSession, State> verdicts;
  private final RiseFall counters;
  private volatile boolean stopped;
  private volatile TaskTimer.Cancellable pending;
  private long probes;

  HealthSession(HealthKey key, HealthCheckSpec spec, Probe probe, TaskTimer timer, RandomGenerator random,
      BiConsumer<HealthSession, State> verdicts) {
    this.key = key;
    this.spec = spec;
    this.probe = probe;
    this.timer = timer;
    this.random = random;
    this.verdicts = verdicts;
    this.counters = new RiseFall(Math.max(1, spec.healthyThreshold()), Math.max(1, spec.unhealthyThreshold()));
  }

  HealthKey key() {
    return key;
  }

  HealthCheckSpec spec() {
    return spec;
  }

  boolean active() {
    return !stopped;
  }

  /** Schedules the first probe. Any thread. */
  void start() {
    pending = timer.schedule(this::probe, firstDelayMillis());
  }

  /** Stops probing; a probe in flight finishes but its result is dropped. Any thread. */
  void stop() {
    stopped = true;
    TaskTimer.Cancellable p = pending;
    if (p != null) {
      p.cancel();
    }
  }

  long firstDelayMillis() {
    long bound = Math.min(intervalMillis(), MAX_FIRST_DELAY_MILLIS);
    return bound <= 0 ? 0 : random.nextLong(bound);
  }

  /** The interval ±10%. */
  long nextDelayMillis() {
    long interval = intervalMillis();
    long spread = interval / 10;
    return spread == 0 ? interval : interval - spread + random.nextLong(2 * spread + 1);
  }

  private long intervalMillis() {
    return Math.max(spec.interval().toMillis(), 1000L);
  }

  private void probe() {
    if (stopped) {
      return;
    }
    probes++;
    try {
      probe.run(this::completed);
    } catch (RuntimeException e) {
      // a probe must not throw; if one does, count a failure and keep the session alive
      log.warn("health check {}: probe failed to start", key, e);
      completed(Probe.Result.fail(e));
    }
  }

  private void completed(Probe.Result result) {
    if (stopped) {
      return;
    }
    State verdict = counters.record(result.healthy());
    if (verdict != null) {
      log.info("health check {} ({}): {} after probe {} ({})", key, spec.type(), verdict, probes, result.detail());
      verdicts.accept(this, verdict);
    }
    if (!stopped) {
      pending = timer.schedule(this::probe, nextDelayMillis());
    }
  }

  /** The current verdict, null before the first threshold was reached. Timer thread. */
  State state() {
    return counters.state();
  }
}
