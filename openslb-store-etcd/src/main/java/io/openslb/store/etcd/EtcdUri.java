package io.openslb.store.etcd;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The parsed form of a store URI {@code etcd://host[:port][,host[:port]...][/namespace]}.
 *
 * <p>Each host becomes an {@code http://host:port} client endpoint (port 2379 when omitted); TLS is
 * not supported. The path, without a trailing slash, is the key namespace; without a path the
 * namespace is {@value #DEFAULT_NAMESPACE}, and a bare {@code /} means no namespace.
 */
record EtcdUri(List<URI> endpoints, String namespace) {

  static final String SCHEME = "etcd://";
  static final String DEFAULT_NAMESPACE = "/openslb";
  static final int DEFAULT_PORT = 2379;

  EtcdUri {
    endpoints = List.copyOf(endpoints);
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("no etcd endpoint given");
    }
  }

  /**
   * Parses {@code uri}.
   *
   * @throws IllegalArgumentException if it is not an {@code etcd://} URI with at least one host
   */
  static EtcdUri parse(String uri) {
    if (uri == null || !uri.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      throw new IllegalArgumentException("not an etcd store URI (etcd://host:port[,host:port...]): " + uri);
    }
    String rest = uri.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String hosts = slash < 0 ? rest : rest.substring(0, slash);
    String namespace = slash < 0 ? DEFAULT_NAMESPACE : stripTrailingSlashes(rest.substring(slash));
    List<URI> endpoints = new ArrayList<>();
    for (String hostPort : hosts.split(",")) {
      if (!hostPort.isBlank()) {
        endpoints.add(endpoint(hostPort.trim(), uri));
      }
    }
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("no host in etcd store URI: " + uri);
    }
    return new EtcdUri(endpoints, namespace);
  }

  /** {@code etcd://host:port,...}, the form used in logs. */
  static String describe(List<URI> endpoints) {
    return endpoints.stream()
        .map(e -> e.getHost() + ":" + (e.getPort() < 0 ? DEFAULT_PORT : e.getPort()))
        .collect(Collectors.joining(",", SCHEME, ""));
  }

  private static URI endpoint(String hostPort, String uri) {
    URI parsed;
    try {
      parsed = URI.create("http://" + hostPort);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad host '" + hostPort + "' in etcd store URI: " + uri, e);
    }
    if (parsed.getHost() == null || parsed.getRawPath().length() > 0 || parsed.getRawQuery() != null) {
      throw new IllegalArgumentException("bad host '" + hostPort + "' in etcd store URI: " + uri);
    }
    int port = parsed.getPort() < 0 ? DEFAULT_PORT : parsed.getPort();
    return URI.create("http://" + parsed.getHost() + ":" + port);
  }

  private static String stripTrailingSlashes(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
