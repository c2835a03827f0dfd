package io.openslb.controlplane.service;

import io.openslb.model.AccessKey;
import io.openslb.model.Account;
import io.openslb.model.Instance;
import io.openslb.store.StateStore;
import io.openslb.store.StoreLayout;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Accounts, their AccessKeys and their instance inventory. Used by the server at start (the root
 * account) and by the {@code account} and {@code instance} commands, which may run while a server
 * uses the same store.
 */
public final class Accounts {

  /** A new account with its key pair, as {@code account create} prints it. */
  public record Created(Account account, AccessKey key) {}

  private final Transactor transactor;
  private final Clock clock;

  public Accounts(StateStore store, Clock clock) {
    this.transactor = new Transactor(store);
    this.clock = clock;
  }

  public Optional<AccessKey> accessKey(String id) {
    return transactor.read(tx -> tx.get(StoreLayout.accessKey(id), AccessKey.class));
  }

  public Optional<Account> rootAccount() {
    return transactor.read(
        tx -> tx.list(StoreLayout.ACCOUNTS, StoreLayout.Kind.ACCOUNT, Account.class).stream().filter(Account::root).findFirst());
  }

  public List<Account> all() {
    return transactor.read(tx -> tx.list(StoreLayout.ACCOUNTS, StoreLayout.Kind.ACCOUNT, Account.class)).stream().toList();
  }

  public Created create(String name, boolean root, String keyId, String secret) {
    return transactor.write(
        tx -> {
          if (root && tx.list(StoreLayout.ACCOUNTS, StoreLayout.Kind.ACCOUNT, Account.class).stream().anyMatch(Account::root)) {
            throw new IllegalStateException("a root account exists already");
          }
          if (tx.list(StoreLayout.ACCOUNTS, StoreLayout.Kind.ACCOUNT, Account.class).stream().anyMatch(a -> name.equals(a.name()))) {
            throw new IllegalArgumentException("an account named " + name + " exists already");
          }
          String id;
          do {
            id = Ids.accountId();
          } while (tx.exists(StoreLayout.account(id)));
          Account account = new Account(id, name, root, clock.millis());
          AccessKey key = newKey(tx, id, keyId, secret);
          tx.put(StoreLayout.account(id), account);
          return new Created(account, key);
        });
  }

  /** Adds a key pair to an existing account (e.g. the root credentials given by environment). */
  public AccessKey addKey(String accountId, String keyId, String secret) {
    return transactor.write(tx -> newKey(tx, accountId, keyId, secret));
  }

  private AccessKey newKey(Tx tx, String accountId, String keyId, String secret) {
    String id = keyId != null ? keyId : Ids.accessKeyId();
    if (tx.exists(StoreLayout.accessKey(id))) {
      throw new IllegalArgumentException("AccessKeyId " + id + " exists already");
    }
    AccessKey key =
        new AccessKey(id, secret != null ? secret : Ids.accessKeySecret(), accountId, "Active", clock.millis());
    tx.put(StoreLayout.accessKey(id), key);
    return key;
  }

  public Instance putInstance(Instance instance) {
    return transactor.write(
        tx -> {
          if (!tx.exists(StoreLayout.account(instance.accountId()))) {
            throw new IllegalArgumentException("no account " + instance.accountId());
          }
          tx.put(StoreLayout.instance(instance.accountId(), instance.id()), instance);
          return instance;
        });
  }

  public boolean removeInstance(String accountId, String instanceId) {
    return transactor.write(
        tx -> {
          String key = StoreLayout.instance(accountId, instanceId);
          if (!tx.exists(key)) {
            return false;
          }
          tx.delete(key);
          return true;
        });
  }

  public List<Instance> instances(String accountId) {
    return transactor.read(tx -> tx.list(StoreLayout.instances(accountId), Instance.class));
  }
}
