package io.openslb.model;

/** A per-domain certificate of an HTTPS listener, chosen by SNI. */
public record DomainExtension(
    String id, String loadBalancerId, int listenerPort, String domain, String serverCertificateId, long createTime) {}
