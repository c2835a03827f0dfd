package io.openslb.dataplane.sync;

import io.openslb.model.AccessControlList;
import io.openslb.model.DomainExtension;
import io.openslb.model.ForwardingRule;
import io.openslb.model.Listener;
import io.openslb.model.LoadBalancer;
import io.openslb.model.SchedulerKind;
import io.openslb.model.ServerCertificate;
import io.openslb.model.ServerGroup;
import io.openslb.model.TlsCipherPolicy;
import io.openslb.store.StoreLayout.Kind;
import java.util.EnumMap;
import java.util.Map;

/** The stored kinds the data plane reads, and the model record each one decodes to. */
final class DataPlaneKinds {
  private static final Map<Kind, Class<?>> TYPES = new EnumMap<>(Kind.class);
  private static final String EXPECTED_SCHEDULERS =
      String.join(", ", java.util.Arrays.stream(SchedulerKind.values()).map(SchedulerKind::apiName).toList());

  static {
    TYPES.put(Kind.LOAD_BALANCER, LoadBalancer.class);
    TYPES.put(Kind.LISTENER, Listener.class);
    TYPES.put(Kind.VSERVER_GROUP, ServerGroup.class);
    TYPES.put(Kind.MASTER_SLAVE_GROUP, ServerGroup.class);
    TYPES.put(Kind.ACL, AccessControlList.class);
    TYPES.put(Kind.SERVER_CERTIFICATE, ServerCertificate.class);
    TYPES.put(Kind.CA_CERTIFICATE, ServerCertificate.class);
    TYPES.put(Kind.TLS_POLICY, TlsCipherPolicy.class);
    TYPES.put(Kind.RULE, ForwardingRule.class);
    TYPES.put(Kind.DOMAIN_EXTENSION, DomainExtension.class);
  }

  private DataPlaneKinds() {}

  /** The record type of {@code kind}, or null when the data plane does not read it. */
  static Class<?> type(Kind kind) {
    return TYPES.get(kind);
  }

  /**
   * Checks what JSON alone cannot: the values the data plane turns into enums. A record that fails
   * is rejected like one that is not JSON, so it keeps its key's last good version.
   *
   * @throws IllegalArgumentException naming the field and the value
   */
  static void check(Object record) {
    if (record instanceof Listener l) {
      scheduler(l.scheduler());
      if (l.protocol() == null) {
        throw new IllegalArgumentException("protocol missing");
      }
    } else if (record instanceof ForwardingRule r) {
      scheduler(r.scheduler());
    }
  }

  private static void scheduler(String apiName) {
    if (apiName != null && SchedulerKind.parse(apiName).isEmpty()) {
      throw new IllegalArgumentException("scheduler: " + apiName + " (expected one of " + EXPECTED_SCHEDULERS + ")");
    }
  }
}
