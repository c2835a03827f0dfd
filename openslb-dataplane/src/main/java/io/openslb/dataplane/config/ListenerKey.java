package io.openslb.dataplane.config;

/** Where a listener accepts: address, port and transport ({@code udp} or {@code tcp}). */
public record ListenerKey(String address, int port, boolean udp) {
  @Override
  public String toString() {
    return (udp ? "udp" : "tcp") + "://" + address + ":" + port;
  }
}
