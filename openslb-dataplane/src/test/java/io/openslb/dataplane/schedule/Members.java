package io.openslb.dataplane.schedule;

import io.openslb.dataplane.config.MemberSpec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test members named a, b, c... on 10.0.0.1, 10.0.0.2, ... port 80, and pick helpers. */
final class Members {
  private Members() {}

  static Backend backend(String name, int weight) {
    int index = name.charAt(0) - 'a' + 1;
    return new Backend(new MemberSpec("i-" + name, "ecs", "10.0.0." + index, 80, weight, null), new BackendStats());
  }

  /** Members a, b, c... with the given weights. */
  static List<Backend> weighted(int... weights) {
    List<Backend> out = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      out.add(backend(String.valueOf((char) ('a' + i)), weights[i]));
    }
    return out;
  }

  static String name(Backend b) {
    return b == null ? "-" : b.member().serverId().substring(2);
  }

  static FlowKey flow(String clientIp, int clientPort) {
    return FlowKey.of(new InetSocketAddress(clientIp, clientPort), new InetSocketAddress("127.1.0.1", 80));
  }

  /** {@code n} picks as a string of member names, e.g. {@code aabac}. */
  static String sequence(Scheduler s, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(name(s.pick(flow("192.0.2.1", 1000 + i), Set.of())));
    }
    return out.toString();
  }

  static Map<String, Integer> distribution(Scheduler s, int n) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      counts.merge(name(s.pick(flow("192.0.2.1", 1000 + i % 60000), Set.of())), 1, Integer::sum);
    }
    return counts;
  }
}
