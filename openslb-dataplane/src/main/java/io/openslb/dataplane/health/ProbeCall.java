package io.openslb.dataplane.health;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One probe in flight: reports its result once (the first of reply, error, close or timeout),
 * cancels the timeout and closes the probe's channel.
 *
 * <p>Threading: created and used on the probe's event loop only, so plain fields suffice.
 */
final class ProbeCall {
  private final Consumer<Probe.Result> done;
  private final ScheduledFuture<?> timeout;
  private Channel channel;
  private boolean finished;

  /**
   * @param onTimeout the verdict when nothing happened within the timeout (a failure for TCP and
   *     HTTP; for UDP without an expected reply, silence means healthy)
   */
  ProbeCall(EventLoop loop, long timeoutMillis, Supplier<Probe.Result> onTimeout, Consumer<Probe.Result> done) {
    this.done = done;
    this.timeout = loop.schedule(() -> finish(onTimeout.get()), timeoutMillis, TimeUnit.MILLISECONDS);
  }

  void channel(Channel ch) {
    this.channel = ch;
    if (finished) {
      ch.close();
    }
  }

  boolean finished() {
    return finished;
  }

  void finish(Probe.Result result) {
    if (finished) {
      return;
    }
    finished = true;
    timeout.cancel(false);
    if (channel != null) {
      channel.close();
    }
    done.accept(result);
  }
}
