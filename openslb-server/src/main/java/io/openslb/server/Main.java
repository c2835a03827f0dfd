package io.openslb.server;

import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.service.Accounts;
import io.openslb.model.Account;
import io.openslb.model.Instance;
import io.openslb.store.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openslb}: the server and the commands around it. */
@Command(
    name = "openslb",
    mixinStandardHelpOptions = true,
    version = "OpenSLB 0.1.0",
    description = "Self-hosted Alibaba Cloud Server Load Balancer (CLB, OpenAPI 2014-05-15).",
    subcommands = {Main.Server.class, Main.AccountCommand.class, Main.InstanceCommand.class, SlbCommand.class})
public final class Main {

  public static void main(String[] args) {
    int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    if (code != 0 || args.length == 0 || !"server".equals(args[0])) {
      System.exit(code);
    }
  }

  /** The flags every command that opens the store shares. */
  static final class StoreOptions {
    @Option(names = "--data-dir", description = "Data directory (default ./data; env OPENSLB_DATA_DIR).")
    String dataDir;

    @Option(names = "--store", description = "sqlite:PATH (default DATA_DIR/state.db) or etcd://H:P[,H:P] (env OPENSLB_STORE).")
    String store;

    @Option(names = "--config", description = "YAML configuration file (env OPENSLB_CONFIG).")
    Path config;

    ServerConfig resolve(String apiListen, String adminListen, String vipPool) {
      return ServerConfig.resolve(
          new ServerConfig.Flags(apiListen, adminListen, dataDir, store, vipPool, config), System.getenv());
    }

    /**
     * Runs {@code command} on the accounts of the configured store and closes it; bad input (an
     * unknown store, no root account, a rejected name) is one {@code openslb: ...} line and exit 1.
     */
    int withAccounts(AccountsCommand command) throws Exception {
      try (StateStore s = Stores.open(resolve(null, null, null).store())) {
        return command.run(new Accounts(s, Clock.systemUTC()));
      } catch (IllegalArgumentException e) {
        System.err.println("openslb: " + e.getMessage());
        return 1;
      }
    }
  }

  /** A CLI command on the account store. */
  @FunctionalInterface
  interface AccountsCommand {
    int run(Accounts accounts) throws Exception;
  }

  @Command(name = "server", description = "Run an all-in-one node: OpenAPI endpoint, store, admin endpoint.")
  static final class Server implements Callable<Integer> {
    @Mixin StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--api-listen", description = "HOST:PORT of the OpenAPI endpoint (default 127.0.0.1:8380).")
    String apiListen;

    @Option(names = "--admin-listen", description = "HOST:PORT of /healthz, /readyz (default 127.0.0.1:8381).")
    String adminListen;

    @Option(names = "--vip-pool", description = "CIDR the load balancers' addresses come from (default 127.1.0.0/16).")
    String vipPool;

    @Override
    public Integer call() throws Exception {
      ServerConfig config = storeOptions.resolve(apiListen, adminListen, vipPool);
      OpenSlbServer server = OpenSlbServer.start(config, System.getenv(), System.out);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    stopped.countDown();
                  },
                  "shutdown"));
      stopped.await();
      return 0;
    }
  }

  @Command(name = "account", description = "Manage tenant accounts.", subcommands = {AccountCommand.Create.class, AccountCommand.ListAccounts.class})
  static final class AccountCommand {

    @Command(name = "create", description = "Create an account; prints {\"AccountId\",\"AccessKeyId\",\"AccessKeySecret\"}.")
    static final class Create implements Callable<Integer> {
      @Mixin StoreOptions storeOptions = new StoreOptions();

      @Parameters(index = "0", description = "Account name.")
      String name;

      @Override
      public Integer call() throws Exception {
        return storeOptions.withAccounts(accounts -> {
          Accounts.Created created = accounts.create(name, false, null, null);
          System.out.println(Json.MAPPER.writeValueAsString(RootCredentials.asJson(created)));
          return 0;
        });
      }
    }

    @Command(name = "list", description = "List accounts.")
    static final class ListAccounts implements Callable<Integer> {
      @Mixin StoreOptions storeOptions = new StoreOptions();

      @Override
      public Integer call() throws Exception {
        return storeOptions.withAccounts(accounts -> {
          for (Account a : accounts.all()) {
            System.out.println(Json.MAPPER.writeValueAsString(
                Map.of("AccountId", a.id(), "Name", a.name(), "Root", a.root())));
          }
          return 0;
        });
      }
    }
  }

  @Command(name = "instance", description = "Manage the instance inventory that ECS ServerIds resolve through.",
      subcommands = {InstanceCommand.Add.class, InstanceCommand.Remove.class, InstanceCommand.ListInstances.class})
  static final class InstanceCommand {

    static String accountOrRoot(Accounts accounts, String account) {
      if (account != null) {
        return account;
      }
      return accounts.rootAccount().orElseThrow(() -> new IllegalArgumentException(
          "no root account yet: start the server once, or pass --account")).id();
    }

    @Command(name = "add", description = "Add or replace an instance: openslb instance add i-web1 --ip 127.0.0.11")
    static final class Add implements Callable<Integer> {
      @Mixin StoreOptions storeOptions = new StoreOptions();

      @Parameters(index = "0", description = "Instance id, e.g. i-web1.")
      String id;

      @Option(names = "--ip", required = true, description = "The instance's private IP address.")
      String ip;

      @Option(names = "--account", description = "Owning account id (default: the root account).")
      String account;

      @Option(names = "--region", description = "Region id (default: any region).")
      String region;

      @Option(names = "--vpc-id", description = "VPC id reported for the instance.")
      String vpcId;

      @Option(names = "--stopped", description = "Record the instance as stopped (cannot be attached).")
      boolean stopped;

      @Override
      public Integer call() throws Exception {
        return storeOptions.withAccounts(accounts -> {
          Instance i = accounts.putInstance(
              new Instance(id, accountOrRoot(accounts, account), region, ip, vpcId, stopped ? "Stopped" : "Running"));
          System.out.println(Json.MAPPER.writeValueAsString(i));
          return 0;
        });
      }
    }

    @Command(name = "remove", description = "Remove an instance from the inventory.")
    static final class Remove implements Callable<Integer> {
      @Mixin StoreOptions storeOptions = new StoreOptions();

      @Parameters(index = "0")
      String id;

      @Option(names = "--account")
      String account;

      @Override
      public Integer call() throws Exception {
        return storeOptions.withAccounts(accounts -> {
          if (!accounts.removeInstance(accountOrRoot(accounts, account), id)) {
            System.err.println("openslb: no instance " + id);
            return 1;
          }
          return 0;
        });
      }
    }

    @Command(name = "list", description = "List the inventory of an account.")
    static final class ListInstances implements Callable<Integer> {
      @Mixin StoreOptions storeOptions = new StoreOptions();

      @Option(names = "--account")
      String account;

      @Override
      public Integer call() throws Exception {
        return storeOptions.withAccounts(accounts -> {
          for (Instance i : accounts.instances(accountOrRoot(accounts, account))) {
            System.out.println(Json.MAPPER.writeValueAsString(i));
          }
          return 0;
        });
      }
    }
  }
}
