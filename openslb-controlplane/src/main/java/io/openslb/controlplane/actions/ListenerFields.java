package io.openslb.controlplane.actions;

import static io.openslb.controlplane.actions.ListenerField.bandwidth;
import static io.openslb.controlplane.actions.ListenerField.bool;
import static io.openslb.controlplane.actions.ListenerField.commaListOf;
import static io.openslb.controlplane.actions.ListenerField.length;
import static io.openslb.controlplane.actions.ListenerField.onOff;
import static io.openslb.controlplane.actions.ListenerField.oneOf;
import static io.openslb.controlplane.actions.ListenerField.range;
import static io.openslb.controlplane.actions.ListenerField.text;
import static io.openslb.model.ListenerProtocol.HTTP;
import static io.openslb.model.ListenerProtocol.HTTPS;
import static io.openslb.model.ListenerProtocol.TCP;
import static io.openslb.model.ListenerProtocol.UDP;

import io.openslb.model.ListenerDefaults;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.OnOff;
import io.openslb.model.SchedulerKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every listener setting of the four protocols: API name, stored property, protocols, range and
 * default (SEMANTICS.md §3.4, ACTIONS.md). Create, Set and Describe of all four protocols are
 * driven by this one table, so a setting is described once.
 */
final class ListenerFields {

  private static final Set<ListenerProtocol> ALL = EnumSet.allOf(ListenerProtocol.class);
  private static final Set<ListenerProtocol> L4 = EnumSet.of(TCP, UDP);
  private static final Set<ListenerProtocol> L7 = EnumSet.of(HTTP, HTTPS);
  private static final Set<ListenerProtocol> HTTP_CHECKED = EnumSet.of(TCP, HTTP, HTTPS);

  static final Pattern DESCRIPTION = Pattern.compile("(?s).{1,256}");
  static final Pattern DOMAIN = Pattern.compile("\\$_ip|[A-Za-z0-9.\\-]{1,80}");
  static final Pattern URI = Pattern.compile("/[A-Za-z0-9\\-/.%?#&=_~]{1,79}");
  static final Pattern COOKIE = Pattern.compile("[^$,; ][^,; ]{0,199}");
  static final Pattern UDP_PAYLOAD = Pattern.compile("[A-Za-z0-9]{1,64}");
  static final Pattern HEADER_ALIAS = Pattern.compile("[A-Za-z0-9\\-_]{1,40}");

  static final List<ListenerField> FIELDS = build();

  private ListenerFields() {}

