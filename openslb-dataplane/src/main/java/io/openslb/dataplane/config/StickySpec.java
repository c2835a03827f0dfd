package io.openslb.dataplane.config;

import java.time.Duration;

/**
 * L7 session persistence. {@link Mode#INSERT}: the load balancer sets its own cookie ({@code
 * SERVERID}, max age {@code cookieTimeout}, zero = a session cookie); {@link Mode#SERVER}: the
 * backend's cookie named {@code cookie} is rewritten to carry the member.
 */
public record StickySpec(Mode mode, Duration cookieTimeout, String cookie) {
  public enum Mode { INSERT, SERVER }
}
