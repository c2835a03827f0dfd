package io.openslb.dataplane.proxy.udp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.schedule.Backend;
import io.openslb.dataplane.schedule.FlowKey;
import io.openslb.model.SchedulerKind;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of one bound UDP listener socket: finds or opens the session of each packet's sender
 * and hands it the payload. Owns the listener's session table. Runs on the listener channel's event
 * loop, which every session shares, so the table is a plain map.
 */
final class UdpListenerHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(UdpListenerHandler.class);

  private final UdpProxy proxy;
  private final ListenerSlot slot;
  private final Map<InetSocketAddress, UdpSession> sessions = new HashMap<>();
  private long droppedSinceLog;
  private long lastFullLogNanos;
  private boolean fullLogged;

  UdpListenerHandler(UdpProxy proxy, ListenerSlot slot) {
    this.proxy = proxy;
    this.slot = slot;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof DatagramPacket packet)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    UdpSession session = sessions.get(packet.sender());
    if (session == null) {
      session = open(ctx.channel(), packet);
      if (session == null) {
        packet.release();
        return;
      }
    }
    session.fromClient(UdpSession.compact(packet.content(), ctx.alloc()));
  }

  /** A new client: access control, scheduler pick and settings from the slot's current runtime. */
  private UdpSession open(Channel listener, DatagramPacket first) {
    InetSocketAddress client = first.sender();
    if (sessions.size() >= proxy.maxSessions()) {
      tableFull();
      return null;
    }
    ListenerRuntime runtime = slot.runtime();
    if (!runtime.acl().admits(client.getAddress())) {
      proxy.deniedPacketCounter().incrementAndGet();
      return null;
    }
    InetSocketAddress local = (InetSocketAddress) listener.localAddress();
    byte[] quicId = runtime.pool().spec().scheduler() == SchedulerKind.QCH
        ? QuicPackets.destinationConnectionId(first.content()) : null;
    Backend backend = runtime.pool().pick(new FlowKey(client, local, quicId), Set.of());
    if (backend == null) {
      if (log.isDebugEnabled()) {
        log.debug("{}: no backend for {}", runtime.spec().name(), client);
      }
      return null;
    }
    byte[] header = runtime.spec().settings().proxyProtocolV2()
        ? ProxyHeaderV2.udp(client, local) : null;
    UdpSession session = new UdpSession(this, listener, client, backend, header);
    sessions.put(client, session);
    proxy.activeSessionCounter().incrementAndGet();
    session.start(proxy.transport(), proxy.idleTimeoutNanos());
    return session;
  }

  private void tableFull() {
    proxy.droppedSessionCounter().incrementAndGet();
    droppedSinceLog++;
    long now = System.nanoTime();
    if (!fullLogged || now - lastFullLogNanos >= UdpProxy.TABLE_FULL_LOG_INTERVAL.toNanos()) {
      log.warn("{}: UDP session table full ({} sessions): dropped {} new flows since the last report",
          slot.key(), proxy.maxSessions(), droppedSinceLog);
      fullLogged = true;
      lastFullLogNanos = now;
      droppedSinceLog = 0;
    }
  }

  /** Called by a session when it ended, on this event loop. */
  void ended(InetSocketAddress client, UdpSession session) {
    if (sessions.remove(client, session)) {
      proxy.activeSessionCounter().decrementAndGet();
    }
  }

  /** The listener socket closed (listener stopped or removed): replies could not leave any more. */
  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    for (UdpSession s : List.copyOf(sessions.values())) {
      s.close();
    }
    ctx.fireChannelInactive();
  }

  /** A failed send to one client or a bad packet must not stop the listener: log and go on. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (log.isDebugEnabled()) {
      log.debug("{}: {}", slot.key(), cause.toString());
    }
  }

  String listenerName() {
    return slot.runtime().spec().name();
  }
}
