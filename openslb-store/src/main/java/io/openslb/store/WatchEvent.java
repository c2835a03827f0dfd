package io.openslb.store;

/** One change seen by a watch: a put ({@code value != null}) or a delete. */
public record WatchEvent(long revision, String key, String value) {
  public boolean isDelete() {
    return value == null;
  }
}
