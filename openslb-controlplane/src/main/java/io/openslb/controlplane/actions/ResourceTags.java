package io.openslb.controlplane.actions;

import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.model.ListenerProtocol;
import io.openslb.model.LoadBalancer;
import io.openslb.model.Tag;
import io.openslb.store.StoreLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the tags of each taggable resource live, and the rules every tag obeys (SEMANTICS.md §9).
 * A load balancer's tags are on its own record, so the legacy AddTags/RemoveTags, the unified
 * TagResources/UntagResources, CreateLoadBalancer's Tag.N and DescribeLoadBalancers' tag filter all
 * see the same tags. Every other type keeps one {@link Stored} value per resource under {@link
 * StoreLayout#tags(String, String, String, String)}; the action that deletes such a resource calls
 * {@link #delete}, and tags of a resource that no longer exists are never listed.
 */
final class ResourceTags {
  static final String INSTANCE = "instance";
  static final String CERTIFICATE = "certificate";
  static final String ACL = "acl";
  static final String LISTENER = "listener";
  static final String VSERVER_GROUP = "vservergroup";
  static final String MASTER_SLAVE_GROUP = "masterslaveservergroup";
  static final String[] TYPES = {INSTANCE, CERTIFICATE, ACL, LISTENER, VSERVER_GROUP, MASTER_SLAVE_GROUP};

  /** The stored tags of a resource other than a load balancer. */
  record Stored(String resourceType, String resourceId, List<Tag> tags) {
    Stored {
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  private ResourceTags() {}

  /** The tags of a resource, in the order they were first set; empty for a missing resource. */
  static List<Tag> get(Call call, String type, String id) {
    if (type.equals(INSTANCE)) {
      return call.tx()
          .get(StoreLayout.loadBalancer(call.accountId(), call.regionId(), id), LoadBalancer.class)
          .map(LoadBalancer::tags)
          .orElse(List.of());
    }
    return call.tx()
        .get(StoreLayout.tags(call.accountId(), call.regionId(), type, id), Stored.class)
        .map(Stored::tags)
        .orElse(List.of());
  }

  /** Replaces the tags of an existing resource. */
  static void put(Call call, String type, String id, List<Tag> tags) {
    if (type.equals(INSTANCE)) {
      LoadBalancer.Builder b = Lookups.loadBalancer(call, id).toBuilder();
      b.tags = tags;
      Lookups.save(call, b.build());
      return;
    }
    String key = StoreLayout.tags(call.accountId(), call.regionId(), type, id);
    if (tags.isEmpty()) {
      call.tx().delete(key);
    } else {
      call.tx().put(key, new Stored(type, id, tags));
    }
  }

  /** Removes the tags of a resource being deleted (a load balancer's go with its record). */
  static void delete(Call call, String type, String id) {
    if (!type.equals(INSTANCE)) {
      call.tx().delete(StoreLayout.tags(call.accountId(), call.regionId(), type, id));
    }
  }

  /** The ids of the resources of {@code type} that have tags. */
  static List<String> taggedIds(Call call, String type) {
    List<String> out = new ArrayList<>();
    if (type.equals(INSTANCE)) {
      for (LoadBalancer lb :
          call.tx().list(StoreLayout.loadBalancers(call.accountId(), call.regionId()), LoadBalancer.class)) {
        if (!lb.tags().isEmpty()) {
          out.add(lb.id());
        }
      }
    } else {
      String prefix = StoreLayout.tags(call.accountId(), call.regionId(), type);
      for (String key : call.tx().keys(prefix)) {
        out.add(key.substring(prefix.length()));
      }
    }
    return out;
  }

  /**
   * The canonical id of an existing resource ({@code lb-xxx_http_80} for listeners, whatever the
   * case of the protocol was), or {@code InvalidResourceId.NotFound}. Types whose actions are not
   * all built yet (groups, certificates) are checked by their store key, so they work once the
   * records exist.
   */
  static String requireExisting(Call call, String type, String id) {
    return existing(call, type, id).orElseThrow(() -> ApiException.of(ApiError.RESOURCE_NOT_FOUND, type, id));
  }

  static Optional<String> existing(Call call, String type, String id) {
    String account = call.accountId();
    String region = call.regionId();
    boolean exists =
        switch (type) {
          case INSTANCE -> call.tx().exists(StoreLayout.loadBalancer(account, region, id));
          case ACL -> call.tx().exists(StoreLayout.acl(account, region, id));
          case VSERVER_GROUP -> call.tx().exists(StoreLayout.vserverGroup(account, region, id));
          case MASTER_SLAVE_GROUP -> call.tx().exists(StoreLayout.masterSlaveGroup(account, region, id));
          case CERTIFICATE -> call.tx().exists(StoreLayout.serverCertificate(account, region, id))
              || call.tx().exists(StoreLayout.caCertificate(account, region, id));
          case LISTENER -> listenerKey(call, id).isPresent();
          default -> false;
        };
    if (!exists) {
      return Optional.empty();
    }
    return type.equals(LISTENER) ? canonicalListenerId(id) : Optional.of(id);
  }

  private static Optional<String> listenerKey(Call call, String id) {
    int last = id.lastIndexOf('_');
    int middle = last > 0 ? id.lastIndexOf('_', last - 1) : -1;
    if (middle <= 0) {
      return Optional.empty();
    }
    Optional<ListenerProtocol> protocol = ListenerProtocol.parse(id.substring(middle + 1, last));
    String portText = id.substring(last + 1);
    if (protocol.isEmpty() || portText.isEmpty() || portText.length() > 5
        || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    String key =
        StoreLayout.listener(call.accountId(), call.regionId(), id.substring(0, middle), Integer.parseInt(portText),
            protocol.get());
    return call.tx().exists(key) ? Optional.of(key) : Optional.empty();
  }

  private static Optional<String> canonicalListenerId(String id) {
    int last = id.lastIndexOf('_');
    int middle = id.lastIndexOf('_', last - 1);
    String protocol = ListenerProtocol.parse(id.substring(middle + 1, last)).orElseThrow().apiName();
    return Optional.of(id.substring(0, middle) + "_" + protocol + "_" + Integer.parseInt(id.substring(last + 1)));
  }

  /** Key: 1-64 characters, not starting with {@code aliyun} or {@code acs:}, no {@code http(s)://}. */
  static void checkKey(String key, String param) {
    if (key == null || key.isEmpty()) {
      throw ApiException.of(ApiError.TAG_KEY_MISSING, param);
    }
    if (key.length() > 64 || reserved(key)) {
      throw ApiException.of(ApiError.TAG_KEY_INVALID,
          param + "=" + key + " (expected 1-64 characters, not starting with aliyun or acs:, without http:// or https://)");
    }
  }

  /** Value: 0-128 characters, same reserved words as keys. */
  static void checkValue(String value, String param) {
    if (value != null && (value.length() > 128 || reserved(value))) {
      throw ApiException.of(ApiError.TAG_VALUE_INVALID,
          param + "=" + value + " (expected at most 128 characters, not starting with aliyun or acs:, without http:// or https://)");
    }
  }

  private static boolean reserved(String s) {
    return s.startsWith("aliyun") || s.startsWith("acs:") || s.contains("http://") || s.contains("https://");
  }

  /** {@code tags} with {@code changes} merged in: a key already there takes the new value in place. */
  static List<Tag> merge(List<Tag> tags, List<Tag> changes) {
    List<Tag> out = new ArrayList<>(tags);
    for (Tag c : changes) {
      boolean replaced = false;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).key().equals(c.key())) {
          out.set(i, c);
          replaced = true;
        }
      }
      if (!replaced) {
        out.add(c);
      }
    }
    return out;
  }
}
