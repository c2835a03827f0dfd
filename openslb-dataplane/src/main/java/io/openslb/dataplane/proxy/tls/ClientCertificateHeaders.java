package io.openslb.dataplane.proxy.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AsciiString;
import io.openslb.dataplane.config.ClientCertHeaders;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.runtime.ListenerRuntime;

/**
 * Adds the client-certificate headers of a mutual-TLS HTTPS listener to each request
 * (SEMANTICS.md §3.8): {@code XForwardedFor_ClientCert{SubjectDN,IssuerDN,Fingerprint,ClientVerify}}
 * switch them on, the {@code *Alias} fields rename them (default: ALB's
 * {@code X-Forwarded-Clientcert-subjectdn} etc.). A header of the same name sent by the client is
 * always replaced or removed, so a backend can trust it. Sits between the request decoder and the
 * proxy; re-reads the listener's runtime per request, so a switch applies to the next request.
 * Event loop only.
 */
public final class ClientCertificateHeaders extends ChannelInboundHandlerAdapter {
  private final ListenerSlot slot;
  private ListenerRuntime compiledFor;
  private Names names;

  public ClientCertificateHeaders(ListenerSlot slot) {
    this.slot = slot;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      addTo(request.headers(), ctx.channel());
    }
    ctx.fireChannelRead(msg);
  }

  /** Sets (or removes) the headers on a request of {@code channel}'s client, as the listener says now. */
  public void addTo(HttpHeaders headers, Channel channel) {
    ListenerRuntime rt = slot.runtime();
    if (rt != compiledFor) {
      compiledFor = rt;
      names = Names.of(rt.spec().settings().http().clientCertHeaders());
    }
    apply(headers, names, ClientCertificate.of(channel));
  }

  static void apply(HttpHeaders h, Names n, ClientCertificate cert) {
    set(h, n.subject, cert == null ? null : cert.subjectDn());
    set(h, n.issuer, cert == null ? null : cert.issuerDn());
    set(h, n.fingerprint, cert == null ? null : cert.fingerprint());
    set(h, n.verify, cert == null ? "NONE" : cert.verify());
  }

  private static void set(HttpHeaders h, AsciiString name, String value) {
    if (name == null) {
      return;
    }
    if (value == null) {
      h.remove(name);
    } else {
      h.set(name, value);
    }
  }

  /** The header names switched on; null for a header that is off. */
  record Names(AsciiString subject, AsciiString issuer, AsciiString fingerprint, AsciiString verify) {
    static Names of(ClientCertHeaders h) {
      return new Names(name(h.subjectDn()), name(h.issuerDn()), name(h.fingerprint()), name(h.clientVerify()));
    }

    private static AsciiString name(String header) {
      return header == null ? null : new AsciiString(header);
    }
  }
}
