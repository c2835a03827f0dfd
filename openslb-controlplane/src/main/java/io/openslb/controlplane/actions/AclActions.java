package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Ids;
import io.openslb.controlplane.service.Quotas;
import io.openslb.model.AccessControlList;
import io.openslb.model.Listener;
import io.openslb.model.Tag;
import io.openslb.store.StoreLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 7 access control list actions (SEMANTICS.md §3.10). Entries are normalised CIDR blocks
 * ({@link AclEntryInput}); which listeners use an ACL is {@link AclBindings}' business. Stored as
 * {@link AccessControlList} under {@code acls/{id}}, which the data plane reads.
 */
public final class AclActions {

  static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._\\-/]{1,80}");
  private static final String NAME_EXPECTED = "1-80 characters: letters, digits, . _ - /";

  private final Quotas quotas;

  public AclActions(Quotas quotas) {
    this.quotas = quotas;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("CreateAccessControlList", this::create)
        .register("DeleteAccessControlList", this::delete)
        .register("SetAccessControlListAttribute", this::setAttribute)
        .register("AddAccessControlListEntry", this::addEntries)
        .register("RemoveAccessControlListEntry", this::removeEntries)
        .register("DescribeAccessControlLists", this::describeAll)
        .register("DescribeAccessControlListAttribute", this::describe);
  }

  ObjectNode create(Call call) {
    Params p = call.params();
    String name = p.matching("AclName", NAME, NAME_EXPECTED).orElseThrow(() -> ApiException.missing("AclName"));
    String version = p.oneOf("AddressIPVersion", "ipv4", "ipv6").orElse("ipv4");
    List<Tag> tags = TagActions.tagParams(p, quotas.tagsPerResource());
    List<AccessControlList> existing = all(call);
    if (existing.size() >= quotas.aclsPerRegion()) {
      throw ApiException.of(ApiError.ACL_NUMBER_OVER_LIMIT, "at most " + quotas.aclsPerRegion());
    }
    requireUniqueName(existing, name, null);
    AccessControlList acl =
        new AccessControlList(Ids.prefixed("acl-", 21), name, version, List.of(),
            p.string("ResourceGroupId").orElse(null), call.now().toEpochMilli());
    save(call, acl);
    if (!tags.isEmpty()) {
      ResourceTags.put(call, ResourceTags.ACL, acl.id(), tags);
    }
    ObjectNode out = Json.object();
    out.put("AclId", acl.id());
    return out;
  }

  ObjectNode delete(Call call) {
    AccessControlList acl = find(call);
    List<Listener> users = AclBindings.users(call, acl.id());
    if (!users.isEmpty()) {
      throw ApiException.of(ApiError.ACL_IN_USE, acl.id(),
          String.join(", ", users.stream().map(Listener::resourceId).toList()));
    }
    call.tx().delete(StoreLayout.acl(call.accountId(), call.regionId(), acl.id()));
    ResourceTags.delete(call, ResourceTags.ACL, acl.id());
    return Json.object();
  }

  ObjectNode setAttribute(Call call) {
    AccessControlList acl = find(call);
    String name =
        call.params().matching("AclName", NAME, NAME_EXPECTED).orElseThrow(() -> ApiException.missing("AclName"));
    if (!name.equals(acl.name())) {
      requireUniqueName(all(call), name, acl.id());
      save(call, new AccessControlList(acl.id(), name, acl.addressIpVersion(), acl.entries(), acl.resourceGroupId(),
          acl.createTime()));
    }
    ObjectNode out = Json.object();
    out.put("AclId", acl.id());
    return out;
  }

  /** Adds entries; ones already in the ACL (or repeated in the call) are ignored, comments included. */
  ObjectNode addEntries(Call call) {
    AccessControlList acl = find(call);
    List<AclEntryInput> input =
        AclEntryInput.parse(call.params().required("AclEntrys"), AclBindings.versionOf(acl), quotas.aclEntriesPerCall());
    Set<String> present = new HashSet<>();
    List<AccessControlList.Entry> entries = new ArrayList<>();
    for (AccessControlList.Entry e : acl.entries()) {
      present.add(AclEntryInput.normal(e.entry()));
      entries.add(e);
    }
    for (AclEntryInput in : input) {
      if (present.add(in.entry())) {
        entries.add(new AccessControlList.Entry(in.entry(), in.comment()));
      }
    }
    if (entries.size() > quotas.aclEntriesPerAcl()) {
      throw ApiException.of(ApiError.ACL_ENTRIES_OVER_QUOTA, entries.size() + " entries", quotas.aclEntriesPerAcl());
    }
    if (entries.size() != acl.entries().size()) {
      save(call, withEntries(acl, entries));
    }
    return Json.object();
  }

  /**
   * Removes entries; ones not in the ACL are ignored. Emptying an ACL that a listener uses is
   * refused ({@code AclEntryEmpty}): an empty ACL would let everyone through a white list.
   */
  ObjectNode removeEntries(Call call) {
    AccessControlList acl = find(call);
    List<AclEntryInput> input =
        AclEntryInput.parse(call.params().required("AclEntrys"), AclBindings.versionOf(acl), quotas.aclEntriesPerCall());
    Set<String> removing = new HashSet<>();
    input.forEach(in -> removing.add(in.entry()));
    List<AccessControlList.Entry> kept =
        acl.entries().stream().filter(e -> !removing.contains(AclEntryInput.normal(e.entry()))).toList();
    if (kept.size() == acl.entries().size()) {
      return Json.object();
    }
    if (kept.isEmpty() && !AclBindings.users(call, acl.id()).isEmpty()) {
      throw ApiException.of(ApiError.ACL_ENTRY_EMPTY, acl.id());
    }
    save(call, withEntries(acl, kept));
    return Json.object();
  }

  ObjectNode describeAll(Call call) {
    Params p = call.params();
    NumberedPage page = NumberedPage.read(p, "PageNumber", 50, 10);
    String nameFilter = p.string("AclName").orElse(null);
    String versionFilter = p.oneOf("AddressIPVersion", "ipv4", "ipv6").orElse(null);
    String groupFilter = p.string("ResourceGroupId").orElse(null);
    List<Tag> tagFilter = TagActions.tagFilterParams(p);
    List<AccessControlList> matching =
        all(call).stream()
            .filter(a -> nameFilter == null || (a.name() != null && a.name().contains(nameFilter)))
            .filter(a -> versionFilter == null || versionFilter.equals(AclBindings.versionOf(a)))
            .filter(a -> groupFilter == null || groupFilter.equals(a.resourceGroupId()))
            .filter(a -> TagActions.hasAll(ResourceTags.get(call, ResourceTags.ACL, a.id()), tagFilter))
            .sorted(Comparator.comparingLong(AccessControlList::createTime).reversed()
                .thenComparing(AccessControlList::id, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    List<AccessControlList> shown = page.of(matching);
    ObjectNode out = Json.object();
    page.describe(out, matching.size());
    out.put("Count", shown.size());
    Json.wrapped(out, "Acls", "Acl", shown, a -> {
      ObjectNode n = Json.object();
      n.put("AclId", a.id());
      n.put("AclName", a.name());
      n.put("AddressIPVersion", AclBindings.versionOf(a));
      n.put("ResourceGroupId", a.resourceGroupId() == null ? "" : a.resourceGroupId());
      n.put("ServiceManagedMode", "Unmanaged");
      n.put("CreateTime", LoadBalancerViews.time(a.createTime()));
      Json.wrapped(n, "Tags", "Tag", ResourceTags.get(call, ResourceTags.ACL, a.id()), LoadBalancerViews::tag);
      return n;
    });
    return out;
  }

  ObjectNode describe(Call call) {
    AccessControlList acl = find(call);
    Params p = call.params();
    String commentFilter = p.string("AclEntryComment").orElse(null);
    List<AccessControlList.Entry> entries =
        acl.entries().stream().filter(e -> commentFilter == null || commentFilter.equals(e.comment())).toList();
    int total = entries.size();
    if (p.has("Page") || p.has("PageSize")) {
      entries = NumberedPage.read(p, "Page", 50, 10).of(entries);
    }
    ObjectNode out = Json.object();
    out.put("AclId", acl.id());
    out.put("AclName", acl.name());
    out.put("AddressIPVersion", AclBindings.versionOf(acl));
    out.put("ResourceGroupId", acl.resourceGroupId() == null ? "" : acl.resourceGroupId());
    out.put("ServiceManagedMode", "Unmanaged");
    out.put("CreateTime", LoadBalancerViews.time(acl.createTime()));
    out.put("TotalAclEntry", total);
    Json.wrapped(out, "AclEntrys", "AclEntry", entries, e -> {
      ObjectNode n = Json.object();
      n.put("AclEntryIP", e.entry());
      n.put("AclEntryComment", e.comment() == null ? "" : e.comment());
      return n;
    });
    List<Listener> users =
        AclBindings.users(call, acl.id()).stream()
            .sorted(Comparator.comparing(Listener::loadBalancerId).thenComparingInt(Listener::port)
                .thenComparing(Listener::protocol))
            .toList();
    Json.wrapped(out, "RelatedListeners", "RelatedListener", users, l -> {
      ObjectNode n = Json.object();
      n.put("LoadBalancerId", l.loadBalancerId());
      n.put("ListenerPort", l.port());
      n.put("Protocol", l.protocol().apiName());
      Json.putIfNotNull(n, "AclType", l.aclType());
      return n;
    });
    Json.wrapped(out, "Tags", "Tag", ResourceTags.get(call, ResourceTags.ACL, acl.id()), LoadBalancerViews::tag);
    return out;
  }

  // ---- helpers

  private static AccessControlList find(Call call) {
    String id = call.params().required("AclId");
    return call.tx()
        .get(StoreLayout.acl(call.accountId(), call.regionId(), id), AccessControlList.class)
        .map(a -> a.id() == null ? new AccessControlList(id, a.name(), a.addressIpVersion(), a.entries(),
            a.resourceGroupId(), a.createTime()) : a)
        .orElseThrow(() -> ApiException.of(ApiError.ACL_NOT_FOUND));
  }

  private static List<AccessControlList> all(Call call) {
    return call.tx().list(StoreLayout.acls(call.accountId(), call.regionId()), AccessControlList.class);
  }

  private static void requireUniqueName(List<AccessControlList> existing, String name, String exceptId) {
    for (AccessControlList a : existing) {
      if (name.equals(a.name()) && !Objects.equals(a.id(), exceptId)) {
        throw ApiException.of(ApiError.ACL_NAME_EXISTS, name);
      }
    }
  }

  private static void save(Call call, AccessControlList acl) {
    call.tx().put(StoreLayout.acl(call.accountId(), call.regionId(), acl.id()), acl);
  }

  private static AccessControlList withEntries(AccessControlList acl, List<AccessControlList.Entry> entries) {
    return new AccessControlList(acl.id(), acl.name(), acl.addressIpVersion(), entries, acl.resourceGroupId(),
        acl.createTime());
  }
}
