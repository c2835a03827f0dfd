package io.openslb.model;

import java.util.Locale;
import java.util.Optional;

/** The four listener protocols. TCP, HTTP and HTTPS share a port's TCP side; UDP has its own. */
public enum ListenerProtocol {
  TCP,
  UDP,
  HTTP,
  HTTPS;

  /** The API spelling: {@code tcp}, {@code udp}, {@code http}, {@code https}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean layer7() {
    return this == HTTP || this == HTTPS;
  }

  /** Listeners of the same transport cannot share a port. */
  public boolean udpTransport() {
    return this == UDP;
  }

  public static Optional<ListenerProtocol> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (ListenerProtocol p : values()) {
      if (p.apiName().equalsIgnoreCase(s)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
