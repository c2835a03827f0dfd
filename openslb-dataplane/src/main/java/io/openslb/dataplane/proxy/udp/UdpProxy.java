package io.openslb.dataplane.proxy.udp;

import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.listener.ProtocolHandlers;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.transport.Transport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UDP listeners: one session per client address, each with its own datagram channel connected to
 * the backend chosen for the session's first packet.
 *
 * <p>Design note. A UDP listener is one bound socket on one event loop. Every session's channel is
 * registered on that same loop, so the session table, the session and both channels are touched by
 * one thread and need no locks ({@link UdpListenerHandler}, {@link UdpSession}). Client packets leave
 * through the session's channel (so the kernel does the backend demultiplexing, and ICMP "port
 * unreachable" from a dead backend surfaces as an error that ends the session); backend replies go
 * back out of the listener socket, so the client sees them come from the VIP. A new session reads
 * the slot's current runtime, checks the ACL and asks the scheduler; it keeps that backend and those
 * settings until it ends: after {@link #SESSION_IDLE_TIMEOUT} without a packet either way, on a
 * socket error, when connection drain closes it, or when the listener socket closes.
 *
 * <p>Limits: at most {@link #MAX_SESSIONS} sessions per listener; when the table is full new clients'
 * packets are dropped, counted ({@link #droppedSessions()}) and logged at most once per {@link
 * #TABLE_FULL_LOG_INTERVAL}. A packet that meets a full socket buffer is dropped, as a router would.
 */
public final class UdpProxy implements ProtocolHandlers {
  /** A session ends after this long without a packet in either direction. */
  static final Duration SESSION_IDLE_TIMEOUT = Duration.ofSeconds(90);
  /** Sessions per listener. */
  static final int MAX_SESSIONS = 65_536;
  /** Receive buffer per datagram: the largest UDP payload, so nothing is ever truncated. */
  static final int MAX_DATAGRAM = 65_535;
  static final Duration TABLE_FULL_LOG_INTERVAL = Duration.ofSeconds(10);

  private final Transport transport;
  private final long idleTimeoutNanos;
  private final int maxSessions;
  private final AtomicInteger activeSessions = new AtomicInteger();
  private final AtomicLong droppedSessions = new AtomicLong();
  private final AtomicLong deniedPackets = new AtomicLong();

  public UdpProxy(Transport transport) {
    this(transport, SESSION_IDLE_TIMEOUT, MAX_SESSIONS);
  }

  /** For tests: a shorter idle timeout, a smaller table. */
  UdpProxy(Transport transport, Duration idleTimeout, int maxSessions) {
    this.transport = transport;
    this.idleTimeoutNanos = idleTimeout.toNanos();
    this.maxSessions = maxSessions;
  }

  @Override
  public void accept(SocketChannel client, ListenerSlot slot, ListenerRuntime runtime) {
    throw new UnsupportedOperationException("UDP listeners do not accept TCP connections");
  }

  /** Called from the listener channel's initializer, before it is registered. */
  @Override
  public void bindUdp(DatagramChannel channel, ListenerSlot slot) {
    channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(MAX_DATAGRAM));
    channel.pipeline().addLast("udp-sessions", new UdpListenerHandler(this, slot));
  }

  /** Sessions open now, over all listeners. */
  public int activeSessions() {
    return activeSessions.get();
  }

  /** New sessions refused because a listener's session table was full, since start. */
  public long droppedSessions() {
    return droppedSessions.get();
  }

  /** Packets dropped by the listener's access control, since start. */
  public long deniedPackets() {
    return deniedPackets.get();
  }

  Transport transport() {
    return transport;
  }

  long idleTimeoutNanos() {
    return idleTimeoutNanos;
  }

  int maxSessions() {
    return maxSessions;
  }

  AtomicInteger activeSessionCounter() {
    return activeSessions;
  }

  AtomicLong droppedSessionCounter() {
    return droppedSessions;
  }

  AtomicLong deniedPacketCounter() {
    return deniedPackets;
  }
}
