package io.openslb.model;

/**
 * A forwarding rule of an HTTP/HTTPS listener: requests whose Host matches {@code domain} (exact
 * or wildcard) and whose path starts with {@code url} go to {@code vserverGroupId}. With {@code
 * listenerSync = off} the rule's own scheduler, stickiness and health check replace the
 * listener's; otherwise those fields are null.
 */
public record ForwardingRule(
    String id,
    String loadBalancerId,
    int listenerPort,
    ListenerProtocol listenerProtocol,
    String name,
    String domain,
    String url,
    String vserverGroupId,
    String listenerSync,
    String scheduler,
    String stickySession,
    String stickySessionType,
    Integer cookieTimeout,
    String cookie,
    String healthCheck,
    String healthCheckDomain,
    String healthCheckUri,
    Integer healthCheckConnectPort,
    Integer healthyThreshold,
    Integer unhealthyThreshold,
    Integer healthCheckTimeout,
    Integer healthCheckInterval,
    String healthCheckHttpCode,
    long createTime) {}
