package io.openslb.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A deliberately misbehaving HTTP/2 client for the stream-limit tests: it writes frames by hand
 * (RFC 9113 §4.1) over a TLS socket that negotiated {@code h2}, so it can do what well-behaved
 * clients never do (reset every stream it opens, exceed the server's concurrent-stream limit).
 * A reader thread records what the server sends: its SETTINGS, RST_STREAM codes per stream, the
 * GOAWAY code, HEADERS per stream, and the end of the connection. Header blocks use only HPACK
 * static-table entries and literals without indexing, so no dynamic-table state is needed.
 */
final class RawHttp2 implements AutoCloseable {
  static final int DATA = 0x0;
  static final int HEADERS = 0x1;
  static final int RST_STREAM = 0x3;
  static final int SETTINGS = 0x4;
  static final int GOAWAY = 0x7;
  static final int WINDOW_UPDATE = 0x8;
  static final int END_STREAM = 0x1;
  static final int END_HEADERS = 0x4;
  static final int ACK = 0x1;
  static final int CANCEL = 0x8;
  static final int REFUSED_STREAM = 0x7;
  static final int ENHANCE_YOUR_CALM = 0xb;
  static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;

  private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final SSLSocket socket;
  private final OutputStream out;
  private final Thread reader;
  private final String authority;
  final Map<Integer, Integer> serverSettings = new ConcurrentHashMap<>();
  final Map<Integer, Integer> resets = new ConcurrentHashMap<>();
  final Map<Integer, Boolean> responses = new ConcurrentHashMap<>();
  final AtomicInteger goAwayCode = new AtomicInteger(-1);
  /** The sum of the server's WINDOW_UPDATE increments for the connection (stream 0). */
  final AtomicLong connectionWindowGranted = new AtomicLong();
  final CountDownLatch settingsSeen = new CountDownLatch(1);
  final CountDownLatch closed = new CountDownLatch(1);
  private int nextStream = 1;

  private RawHttp2(SSLSocket socket, String authority) throws IOException {
    this.socket = socket;
    this.authority = authority;
    this.out = socket.getOutputStream();
    out.write(PREFACE);
    frame(SETTINGS, 0, 0, new byte[0]);
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    this.reader = new Thread(() -> read(in), "raw-h2-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects with TLS and ALPN {@code h2}; fails if the server did not choose h2. */
  static RawHttp2 connect(String vip, int port) throws IOException {
    SSLSocket s = (SSLSocket) HttpsTls.context(null).getSocketFactory().createSocket();
    s.connect(new java.net.InetSocketAddress(vip, port), 3000);
    s.setSoTimeout(15_000);
    SSLParameters p = s.getSSLParameters();
    p.setApplicationProtocols(new String[] {"h2"});
    s.setSSLParameters(p);
    s.startHandshake();
    if (!"h2".equals(s.getApplicationProtocol())) {
      s.close();
      throw new IOException("server chose " + s.getApplicationProtocol() + ", not h2");
    }
    return new RawHttp2(s, vip + ":" + port);
  }

  /** Opens a GET stream; {@code endStream} false leaves the request body open. Returns the stream id. */
  synchronized int get(String path, boolean endStream) throws IOException {
    int id = nextStream;
    nextStream += 2;
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    block.write(0x82); // :method GET
    block.write(0x87); // :scheme https
    literal(block, 4, path); // :path
    literal(block, 1, authority); // :authority
    frame(HEADERS, END_HEADERS | (endStream ? END_STREAM : 0), id, block.toByteArray());
    return id;
  }

  synchronized void reset(int stream, int code) throws IOException {
    frame(RST_STREAM, 0, stream, int32(code));
  }

  synchronized void flush() throws IOException {
    out.flush();
  }

  /** True once the server closed the connection (EOF or reset) within the wait. */
  boolean awaitClosed(long seconds) throws InterruptedException {
    return closed.await(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** HPACK literal header field without indexing, name from the static table (RFC 7541 §6.2.2). */
  private static void literal(ByteArrayOutputStream block, int nameIndex, String value) {
    byte[] v = value.getBytes(StandardCharsets.US_ASCII);
    if (nameIndex >= 15 || v.length >= 127) {
      throw new IllegalArgumentException("keep it short");
    }
    block.write(nameIndex);
    block.write(v.length);
    block.write(v, 0, v.length);
  }

  private void frame(int type, int flags, int stream, byte[] payload) throws IOException {
    byte[] h = new byte[9];
    h[0] = (byte) (payload.length >>> 16);
    h[1] = (byte) (payload.length >>> 8);
    h[2] = (byte) payload.length;
    h[3] = (byte) type;
    h[4] = (byte) flags;
    System.arraycopy(int32(stream & 0x7fffffff), 0, h, 5, 4);
    out.write(h);
    out.write(payload);
  }

  private static byte[] int32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private void read(DataInputStream in) {
    try {
      while (true) {
        int length = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int stream = in.readInt() & 0x7fffffff;
        byte[] payload = new byte[length];
        in.readFully(payload);
        switch (type) {
          case SETTINGS -> {
            if ((flags & ACK) == 0) {
              for (int i = 0; i + 6 <= length; i += 6) {
                serverSettings.put((payload[i] & 0xff) << 8 | (payload[i + 1] & 0xff), int32At(payload, i + 2));
              }
              synchronized (this) {
                frame(SETTINGS, ACK, 0, new byte[0]);
                out.flush();
              }
              settingsSeen.countDown();
            }
          }
          case RST_STREAM -> resets.put(stream, int32At(payload, 0));
          case GOAWAY -> goAwayCode.set(int32At(payload, 4));
          case HEADERS -> responses.put(stream, true);
          case WINDOW_UPDATE -> {
            if (stream == 0) {
              connectionWindowGranted.addAndGet(int32At(payload, 0) & 0x7fffffff);
            }
          }
          default -> { }
        }
      }
    } catch (EOFException | java.net.SocketException | javax.net.ssl.SSLException e) {
      // the server closed the connection
    } catch (IOException e) {
      // read timeout or other failure: treated as closed for the test's purpose
    } finally {
      closed.countDown();
    }
  }

  private static int int32At(byte[] b, int i) {
    return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
  }
}
