package io.openslb.dataplane.proxy.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.Mapping;
import io.netty.util.concurrent.FastThreadLocal;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.listener.ProtocolHandlers;
import io.openslb.dataplane.proxy.tls.ClientCertificateHeaders;
import io.openslb.dataplane.proxy.tls.TlsContexts;
import io.openslb.dataplane.proxy.tls.TlsTermination;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.transport.Transport;
import io.openslb.model.ListenerProtocol;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP and HTTPS listeners: the layer-7 reverse proxy (HTTP/1.1 and, on HTTPS, HTTP/2 to clients;
 * HTTP/1.1 with keep-alive to backends).
 *
 * <p>A client connection's pipeline is {@code [TLS] → RequestDecoder → ResponseEncoder →
 * Http1Client}; a backend connection's is {@code HttpRequestEncoder → ResponseDecoder →
 * BackendConnection}. Backend connections are opened on the client's event loop and parked per
 * event loop ({@link BackendConnections}), never shared across threads. An HTTPS listener puts its
 * SslHandler first and then calls {@link #serve}; everything else, including X-Forwarded-Proto
 * {@code https}, follows from the listener's protocol.
 *
 * <p>Threading: {@link #prepare} runs on the listener manager's thread before a runtime is
 * published and builds its settings and TLS contexts; {@link #accept} and {@link #serve} run on
 * the client channel's event loop and only read them, so no lock and no compiling on a loop.
 */
public final class HttpProxy implements ProtocolHandlers {
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

  private static final Logger log = LoggerFactory.getLogger(HttpProxy.class);

  private final Transport transport;
  private final AtomicBoolean warnedNoTls = new AtomicBoolean();
  private volatile TlsContexts tls;
  private final FastThreadLocal<BackendConnections> pools = new FastThreadLocal<>();

  public HttpProxy(Transport transport) {
    this.transport = transport;
  }

  /**
   * HTTP and HTTPS listeners. An HTTPS connection gets TLS first ({@link TlsTermination}: SNI
   * certificate, policy, mutual TLS); after the handshake ALPN picks HTTP/1.1 ({@link #serve}) or
   * HTTP/2 ({@link Http2Frontend}). A listener whose TLS contexts cannot be built (no certificate,
   * nothing of its policy servable) refuses connections rather than serve something else.
   */
  @Override
  public void accept(SocketChannel client, ListenerSlot slot, ListenerRuntime runtime) {
    if (runtime.spec().protocol() != ListenerProtocol.HTTPS) {
      serve(client, slot, runtime);
      return;
    }
    HttpListenerConfig config = config(runtime);
    Mapping<String, SslContext> contexts = config.tlsContexts;
    if (contexts == null) {
      if (warnedNoTls.compareAndSet(false, true)) {
        log.warn("{}: no usable certificate or TLS policy; closing connections", runtime.spec().name());
      }
      client.close();
      return;
    }
    boolean certHeaders = runtime.spec().settings().http().clientCertHeaders().any();
    TlsTermination.install(client, contexts, runtime.spec().name(), new TlsTermination.Next() {
      @Override
      public void http1(Channel channel) {
        serve(channel, slot, runtime);
        if (certHeaders) {
          channel.pipeline().addBefore("http-proxy", "client-cert-headers", new ClientCertificateHeaders(slot));
        }
      }

      @Override
      public void http2(Channel channel) {
        Http2Frontend.install(HttpProxy.this, channel, slot, config,
            certHeaders ? new ClientCertificateHeaders(slot) : null);
      }
    });
  }

  /**
   * Builds a runtime's HTTP settings and, for HTTPS, its TLS contexts by SNI name (null when none
   * is usable), before the runtime is published.
   */
  @Override
  public HttpListenerConfig prepare(ListenerRuntime runtime) {
    Mapping<String, SslContext> contexts =
        runtime.spec().protocol() == ListenerProtocol.HTTPS ? tls().forSpec(runtime.spec().tls()) : null;
    return new HttpListenerConfig(runtime, contexts);
  }

  /** The TLS contexts, created with the first HTTPS listener (loads the native library if any). */
  private TlsContexts tls() {
    TlsContexts t = tls;
    if (t == null) {
      synchronized (this) {
        if (tls == null) {
          tls = new TlsContexts();
        }
        t = tls;
      }
    }
    return t;
  }

  /**
   * Installs the proxy on a connected client channel (auto-read off) and starts reading. An HTTPS
   * listener calls this after adding its SslHandler. Runs on the channel's event loop.
   */
  public void serve(Channel client, ListenerSlot slot, ListenerRuntime runtime) {
    client.config().setWriteBufferWaterMark(WATER_MARK);
    ChannelPipeline p = client.pipeline();
    p.addLast("http-request-decoder", new RequestDecoder());
    p.addLast("http-response-encoder", new ResponseEncoder());
    p.addLast("http-proxy", new Http1Client(this, slot, config(runtime)));
    client.config().setAutoRead(true);
  }

  @Override
  public void bindUdp(DatagramChannel channel, ListenerSlot slot) {
    throw new UnsupportedOperationException("HTTP listeners are TCP");
  }

  /** The settings {@link #prepare} built with {@code runtime}. */
  HttpListenerConfig config(ListenerRuntime runtime) {
    return runtime.protocolConfig(HttpListenerConfig.class);
  }

  /** The backend connection pool of the calling event loop. */
  BackendConnections connections(EventLoop loop) {
    BackendConnections c = pools.getIfExists();
    if (c == null || c.loop() != loop) {
      c = new BackendConnections(loop, transport.streamBootstrap(loop), WATER_MARK);
      pools.set(c);
    }
    return c;
  }
}
