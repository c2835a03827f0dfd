package io.openslb.dataplane.proxy.tls;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What the backend may learn of a verified client certificate (SEMANTICS.md §3.8): subject and
 * issuer DN (RFC 2253), SHA-1 fingerprint (lower-case hex with colons, as the certificate API
 * shows fingerprints) and the verification result. Read once per connection, after the handshake.
 */
public record ClientCertificate(String subjectDn, String issuerDn, String fingerprint, String verify) {
  /** Set on the TLS connection's channel; HTTP/2 streams find it on their parent. */
  public static final AttributeKey<ClientCertificate> KEY = AttributeKey.valueOf("openslb.clientCertificate");

  /** With mutual TLS the handshake fails without a valid certificate, so a request only sees this. */
  static final String VERIFIED = "SUCCESS";

  /** The peer certificate of a finished handshake; null when the client sent none. */
  static ClientCertificate of(SslHandler ssl) {
    Certificate[] chain;
    try {
      chain = ssl.engine().getSession().getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate x509)) {
      return null;
    }
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(x509.getEncoded());
      return new ClientCertificate(
          clean(x509.getSubjectX500Principal().getName(X500Principal.RFC2253)),
          clean(x509.getIssuerX500Principal().getName(X500Principal.RFC2253)),
          HexFormat.ofDelimiter(":").formatHex(sha1),
          VERIFIED);
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  /** The certificate of {@code channel}'s connection (its parent's for an HTTP/2 stream). */
  public static ClientCertificate of(Channel channel) {
    ClientCertificate c = channel.attr(KEY).get();
    if (c == null && channel.parent() != null) {
      c = channel.parent().attr(KEY).get();
    }
    return c;
  }

  /** Header-safe: no control characters; non-ASCII escaped the way RFC 2253 escapes bytes. */
  private static String clean(String dn) {
    StringBuilder out = new StringBuilder(dn.length());
    for (int i = 0; i < dn.length(); i++) {
      char ch = dn.charAt(i);
      if (ch >= 0x20 && ch < 0x7f) {
        out.append(ch);
      } else {
        for (byte b : String.valueOf(ch).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          out.append('\\').append(String.format("%02X", b & 0xff));
        }
      }
    }
    return out.toString();
  }
}
