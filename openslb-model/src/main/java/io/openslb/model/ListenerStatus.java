package io.openslb.model;

/** Listener statuses as the API spells them. */
public final class ListenerStatus {
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";
  public static final String STARTING = "starting";
  public static final String STOPPING = "stopping";
  public static final String CONFIGURING = "configuring";

  private ListenerStatus() {}
}
