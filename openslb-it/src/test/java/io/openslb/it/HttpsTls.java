package io.openslb.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS clients for the HTTPS tests: a JDK context that accepts any server certificate (the tests
 * look at which one they got), optionally presenting a client certificate; raw SSLSocket
 * handshakes with a chosen SNI; and {@code openssl s_client} runs. Every wait is bounded.
 */
final class HttpsTls {
  private HttpsTls() {}

  /** A client context trusting every server; {@code client} (may be null) is its own certificate. */
  static SSLContext context(TestCertificates.Issued client) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      KeyManagerFactory kmf = null;
      if (client != null) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", client.keys().getPrivate(), "pw".toCharArray(), new X509Certificate[] {client.cert()});
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
      }
      ctx.init(kmf == null ? null : kmf.getKeyManagers(), new TrustManager[] {new TrustAll()}, null);
      return ctx;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Handshakes with {@code sni} (null: none) and returns the server's certificate. */
  static X509Certificate serverCertificate(String vip, int port, String sni) throws IOException {
    try (SSLSocket s = connect(context(null), vip, port, sni)) {
      return (X509Certificate) s.getSession().getPeerCertificates()[0];
    }
  }

  static SSLSocket connect(SSLContext ctx, String vip, int port, String sni) throws IOException {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(vip, port), 3000);
    plain.setSoTimeout(5000);
    SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, vip, port, true);
    SSLParameters p = s.getSSLParameters();
    p.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
    p.setApplicationProtocols(new String[] {"http/1.1"});
    s.setSSLParameters(p);
    s.startHandshake();
    return s;
  }

  /** One HTTP/1.1 keep-alive GET on an open socket; returns the response head and body (Content-Length framing). */
  static String get(SSLSocket s, String path) throws IOException {
    s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    InputStream in = s.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || head.size() > 65536) {
        throw new IOException("connection closed in the response head: " + head);
      }
      head.write(b);
    }
    String h = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : h.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return h + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  static String cn(X509Certificate c) {
    String dn = c.getSubjectX500Principal().getName();
    int i = dn.indexOf("CN=");
    int end = dn.indexOf(',', i);
    return dn.substring(i + 3, end < 0 ? dn.length() : end);
  }

  /** Result of a command: exit code and stdout+stderr. */
  record Run(int exit, String output) {}

  static boolean installed(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (new java.io.File(dir, tool).canExecute()) {
        return true;
      }
    }
    return false;
  }

  /** Runs a command with empty stdin, at most {@code seconds}. */
  static Run run(int seconds, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    byte[][] out = new byte[1][];
    Thread reader = new Thread(() -> {
      try {
        out[0] = p.getInputStream().readAllBytes();
      } catch (IOException e) {
        out[0] = new byte[0];
      }
    });
    reader.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    reader.join(2000);
    return new Run(p.isAlive() ? -1 : p.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
  }

  /** {@code openssl s_client} against the listener with extra arguments. */
  static Run sClient(String vip, int port, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", vip + ":" + port));
    cmd.addAll(List.of(args));
    return run(10, cmd.toArray(String[]::new));
  }

  /** Whether an s_client run completed a handshake. */
  static boolean handshook(Run r) {
    return r.output().contains("-----BEGIN CERTIFICATE-----") && !r.output().contains("Cipher is (NONE)");
  }

  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {}
    @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {}
    @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}
    @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}
    @Override public void checkClientTrusted(X509Certificate[] c, String a) {}
    @Override public void checkServerTrusted(X509Certificate[] c, String a) {}
    @Override public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
