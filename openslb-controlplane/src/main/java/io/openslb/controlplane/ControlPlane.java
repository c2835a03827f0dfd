package io.openslb.controlplane;

import io.openslb.controlplane.actions.AclActions;
import io.openslb.controlplane.actions.BackendServerActions;
import io.openslb.controlplane.actions.CertificateActions;
import io.openslb.controlplane.actions.DomainExtensionActions;
import io.openslb.controlplane.actions.ListenerActions;
import io.openslb.controlplane.actions.LoadBalancerActions;
import io.openslb.controlplane.actions.MasterSlaveGroupActions;
import io.openslb.controlplane.actions.RegionActions;
import io.openslb.controlplane.actions.RuleActions;
import io.openslb.controlplane.actions.TagActions;
import io.openslb.controlplane.actions.TlsCipherPolicyActions;
import io.openslb.controlplane.actions.VServerGroupActions;
import io.openslb.controlplane.actions.WhiteListActions;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.auth.Authenticator;
import io.openslb.controlplane.http.BlockingHttpServer;
import io.openslb.controlplane.service.Accounts;
import io.openslb.controlplane.service.DataPlaneView;
import io.openslb.controlplane.service.Quotas;
import io.openslb.controlplane.service.Regions;
import io.openslb.controlplane.service.TlsQuotas;
import io.openslb.controlplane.service.Transactor;
import io.openslb.controlplane.service.VipPool;
import io.openslb.store.StateStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The OpenAPI endpoint wired together: actions, authentication, transactions, HTTP server. */
public final class ControlPlane implements AutoCloseable {

  /** What the control plane needs from configuration. */
  public record Settings(
      InetSocketAddress listen, Regions regions, Quotas quotas, VipPool vipPool, Duration timestampWindow) {}

  private final ActionRegistry registry;
  private final ApiDispatcher dispatcher;
  private final ExecutorService workers;
  private BlockingHttpServer server;

  public ControlPlane(StateStore store, Settings settings, DataPlaneView dataPlane, Clock clock) {
    this.registry = actions(settings, dataPlane);
    Accounts accounts = new Accounts(store, clock);
    Authenticator auth = new Authenticator(accounts::accessKey, clock, settings.timestampWindow());
    this.dispatcher =
        new ApiDispatcher(registry, auth, new Transactor(store), settings.regions(), clock, "slb.aliyuncs.com");
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            16,
            r -> {
              Thread t = new Thread(r, "api-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.settings = settings;
  }

  private final Settings settings;

  /** Every action of this build, by name. */
  public static ActionRegistry actions(Settings settings, DataPlaneView dataPlane) {
    ActionRegistry registry = new ActionRegistry();
    new RegionActions(settings.regions(), settings.vipPool()).registerTo(registry);
    new LoadBalancerActions(settings.regions(), settings.quotas(), settings.vipPool()).registerTo(registry);
    new ListenerActions(settings.quotas(), dataPlane.listenerStatus()).registerTo(registry);
    new BackendServerActions(settings.quotas(), dataPlane.health()).registerTo(registry);
    new VServerGroupActions(settings.quotas()).registerTo(registry);
    new MasterSlaveGroupActions(settings.quotas()).registerTo(registry);
    new RuleActions(settings.quotas()).registerTo(registry);
    new AclActions(settings.quotas()).registerTo(registry);
    new WhiteListActions(settings.quotas()).registerTo(registry);
    new TagActions(settings.quotas()).registerTo(registry);
    new CertificateActions(TlsQuotas.defaults()).registerTo(registry);
    new DomainExtensionActions(TlsQuotas.defaults()).registerTo(registry);
    new TlsCipherPolicyActions(TlsQuotas.defaults(), dataPlane.tls()).registerTo(registry);
    return registry;
  }

  public ControlPlane start() throws InterruptedException {
    server = BlockingHttpServer.start("api", settings.listen(), workers, dispatcher);
    return this;
  }

  public InetSocketAddress address() {
    return server.address();
  }

  public ActionRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
