package io.openslb.controlplane.service;

import io.openslb.model.Listener;
import io.openslb.model.LoadBalancer;

/**
 * The status Describe calls report for a listener: the stored one, unless the data plane knows
 * better (a running listener whose address cannot be bound reports {@code starting} while the
 * data plane keeps retrying the bind).
 */
@FunctionalInterface
public interface ListenerStatusView {
  String status(LoadBalancer lb, Listener listener);

  ListenerStatusView STORED = (lb, l) -> l.status();
}
