package io.openslb.it;

import io.openslb.controlplane.service.Accounts;
import io.openslb.server.OpenSlbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link OpenSlbFixture} per test class: started in a data directory of its own before the
 * class's {@code @BeforeAll} methods, closed and deleted after its {@code @AfterAll} methods (also
 * when they or the start failed). Register it on a static field; the clients next to it may be made
 * at once, they find the server when they are first used:
 *
 * <pre>{@code
 * @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.withYaml("quotas: ...");
 * static final Sdk sdk = slb.sdk();
 * static final ListenerSupport it = new ListenerSupport(slb);
 * }</pre>
 *
 * <p>The fixture's own methods ({@code addInstance}, {@code newAccount}, {@code server()}, ...) are
 * available on the extension itself. A field in an abstract base class gives each subclass a server
 * of its own, one class after the other ({@link LoadBalancerITBase}).
 */
final class OpenSlbExtension implements BeforeAllCallback, AfterAllCallback {
  private final String yaml;
  private String vipPool;
  private ExtensionContext owner;
  private Path dir;
  private OpenSlbFixture fixture;

  private OpenSlbExtension(String yaml) {
    this.yaml = yaml;
  }

  /** A server with the default configuration and a random VIP pool. */
  static OpenSlbExtension create() {
    return new OpenSlbExtension(null);
  }

  /** A server with this YAML configuration (quotas, regions, instances). */
  static OpenSlbExtension withYaml(String yaml) {
    return new OpenSlbExtension(yaml);
  }

  /** Hands out VIPs from {@code cidr} instead of a random /24 (tests of address allocation). */
  OpenSlbExtension vipPool(String cidr) {
    this.vipPool = cidr;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (owner != null) {
      if (isAncestor(owner, context)) {
        return; // a @Nested class uses the server of its enclosing class
      }
      throw new IllegalStateException(
          "OpenSlbExtension of " + owner.getDisplayName() + " is still running when " + context.getDisplayName()
              + " starts: classes that share one extension field must not run concurrently");
    }
    Path d = Files.createTempDirectory("openslb-it-");
    try {
      fixture = OpenSlbFixture.start(d, yaml, vipPool != null ? vipPool : OpenSlbFixture.randomVipPool());
    } catch (Exception | Error e) {
      try {
        deleteRecursively(d);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    dir = d;
    owner = context;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (context != owner) {
      return;
    }
    try {
      if (fixture != null) {
        fixture.close();
      }
    } finally {
      fixture = null;
      owner = null;
      Path d = dir;
      dir = null;
      if (d != null) {
        deleteRecursively(d);
      }
    }
  }

  private static boolean isAncestor(ExtensionContext ancestor, ExtensionContext context) {
    for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
      if (c.get() == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The running server's fixture; only between the class's before-all and after-all. */
  OpenSlbFixture fixture() {
    if (fixture == null) {
      throw new IllegalStateException(
          "no OpenSLB server is running: register OpenSlbExtension on a static @RegisterExtension field"
              + " and use it from tests or @BeforeAll/@AfterAll methods");
    }
    return fixture;
  }

  /** The server's data directory (the SQLite file, openslb.yaml). */
  Path dataDir() {
    fixture();
    return dir;
  }

  /** A new official-SDK client signed by the root account; may be made before the server starts. */
  Sdk sdk() {
    return new Sdk(() -> fixture().endpoint(), OpenSlbFixture.ROOT_KEY_ID, OpenSlbFixture.ROOT_SECRET);
  }

  /** Signed raw calls as the root account; may be made before the server starts. */
  RawApi raw() {
    return new RawApi(() -> fixture().endpoint(), OpenSlbFixture.ROOT_KEY_ID, OpenSlbFixture.ROOT_SECRET);
  }

  // ---- the fixture's methods

  String endpoint() {
    return fixture().endpoint();
  }

  String rootAccountId() {
    return fixture().rootAccountId();
  }

  Accounts.Created newAccount(String name) {
    return fixture().newAccount(name);
  }

  Sdk sdk(Accounts.Created account) {
    return fixture().sdk(account);
  }

  void addInstance(String id, String ip) {
    fixture().addInstance(id, ip);
  }

  void addInstance(String accountId, String id, String ip) {
    fixture().addInstance(accountId, id, ip);
  }

  void addStoppedInstance(String id, String ip) {
    fixture().addStoppedInstance(id, ip);
  }

  OpenSlbServer server() {
    return fixture().server();
  }
}
