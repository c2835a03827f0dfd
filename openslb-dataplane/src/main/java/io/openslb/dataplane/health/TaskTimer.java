package io.openslb.dataplane.health;

import io.netty.channel.EventLoop;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Where a session's timers run. Production uses the session's Netty event loop ({@link
 * #on(EventLoop)}); unit tests use a virtual clock, so state-machine tests never sleep.
 */
interface TaskTimer {

  /** Runs {@code task} once after {@code delayMillis}, on the timer's thread; cancel by the handle. */
  Cancellable schedule(Runnable task, long delayMillis);

  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }

  static TaskTimer on(EventLoop loop) {
    return (task, delayMillis) -> {
      try {
        Future<?> f = loop.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
      } catch (RejectedExecutionException shuttingDown) {
        return () -> {};
      }
    };
  }
}
