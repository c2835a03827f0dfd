package io.openslb.dataplane.proxy.http;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.openslb.dataplane.schedule.Backend;

/**
 * The upstream attempt of a {@link Frontend} (Envoy's UpstreamRequest): the backend chosen for
 * the current try of an {@link Exchange}, the connection to it (parked in
 * {@link BackendConnections} or being opened), and the writes and reads on that connection.
 *
 * <p>Lifetime: its state lives for one attempt — from {@link #open} until the response is
 * complete ({@link #release}), the attempt fails or is given up ({@link #abort}), or the backend
 * closes ({@link #lost}); the next attempt (a retry on another backend, the keep-alive race, the
 * next request) starts it afresh. The object itself belongs to its {@link Frontend} and is reused,
 * so an attempt allocates nothing. A stale connect (a future other than {@link #connecting})
 * parks its connection for someone else; stale connection events are told apart by
 * {@link #conn} identity in the {@link Frontend}.
 *
 * <p>Threading: the client's event loop, on which backend connections are opened too; no locks,
 * no volatile fields.
 */
final class Upstream implements ChannelFutureListener {
  private final Frontend frontend;
  private final BackendConnections pool;
  /** The backend of this attempt; null between exchanges. */
  Backend backend;
  /** The connection this attempt owns; null while connecting and after the attempt. */
  BackendConnection conn;
  private ChannelFuture connecting;
  /** Writes wait for a flush. */
  private boolean flushPending;
  /** Reading from the backend is off because the client cannot take more. */
  private boolean paused;

  Upstream(Frontend frontend, BackendConnections pool) {
    this.frontend = frontend;
    this.pool = pool;
  }

  /**
   * Starts an attempt on {@link #backend}: returns a parked connection for it (unless
   * {@code fresh}), or null when a new one is being opened; the frontend hears of that in
   * {@link Frontend#connected} or {@link Frontend#connectFailed}.
   */
  BackendConnection open(boolean fresh) {
    BackendConnection c = fresh ? null : pool.poll(backend.address());
    if (c == null) {
      connecting = pool.connect(backend.address());
      connecting.addListener(this);
    }
    return c;
  }

  /** Backend connect finished (event loop). */
  @Override
  public void operationComplete(ChannelFuture f) {
    if (f != connecting) {
      if (f.isSuccess()) {
        pool.offer(BackendConnection.of(f.channel())); // no longer wanted here, but good for the next one
      }
      return;
    }
    connecting = null;
    if (f.isSuccess()) {
      frontend.connected(BackendConnection.of(f.channel()));
    } else {
      frontend.connectFailed(f.cause()); // may bind a parked connection to another backend
    }
    flush();
  }

  /** The attempt owns {@code c} now: its events go to the frontend. */
  void bind(BackendConnection c, boolean headRequest) {
    conn = c;
    c.attach(frontend, headRequest);
  }

  /** Writes to the backend (flushed by {@link #flush}); false when its outbound buffer is full. */
  boolean send(Object msg) {
    BackendConnection c = conn;
    c.write(msg);
    flushPending = true;
    return c.channel().isWritable();
  }

  void flush() {
    if (flushPending && conn != null) {
      flushPending = false;
      conn.flush();
    }
  }

  /** The client cannot take more: stop reading from the backend. */
  void pauseReading() {
    if (!paused) {
      paused = true;
      conn.autoRead(false);
    }
  }

  /** The client drained: read from the backend again. */
  void resumeReading() {
    if (paused && conn != null) {
      paused = false;
      conn.autoRead(true);
    }
  }

  /** The response is complete: the connection is parked ({@code park}) or closed. */
  void release(boolean park) {
    BackendConnection c = conn;
    conn = null;
    c.detach();
    paused = false;
    if (park) {
      pool.offer(c);
    } else {
      c.channel().close();
    }
  }

  /** The backend closed the connection (it has let go of its owner already). */
  void lost() {
    conn = null;
  }

  /** Gives the attempt up: closes its connection, ignores a connect still under way. */
  void abort() {
    BackendConnection c = conn;
    if (c != null) {
      conn = null;
      c.detach();
      c.channel().close();
    }
    connecting = null;
  }
}
