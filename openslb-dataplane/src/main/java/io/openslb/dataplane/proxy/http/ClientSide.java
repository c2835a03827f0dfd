package io.openslb.dataplane.proxy.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;

/**
 * What {@link Frontend} needs of its client: an HTTP/1.x connection ({@link Http1Client}) or one
 * stream of an HTTP/2 connection ({@link Http2Frontend}). Event loop only.
 */
interface ClientSide {
  EventLoop eventLoop();

  /**
   * Runs {@code task} on the event loop after {@code delayNanos} or a little later (an HTTP/2
   * stream's timers ride on its connection's once-a-second tick).
   */
  Timer schedule(Runnable task, long delayNanos);

  /** A task set with {@link #schedule}. */
  interface Timer {
    void cancel();
  }

  ByteBufAllocator alloc();

  /** Queues a response part: an {@code HttpResponse} (full or head), {@code HttpContent}, or bytes in a tunnel. */
  void write(Object msg);

  void flush();

  /** Whether the client takes more response bytes now (buffer below its high water mark, window open). */
  boolean isWritable();

  boolean isOpen();

  /** Reads more of the client's requests (true) or stops until told (false). */
  void reading(boolean on);

  /** The response about to be written answers a HEAD request (no body whatever its head says). */
  void headRequest(boolean head);

  /** Ends this client once everything written is out (HTTP/1.x: closes; HTTP/2: ends or resets the stream). */
  void closeAfterFlush();

  /** Ends this client now, dropping what is not written yet. */
  void close();

  /** The exchange became a WebSocket tunnel: from now on raw bytes both ways (HTTP/1.1 only). */
  void startTunnel();
}
