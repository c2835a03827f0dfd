package io.openslb.controlplane.service;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/** Resource ids in the cloud's formats. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final char[] ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Ids() {}

  public static String requestId() {
    return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
  }

  public static String loadBalancer() {
    return "lb-" + random(LOWER_ALNUM, 23);
  }

  /** For VServer and primary/secondary groups: {@code rsp-...}. */
  public static String serverGroup() {
    return "rsp-" + random(LOWER_ALNUM, 13);
  }

  public static String prefixed(String prefix, int length) {
    return prefix + random(LOWER_ALNUM, length);
  }

  /** A 16-digit account id like an Alibaba Cloud UID. */
  public static String accountId() {
    StringBuilder sb = new StringBuilder("1");
    for (int i = 0; i < 15; i++) {
      sb.append(RANDOM.nextInt(10));
    }
    return sb.toString();
  }

  public static String accessKeyId() {
    return "LTAI" + random(ALNUM, 20);
  }

  public static String accessKeySecret() {
    return random(ALNUM, 30);
  }

  /**
   * A server or CA certificate id as the cloud makes them: {@code
   * <account>_<hex upload time in ms>_<10 digits>_<9 digits>}, e.g. {@code
   * 1231579085529123_166f8204689_1714763408_709981234}.
   */
  public static String certificate(String accountId, long createMillis) {
    return accountId + "_" + Long.toHexString(createMillis) + "_" + digits(10) + "_" + digits(9);
  }

  private static String digits(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = (char) ('0' + RANDOM.nextInt(10));
    }
    out[0] = (char) ('1' + RANDOM.nextInt(9));
    return new String(out);
  }

  private static String random(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
