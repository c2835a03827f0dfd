package io.openslb.model;

import java.util.List;

/**
 * A listener as stored: identity (load balancer, port, protocol), status and settings. Fields that
 * do not apply to the protocol are null. Names are plain Java; the API names live in the control
 * plane's listener field table.
 *
 * <p>{@code healthCheckTimeout} is the API's HealthCheckConnectTimeout on TCP/UDP and
 * HealthCheckTimeout on HTTP/HTTPS.
 */
public record Listener(
    String loadBalancerId,
    int port,
    ListenerProtocol protocol,
    String status,
    long createTime,
    // where traffic goes
    Integer backendServerPort,
    String vserverGroupId,
    String masterSlaveServerGroupId,
    String scheduler,
    Integer bandwidth,
    String description,
    // access control
    String aclStatus,
    String aclType,
    String aclId,
    String accessControlStatus,
    List<String> whiteListItems,
    // health check
    String healthCheck,
    String healthCheckType,
    Integer healthCheckConnectPort,
    Integer healthyThreshold,
    Integer unhealthyThreshold,
    Integer healthCheckInterval,
    Integer healthCheckTimeout,
    String healthCheckDomain,
    String healthCheckUri,
    String healthCheckHttpCode,
    String healthCheckMethod,
    String healthCheckReq,
    String healthCheckExp,
    // layer 4
    Integer persistenceTimeout,
    Integer establishedTimeout,
    String connectionDrain,
    Integer connectionDrainTimeout,
    Boolean proxyProtocolV2Enabled,
    String synProxy,
    // layer 7
    String stickySession,
    String stickySessionType,
    Integer cookieTimeout,
    String cookie,
    String xForwardedFor,
    String xForwardedForSlbIp,
    String xForwardedForSlbId,
    String xForwardedForProto,
    String xForwardedForSlbPort,
    String xForwardedForClientSrcPort,
    String gzip,
    Integer idleTimeout,
    Integer requestTimeout,
    String listenerForward,
    Integer forwardPort,
    // HTTPS
    String serverCertificateId,
    String caCertificateId,
    String tlsCipherPolicy,
    String enableHttp2,
    String xForwardedForClientCertSubjectDn,
    String xForwardedForClientCertIssuerDn,
    String xForwardedForClientCertFingerprint,
    String xForwardedForClientCertClientVerify,
    String xForwardedForClientCertSubjectDnAlias,
    String xForwardedForClientCertIssuerDnAlias,
    String xForwardedForClientCertFingerprintAlias,
    String xForwardedForClientCertClientVerifyAlias) {

  public Listener {
    whiteListItems = whiteListItems == null ? List.of() : List.copyOf(whiteListItems);
  }

  /** {@code lb-xxx_<protocol>_<port>}: the listener's id in tags and ACL bindings. */
  public String resourceId() {
    return loadBalancerId + "_" + protocol.apiName() + "_" + port;
  }

  public boolean running() {
    return "running".equals(status);
  }
}