  private static List<ListenerField> build() {
    List<ListenerField> f = new ArrayList<>();
    // where traffic goes and common settings
    f.add(field("Bandwidth", "bandwidth", ALL, bandwidth(), true, all(ListenerDefaults.BANDWIDTH)));
    f.add(field("Scheduler", "scheduler", L4, oneOf(schedulers(SchedulerKind.values())), true, all(ListenerDefaults.SCHEDULER.apiName())));
    f.add(field("Scheduler", "scheduler", L7, oneOf(schedulers(SchedulerKind.WRR, SchedulerKind.RR, SchedulerKind.WLC)), true,
        all(ListenerDefaults.SCHEDULER.apiName())));
    f.add(field("Description", "description", ALL, text(DESCRIPTION, "1-256 characters"), true, none()));
    f.add(field("AclStatus", "aclStatus", ALL, onOff(), true, all(OnOff.of(ListenerDefaults.ACL_STATUS))));
    f.add(field("AclType", "aclType", ALL, oneOf("white", "black"), true, none()));
    f.add(field("AclId", "aclId", ALL, length(1, 64), true, none()));
    // health check
    f.add(field("HealthCheckSwitch", "healthCheck", L4, onOff(), false, all(OnOff.of(ListenerDefaults.HEALTH_CHECK))));
    f.add(field("HealthCheck", "healthCheck", L7, onOff(), false, none()));
    f.add(field("HealthCheckType", "healthCheckType", EnumSet.of(TCP), oneOf("tcp", "http"), false, all(ListenerDefaults.HEALTH_CHECK_TYPE)));
    f.add(field("HealthCheckConnectPort", "healthCheckConnectPort", ALL, range(1, 65535), false, none()));
    f.add(field("HealthyThreshold", "healthyThreshold", ALL, range(2, 10), false, all(ListenerDefaults.HEALTHY_THRESHOLD)));
    f.add(field("UnhealthyThreshold", "unhealthyThreshold", ALL, range(2, 10), false, all(ListenerDefaults.UNHEALTHY_THRESHOLD)));
    f.add(field("HealthCheckInterval", "healthCheckInterval", ALL, range(1, 50), false,
        perProtocol(ListenerDefaults::healthCheckIntervalSeconds)));
    f.add(field("HealthCheckConnectTimeout", "healthCheckTimeout", L4, range(1, 300), false, all(ListenerDefaults.HEALTH_CHECK_TIMEOUT_SECONDS)));
    f.add(field("HealthCheckTimeout", "healthCheckTimeout", L7, range(1, 300), false, all(ListenerDefaults.HEALTH_CHECK_TIMEOUT_SECONDS)));
    f.add(field("HealthCheckDomain", "healthCheckDomain", HTTP_CHECKED, text(DOMAIN, "$_ip or 1-80 characters [A-Za-z0-9.-]"), false, none()));
    f.add(field("HealthCheckURI", "healthCheckUri", HTTP_CHECKED, text(URI, "1-80 characters starting with /"), false, none()));
    f.add(field("HealthCheckHttpCode", "healthCheckHttpCode", HTTP_CHECKED,
        commaListOf("http_2xx", "http_3xx", "http_4xx", "http_5xx"), false, all(ListenerDefaults.HEALTH_CHECK_HTTP_CODE)));
    f.add(field("HealthCheckMethod", "healthCheckMethod", HTTP_CHECKED, oneOf("head", "get"), false, all(ListenerDefaults.HEALTH_CHECK_METHOD)));
    f.add(field("healthCheckReq", "healthCheckReq", EnumSet.of(UDP), text(UDP_PAYLOAD, "1-64 characters [A-Za-z0-9]"), false, none()));
    f.add(field("healthCheckExp", "healthCheckExp", EnumSet.of(UDP), text(UDP_PAYLOAD, "1-64 characters [A-Za-z0-9]"), false, none()));
    // layer 4
    f.add(field("PersistenceTimeout", "persistenceTimeout", EnumSet.of(TCP), range(0, 3600), false, all(ListenerDefaults.PERSISTENCE_TIMEOUT_SECONDS)));
    f.add(field("EstablishedTimeout", "establishedTimeout", EnumSet.of(TCP), range(10, 900), false, all(ListenerDefaults.ESTABLISHED_TIMEOUT_SECONDS)));
    f.add(field("ConnectionDrain", "connectionDrain", L4, onOff(), false, all(OnOff.of(ListenerDefaults.CONNECTION_DRAIN))));
    f.add(field("ConnectionDrainTimeout", "connectionDrainTimeout", L4, range(10, 900), false, none()));
    f.add(field("ProxyProtocolV2Enabled", "proxyProtocolV2Enabled", L4, bool(), false, all(ListenerDefaults.PROXY_PROTOCOL_V2)));
    f.add(field("SynProxy", "synProxy", EnumSet.of(TCP), oneOf("enable", "disable"), false, all(ListenerDefaults.SYN_PROXY)));
    // layer 7
    f.add(field("StickySession", "stickySession", L7, onOff(), false, all(OnOff.of(ListenerDefaults.STICKY_SESSION))));
    f.add(field("StickySessionType", "stickySessionType", L7, oneOf("insert", "server"), false, none()));
    f.add(field("CookieTimeout", "cookieTimeout", L7, range(1, 86400), false, none()));
    f.add(field("Cookie", "cookie", L7, text(COOKIE, "1-200 characters without , ; space, not starting with $"), false, none()));
    f.add(field("XForwardedFor", "xForwardedFor", L7, onOff(), false, all(OnOff.of(ListenerDefaults.X_FORWARDED_FOR))));
    f.add(field("XForwardedFor_SLBIP", "xForwardedForSlbIp", L7, onOff(), false, all(OnOff.of(ListenerDefaults.X_FORWARDED_FOR_OPTIONAL))));
    f.add(field("XForwardedFor_SLBID", "xForwardedForSlbId", L7, onOff(), false, all(OnOff.of(ListenerDefaults.X_FORWARDED_FOR_OPTIONAL))));
    f.add(field("XForwardedFor_proto", "xForwardedForProto", L7, onOff(), false, all(OnOff.of(ListenerDefaults.X_FORWARDED_FOR_OPTIONAL))));
    f.add(field("XForwardedFor_SLBPORT", "xForwardedForSlbPort", L7, onOff(), false, all(OnOff.of(ListenerDefaults.X_FORWARDED_FOR_OPTIONAL))));
    f.add(field("XForwardedFor_ClientSrcPort", "xForwardedForClientSrcPort", L7, onOff(), false, all(OnOff.of(ListenerDefaults.X_FORWARDED_FOR_OPTIONAL))));
    f.add(field("Gzip", "gzip", L7, onOff(), false, all(OnOff.of(ListenerDefaults.GZIP))));
    f.add(field("IdleTimeout", "idleTimeout", L7, range(1, 60), false, all(ListenerDefaults.IDLE_TIMEOUT_SECONDS)));
    f.add(field("RequestTimeout", "requestTimeout", L7, range(1, 180), false, all(ListenerDefaults.REQUEST_TIMEOUT_SECONDS)));
    f.add(field("ListenerForward", "listenerForward", EnumSet.of(HTTP), onOff(), false, all(OnOff.of(ListenerDefaults.LISTENER_FORWARD))));
    f.add(field("ForwardPort", "forwardPort", EnumSet.of(HTTP), range(1, 65535), false, none()));
    // HTTPS
    Set<ListenerProtocol> tls = EnumSet.of(HTTPS);
    f.add(field("ServerCertificateId", "serverCertificateId", tls, length(1, 128), false, none()));
    f.add(field("CACertificateId", "caCertificateId", tls, length(1, 128), false, none()));
    f.add(field("TLSCipherPolicy", "tlsCipherPolicy", tls, length(1, 64), false, all(ListenerDefaults.TLS_CIPHER_POLICY)));
    f.add(field("EnableHttp2", "enableHttp2", tls, onOff(), false, all(OnOff.of(ListenerDefaults.ENABLE_HTTP2))));
    f.add(field("XForwardedFor_ClientCertSubjectDN", "xForwardedForClientCertSubjectDn", tls, onOff(), false, all(OnOff.of(ListenerDefaults.CLIENT_CERT_HEADER))));
    f.add(field("XForwardedFor_ClientCertIssuerDN", "xForwardedForClientCertIssuerDn", tls, onOff(), false, all(OnOff.of(ListenerDefaults.CLIENT_CERT_HEADER))));
    f.add(field("XForwardedFor_ClientCertFingerprint", "xForwardedForClientCertFingerprint", tls, onOff(), false, all(OnOff.of(ListenerDefaults.CLIENT_CERT_HEADER))));
    f.add(field("XForwardedFor_ClientCertClientVerify", "xForwardedForClientCertClientVerify", tls, onOff(), false, all(OnOff.of(ListenerDefaults.CLIENT_CERT_HEADER))));
    f.add(field("XForwardedFor_ClientCertSubjectDNAlias", "xForwardedForClientCertSubjectDnAlias", tls, text(HEADER_ALIAS, "1-40 characters [A-Za-z0-9-_]"), false, none()));
    f.add(field("XForwardedFor_ClientCertIssuerDNAlias", "xForwardedForClientCertIssuerDnAlias", tls, text(HEADER_ALIAS, "1-40 characters [A-Za-z0-9-_]"), false, none()));
    f.add(field("XForwardedFor_ClientCertFingerprintAlias", "xForwardedForClientCertFingerprintAlias", tls, text(HEADER_ALIAS, "1-40 characters [A-Za-z0-9-_]"), false, none()));
    f.add(field("XForwardedFor_ClientCertClientVerifyAlias", "xForwardedForClientCertClientVerifyAlias", tls, text(HEADER_ALIAS, "1-40 characters [A-Za-z0-9-_]"), false, none()));
    return List.copyOf(f);
  }

