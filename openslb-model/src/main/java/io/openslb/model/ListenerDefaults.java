package io.openslb.model;

/**
 * The default of every listener setting that has one (SEMANTICS.md §3.4): what the control plane
 * stores and Describe shows when a call leaves the setting out, and what the data plane assumes
 * for a stored record that lacks it. The one place these values are written.
 */
public final class ListenerDefaults {
  public static final int BANDWIDTH = -1;
  public static final SchedulerKind SCHEDULER = SchedulerKind.DEFAULT;
  public static final boolean ACL_STATUS = false;
  // health check
  public static final boolean HEALTH_CHECK = true;
  public static final String HEALTH_CHECK_TYPE = "tcp";
  public static final int HEALTHY_THRESHOLD = 3;
  public static final int UNHEALTHY_THRESHOLD = 3;
  public static final int HEALTH_CHECK_TIMEOUT_SECONDS = 5;
  public static final String HEALTH_CHECK_HTTP_CODE = "http_2xx";
  public static final String HEALTH_CHECK_METHOD = "head";
  // layer 4
  public static final int PERSISTENCE_TIMEOUT_SECONDS = 0;
  public static final int ESTABLISHED_TIMEOUT_SECONDS = 900;
  public static final boolean CONNECTION_DRAIN = false;
  public static final boolean PROXY_PROTOCOL_V2 = false;
  public static final String SYN_PROXY = "disable";
  // layer 7
  public static final boolean STICKY_SESSION = false;
  public static final boolean X_FORWARDED_FOR = true;
  public static final boolean X_FORWARDED_FOR_OPTIONAL = false;
  public static final boolean GZIP = true;
  public static final int IDLE_TIMEOUT_SECONDS = 15;
  public static final int REQUEST_TIMEOUT_SECONDS = 60;
  public static final boolean LISTENER_FORWARD = false;
  // HTTPS
  public static final String TLS_CIPHER_POLICY = "tls_cipher_policy_1_0";
  public static final boolean ENABLE_HTTP2 = true;
  public static final boolean CLIENT_CERT_HEADER = false;

  private ListenerDefaults() {}

  /** HealthCheckInterval: 5 s on UDP, 2 s on the others. */
  public static int healthCheckIntervalSeconds(ListenerProtocol protocol) {
    return protocol == ListenerProtocol.UDP ? 5 : 2;
  }
}
