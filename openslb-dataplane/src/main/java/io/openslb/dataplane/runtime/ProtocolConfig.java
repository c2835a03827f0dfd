package io.openslb.dataplane.runtime;

/**
 * What a protocol's handlers build from a runtime before it is published — the HTTP proxy's
 * settings, targets and TLS contexts — so that the first connection after a change finds it ready
 * and no event loop compiles configuration. Immutable, like the runtime that holds it.
 */
public interface ProtocolConfig {}
