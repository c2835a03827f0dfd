package io.openslb.store.etcd;

import io.etcd.jetcd.ByteSequence;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Maps SPI keys to etcd keys and back: an SPI key {@code k} is stored as the UTF-8 bytes of
 * {@code namespace + k}. The namespace is a plain byte prefix, so {@code "/openslb"} and {@code
 * "/openslb2"} overlap; give each deployment a namespace that is not a prefix of another one.
 */
final class EtcdKeys {

  /** etcd's "no key" / "up to the end of the key space" marker. */
  private static final ByteSequence ZERO = ByteSequence.from(new byte[] {0});

  private final String namespace;
  private final int namespaceLength;

  EtcdKeys(String namespace) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.namespaceLength = namespace.getBytes(StandardCharsets.UTF_8).length;
  }

  String namespace() {
    return namespace;
  }

  /** The etcd key of SPI key {@code key}. */
  ByteSequence key(String key) {
    return ByteSequence.from(namespace + key, StandardCharsets.UTF_8);
  }

  /** The SPI key of an etcd key inside this namespace. */
  String spiKey(ByteSequence etcdKey) {
    byte[] bytes = etcdKey.getBytes();
    if (bytes.length < namespaceLength) {
      throw new IllegalStateException("etcd key outside namespace " + namespace + ": " + etcdKey);
    }
    int length = bytes.length - namespaceLength;
    return new String(bytes, namespaceLength, length, StandardCharsets.UTF_8);
  }

  /** The etcd key range {@code [start, end)} of every SPI key starting with {@code prefix}. */
  KeyRange range(String prefix) {
    byte[] start = (namespace + prefix).getBytes(StandardCharsets.UTF_8);
    if (start.length == 0) {
      // etcd rejects an empty key; ["\0", "\0") means "every key" to etcd.
      return new KeyRange(ZERO, ZERO);
    }
    return new KeyRange(ByteSequence.from(start), prefixEnd(start));
  }

  /** The smallest key greater than every key starting with {@code prefix} (etcd's convention). */
  static ByteSequence prefixEnd(byte[] prefix) {
    byte[] end = Arrays.copyOf(prefix, prefix.length);
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xff) {
        end[i]++;
        return ByteSequence.from(Arrays.copyOf(end, i + 1));
      }
    }
    return ZERO; // the prefix is all 0xff: no upper bound
  }

  /** A half-open etcd key range. */
  record KeyRange(ByteSequence start, ByteSequence end) {}
}
