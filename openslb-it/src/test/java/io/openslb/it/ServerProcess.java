package io.openslb.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSLB as a separate process from the shaded jar ({@code openslb-server/target/openslb.jar}),
 * for what needs a real process: kill -9, the CLI while a server runs.
 */
public final class ServerProcess implements AutoCloseable {
  private final Path dataDir;
  private final int apiPort;
  private final int adminPort;
  private final String vipPool = OpenSlbFixture.randomVipPool();
  private Process process;

  public ServerProcess(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    this.apiPort = freePort();
    this.adminPort = freePort();
  }

  public static Path jar() {
    Path jar = Path.of("..", "openslb-server", "target", "openslb.jar").toAbsolutePath().normalize();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build the reactor (mvn install) first");
    }
    return jar;
  }

  public static ProcessBuilder command(String... args) {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OPENSLB_ACCESS_KEY_ID", OpenSlbFixture.ROOT_KEY_ID);
    pb.environment().put("OPENSLB_ACCESS_KEY_SECRET", OpenSlbFixture.ROOT_SECRET);
    return pb;
  }

  public ServerProcess start() throws IOException {
    Path log = dataDir.resolve("server.log");
    Files.createDirectories(dataDir);
    process = command("server", "--api-listen", "127.0.0.1:" + apiPort, "--admin-listen", "127.0.0.1:" + adminPort,
            "--data-dir", dataDir.toString(), "--vip-pool", vipPool)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited: " + Files.readString(log));
      }
      try {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/readyz")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
      } catch (IOException e) {
        return false;
      }
    });
    return this;
  }

  /** SIGKILL: no shutdown hook, no flush. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait for a clean exit; returns the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  public String endpoint() {
    return "127.0.0.1:" + apiPort;
  }

  public Sdk sdk() {
    return new Sdk(endpoint(), OpenSlbFixture.ROOT_KEY_ID, OpenSlbFixture.ROOT_SECRET);
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path log() {
    return dataDir.resolve("server.log");
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill9();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
