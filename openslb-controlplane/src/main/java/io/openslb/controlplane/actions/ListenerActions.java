package io.openslb.controlplane.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.ListenerStatusView;
import io.openslb.controlplane.service.Quotas;
import io.openslb.model.Listener;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.ListenerStatus;
import io.openslb.model.LoadBalancer;
import io.openslb.store.StoreLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The 16 listener actions: Create/Set/Describe for TCP, UDP, HTTP and HTTPS, and Start, Stop,
 * Delete, DescribeLoadBalancerListeners. Settings are read and written through {@link
 * ListenerFields}; cross-setting rules are in {@link ListenerRules}. Status changes are
 * synchronous: Start goes straight to running, Stop to stopped.
 */
public final class ListenerActions {

  private final Quotas quotas;
  private final ListenerStatusView statusView;

  public ListenerActions(Quotas quotas, ListenerStatusView statusView) {
    this.quotas = quotas;
    this.statusView = statusView;
  }

  /** The listener as Describe shows it: with the status the data plane reports. */
  private Listener shown(LoadBalancer lb, Listener l) {
    String status = statusView.status(lb, l);
    return status == null || status.equals(l.status()) ? l : ListenerViews.withStatus(l, status);
  }

  public void registerTo(ActionRegistry registry) {
    for (ListenerProtocol p : ListenerProtocol.values()) {
      String name = p.name();
      registry
          .register("CreateLoadBalancer" + name + "Listener", call -> create(call, p))
          .register("SetLoadBalancer" + name + "ListenerAttribute", call -> set(call, p))
          .register("DescribeLoadBalancer" + name + "ListenerAttribute", call -> describe(call, p));
    }
    registry
        .register("StartLoadBalancerListener", this::start)
        .register("StopLoadBalancerListener", this::stop)
        .register("DeleteLoadBalancerListener", this::delete)
        .register("DescribeLoadBalancerListeners", this::describeAll);
  }

  ObjectNode create(Call call, ListenerProtocol protocol) {
    Params p = call.params();
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    int port = p.requiredInt("ListenerPort", 1, 65535);
    if (protocol != ListenerProtocol.HTTP) {
      p.required("Bandwidth");
    }
    if (protocol.layer7()) {
      p.required("HealthCheck");
    }
    ObjectNode node = Json.object();
    node.put("loadBalancerId", lb.id());
    node.put("port", port);
    node.put("protocol", protocol.name());
    node.put("status", ListenerStatus.STOPPED);
    node.put("createTime", call.now().toEpochMilli());
    for (ListenerField f : ListenerFields.of(protocol)) {
      Object def = f.defaults().get(protocol);
      if (def != null) {
        node.set(f.property(), Json.MAPPER.valueToTree(def));
      }
    }
    applyParams(p, protocol, node);
    p.integer("BackendServerPort", 1, 65535).ifPresent(v -> node.put("backendServerPort", v));
    p.string("VServerGroupId").ifPresent(v -> node.put("vserverGroupId", v));
    if (!protocol.layer7()) {
      p.string("MasterSlaveServerGroupId").ifPresent(v -> node.put("masterSlaveServerGroupId", v));
    }
    Listener listener = toListener(node);
    List<Listener> existing = Lookups.listeners(call, lb);
    for (Listener other : existing) {
      if (other.port() == port && other.protocol().udpTransport() == protocol.udpTransport()) {
        throw ApiException.of(ApiError.LISTENER_ALREADY_EXISTS);
      }
    }
    if (existing.size() >= quotas.listenersPerLoadBalancer()) {
      throw ApiException.of(ApiError.LISTENER_NUMBER_OVER_LIMIT, quotas.listenersPerLoadBalancer());
    }
    ListenerRules.check(call, lb, listener, null);
    AclBindings.check(call, lb, listener, null, quotas.listenersPerAcl());
    ListenerRules.checkBandwidth(lb, existing, listener);
    Lookups.save(call, lb, listener);
    return Json.object();
  }

  ObjectNode set(Call call, ListenerProtocol protocol) {
    Params p = call.params();
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    int port = p.requiredInt("ListenerPort", 1, 65535);
    Listener previous =
        Lookups.findListener(call, lb, port, Optional.of(protocol))
            .orElseThrow(() -> ApiException.of(ApiError.LISTENER_ATTRIBUTE_NOT_FOUND));
    ObjectNode node = Json.MAPPER.valueToTree(previous);
    applyParams(p, protocol, node);
    p.integer("BackendServerPort", 1, 65535).ifPresent(v -> node.put("backendServerPort", v));
    applyGroupSwitch(p, node, "VServerGroup", "VServerGroupId", "vserverGroupId");
    if (!protocol.layer7()) {
      applyGroupSwitch(p, node, "MasterSlaveServerGroup", "MasterSlaveServerGroupId", "masterSlaveServerGroupId");
    }
    Listener listener = toListener(node);
    if (listener.equals(previous)) {
      return Json.object();
    }
    ListenerRules.check(call, lb, listener, previous);
    AclBindings.check(call, lb, listener, previous, quotas.listenersPerAcl());
    List<Listener> others =
        Lookups.listeners(call, lb).stream().filter(l -> !(l.port() == port && l.protocol() == protocol)).toList();
    ListenerRules.checkBandwidth(lb, others, listener);
    Lookups.save(call, lb, listener);
    return Json.object();
  }

