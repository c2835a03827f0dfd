package io.openslb.controlplane.service;

import io.openslb.model.TlsCipherNames;

/**
 * What the API learns from the data plane of its own node: members' health (DescribeHealthStatus),
 * listeners that are running but not yet bound (Describe calls), and the TLS stack HTTPS listeners
 * are served with (which policies CreateTLSCipherPolicy may accept).
 */
public record DataPlaneView(HealthView health, ListenerStatusView listenerStatus, TlsCipherNames.Stack tls) {
  /** No data plane: health unavailable, stored statuses, the JDK's TLS. */
  public static final DataPlaneView NONE =
      new DataPlaneView(HealthView.UNAVAILABLE, ListenerStatusView.STORED, TlsCipherNames.JSSE);
}
