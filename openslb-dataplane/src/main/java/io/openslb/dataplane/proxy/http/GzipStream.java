package io.openslb.dataplane.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Streaming gzip (RFC 1952) of one response body at a time, into pooled direct buffers. Each piece
 * of the body is compressed and sync-flushed as it arrives, so a slow or endless response (server
 * events) reaches the client without waiting for more. Level 1, the default of nginx and HAProxy:
 * on a proxy CPU is scarcer than bandwidth.
 *
 * <p>One instance per client connection, reused for each compressed response ({@link #start}) and
 * released with {@link #end}. Event loop only.
 */
final class GzipStream {
  static final int LEVEL = 1;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final Deflater deflater = new Deflater(LEVEL, true);
  private final CRC32 crc = new CRC32();
  private long size;
  private boolean headerSent;

  void start() {
    deflater.reset();
    crc.reset();
    size = 0;
    headerSent = false;
  }

  /** Compresses {@code in} (not released here); the result may be empty. */
  ByteBuf encode(ByteBufAllocator alloc, ByteBuf in) {
    int n = in.readableBytes();
    ByteBuf out = alloc.directBuffer(n / 2 + 64);
    header(out);
    if (n > 0) {
      size += n;
      for (ByteBuffer piece : in.nioBuffers()) {
        crc.update(piece.duplicate());
        deflater.setInput(piece);
        while (!deflater.needsInput()) {
          deflateInto(out, Deflater.NO_FLUSH);
        }
      }
      while (deflateInto(out, Deflater.SYNC_FLUSH)) {
        // output was full: more to come
      }
    }
    return out;
  }

  /** The end of the stream: remaining compressed bytes and the CRC/size trailer. */
  ByteBuf finish(ByteBufAllocator alloc) {
    ByteBuf out = alloc.directBuffer(64);
    header(out);
    deflater.finish();
    while (!deflater.finished()) {
      deflateInto(out, Deflater.NO_FLUSH);
    }
    out.writeIntLE((int) crc.getValue());
    out.writeIntLE((int) size);
    return out;
  }

  void end() {
    deflater.end();
  }

  private void header(ByteBuf out) {
    if (!headerSent) {
      out.writeBytes(HEADER);
      headerSent = true;
    }
  }

  /** One deflate call into the free space of {@code out}; true when it filled that space. */
  private boolean deflateInto(ByteBuf out, int flush) {
    out.ensureWritable(Math.max(256, out.capacity() >> 1));
    int space = out.writableBytes();
    ByteBuffer dst = out.internalNioBuffer(out.writerIndex(), space);
    int written = deflater.deflate(dst, flush);
    out.writerIndex(out.writerIndex() + written);
    return written == space;
  }
}
