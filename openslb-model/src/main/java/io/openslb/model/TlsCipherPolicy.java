package io.openslb.model;

import java.util.List;

/**
 * A custom TLS cipher policy: the protocol versions ({@code TLSv1.2}) and cipher suites (OpenSSL
 * names, see {@link TlsCipherNames}) an HTTPS listener offers; {@code createTime} in epoch ms.
 */
public record TlsCipherPolicy(String id, String name, List<String> tlsVersions, List<String> ciphers, long createTime) {
  public TlsCipherPolicy {
    tlsVersions = tlsVersions == null ? List.of() : List.copyOf(tlsVersions);
    ciphers = ciphers == null ? List.of() : List.copyOf(ciphers);
  }
}
