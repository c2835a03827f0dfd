package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.model.DomainExtension;
import io.openslb.model.Listener;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.LoadBalancer;
import io.openslb.model.ServerCertificate;
import io.openslb.store.StoreLayout;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What certificates, TLS policies, domain extensions and HTTPS listeners need to know about each
 * other: who uses a certificate or a policy, a listener's domain extensions, and the certificate
 * entries the Describe actions show ({@code ServerCertificates{ServerCertificate[]}}).
 */
final class HttpsResources {
  /** The listener's or domain extension's own certificate (the only binding this server has). */
  static final String BINDING_DEFAULT = "Default";

  private HttpsResources() {}

  static List<Listener> regionListeners(Call call) {
    return call.tx().list(StoreLayout.allListeners(call.accountId(), call.regionId()), Listener.class);
  }

  static List<DomainExtension> regionDomainExtensions(Call call) {
    return call.tx().list(StoreLayout.allDomainExtensions(call.accountId(), call.regionId()), DomainExtension.class);
  }

  /** The domain extensions of one HTTPS listener, oldest first. */
  static List<DomainExtension> domainExtensions(Call call, LoadBalancer lb, int port) {
    return call.tx().list(StoreLayout.domainExtensions(lb.accountId(), lb.regionId(), lb.id()), DomainExtension.class)
        .stream()
        .filter(d -> d.listenerPort() == port)
        .sorted(Comparator.comparingLong(DomainExtension::createTime).thenComparing(DomainExtension::id))
        .toList();
  }

  /** Deletes the domain extensions of a listener that goes away (only HTTPS listeners have any). */
  static void deleteDomainExtensions(Call call, LoadBalancer lb, Listener listener) {
    if (listener.protocol() != ListenerProtocol.HTTPS) {
      return;
    }
    for (DomainExtension d : domainExtensions(call, lb, listener.port())) {
      call.tx().delete(StoreLayout.domainExtension(lb.accountId(), lb.regionId(), lb.id(), d.id()));
    }
  }

  /** Who uses a server certificate: {@code lb-x_https_443} for listeners, the id for domain extensions. */
  static List<String> serverCertificateUsers(Call call, String certificateId) {
    List<String> listeners = regionListeners(call).stream()
        .filter(l -> certificateId.equals(l.serverCertificateId()))
        .map(Listener::resourceId)
        .toList();
    List<String> domains = regionDomainExtensions(call).stream()
        .filter(d -> certificateId.equals(d.serverCertificateId()))
        .map(DomainExtension::id)
        .toList();
    return concat(listeners, domains);
  }

  static List<String> caCertificateUsers(Call call, String certificateId) {
    return regionListeners(call).stream()
        .filter(l -> certificateId.equals(l.caCertificateId()))
        .map(Listener::resourceId)
        .toList();
  }

  static List<Listener> tlsPolicyUsers(Call call, String policyId) {
    return regionListeners(call).stream()
        .filter(l -> l.protocol() == ListenerProtocol.HTTPS && policyId.equals(l.tlsCipherPolicy()))
        .sorted(Comparator.comparing(Listener::loadBalancerId).thenComparingInt(Listener::port))
        .toList();
  }

  static Optional<ServerCertificate> serverCertificate(Call call, String id) {
    return call.tx().get(StoreLayout.serverCertificate(call.accountId(), call.regionId(), id), ServerCertificate.class);
  }

  /**
   * Adds {@code Certificates{Certificate[]}} and {@code ServerCertificates{ServerCertificate[]}}
   * for one certificate, as DescribeDomainExtensions and DescribeDomainExtensionAttribute show it.
   */
  static void putCertificates(ObjectNode target, Call call, String certificateId) {
    Optional<ServerCertificate> cert =
        certificateId == null ? Optional.empty() : serverCertificate(call, certificateId);
    ArrayNode certificates = target.putObject("Certificates").putArray("Certificate");
    if (certificateId != null) {
      ObjectNode c = certificates.addObject();
      c.put("CertificateId", certificateId);
      cert.map(ServerCertificate::encryptionAlgorithm).ifPresent(a -> c.put("EncryptionAlgorithm", a));
    }
    putServerCertificates(target, certificateId, cert);
  }

  /** Adds {@code ServerCertificates{ServerCertificate[]{CertificateId, EncryptionAlgorithm, BindingType}}}. */
  static void putServerCertificates(ObjectNode target, Call call, String certificateId) {
    putServerCertificates(target, certificateId,
        certificateId == null ? Optional.empty() : serverCertificate(call, certificateId));
  }

  private static void putServerCertificates(ObjectNode target, String id, Optional<ServerCertificate> cert) {
    ArrayNode list = target.putObject("ServerCertificates").putArray("ServerCertificate");
    if (id == null) {
      return;
    }
    ObjectNode c = list.addObject();
    c.put("CertificateId", id);
    cert.map(ServerCertificate::encryptionAlgorithm).ifPresent(a -> c.put("EncryptionAlgorithm", a));
    c.put("BindingType", BINDING_DEFAULT);
  }

  /** A domain extension as the Describe actions list it. */
  static ObjectNode domainExtensionView(Call call, DomainExtension d) {
    ObjectNode n = Json.object();
    n.put("DomainExtensionId", d.id());
    n.put("Domain", d.domain());
    Json.putIfNotNull(n, "ServerCertificateId", d.serverCertificateId());
    putCertificates(n, call, d.serverCertificateId());
    return n;
  }

  /**
   * What DescribeLoadBalancerHTTPSListenerAttribute adds for an HTTPS listener: its domain
   * extensions and its own certificate.
   */
  static void putListenerCertificates(ObjectNode target, Call call, Listener l) {
    LoadBalancer lb = Lookups.loadBalancer(call, l.loadBalancerId());
    ArrayNode list = target.putObject("DomainExtensions").putArray("DomainExtension");
    for (DomainExtension d : domainExtensions(call, lb, l.port())) {
      list.add(domainExtensionView(call, d));
    }
    putServerCertificates(target, call, l.serverCertificateId());
  }

  /** {@code 2017-08-31T02:49:05Z}: the cloud's time format, whole seconds in UTC. */
  static String isoSeconds(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
