package io.openslb.dataplane.proxy.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AsciiString;
import io.openslb.dataplane.listener.ListenerSlot;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.model.Listener;

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

  /** Whether any of the headers is switched on for {@code runtime}'s listener. */
  public static boolean wanted(ListenerRuntime runtime) {
    return Names.of(runtime.spec().listener()).any();
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
      names = Names.of(rt.spec().listener());
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
    static Names of(Listener l) {
      return new Names(
          name(l.xForwardedForClientCertSubjectDn(), l.xForwardedForClientCertSubjectDnAlias(), "X-Forwarded-Clientcert-subjectdn"),
          name(l.xForwardedForClientCertIssuerDn(), l.xForwardedForClientCertIssuerDnAlias(), "X-Forwarded-Clientcert-issuerdn"),
          name(l.xForwardedForClientCertFingerprint(), l.xForwardedForClientCertFingerprintAlias(), "X-Forwarded-Clientcert-fingerprint"),
          name(l.xForwardedForClientCertClientVerify(), l.xForwardedForClientCertClientVerifyAlias(), "X-Forwarded-Clientcert-clientverify"));
    }

    boolean any() {
      return subject != null || issuer != null || fingerprint != null || verify != null;
    }

    private static AsciiString name(String flag, String alias, String def) {
      if (!"on".equals(flag)) {
        return null;
      }
      return new AsciiString(alias != null && isToken(alias) ? alias : def);
    }

    /** RFC 9110 token: what a header name may be (the API validates aliases too; this keeps the wire safe). */
    private static boolean isToken(String s) {
      if (s.isEmpty() || s.length() > 128) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  }
}
