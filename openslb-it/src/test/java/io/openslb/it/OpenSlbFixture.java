package io.openslb.it;

import io.openslb.controlplane.service.Accounts;
import io.openslb.model.Instance;
import io.openslb.server.OpenSlbServer;
import io.openslb.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A real OpenSLB server in this JVM on ephemeral loopback ports with a real SQLite file, and
 * official-SDK clients pointed at it. The root account's key pair is fixed so tests can sign raw
 * requests too.
 */
public final class OpenSlbFixture implements AutoCloseable {
  public static final String ROOT_KEY_ID = "LTAI5tRootTestKey0000001";
  public static final String ROOT_SECRET = "rootTestSecret0123456789abcdef";

  private final OpenSlbServer server;
  private final Accounts accounts;

  private OpenSlbFixture(OpenSlbServer server) {
    this.server = server;
    this.accounts = new Accounts(server.store(), Clock.systemUTC());
  }

  public static OpenSlbFixture start(Path dataDir) throws Exception {
    return start(dataDir, null);
  }

  /** Starts with an optional YAML configuration (quotas, regions, instances). */
  public static OpenSlbFixture start(Path dataDir, String yaml) throws Exception {
    return start(dataDir, yaml, randomVipPool());
  }

  /** Starts with a chosen VIP pool (tests of address allocation). */
  public static OpenSlbFixture start(Path dataDir, String yaml, String vipPool) throws Exception {
    return start(dataDir, yaml, vipPool, null);
  }

  /** Starts on a chosen store ({@code etcd://...}); null = SQLite under the data directory. */
  public static OpenSlbFixture start(Path dataDir, String yaml, String vipPool, String store) throws Exception {
    Path config = null;
    if (yaml != null) {
      config = dataDir.resolve("openslb.yaml");
      Files.createDirectories(dataDir);
      Files.writeString(config, yaml);
    }
    ServerConfig cfg =
        ServerConfig.resolve(
            new ServerConfig.Flags("127.0.0.1:0", "127.0.0.1:0", dataDir.toString(), store, vipPool, config),
            Map.of());
    OpenSlbServer server =
        OpenSlbServer.start(
            cfg,
            Map.of("OPENSLB_ACCESS_KEY_ID", ROOT_KEY_ID, "OPENSLB_ACCESS_KEY_SECRET", ROOT_SECRET),
            new PrintStream(new ByteArrayOutputStream()));
    return new OpenSlbFixture(server);
  }

  /**
   * A /24 of its own inside 127.100.0.0-127.199.255.255 for each server, so that test servers of
   * concurrent runs on one machine never bind the same VIP:port.
   */
  public static String randomVipPool() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    return "127." + (100 + r.nextInt(100)) + "." + r.nextInt(256) + ".0/24";
  }

  /** {@code 127.0.0.1:PORT} of the OpenAPI endpoint. */
  public String endpoint() {
    return "127.0.0.1:" + server.apiAddress().getPort();
  }

  public String adminEndpoint() {
    return "127.0.0.1:" + server.adminAddress().getPort();
  }

  public String rootAccountId() {
    return server.rootAccount().id();
  }

  /** The official SDK signed by the root account. */
  public Sdk sdk() {
    return new Sdk(endpoint(), ROOT_KEY_ID, ROOT_SECRET);
  }

  public RawApi raw() {
    return new RawApi(endpoint(), ROOT_KEY_ID, ROOT_SECRET);
  }

  /** A new tenant with its own key pair. */
  public Accounts.Created newAccount(String name) {
    return accounts.create(name, false, null, null);
  }

  public Sdk sdk(Accounts.Created account) {
    return new Sdk(endpoint(), account.key().id(), account.key().secret());
  }

  /** Adds a running ECS instance to the root account's inventory. */
  public void addInstance(String id, String ip) {
    addInstance(rootAccountId(), id, ip);
  }

  public void addInstance(String accountId, String id, String ip) {
    accounts.putInstance(new Instance(id, accountId, null, ip, "vpc-test", "Running"));
  }

  public void addStoppedInstance(String id, String ip) {
    accounts.putInstance(new Instance(id, rootAccountId(), null, ip, "vpc-test", "Stopped"));
  }

  public OpenSlbServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
