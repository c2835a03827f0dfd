package io.openslb.dataplane.proxy.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openslb.dataplane.config.HealthCheckSpec;
import io.openslb.dataplane.config.ListenerKey;
import io.openslb.dataplane.config.ListenerSettings;
import io.openslb.dataplane.config.ListenerSpec;
import io.openslb.dataplane.config.MemberSpec;
import io.openslb.dataplane.config.RuleSpec;
import io.openslb.dataplane.config.StickySpec;
import io.openslb.dataplane.config.TargetSpec;
import io.openslb.dataplane.health.HealthTable;
import io.openslb.dataplane.runtime.ListenerRuntime;
import io.openslb.dataplane.runtime.StatsRegistry;
import io.openslb.model.Listener;
import io.openslb.model.SchedulerKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds listener specs and runtimes for tests without a store: only the fields a test names are set. */
final class Listeners {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Listeners() {}

  /** An HTTP listener record with the store's defaults plus {@code fields} (model property names). */
  static Listener http(int port, Map<String, Object> fields) {
    Map<String, Object> m = new HashMap<>();
    m.put("loadBalancerId", "lb-test");
    m.put("port", port);
    m.put("protocol", "HTTP");
    m.put("status", "running");
    m.put("scheduler", "wrr");
    m.put("healthCheck", "off");
    m.put("xForwardedFor", "on");
    m.put("gzip", "on");
    m.put("idleTimeout", 15);
    m.put("requestTimeout", 60);
    m.putAll(fields);
    return JSON.convertValue(m, Listener.class);
  }

  static TargetSpec target(String scope, StickySpec sticky, MemberSpec... members) {
    return new TargetSpec(scope, SchedulerKind.WRR, List.of(members), HealthCheckSpec.disabled(), sticky, false);
  }

  static ListenerSpec spec(String vip, Listener l, TargetSpec target, List<RuleSpec> rules) {
    return new ListenerSpec(new ListenerKey(vip, l.port(), false), "acct", l.loadBalancerId(), ListenerSettings.of(l), target, rules, null, null);
  }

  static ListenerRuntime runtime(ListenerSpec spec) {
    return ListenerRuntime.build(spec, new HealthTable(), new StatsRegistry());
  }

  static HttpListenerConfig config(Map<String, Object> fields, MemberSpec... members) {
    Listener l = http(80, fields);
    return new HttpListenerConfig(runtime(spec("127.0.0.9", l, target(l.resourceId(), null, members), List.of())));
  }
}
