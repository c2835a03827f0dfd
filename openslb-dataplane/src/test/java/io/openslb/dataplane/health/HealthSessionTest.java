package io.openslb.dataplane.health;

import io.openslb.dataplane.config.HealthKey;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.health.HealthTable.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A session on a virtual clock with a scripted probe: timing, jitter, verdicts, stop. */
class HealthSessionTest {
  static final HealthKey KEY = new HealthKey("lb-1_tcp_80", "127.0.0.11", 80);

  /** Results by script; {@code hold} keeps a probe in flight until {@link #complete}. */
  static final class ScriptedProbe implements Probe {
    final Deque<Boolean> script = new ArrayDeque<>();
    boolean hold;
    Consumer<Result> inFlight;
    int runs;

    @Override
    public void run(Consumer<Result> done) {
      runs++;
      if (hold) {
        inFlight = done;
      } else {
        done.accept(script.isEmpty() || script.poll() ? Result.ok("scripted") : Result.fail("scripted"));
      }
    }

    void complete(boolean healthy) {
      Consumer<Result> d = inFlight;
      inFlight = null;
      d.accept(healthy ? Result.ok("late") : Result.fail("late"));
    }
  }

  static HealthCheckSpec spec(int rise, int fall, int interval) {
    return new HealthCheckSpec(true, HealthCheckSpec.Type.TCP, null, rise, fall, Duration.ofSeconds(interval), Duration.ofSeconds(1),
        null, null, HealthCheckSpec.statusClasses(null), HealthCheckSpec.Method.HEAD, null, null);
  }

  final FakeTimer timer = new FakeTimer();
  final ScriptedProbe probe = new ScriptedProbe();
  final List<String> verdicts = new ArrayList<>();

  HealthSession session(HealthCheckSpec spec, long seed) {
    return new HealthSession(KEY, spec, probe, timer, new SplittableRandom(seed),
        (s, state) -> verdicts.add(timer.now() + ":" + state));
  }

  @Test
  void firstProbeIsRandomWithinTheIntervalAndNextOnesAreJitteredTenPercent() {
    for (long seed = 0; seed < 50; seed++) {
      FakeTimer t = new FakeTimer();
      HealthSession s = new HealthSession(KEY, spec(3, 3, 2), new ScriptedProbe(), t, new SplittableRandom(seed), (x, y) -> {});
      s.start();
      t.advance(60_000);
      List<Long> delays = t.delays();
      assertThat(delays.get(0)).isBetween(0L, 1_999L);
      assertThat(delays.subList(1, delays.size())).isNotEmpty().allSatisfy(d -> assertThat(d).isBetween(1_800L, 2_200L));
    }
  }

  @Test
  void jitterActuallyVaries() {
    HealthSession s = session(spec(3, 3, 10), 42);
    s.start();
    timer.advance(600_000);
    assertThat(timer.delays().subList(1, timer.delays().size()).stream().distinct().count()).isGreaterThan(10);
  }

  @Test
  void longIntervalsStillProbeFirstWithinFiveSeconds() {
    for (long seed = 0; seed < 20; seed++) {
      FakeTimer t = new FakeTimer();
      new HealthSession(KEY, spec(3, 3, 50), new ScriptedProbe(), t, new SplittableRandom(seed), (x, y) -> {}).start();
      assertThat(t.delays().get(0)).isBetween(0L, HealthSession.MAX_FIRST_DELAY_MILLIS - 1);
    }
  }

  @Test
  void deadMemberIsJudgedAfterFallProbesAndRecoversAfterRiseProbes() {
    probe.script.addAll(List.of(false, false, false, true, true, true));
    HealthSession s = session(spec(2, 3, 2), 7);
    s.start();
    advanceUntilVerdicts(1);
    assertThat(verdicts.get(0)).endsWith(":ABNORMAL");
    assertThat(probe.runs).isEqualTo(3);
    // first probe within one interval, then two jittered intervals
    long abnormalAt = at(verdicts.get(0));
    assertThat(abnormalAt).isBetween(2 * 1_800L, 1_999L + 2 * 2_200L);
    assertThat(s.state()).isEqualTo(State.ABNORMAL);
    advanceUntilVerdicts(2);
    assertThat(verdicts.get(1)).endsWith(":NORMAL");
    assertThat(probe.runs).isEqualTo(5);
    assertThat(at(verdicts.get(1)) - abnormalAt).isBetween(2 * 1_800L, 2 * 2_200L);
  }

  private static long at(String verdict) {
    return Long.parseLong(verdict.substring(0, verdict.indexOf(':')));
  }

  /** Advances in 10 ms steps (at most 10 virtual minutes) until {@code n} verdicts were reported. */
  private void advanceUntilVerdicts(int n) {
    for (int i = 0; i < 60_000 && verdicts.size() < n; i++) {
      timer.advance(10);
    }
    assertThat(verdicts).hasSize(n);
  }

  @Test
  void steadyResultsReportOnlyTheFirstVerdict() {
    HealthSession s = session(spec(3, 3, 1), 1);
    s.start();
    timer.advance(60_000);
    assertThat(verdicts).hasSize(1);
    assertThat(verdicts.get(0)).endsWith(":NORMAL");
    assertThat(probe.runs).isGreaterThan(50);
  }

  @Test
  void stopCancelsTheNextProbe() {
    HealthSession s = session(spec(2, 2, 1), 3);
    s.start();
    timer.advance(3_000);
    int runs = probe.runs;
    s.stop();
    assertThat(s.active()).isFalse();
    timer.advance(60_000);
    assertThat(probe.runs).isEqualTo(runs);
    assertThat(timer.pending()).isZero();
  }

  @Test
  void aResultArrivingAfterStopIsDropped() {
    probe.hold = true;
    HealthSession s = session(spec(1, 1, 1), 3);
    s.start();
    timer.advance(1_000);
    assertThat(probe.inFlight).isNotNull();
    s.stop();
    probe.complete(false);
    assertThat(verdicts).isEmpty();
    assertThat(timer.pending()).isZero();
  }

  @Test
  void nextProbeWaitsForTheSlowOneToFinish() {
    probe.hold = true;
    HealthSession s = session(spec(2, 2, 1), 5);
    s.start();
    timer.advance(1_000);
    assertThat(probe.runs).isEqualTo(1);
    timer.advance(10_000); // the probe is still in flight: no second one
    assertThat(probe.runs).isEqualTo(1);
    probe.complete(true);
    timer.advance(1_100);
    assertThat(probe.runs).isEqualTo(2);
  }

  @Test
  void aProbeThatThrowsCountsAsAFailure() {
    HealthSession s = new HealthSession(KEY, spec(2, 2, 1), done -> {
      throw new IllegalStateException("boom");
    }, timer, new SplittableRandom(9), (x, state) -> verdicts.add(state.name()));
    s.start();
    timer.advance(5_000);
    assertThat(verdicts).containsExactly("ABNORMAL");
  }
}
