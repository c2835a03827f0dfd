package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Quotas;
import io.openslb.model.LoadBalancer;
import io.openslb.model.Tag;
import io.openslb.store.StoreLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The 6 tag actions (SEMANTICS.md §9): the legacy AddTags/RemoveTags/DescribeTags on load
 * balancers and the unified TagResources/UntagResources/ListTagResources on every resource type.
 * Both generations work on the same tags ({@link ResourceTags}); only their limits differ (legacy:
 * 5 per call, 10 per instance; unified: 20 per resource).
 */
public final class TagActions {

  /** Rows per ListTagResources page. */
  static final int LIST_PAGE_SIZE = 50;

  private final Quotas quotas;

  public TagActions(Quotas quotas) {
    this.quotas = quotas;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("AddTags", this::addTags)
        .register("RemoveTags", this::removeTags)
        .register("DescribeTags", this::describeTags)
        .register("TagResources", this::tagResources)
        .register("UntagResources", this::untagResources)
        .register("ListTagResources", this::listTagResources);
  }

  // ---- legacy: load balancers, Tags as a JSON string

  ObjectNode addTags(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    List<Tag> given = LoadBalancerFilter.parseTags(call.params().required("Tags"));
    if (given.size() > quotas.legacyTagsPerCall()) {
      throw ApiException.of(ApiError.TAG_CREATE_COUNT_LIMIT, quotas.legacyTagsPerCall(), given.size());
    }
    List<Tag> changes = new ArrayList<>();
    for (Tag t : given) {
      ResourceTags.checkKey(t.key(), "Tags.TagKey");
      ResourceTags.checkValue(t.value(), "Tags.TagValue");
      changes.add(new Tag(t.key(), t.value() == null ? "" : t.value()));
    }
    List<Tag> merged = ResourceTags.merge(lb.tags(), changes);
    if (merged.size() > quotas.legacyTagsPerLoadBalancer() && merged.size() > lb.tags().size()) {
      throw ApiException.of(ApiError.TAG_COUNT_LIMIT, merged.size() + " tags", quotas.legacyTagsPerLoadBalancer());
    }
    ResourceTags.put(call, ResourceTags.INSTANCE, lb.id(), merged);
    return Json.object();
  }

  /** Removes the listed keys; a listed TagValue must match too. Absent tags are ignored. */
  ObjectNode removeTags(Call call) {
    LoadBalancer lb = Lookups.unlocked(Lookups.loadBalancer(call));
    List<Tag> given = LoadBalancerFilter.parseTags(call.params().required("Tags"));
    List<Tag> kept = lb.tags().stream().filter(t -> given.stream().noneMatch(g -> matches(g, t))).toList();
    if (kept.size() != lb.tags().size()) {
      ResourceTags.put(call, ResourceTags.INSTANCE, lb.id(), kept);
    }
    return Json.object();
  }

  /**
   * Tag pairs with the number of instances carrying them. {@code Tags} selects the instances that
   * carry every listed tag (a key without value: any value) and lists just those tags;
   * {@code DistinctKey=true} counts by key only.
   */
  ObjectNode describeTags(Call call) {
    Params p = call.params();
    NumberedPage page = NumberedPage.read(p, "PageNumber", 100, 50);
    boolean distinctKey = p.bool("DistinctKey").orElse(false);
    List<Tag> conditions = LoadBalancerFilter.parseTags(p.string("Tags").orElse(null));
    List<LoadBalancer> lbs =
        p.has("LoadBalancerId")
            ? List.of(Lookups.loadBalancer(call))
            : call.tx().list(StoreLayout.loadBalancers(call.accountId(), call.regionId()), LoadBalancer.class);
    // key -> value ("" for distinct keys) -> instance count
    TreeMap<String, TreeMap<String, Integer>> counts = new TreeMap<>();
    for (LoadBalancer lb : lbs) {
      if (!hasAll(lb.tags(), conditions)) {
        continue;
      }
      for (Tag t : lb.tags()) {
        if (conditions.isEmpty() || conditions.stream().anyMatch(c -> matches(c, t))) {
          String value = distinctKey ? "" : t.value() == null ? "" : t.value();
          counts.computeIfAbsent(t.key(), k -> new TreeMap<>()).merge(value, 1, Integer::sum);
        }
      }
    }
    List<ObjectNode> sets = new ArrayList<>();
    counts.forEach((key, values) -> values.forEach((value, n) -> {
      ObjectNode o = Json.object();
      o.put("TagKey", key);
      if (!distinctKey) {
        o.put("TagValue", value);
      }
      o.put("InstanceCount", n);
      sets.add(o);
    }));
    ObjectNode out = Json.object();
    page.describe(out, sets.size());
    Json.wrapped(out, "TagSets", "TagSet", page.of(sets), o -> o);
    return out;
  }

  // ---- unified: any resource type, Tag.N.Key / Tag.N.Value

  ObjectNode tagResources(Call call) {
    Params p = call.params();
    String type = p.requiredOneOf("ResourceType", ResourceTags.TYPES);
    List<String> ids = resourceIds(p, true);
    List<Tag> tags = tagParams(p, quotas.tagsPerResource());
    if (tags.isEmpty()) {
      throw ApiException.of(ApiError.TAG_KEY_MISSING, "Tag.1.Key");
    }
    List<String> canonical = ids.stream().map(id -> ResourceTags.requireExisting(call, type, id)).toList();
    for (String id : canonical) {
      List<Tag> merged = ResourceTags.merge(ResourceTags.get(call, type, id), tags);
      if (merged.size() > quotas.tagsPerResource()) {
        throw ApiException.of(ApiError.TAG_SIZE_LIMIT, "The maximum number of tags of " + type + " " + id
            + " is exceeded: " + merged.size() + " (expected at most " + quotas.tagsPerResource() + ").");
      }
      ResourceTags.put(call, type, id, merged);
    }
    return Json.object();
  }

