package io.openslb.store.etcd;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real single-member etcd server for tests: {@code etcd} from the {@code PATH} (Debian's package
 * installs {@code /usr/bin/etcd}) on free loopback ports, with its data and log in a given
 * directory.
 *
 * <p>Use one per test class: {@link #start} in {@code @BeforeAll}, {@link #close} in
 * {@code @AfterAll}. Without an etcd binary the tests are skipped, or fail when the environment
 * variable {@code CI} is {@code true} (a CI image must have it).
 */
public final class EtcdProcess implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final URI clientUrl;
  private final Path log;
  private final Thread shutdownHook;

  private EtcdProcess(Process process, URI clientUrl, Path log) {
    this.process = process;
    this.clientUrl = clientUrl;
    this.log = log;
    this.shutdownHook = new Thread(process::destroyForcibly, "etcd-test-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts etcd with its data under {@code dir} and returns once it answers health checks. */
  public static EtcdProcess start(Path dir) throws IOException, InterruptedException {
    Path binary = findBinary();
    int clientPort = freePort();
    int peerPort = freePort();
    String client = "http://127.0.0.1:" + clientPort;
    String peer = "http://127.0.0.1:" + peerPort;
    Path log = dir.resolve("etcd.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                binary.toString(),
                "--name", "default",
                "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", client,
                "--advertise-client-urls", client,
                "--listen-peer-urls", peer,
                "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "default=" + peer)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ETCD_")); // only our flags count
    EtcdProcess etcd = new EtcdProcess(pb.start(), URI.create(client), log);
    try {
      etcd.awaitHealthy();
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      etcd.close();
      throw e;
    }
    return etcd;
  }

  /** The client URL, {@code http://127.0.0.1:port}. */
  public URI clientUrl() {
    return clientUrl;
  }

  List<URI> endpoints() {
    return List.of(clientUrl);
  }

  /** Stops etcd (SIGTERM, then SIGKILL after 5 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs anyway
    }
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(clientUrl.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("etcd exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"health\":\"true\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    fail("etcd did not become healthy within " + STARTUP_TIMEOUT.toSeconds() + " s:\n" + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static Path findBinary() {
    Optional<Path> found = onPath("etcd");
    if (found.isEmpty()) {
      String message = "etcd binary not found on PATH (Debian: apt-get install etcd-server)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return found.get();
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
