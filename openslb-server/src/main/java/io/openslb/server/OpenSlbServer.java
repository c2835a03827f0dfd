package io.openslb.server;

import io.openslb.controlplane.ControlPlane;
import io.openslb.controlplane.http.BlockingHttpServer;
import io.openslb.controlplane.service.Accounts;
import io.openslb.controlplane.service.DataPlaneView;
import io.openslb.controlplane.service.VipPool;
import io.openslb.dataplane.DataPlane;
import io.openslb.dataplane.proxy.tls.TlsContexts;
import io.openslb.model.Account;
import io.openslb.model.Instance;
import io.openslb.store.StateStore;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An all-in-one node: store, root account, OpenAPI endpoint and admin endpoint. */
public final class OpenSlbServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpenSlbServer.class);

  private final StateStore store;
  private final ControlPlane controlPlane;
  private final DataPlane dataPlane;
  private final BlockingHttpServer admin;
  private final ExecutorService adminWorkers;
  private final Account root;

  private OpenSlbServer(StateStore store, ControlPlane controlPlane, DataPlane dataPlane, BlockingHttpServer admin,
      ExecutorService adminWorkers, Account root) {
    this.store = store;
    this.controlPlane = controlPlane;
    this.dataPlane = dataPlane;
    this.admin = admin;
    this.adminWorkers = adminWorkers;
    this.root = root;
  }

  public static OpenSlbServer start(ServerConfig config, Map<String, String> env, PrintStream out) throws Exception {
    long t0 = System.nanoTime();
    StateStore store = Stores.open(config.store());
    ControlPlane cp = null;
    DataPlane dataPlane = null;
    ExecutorService adminWorkers = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "admin-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      Clock clock = Clock.systemUTC();
      Accounts accounts = new Accounts(store, clock);
      Account root = RootCredentials.ensure(accounts, config.dataDir(), env, out);
      loadInstances(accounts, root, config);
      ControlPlane.Settings settings =
          new ControlPlane.Settings(
              ServerConfig.address(config.apiListen()), config.regions(), config.quotas(),
              VipPool.parse(config.vipPool()), Duration.ofMinutes(15));
      dataPlane = DataPlane.start(store, DataPlane.Settings.defaults());
      DataPlane dp = dataPlane;
      DataPlaneView view = new DataPlaneView(dp::healthStatus,
          (lb, listener) -> dp.listenerStatus(lb.address(), listener), TlsContexts.servingStack());
      cp = new ControlPlane(store, settings, view, clock).start();
      ControlPlane started = cp;
      BlockingHttpServer admin =
          BlockingHttpServer.start(
              "admin", ServerConfig.address(config.adminListen()), adminWorkers,
              new AdminHandler(store, () -> started.address() != null));
      log.info(
          "OpenSLB started in {} ms: api=http://{} admin=http://{} store={} vip-pool={} root-account={}",
          (System.nanoTime() - t0) / 1_000_000, hostPort(cp.address()), hostPort(admin.address()),
          store.describe(), config.vipPool(), root.id());
      return new OpenSlbServer(store, cp, dataPlane, admin, adminWorkers, root);
    } catch (Exception | Error e) {
      if (cp != null) {
        cp.close();
      }
      if (dataPlane != null) {
        dataPlane.close();
      }
      adminWorkers.shutdownNow();
      store.close();
      throw e;
    }
  }

  private static void loadInstances(Accounts accounts, Account root, ServerConfig config) {
    for (ServerConfig.InstanceEntry e : config.instances()) {
      String account = e.account() == null ? root.id() : e.account();
      accounts.putInstance(new Instance(e.id(), account, e.region(), e.ip(), e.vpcId(), e.status()));
    }
  }

  static String hostPort(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  public InetSocketAddress apiAddress() {
    return controlPlane.address();
  }

  public InetSocketAddress adminAddress() {
    return admin.address();
  }

  public Account rootAccount() {
    return root;
  }

  public DataPlane dataPlane() {
    return dataPlane;
  }

  public StateStore store() {
    return store;
  }

  @Override
  public void close() {
    log.info("OpenSLB stopping");
    controlPlane.close();
    dataPlane.close();
    admin.close();
    adminWorkers.shutdownNow();
    store.close();
    log.info("OpenSLB stopped");
  }
}
