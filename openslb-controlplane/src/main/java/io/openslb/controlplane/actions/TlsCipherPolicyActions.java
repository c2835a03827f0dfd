package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Ids;
import io.openslb.controlplane.service.TlsQuotas;
import io.openslb.model.Listener;
import io.openslb.model.TlsCipherNames;
import io.openslb.model.TlsCipherPolicy;
import io.openslb.store.StoreLayout;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The 4 custom TLS cipher policy actions (SEMANTICS.md §8). A policy is accepted only if every
 * version and suite is one the cloud documents, every suite can be negotiated by one of the chosen
 * versions, and the data plane's TLS stack can really serve them ({@link TlsCipherNames.Stack}).
 * ListTLSCipherPolicies is one of the three flat-list actions (PROTOCOL.md §3.1).
 */
public final class TlsCipherPolicyActions {
  /** 2-200 characters starting with a letter: letters, digits, {@code . _ -}. */
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._\\-]{1,199}");
  private static final int MAX_VERSIONS = 4;
  private static final int MAX_CIPHERS = 32;
  private static final Comparator<TlsCipherPolicy> ORDER =
      Comparator.comparingLong(TlsCipherPolicy::createTime).thenComparing(TlsCipherPolicy::id);

  private final TlsQuotas quotas;
  private final TlsCipherNames.Stack stack;

  /** {@code stack}: what the data plane serves HTTPS with; policies outside it are refused. */
  public TlsCipherPolicyActions(TlsQuotas quotas, TlsCipherNames.Stack stack) {
    this.quotas = quotas;
    this.stack = stack;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("CreateTLSCipherPolicy", this::create)
        .register("DeleteTLSCipherPolicy", this::delete)
        .register("SetTLSCipherPolicyAttribute", this::set)
        .register("ListTLSCipherPolicies", this::list);
  }

  ObjectNode create(Call call) {
    Params p = call.params();
    String name = name(p);
    List<String> versions = versions(p);
    List<String> ciphers = ciphers(p, versions);
    String prefix = StoreLayout.tlsPolicies(call.accountId(), call.regionId());
    if (call.tx().keys(prefix).size() >= quotas.tlsPoliciesPerRegion()) {
      throw ApiException.of(ApiError.OVER_QUOTA, "at most " + quotas.tlsPoliciesPerRegion() + " TLS cipher policies per region");
    }
    String id;
    do {
      id = Ids.prefixed("tls-", 20);
    } while (call.tx().exists(key(call, id)));
    call.tx().put(key(call, id), new TlsCipherPolicy(id, name, versions, ciphers, call.now().toEpochMilli()));
    ObjectNode out = Json.object();
    out.put("TLSCipherPolicyId", id);
    return out;
  }

  /**
   * Replaces name, versions and suites. The cloud applies this asynchronously and answers a
   * TaskId; here the change is done when the call returns, so the task is already finished.
   */
  ObjectNode set(Call call) {
    Params p = call.params();
    TlsCipherPolicy old = find(call);
    String name = name(p);
    List<String> versions = versions(p);
    List<String> ciphers = ciphers(p, versions);
    call.tx().put(key(call, old.id()), new TlsCipherPolicy(old.id(), name, versions, ciphers, old.createTime()));
    ObjectNode out = Json.object();
    out.put("TaskId", UUID.randomUUID().toString());
    return out;
  }

  ObjectNode delete(Call call) {
    TlsCipherPolicy policy = find(call);
    List<Listener> users = HttpsResources.tlsPolicyUsers(call, policy.id());
    if (!users.isEmpty()) {
      throw ApiException.of(ApiError.TLS_POLICY_IN_USE, policy.id(),
          String.join(", ", users.stream().map(Listener::resourceId).toList()));
    }
    call.tx().delete(key(call, policy.id()));
    return Json.object();
  }

  /** Token-paged; the token names the first policy of the next page, so deletions do not skip any. */
  ObjectNode list(Call call) {
    Params p = call.params();
    int maxItems = p.integer("MaxItems", 1, 100).orElse(20);
    Optional<String> idFilter = p.string("TLSCipherPolicyId");
    Optional<String> nameFilter = p.string("Name");
    boolean includeListeners = p.bool("IncludeListener").orElse(false);
    Optional<Cursor> from = p.string("NextToken").map(Cursor::parse);
    List<TlsCipherPolicy> matching = call.tx()
        .list(StoreLayout.tlsPolicies(call.accountId(), call.regionId()), TlsCipherPolicy.class).stream()
        .filter(t -> idFilter.isEmpty() || idFilter.get().equals(t.id()))
        .filter(t -> nameFilter.isEmpty() || nameFilter.get().equals(t.name()))
        .sorted(ORDER)
        .toList();
    int start = 0;
    if (from.isPresent()) {
      while (start < matching.size() && from.get().after(matching.get(start))) {
        start++;
      }
    }
    int end = Math.min(start + maxItems, matching.size());
    List<Listener> listeners = includeListeners ? HttpsResources.regionListeners(call) : List.of();
    ObjectNode out = Json.object();
    ArrayNode arr = out.putArray("TLSCipherPolicies");
    for (TlsCipherPolicy t : matching.subList(start, end)) {
      ObjectNode n = arr.addObject();
      n.put("InstanceId", t.id());
      n.put("Name", t.name());
      n.put("CreateTime", t.createTime());
      n.put("Status", "normal");
      n.put("ServiceManagedMode", "Unmanaged");
      t.tlsVersions().forEach(n.putArray("TLSVersions")::add);
      t.ciphers().forEach(n.putArray("Ciphers")::add);
      ArrayNode related = n.putArray("RelateListeners");
      for (Listener l : listeners) {
        if (t.id().equals(l.tlsCipherPolicy())) {
          ObjectNode r = related.addObject();
          r.put("LoadBalancerId", l.loadBalancerId());
          r.put("Port", l.port());
          r.put("Protocol", l.protocol().apiName());
        }
      }
    }
    out.put("TotalCount", matching.size());
    out.put("IsTruncated", end < matching.size());
    if (end < matching.size()) {
      out.put("NextToken", Cursor.of(matching.get(end)).token());
    }
    return out;
  }

  /** Where a page starts: the sort key of its first policy, opaque on the wire. */
  private record Cursor(long createTime, String id) {
    static Cursor of(TlsCipherPolicy t) {
      return new Cursor(t.createTime(), t.id());
    }

    static Cursor parse(String token) {
      try {
        String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int colon = s.indexOf(':');
        return new Cursor(Long.parseLong(s.substring(0, colon)), s.substring(colon + 1));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw ApiException.invalid("NextToken", token, "a token from a previous response");
      }
    }

    String token() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((createTime + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code t} sorts before this cursor (so belongs to an earlier page). */
    boolean after(TlsCipherPolicy t) {
      return ORDER.compare(t, new TlsCipherPolicy(id, "", List.of(), List.of(), createTime)) < 0;
    }
  }

  private static String name(Params p) {
    return p.matching("Name", NAME, "2-200 characters starting with a letter: letters, digits, . _ -")
        .orElseThrow(() -> ApiException.missing("Name"));
  }

  /** TLSVersions.N: 1-4 documented versions this JVM serves; duplicates collapse. */
  private List<String> versions(Params p) {
    List<String> raw = p.repeated("TLSVersions");
    if (raw.isEmpty()) {
      throw ApiException.missing("TLSVersions.N");
    }
    if (raw.size() > MAX_VERSIONS) {
      throw ApiException.invalid("TLSVersions.N", raw.size() + " versions", "at most " + MAX_VERSIONS);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String v : raw) {
      String version = TlsCipherNames.canonicalVersion(v.trim())
          .orElseThrow(() -> ApiException.invalid("TLSVersions.N", v, String.join("|", TlsCipherNames.VERSIONS)));
      if (!stack.servesVersion(version)) {
        throw ApiException.invalid("TLSVersions.N", v,
            "a version this server's TLS stack enables: " + String.join("|", stack.versions()));
      }
      out.add(version);
    }
    return List.copyOf(out);
  }

  /** Ciphers.N: 1-32 documented suites, each negotiable by a chosen version and served by this JVM. */
  private List<String> ciphers(Params p, List<String> versions) {
    List<String> raw = p.repeated("Ciphers");
    if (raw.isEmpty()) {
      throw ApiException.missing("Ciphers.N");
    }
    if (raw.size() > MAX_CIPHERS) {
      throw ApiException.invalid("Ciphers.N", raw.size() + " cipher suites", "at most " + MAX_CIPHERS);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String c : raw) {
      String cipher = TlsCipherNames.canonicalCipher(c.trim())
          .orElseThrow(() -> ApiException.invalid("Ciphers.N", c,
              "one of the documented cipher suites: " + String.join("|", TlsCipherNames.apiCiphers())));
      Set<String> usable = TlsCipherNames.versionsOf(cipher);
      if (versions.stream().noneMatch(usable::contains)) {
        throw ApiException.invalid("Ciphers.N", c,
            "a cipher suite of the chosen TLSVersions " + versions + " (it needs one of " + TlsCipherNames.VERSIONS.stream().filter(usable::contains).toList() + ")");
      }
      if (!stack.servesCipher(cipher)) {
        throw ApiException.invalid("Ciphers.N", c,
            "a cipher suite this server's TLS stack enables: " + String.join("|", stack.ciphers()));
      }
      out.add(cipher);
    }
    return List.copyOf(out);
  }

  private static TlsCipherPolicy find(Call call) {
    String id = call.params().required("TLSCipherPolicyId");
    return call.tx().get(key(call, id), TlsCipherPolicy.class)
        .orElseThrow(() -> ApiException.of(ApiError.TLS_POLICY_NOT_FOUND, id));
  }

  private static String key(Call call, String id) {
    return StoreLayout.tlsPolicy(call.accountId(), call.regionId(), id);
  }
}
