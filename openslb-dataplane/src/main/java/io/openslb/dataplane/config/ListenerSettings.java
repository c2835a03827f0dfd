package io.openslb.dataplane.config;

import io.openslb.model.Listener;
import io.openslb.model.ListenerDefaults;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.OnOff;
import java.time.Duration;

/**
 * A listener's own settings, typed: read once from the stored record, with the defaults of {@link
 * ListenerDefaults} where the record has none. Everything that needs other records (members,
 * rules, ACL, certificates) is compiled into {@link ListenerSpec} beside it.
 *
 * @param name the listener's resource id {@code lb-xxx_<protocol>_<port>}
 * @param bandwidthMbps Bandwidth in Mbit/s, -1 for no cap
 * @param establishedTimeout TCP: how long an idle connection lives
 * @param persistence TCP source-address persistence, {@link Duration#ZERO} when off
 * @param proxyProtocolV2 TCP/UDP: send a PROXY v2 header to the backend
 * @param connectionDrainTimeout TCP/UDP: how long flows to a removed member live; null when drain is off
 * @param http HTTP/HTTPS settings, null on TCP/UDP
 */
public record ListenerSettings(
    String name,
    ListenerProtocol protocol,
    int bandwidthMbps,
    Duration establishedTimeout,
    Duration persistence,
    boolean proxyProtocolV2,
    Duration connectionDrainTimeout,
    HttpSettings http) {

  public static ListenerSettings of(Listener l) {
    boolean drain = OnOff.on(l.connectionDrain(), ListenerDefaults.CONNECTION_DRAIN) && l.connectionDrainTimeout() != null;
    return new ListenerSettings(
        l.resourceId(),
        l.protocol(),
        l.bandwidth() == null ? ListenerDefaults.BANDWIDTH : l.bandwidth(),
        seconds(l.establishedTimeout(), ListenerDefaults.ESTABLISHED_TIMEOUT_SECONDS),
        l.persistenceTimeout() == null || l.persistenceTimeout() <= 0 ? Duration.ZERO : Duration.ofSeconds(l.persistenceTimeout()),
        l.proxyProtocolV2Enabled() != null ? l.proxyProtocolV2Enabled() : ListenerDefaults.PROXY_PROTOCOL_V2,
        drain ? Duration.ofSeconds(l.connectionDrainTimeout()) : null,
        l.protocol().layer7() ? http(l) : null);
  }

  private static HttpSettings http(Listener l) {
    boolean redirect = l.protocol() == ListenerProtocol.HTTP
        && OnOff.on(l.listenerForward(), ListenerDefaults.LISTENER_FORWARD) && l.forwardPort() != null;
    boolean optional = ListenerDefaults.X_FORWARDED_FOR_OPTIONAL;
    return new HttpSettings(
        OnOff.on(l.xForwardedFor(), ListenerDefaults.X_FORWARDED_FOR),
        OnOff.on(l.xForwardedForProto(), optional),
        OnOff.on(l.xForwardedForSlbIp(), optional),
        OnOff.on(l.xForwardedForSlbId(), optional),
        OnOff.on(l.xForwardedForSlbPort(), optional),
        OnOff.on(l.xForwardedForClientSrcPort(), optional),
        OnOff.on(l.gzip(), ListenerDefaults.GZIP),
        positiveSeconds(l.idleTimeout(), ListenerDefaults.IDLE_TIMEOUT_SECONDS),
        positiveSeconds(l.requestTimeout(), ListenerDefaults.REQUEST_TIMEOUT_SECONDS),
        redirect ? l.forwardPort() : 0,
        l.protocol() == ListenerProtocol.HTTPS ? clientCertHeaders(l) : ClientCertHeaders.NONE);
  }

  private static ClientCertHeaders clientCertHeaders(Listener l) {
    return new ClientCertHeaders(
        header(l.xForwardedForClientCertSubjectDn(), l.xForwardedForClientCertSubjectDnAlias(), "X-Forwarded-Clientcert-subjectdn"),
        header(l.xForwardedForClientCertIssuerDn(), l.xForwardedForClientCertIssuerDnAlias(), "X-Forwarded-Clientcert-issuerdn"),
        header(l.xForwardedForClientCertFingerprint(), l.xForwardedForClientCertFingerprintAlias(), "X-Forwarded-Clientcert-fingerprint"),
        header(l.xForwardedForClientCertClientVerify(), l.xForwardedForClientCertClientVerifyAlias(), "X-Forwarded-Clientcert-clientverify"));
  }

  private static String header(String flag, String alias, String defaultName) {
    if (!OnOff.on(flag, ListenerDefaults.CLIENT_CERT_HEADER)) {
      return null;
    }
    return alias != null && isToken(alias) ? alias : defaultName;
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

  private static Duration seconds(Integer v, int def) {
    return Duration.ofSeconds(v == null ? def : v);
  }

  private static Duration positiveSeconds(Integer v, int def) {
    return Duration.ofSeconds(v == null || v <= 0 ? def : v);
  }
}
