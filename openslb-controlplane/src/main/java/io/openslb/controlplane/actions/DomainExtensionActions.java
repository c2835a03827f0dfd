package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Ids;
import io.openslb.controlplane.service.TlsQuotas;
import io.openslb.model.DomainExtension;
import io.openslb.model.Listener;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.LoadBalancer;
import io.openslb.store.StoreLayout;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 5 domain extension actions (SEMANTICS.md §6): an extra domain and certificate on an HTTPS
 * listener, chosen by the client's SNI. Stored under {@code domainextensions/{lbId}/{id}}, where
 * the data plane reads them; they go with their listener and their load balancer.
 */
public final class DomainExtensionActions {
  /**
   * An exact name ({@code www.example.com}) or a wildcard on the leftmost label ({@code
   * *.example.com}): at least two labels of letters, digits and inner hyphens, at most 80
   * characters.
   */
  static final Pattern DOMAIN =
      Pattern.compile("(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final String DOMAIN_RULE =
      "a domain name like www.example.com or *.example.com, at most 80 characters";

  private final TlsQuotas quotas;

  public DomainExtensionActions(TlsQuotas quotas) {
    this.quotas = quotas;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("CreateDomainExtension", this::create)
        .register("DeleteDomainExtension", this::delete)
        .register("SetDomainExtensionAttribute", this::set)
        .register("DescribeDomainExtensions", this::describeAll)
        .register("DescribeDomainExtensionAttribute", this::describe);
  }

  ObjectNode create(Call call) {
    Params p = call.params();
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    int port = p.requiredInt("ListenerPort", 1, 65535);
    String domain = p.required("Domain");
    if (domain.length() > 80 || !DOMAIN.matcher(domain).matches()) {
      throw ApiException.invalid("Domain", domain, DOMAIN_RULE);
    }
    Listener listener = httpsListener(call, lb, port);
    if (lb.spec() == null && !"PayByCLCU".equals(lb.instanceChargeType())) {
      // like hash schedulers (ListenerRules): SNI extensions need a guaranteed-performance instance (§2.4)
      throw ApiException.of(ApiError.SPEC_NOT_SUPPORTED, "domain extensions need a LoadBalancerSpec");
    }
    String certificateId = existingCertificate(call);
    List<DomainExtension> existing = HttpsResources.domainExtensions(call, lb, port);
    for (DomainExtension d : existing) {
      if (d.domain().equalsIgnoreCase(domain)) {
        throw ApiException.of(ApiError.DOMAIN_EXTENSION_EXISTS, domain, listener.resourceId());
      }
    }
    if (existing.size() >= quotas.domainExtensionsPerListener()) {
      throw ApiException.of(ApiError.OVER_QUOTA,
          "at most " + quotas.domainExtensionsPerListener() + " domain extensions per listener");
    }
    String id;
    do {
      id = Ids.prefixed("de-", 20);
    } while (find(call, id).isPresent());
    DomainExtension d = new DomainExtension(id, lb.id(), port, domain, certificateId,
        call.now().toEpochMilli());
    call.tx().put(StoreLayout.domainExtension(lb.accountId(), lb.regionId(), lb.id(), id), d);
    ObjectNode out = Json.object();
    out.put("ListenerPort", port);
    out.put("DomainExtensionId", id);
    return out;
  }

  ObjectNode delete(Call call) {
    DomainExtension d = required(call);
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call, d.loadBalancerId()));
    call.tx().delete(StoreLayout.domainExtension(lb.accountId(), lb.regionId(), lb.id(), d.id()));
    return Json.object();
  }

  /** Replaces the certificate; the domain cannot change. */
  ObjectNode set(Call call) {
    DomainExtension d = required(call);
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call, d.loadBalancerId()));
    String certificateId = existingCertificate(call);
    if (!certificateId.equals(d.serverCertificateId())) {
      call.tx().put(StoreLayout.domainExtension(lb.accountId(), lb.regionId(), lb.id(), d.id()),
          new DomainExtension(d.id(), d.loadBalancerId(), d.listenerPort(), d.domain(), certificateId, d.createTime()));
    }
    return Json.object();
  }

  ObjectNode describeAll(Call call) {
    Params p = call.params();
    LoadBalancer lb = Lookups.loadBalancer(call);
    int port = p.requiredInt("ListenerPort", 1, 65535);
    Optional<String> idFilter = p.string("DomainExtensionId");
    httpsListener(call, lb, port);
    ObjectNode out = Json.object();
    ArrayNode list = out.putObject("DomainExtensions").putArray("DomainExtension");
    for (DomainExtension d : HttpsResources.domainExtensions(call, lb, port)) {
      if (idFilter.isEmpty() || idFilter.get().equals(d.id())) {
        list.add(HttpsResources.domainExtensionView(call, d));
      }
    }
    return out;
  }

  ObjectNode describe(Call call) {
    DomainExtension d = required(call);
    ObjectNode out = HttpsResources.domainExtensionView(call, d);
    out.put("LoadBalancerId", d.loadBalancerId());
    out.put("ListenerPort", d.listenerPort());
    return out;
  }

  /** The HTTPS listener on {@code port}: ListenerNotFound if none, InvalidParameter if another protocol. */
  private static Listener httpsListener(Call call, LoadBalancer lb, int port) {
    Optional<Listener> https = Lookups.findListener(call, lb, port, Optional.of(ListenerProtocol.HTTPS));
    if (https.isPresent()) {
      return https.get();
    }
    Optional<Listener> other = Lookups.findListener(call, lb, port, Optional.empty());
    if (other.isPresent()) {
      throw ApiException.invalid("ListenerPort", port,
          "the port of an HTTPS listener; the listener on it is " + other.get().protocol().apiName());
    }
    throw ApiException.of(ApiError.LISTENER_NOT_FOUND);
  }

  /** The ServerCertificateId parameter, which must name one of the caller's server certificates. */
  private static String existingCertificate(Call call) {
    String id = call.params().string("ServerCertificateId")
        .orElseThrow(() -> ApiException.of(ApiError.SERVER_CERTIFICATE_ID_EMPTY));
    if (!call.tx().exists(StoreLayout.serverCertificate(call.accountId(), call.regionId(), id))) {
      throw ApiException.of(ApiError.CERTIFICATE_NOT_FOUND);
    }
    return id;
  }

  private static DomainExtension required(Call call) {
    String id = call.params().required("DomainExtensionId");
    return find(call, id).orElseThrow(() -> ApiException.of(ApiError.DOMAIN_EXTENSION_NOT_FOUND));
  }

  /** Domain extension ids are unique in the region; the key also names the load balancer, so search. */
  private static Optional<DomainExtension> find(Call call, String id) {
    return HttpsResources.regionDomainExtensions(call).stream().filter(d -> d.id().equals(id)).findFirst();
  }
}
