package io.openslb.model;

import java.util.List;

/** A custom TLS cipher policy: the protocol versions and cipher suites an HTTPS listener offers. */
public record TlsCipherPolicy(String id, String name, List<String> tlsVersions, List<String> ciphers, long createTime) {
  public TlsCipherPolicy {
    tlsVersions = List.copyOf(tlsVersions);
    ciphers = List.copyOf(ciphers);
  }
}