  /** {@code X=on} with {@code XId} attaches a group, {@code X=off} detaches it. */
  private static void applyGroupSwitch(Params p, ObjectNode node, String switchName, String idName, String property) {
    Optional<String> onOff = p.oneOf(switchName, "on", "off");
    Optional<String> id = p.string(idName);
    if (onOff.isPresent() && onOff.get().equals("off")) {
      node.remove(property);
    } else if (id.isPresent()) {
      node.put(property, id.get());
    } else if (onOff.isPresent()) {
      throw ApiException.missing(idName);
    }
  }

  private static void applyParams(Params p, ListenerProtocol protocol, ObjectNode node) {
    for (ListenerField f : ListenerFields.of(protocol)) {
      f.read(p).ifPresent(v -> node.set(f.property(), Json.MAPPER.valueToTree(v)));
    }
  }

  private static Listener toListener(ObjectNode node) {
    try {
      return Json.MAPPER.treeToValue(node, Listener.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("listener settings do not map to the model: " + e.getMessage(), e);
    }
  }

  ObjectNode describe(Call call, ListenerProtocol protocol) {
    Params p = call.params();
    LoadBalancer lb = Lookups.loadBalancer(call);
    int port = p.requiredInt("ListenerPort", 1, 65535);
    Listener l =
        Lookups.findListener(call, lb, port, Optional.of(protocol))
            .orElseThrow(() -> ApiException.of(ApiError.LISTENER_ATTRIBUTE_NOT_FOUND));
    return ListenerViews.attribute(call, shown(lb, l));
  }

  ObjectNode start(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    Listener l = Lookups.listener(call, lb);
    if (!ListenerStatus.STOPPED.equals(l.status())) {
      throw ApiException.of(ApiError.LISTENER_STATUS_NOT_SUPPORT, l.status());
    }
    Lookups.save(call, lb, ListenerViews.withStatus(l, ListenerStatus.RUNNING));
    return Json.object();
  }

  ObjectNode stop(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    Listener l = Lookups.listener(call, lb);
    if (!ListenerStatus.RUNNING.equals(l.status())) {
      throw ApiException.of(ApiError.LISTENER_STATUS_NOT_SUPPORT, l.status());
    }
    Lookups.save(call, lb, ListenerViews.withStatus(l, ListenerStatus.STOPPED));
    return Json.object();
  }

  ObjectNode delete(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    Listener l = Lookups.listener(call, lb);
    call.tx().delete(StoreLayout.listener(lb.accountId(), lb.regionId(), lb.id(), l.port(), l.protocol()));
    ForwardingRules.deleteOfListener(call, lb, l);
    HttpsResources.deleteDomainExtensions(call, lb, l);
    ResourceTags.delete(call, ResourceTags.LISTENER, l.resourceId());
    return Json.object();
  }

  ObjectNode describeAll(Call call) {
    Params p = call.params();
    List<String> ids = p.repeated("LoadBalancerId");
    if (ids.size() > quotas.loadBalancerIdsPerListenerQuery()) {
      throw ApiException.invalid(
          "LoadBalancerId.N", ids.size() + " ids", "at most " + quotas.loadBalancerIdsPerListenerQuery());
    }
    Optional<ListenerProtocol> protocol = Lookups.listenerProtocol(p);
    Optional<Integer> portFilter = p.integer("ListenerPort", 1, 65535);
    Optional<String> descriptionFilter = p.string("Description");
    int maxResults = p.integer("MaxResults", 1, 100).orElse(20);
    int offset = Lookups.offsetToken(p);

    List<LoadBalancer> lbs = new ArrayList<>();
    if (ids.isEmpty()) {
      lbs.addAll(call.tx().list(StoreLayout.loadBalancers(call.accountId(), call.regionId()), LoadBalancer.class));
    } else {
      for (String id : new LinkedHashSet<>(ids)) {
        call.tx()
            .get(StoreLayout.loadBalancer(call.accountId(), call.regionId(), id), LoadBalancer.class)
            .ifPresent(lbs::add);
      }
    }
    List<Listener> matching = new ArrayList<>();
    for (LoadBalancer lb : lbs) {
      for (Listener l : Lookups.listeners(call, lb)) {
        if (protocol.isPresent() && l.protocol() != protocol.get()) {
          continue;
        }
        if (portFilter.isPresent() && l.port() != portFilter.get()) {
          continue;
        }
        if (descriptionFilter.isPresent() && !descriptionFilter.get().equals(l.description())) {
          continue;
        }
        matching.add(shown(lb, l));
      }
    }
    int from = Math.min(offset, matching.size());
    int to = Math.min(from + maxResults, matching.size());
    ObjectNode out = Json.object();
    var arr = out.putArray("Listeners");
    for (Listener l : matching.subList(from, to)) {
      arr.add(ListenerViews.summary(l));
    }
    out.put("TotalCount", matching.size());
    out.put("MaxResults", maxResults);
    if (to < matching.size()) {
      out.put("NextToken", Integer.toString(to));
    }
    return out;
  }

}