  static List<ListenerField> of(ListenerProtocol protocol) {
    return FIELDS.stream().filter(f -> f.appliesTo(protocol)).toList();
  }

  private static ListenerField field(
      String api, String property, Set<ListenerProtocol> protocols, ListenerField.ValueType type,
      boolean common, Map<ListenerProtocol, Object> defaults) {
    return new ListenerField(api, property, protocols, type, defaults, common);
  }

  private static Map<ListenerProtocol, Object> all(Object value) {
    Map<ListenerProtocol, Object> m = new EnumMap<>(ListenerProtocol.class);
    for (ListenerProtocol p : ListenerProtocol.values()) {
      m.put(p, value);
    }
    return m;
  }

  private static Map<ListenerProtocol, Object> perProtocol(java.util.function.Function<ListenerProtocol, Object> value) {
    Map<ListenerProtocol, Object> m = new EnumMap<>(ListenerProtocol.class);
    for (ListenerProtocol p : ListenerProtocol.values()) {
      m.put(p, value.apply(p));
    }
    return m;
  }

  private static String[] schedulers(SchedulerKind... kinds) {
    String[] names = new String[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      names[i] = kinds[i].apiName();
    }
    return names;
  }

  private static Map<ListenerProtocol, Object> none() {
    return Map.of();
  }
}
