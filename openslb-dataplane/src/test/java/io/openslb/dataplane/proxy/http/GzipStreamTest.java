package io.openslb.dataplane.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The streaming compressor against the JDK's own gzip reader. */
class GzipStreamTest {
  static byte[] run(GzipStream g, byte[]... pieces) throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    g.start();
    for (byte[] p : pieces) {
      ByteBuf in = Unpooled.wrappedBuffer(p);
      ByteBuf out = g.encode(ByteBufAllocator.DEFAULT, in);
      wire.write(bytes(out));
      in.release();
    }
    wire.write(bytes(g.finish(ByteBufAllocator.DEFAULT)));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wire.toByteArray()))) {
      return in.readAllBytes();
    }
  }

  static byte[] bytes(ByteBuf b) {
    byte[] a = new byte[b.readableBytes()];
    b.readBytes(a);
    b.release();
    return a;
  }

  @Test
  void piecesRoundTripAndTheStreamIsReusable() throws Exception {
    GzipStream g = new GzipStream();
    byte[] text = "hello gzip world ".repeat(5000).getBytes(StandardCharsets.US_ASCII);
    byte[] random = new byte[200_000];
    new Random(7).nextBytes(random);
    assertThat(run(g, text, new byte[0], random)).isEqualTo(concat(text, random));
    assertThat(run(g)).isEmpty();
    assertThat(run(g, "x".getBytes(StandardCharsets.US_ASCII))).containsExactly('x');
    g.end();
  }

  @Test
  void eachPieceIsFlushedSoAStreamingClientSeesIt() throws Exception {
    GzipStream g = new GzipStream();
    g.start();
    ByteBuf in = Unpooled.copiedBuffer("event: tick\n\n", StandardCharsets.US_ASCII);
    byte[] first = bytes(g.encode(ByteBufAllocator.DEFAULT, in));
    in.release();
    // a sync-flushed prefix decompresses to the piece without the stream's end
    java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
    inflater.setInput(first, 10, first.length - 10);
    byte[] out = new byte[100];
    int n = inflater.inflate(out);
    assertThat(new String(out, 0, n, StandardCharsets.US_ASCII)).isEqualTo("event: tick\n\n");
    g.end();
  }

  @Test
  void compositeInput() throws Exception {
    GzipStream g = new GzipStream();
    g.start();
    CompositeByteBuf c = Unpooled.compositeBuffer();
    c.addComponent(true, Unpooled.copiedBuffer("abc", StandardCharsets.US_ASCII));
    c.addComponent(true, Unpooled.directBuffer().writeBytes("def".getBytes(StandardCharsets.US_ASCII)));
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.write(bytes(g.encode(ByteBufAllocator.DEFAULT, c)));
    wire.write(bytes(g.finish(ByteBufAllocator.DEFAULT)));
    c.release();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wire.toByteArray()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdef");
    }
    g.end();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
