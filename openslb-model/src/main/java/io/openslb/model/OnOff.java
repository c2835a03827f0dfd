package io.openslb.model;

/**
 * The API's {@code on}/{@code off} switches, read once into booleans. The API edge accepts only
 * the two words; a stored value that is neither (or absent) reads as the switch's default.
 */
public final class OnOff {
  public static final String ON = "on";
  public static final String OFF = "off";

  private OnOff() {}

  /** {@code on} → true, {@code off} → false, anything else → {@code absent}. */
  public static boolean on(String value, boolean absent) {
    if (ON.equals(value)) {
      return true;
    }
    return !OFF.equals(value) && absent;
  }

  public static String of(boolean on) {
    return on ? ON : OFF;
  }
}
