package io.openslb.controlplane.http;

import java.nio.charset.StandardCharsets;

/** A complete HTTP response. */
public record HttpReply(int status, String contentType, byte[] body) {
  public static HttpReply text(int status, String text) {
    return new HttpReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }
}