  /** Removes the listed keys, or every tag with {@code All=true} and no key; neither: nothing. */
  ObjectNode untagResources(Call call) {
    Params p = call.params();
    String type = p.requiredOneOf("ResourceType", ResourceTags.TYPES);
    List<String> ids = resourceIds(p, true);
    List<String> keys = p.repeated("TagKey");
    if (keys.size() > quotas.tagsPerResource()) {
      throw ApiException.of(ApiError.TAG_SIZE_LIMIT,
          "At most " + quotas.tagsPerResource() + " TagKey.N per call: " + keys.size() + " given.");
    }
    boolean all = p.bool("All").orElse(false);
    List<String> canonical = ids.stream().map(id -> ResourceTags.requireExisting(call, type, id)).toList();
    for (String id : canonical) {
      List<Tag> current = ResourceTags.get(call, type, id);
      List<Tag> kept =
          !keys.isEmpty() ? current.stream().filter(t -> !keys.contains(t.key())).toList()
              : all ? List.of() : current;
      if (kept.size() != current.size()) {
        ResourceTags.put(call, type, id, kept);
      }
    }
    return Json.object();
  }

  /**
   * One row per tag of each resource that carries every Tag.N filter; ResourceId.N limits the
   * resources (unknown ids give no rows). Pages of {@value #LIST_PAGE_SIZE} rows, continued by
   * NextToken.
   */
  ObjectNode listTagResources(Call call) {
    Params p = call.params();
    String type = p.requiredOneOf("ResourceType", ResourceTags.TYPES);
    List<String> ids = resourceIds(p, false);
    List<Tag> filters = tagFilterParams(p);
    int offset = Lookups.offsetToken(p);
    List<String> resources = new ArrayList<>();
    if (ids.isEmpty()) {
      ResourceTags.taggedIds(call, type).stream().sorted()
          .forEach(id -> ResourceTags.existing(call, type, id).ifPresent(resources::add));
    } else {
      ids.forEach(id -> ResourceTags.existing(call, type, id).ifPresent(resources::add));
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (String id : new LinkedHashSet<>(resources)) {
      List<Tag> tags = ResourceTags.get(call, type, id);
      if (!hasAll(tags, filters)) {
        continue;
      }
      for (Tag t : tags) {
        ObjectNode o = Json.object();
        o.put("ResourceType", type);
        o.put("ResourceId", id);
        o.put("TagKey", t.key());
        o.put("TagValue", t.value() == null ? "" : t.value());
        rows.add(o);
      }
    }
    int from = Math.min(offset, rows.size());
    int to = Math.min(from + LIST_PAGE_SIZE, rows.size());
    ObjectNode out = Json.object();
    if (to < rows.size()) {
      out.put("NextToken", Integer.toString(to));
    }
    Json.wrapped(out, "TagResources", "TagResource", rows.subList(from, to), o -> o);
    return out;
  }

  // ---- shared parameter readers and tag filters (also used by the ACL and load balancer actions)

  /** {@code Tag.N.Key}/{@code Tag.N.Value} to set: keys and values checked, a repeated key keeps the last value. */
  static List<Tag> tagParams(Params p, int max) {
    List<Tag> out = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      Optional<String> key = p.string("Tag." + i + ".Key");
      Optional<String> value = p.string("Tag." + i + ".Value");
      if (key.isEmpty() && value.isEmpty()) {
        break;
      }
      ResourceTags.checkKey(key.orElse(null), "Tag." + i + ".Key");
      ResourceTags.checkValue(value.orElse(null), "Tag." + i + ".Value");
      out.add(new Tag(key.get(), value.orElse("")));
    }
    if (out.size() > max) {
      throw ApiException.of(ApiError.TAG_SIZE_LIMIT, "At most " + max + " Tag.N per call: " + out.size() + " given.");
    }
    return ResourceTags.merge(List.of(), out);
  }

  /** {@code Tag.N.Key}/{@code Tag.N.Value} as filters: a missing value matches any value. */
  static List<Tag> tagFilterParams(Params p) {
    return tagFilterParams(p, 1000);
  }

  /** As {@link #tagFilterParams(Params)}, reading N up to {@code lastN} only (later ones are ignored). */
  static List<Tag> tagFilterParams(Params p, int lastN) {
    List<Tag> out = new ArrayList<>();
    for (int i = 1; i <= lastN; i++) {
      Optional<String> key = p.string("Tag." + i + ".Key");
      if (key.isEmpty()) {
        break;
      }
      out.add(new Tag(key.get(), p.string("Tag." + i + ".Value").orElse(null)));
    }
    return out;
  }

  /** Whether {@code tags} satisfy every condition (a condition without value matches any value). */
  static boolean hasAll(List<Tag> tags, List<Tag> conditions) {
    return conditions.stream().allMatch(c -> tags.stream().anyMatch(t -> matches(c, t)));
  }

  private static boolean matches(Tag condition, Tag t) {
    return t.key().equals(condition.key()) && (condition.value() == null || condition.value().equals(t.value()));
  }

  private List<String> resourceIds(Params p, boolean required) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(p.repeated("ResourceId")));
    if (ids.isEmpty() && required) {
      throw ApiException.missing("ResourceId.1");
    }
    if (ids.size() > quotas.resourcesPerTagCall()) {
      throw ApiException.of(ApiError.RESOURCE_ID_SIZE_LIMIT, ids.size(), quotas.resourcesPerTagCall());
    }
    return ids;
  }
}
