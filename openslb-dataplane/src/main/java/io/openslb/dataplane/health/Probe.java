package io.openslb.dataplane.health;

import java.util.function.Consumer;

/**
 * One kind of health probe (TCP connect, HTTP request, UDP datagram) bound to one member's
 * address, timeout and event loop.
 *
 * <p>Contract: {@link #run} starts one probe and returns at once; {@code done} is called exactly
 * once, on the probe's event loop, no later than the timeout (plus scheduling slack). A probe never
 * throws and never leaves a channel open after {@code done}.
 */
interface Probe {

  void run(Consumer<Result> done);

  /** A probe's outcome; {@code detail} says why, for logs. */
  record Result(boolean healthy, String detail) {
    static Result ok(String detail) {
      return new Result(true, detail);
    }

    static Result fail(String detail) {
      return new Result(false, detail);
    }

    static Result fail(Throwable cause) {
      String message = cause.getMessage();
      return new Result(false, cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
  }
}
