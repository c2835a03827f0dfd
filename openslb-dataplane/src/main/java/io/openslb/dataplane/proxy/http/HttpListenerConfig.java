package io.openslb.dataplane.proxy.http;

import io.netty.handler.ssl.SslContext;
import io.netty.util.AsciiString;
import io.netty.util.Mapping;
import io.openslb.dataplane.config.HttpSettings;
import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.RuleSpec;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.runtime.ProtocolConfig;
import io.openslb.model.ListenerProtocol;
import java.util.List;

/**
 * The HTTP side of one {@link ListenerRuntime}, built with it before it is published ({@link
 * HttpProxy#prepare}): header switches with their values ready to send, timeouts, the HTTPS
 * redirect, the rule matcher, a {@link Target} per pool and, on HTTPS, the TLS contexts by SNI
 * name. Immutable; shared by every connection that uses the runtime.
 */
final class HttpListenerConfig implements ProtocolConfig {
  final ListenerRuntime runtime;
  final ListenerProtocol protocol;
  final boolean forwardedFor;
  final boolean forwardedProto;
  final boolean slbIp;
  final boolean slbId;
  final boolean slbPort;
  final boolean clientPort;
  final boolean gzip;
  final AsciiString proto;
  final AsciiString vip;
  final AsciiString loadBalancerId;
  final AsciiString port;
  /** Host sent to the backend for an HTTP/1.0 request without one. */
  final AsciiString defaultHost;
  final long idleNanos;
  final long requestNanos;
  /** {@code https://} redirect port when ListenerForward is on, else 0. */
  final int redirectPort;
  private final RuleMatcher rules;
  private final Target[] ruleTargets;
  private final Target target;
  /** HTTPS: the contexts by SNI name; null on HTTP, or when no certificate or policy is usable. */
  final Mapping<String, SslContext> tlsContexts;

  HttpListenerConfig(ListenerRuntime runtime) {
    this(runtime, null);
  }

  HttpListenerConfig(ListenerRuntime runtime, Mapping<String, SslContext> tlsContexts) {
    this.runtime = runtime;
    this.tlsContexts = tlsContexts;
    ListenerSpec spec = runtime.spec();
    HttpSettings http = spec.settings().http();
    this.protocol = spec.protocol();
    this.forwardedFor = http.forwardedFor();
    this.forwardedProto = http.forwardedProto();
    this.slbIp = http.slbIp();
    this.slbId = http.slbId();
    this.slbPort = http.slbPort();
    this.clientPort = http.clientSrcPort();
    this.gzip = http.gzip();
    this.proto = protocol == ListenerProtocol.HTTPS ? AsciiString.cached("https") : AsciiString.cached("http");
    this.vip = new AsciiString(spec.key().address());
    this.loadBalancerId = new AsciiString(spec.loadBalancerId());
    this.port = new AsciiString(Integer.toString(spec.key().port()));
    String address = spec.key().address().contains(":") ? "[" + spec.key().address() + "]" : spec.key().address();
    this.defaultHost = new AsciiString(address + ":" + spec.key().port());
    this.idleNanos = http.idleTimeout().toNanos();
    this.requestNanos = http.requestTimeout().toNanos();
    this.redirectPort = http.redirectPort();
    List<RuleSpec> ruleSpecs = runtime.rules();
    this.rules = ruleSpecs.isEmpty() ? RuleMatcher.NONE : RuleMatcher.compile(ruleSpecs);
    this.ruleTargets = new Target[ruleSpecs.size()];
    for (int i = 0; i < ruleSpecs.size(); i++) {
      ruleTargets[i] = new Target(runtime.rulePool(ruleSpecs.get(i).id()));
    }
    this.target = new Target(runtime.pool());
  }

  /** The pool for a request: a matching rule's, else the listener's (SEMANTICS.md §3.3). */
  Target route(ProxyRequest request) {
    if (rules.isEmpty()) {
      return target;
    }
    String host = rules.usesHost() ? RuleMatcher.normalizeHost(request.host) : null;
    int rule = rules.match(host, request.uri());
    return rule < 0 ? target : ruleTargets[rule];
  }
}
