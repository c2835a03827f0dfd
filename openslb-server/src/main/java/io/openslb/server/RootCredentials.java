package io.openslb.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.service.Accounts;
import io.openslb.model.AccessKey;
import io.openslb.model.Account;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The root account at start. First start: the key pair from {@code OPENSLB_ACCESS_KEY_ID} /
 * {@code OPENSLB_ACCESS_KEY_SECRET}, or a generated one written to {@code
 * DATA_DIR/root-credentials.json} (mode 600) and printed once. Later starts: a key pair given by
 * environment that the store does not know yet is added to the root account.
 */
final class RootCredentials {
  static final String FILE = "root-credentials.json";

  private RootCredentials() {}

  static Account ensure(Accounts accounts, Path dataDir, Map<String, String> env, PrintStream out) throws IOException {
    String keyId = blankToNull(env.get("OPENSLB_ACCESS_KEY_ID"));
    String secret = blankToNull(env.get("OPENSLB_ACCESS_KEY_SECRET"));
    if ((keyId == null) != (secret == null)) {
      throw new IllegalArgumentException("set both OPENSLB_ACCESS_KEY_ID and OPENSLB_ACCESS_KEY_SECRET, or neither");
    }
    Optional<Account> root = accounts.rootAccount();
    if (root.isPresent()) {
      if (keyId != null) {
        Optional<AccessKey> known = accounts.accessKey(keyId);
        if (known.isEmpty()) {
          accounts.addKey(root.get().id(), keyId, secret);
        } else if (!known.get().accountId().equals(root.get().id()) || !known.get().secret().equals(secret)) {
          throw new IllegalArgumentException("OPENSLB_ACCESS_KEY_ID " + keyId + " is known with another secret or account");
        }
      }
      return root.get();
    }
    Accounts.Created created = accounts.create("root", true, keyId, secret);
    if (keyId == null) {
      Path file = dataDir.resolve(FILE);
      Files.createDirectories(dataDir);
      String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(asJson(created));
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, json + "\n");
      out.println("Root credentials (written to " + file + "; shown only this once):");
      out.println(json);
    }
    return created.account();
  }

  static ObjectNode asJson(Accounts.Created created) {
    ObjectNode n = Json.object();
    n.put("AccountId", created.account().id());
    n.put("AccessKeyId", created.key().id());
    n.put("AccessKeySecret", created.key().secret());
    return n;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
