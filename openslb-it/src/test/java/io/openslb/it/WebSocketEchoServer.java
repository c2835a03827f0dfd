package io.openslb.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal RFC 6455 echo server: answers the handshake with 101, then echoes every text or binary
 * message back (fragments joined; unmasked; text prefixed with the server's name), answers ping
 * with pong and close with close. Enough to check that the proxy switches to a byte relay after 101.
 */
public final class WebSocketEchoServer implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private final String name;
  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "ws-backend");
    t.setDaemon(true);
    return t;
  });

  public WebSocketEchoServer(String ip, String name) throws IOException {
    this.name = name;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
    pool.execute(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          pool.execute(() -> serve(s));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  public int port() {
    return server.getLocalPort();
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      String key = null;
      for (String line : head(in).split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
          key = line.substring(line.indexOf(':') + 1).trim();
        }
      }
      String accept = Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      int messageOpcode = 1;
      for (;;) {
        int b0 = in.read();
        if (b0 < 0) {
          return;
        }
        int b1 = in.read();
        int opcode = b0 & 0x0f;
        long len = b1 & 0x7f;
        if (len == 126) {
          len = ((in.read() & 0xff) << 8) | (in.read() & 0xff);
        } else if (len == 127) {
          len = 0;
          for (int i = 0; i < 8; i++) {
            len = (len << 8) | (in.read() & 0xff);
          }
        }
        byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) len);
        if (mask != null) {
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
          }
        }
        boolean fin = (b0 & 0x80) != 0;
        if (opcode == 8) {
          frame(out, 8, payload);
          return;
        }
        if (opcode == 9) {
          frame(out, 10, payload);
          continue;
        }
        if (opcode == 1 || opcode == 2) {
          messageOpcode = opcode;
          message.reset();
        }
        message.write(payload);
        if (!fin) {
          continue;
        }
        if (messageOpcode == 1) {
          frame(out, 1, (name + ":" + message.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        } else {
          frame(out, 2, message.toByteArray());
        }
      }
    } catch (Exception e) {
      // client went away
    }
  }

  private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
    out.write(0x80 | opcode);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65536) {
      out.write(126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
      }
    }
    out.write(payload);
    out.flush();
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      b.write(c);
      String s = b.toString(StandardCharsets.ISO_8859_1);
      if (s.endsWith("\r\n\r\n")) {
        return s;
      }
    }
    throw new IOException("closed during handshake");
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
