package io.openslb.dataplane.config;

import java.time.Duration;

/**
 * The layer-7 settings of an HTTP or HTTPS listener: which X-Forwarded-* headers it adds, gzip,
 * its two timeouts, the HTTP→HTTPS redirect ({@code redirectPort} 0 = none) and, on HTTPS, the
 * client-certificate headers.
 */
public record HttpSettings(
    boolean forwardedFor,
    boolean forwardedProto,
    boolean slbIp,
    boolean slbId,
    boolean slbPort,
    boolean clientSrcPort,
    boolean gzip,
    Duration idleTimeout,
    Duration requestTimeout,
    int redirectPort,
    ClientCertHeaders clientCertHeaders) {}
