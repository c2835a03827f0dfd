package io.openslb.dataplane.health;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A virtual clock for sessions: tasks run when the test advances time; nothing sleeps. */
final class FakeTimer implements TaskTimer {
  private record Task(long due, long seq, Runnable run, boolean[] cancelled) {}

  private final PriorityQueue<Task> queue =
      new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private final List<Long> delays = new ArrayList<>();
  private long now;
  private long seq;

  @Override
  public Cancellable schedule(Runnable task, long delayMillis) {
    delays.add(delayMillis);
    boolean[] cancelled = new boolean[1];
    queue.add(new Task(now + delayMillis, seq++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  /** Runs every task due up to {@code now + millis} (bounded: at most 100,000 tasks). */
  void advance(long millis) {
    long until = now + millis;
    for (int i = 0; i < 100_000 && !queue.isEmpty() && queue.peek().due <= until; i++) {
      Task t = queue.poll();
      now = t.due;
      if (!t.cancelled[0]) {
        t.run.run();
      }
    }
    now = until;
  }

  long now() {
    return now;
  }

  /** Every delay asked for, in order. */
  List<Long> delays() {
    return delays;
  }

  int pending() {
    return (int) queue.stream().filter(t -> !t.cancelled[0]).count();
  }
}
