package io.openslb.dataplane.proxy.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.Mapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS front of an HTTPS connection: {@code SniHandler} picks the context for the client's
 * server name and becomes the {@code SslHandler}; when the handshake is done the ALPN result
 * decides what follows (HTTP/1.1 or HTTP/2) and the client certificate, if any, is kept on the
 * channel ({@link ClientCertificate#KEY}). Bytes that arrive before that wait in the ALPN handler.
 * A failed handshake (no client certificate under mutual TLS, a version or suite outside the
 * policy) closes the connection. Runs on the channel's event loop.
 */
public final class TlsTermination {
  private static final Logger log = LoggerFactory.getLogger(TlsTermination.class);
  /** From accept to the end of the handshake; also bounds a client that never sends a ClientHello. */
  static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  /** What to install once the protocol is known; called on the event loop, pipeline ends after TLS. */
  public interface Next {
    void http1(Channel channel);

    void http2(Channel channel);
  }

  private TlsTermination() {}

  /** Adds TLS to an accepted channel (auto-read off) and starts reading. */
  public static void install(Channel channel, Mapping<String, SslContext> contexts, String name, Next next) {
    channel.pipeline().addLast("tls-sni", new SniHandler(contexts, HANDSHAKE_TIMEOUT_MILLIS));
    channel.pipeline().addLast("tls-alpn", new Alpn(name, next));
    channel.config().setAutoRead(true);
  }

  private static final class Alpn extends ApplicationProtocolNegotiationHandler {
    private final String name;
    private final Next next;

    Alpn(String name, Next next) {
      super(ApplicationProtocolNames.HTTP_1_1);
      this.name = name;
      this.next = next;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
      SslHandler ssl = ctx.pipeline().get(SslHandler.class);
      if (ssl != null && ssl.engine().getNeedClientAuth()) {
        ClientCertificate cert = ClientCertificate.of(ssl);
        if (cert != null) {
          ctx.channel().attr(ClientCertificate.KEY).set(cert);
        }
      }
      if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
        next.http2(ctx.channel());
      } else {
        next.http1(ctx.channel());
      }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
      // scanners and clients outside the policy do this all the time: not a warning
      if (log.isDebugEnabled()) {
        log.debug("{}: TLS handshake with {} failed: {}", name, ctx.channel().remoteAddress(), cause.toString());
      }
      ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (log.isDebugEnabled()) {
        log.debug("{}: TLS connection from {} failed: {}", name, ctx.channel().remoteAddress(), cause.toString());
      }
      ctx.close();
    }
  }
}
