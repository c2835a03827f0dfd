package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.AddTagsRequest;
import com.aliyuncs.slb.model.v20140515.CreateAccessControlListRequest;
import com.aliyuncs.slb.model.v20140515.DeleteAccessControlListRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import com.aliyuncs.slb.model.v20140515.DescribeTagsRequest;
import com.aliyuncs.slb.model.v20140515.DescribeTagsResponse.TagSet;
import com.aliyuncs.slb.model.v20140515.DescribeTagsResponse;
import com.aliyuncs.slb.model.v20140515.ListTagResourcesRequest;
import com.aliyuncs.slb.model.v20140515.ListTagResourcesResponse.TagResource;
import com.aliyuncs.slb.model.v20140515.ListTagResourcesResponse;
import com.aliyuncs.slb.model.v20140515.RemoveTagsRequest;
import com.aliyuncs.slb.model.v20140515.TagResourcesRequest;
import com.aliyuncs.slb.model.v20140515.UntagResourcesRequest;
import io.openslb.store.StoreLayout;
import io.openslb.store.Txn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 6 tag actions through the official SDK: the legacy instance tags, the unified tags of every
 * resource type, that both generations see the same instance tags, the key/value rules and
 * limits, cleanup when a resource is deleted, and the Terraform tag sequence.
 */
class TagIT {
  @RegisterExtension
  static final OpenSlbExtension slb = OpenSlbExtension.withYaml("quotas:\n  load-balancers-per-account: 200\n");
  static final Sdk sdk = slb.sdk();
  static final ListenerSupport it = new ListenerSupport(slb);

  // ---- helpers

  /** {@code [{"TagKey":k,"TagValue":v},...]}; a null value is left out. */
  static String json(String... keyValues) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < keyValues.length; i += 2) {
      sb.append(i == 0 ? "" : ",").append("{\"TagKey\":\"").append(keyValues[i]).append('"');
      if (keyValues[i + 1] != null) {
        sb.append(",\"TagValue\":\"").append(keyValues[i + 1]).append('"');
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  static AddTagsRequest addTags(String lb, String tagsJson) {
    AddTagsRequest r = new AddTagsRequest();
    r.setLoadBalancerId(lb);
    r.setTags(tagsJson);
    return r;
  }

  static RemoveTagsRequest removeTags(String lb, String tagsJson) {
    RemoveTagsRequest r = new RemoveTagsRequest();
    r.setLoadBalancerId(lb);
    r.setTags(tagsJson);
    return r;
  }

  static DescribeTagsResponse describeTags(String lb, String tagsJson, Boolean distinct) {
    DescribeTagsRequest r = new DescribeTagsRequest();
    if (lb != null) {
      r.setLoadBalancerId(lb);
    }
    if (tagsJson != null) {
      r.setTags(tagsJson);
    }
    if (distinct != null) {
      r.setDistinctKey(distinct);
    }
    return sdk.call(r);
  }

  static TagResourcesRequest tagRequest(String type, List<String> ids, String... keyValues) {
    TagResourcesRequest r = new TagResourcesRequest();
    r.setResourceType(type);
    r.setResourceIds(ids);
    List<TagResourcesRequest.Tag> tags = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      TagResourcesRequest.Tag t = new TagResourcesRequest.Tag();
      t.setKey(keyValues[i]);
      t.setValue(keyValues[i + 1]);
      tags.add(t);
    }
    r.setTags(tags);
    return r;
  }

  static UntagResourcesRequest untagRequest(String type, List<String> ids, Boolean all, String... keys) {
    UntagResourcesRequest r = new UntagResourcesRequest();
    r.setResourceType(type);
    r.setResourceIds(ids);
    if (keys.length > 0) {
      r.setTagKeys(List.of(keys));
    }
    if (all != null) {
      r.setAll(all);
    }
    return r;
  }

  static ListTagResourcesResponse listTags(String type, List<String> ids, String token, String... filterKeyValues) {
    ListTagResourcesRequest r = new ListTagResourcesRequest();
    r.setResourceType(type);
    if (ids != null) {
      r.setResourceIds(ids);
    }
    if (token != null) {
      r.setNextToken(token);
    }
    List<ListTagResourcesRequest.Tag> filters = new ArrayList<>();
    for (int i = 0; i < filterKeyValues.length; i += 2) {
      ListTagResourcesRequest.Tag t = new ListTagResourcesRequest.Tag();
      t.setKey(filterKeyValues[i]);
      t.setValue(filterKeyValues[i + 1]);
      filters.add(t);
    }
    if (!filters.isEmpty()) {
      r.setTags(filters);
    }
    return sdk.call(r);
  }

  /** (ResourceId, TagKey, TagValue) of every row. */
  static List<org.assertj.core.groups.Tuple> rows(ListTagResourcesResponse r) {
    return r.getTagResources().stream()
        .map(t -> tuple(t.getResourceId(), t.getTagKey(), t.getTagValue()))
        .toList();
  }

  static List<org.assertj.core.groups.Tuple> lbTags(String lb) {
    DescribeLoadBalancersRequest r = new DescribeLoadBalancersRequest();
    r.setLoadBalancerId(lb);
    return sdk.call(r).getLoadBalancers().get(0).getTags().stream()
        .map(t -> tuple(t.getTagKey(), t.getTagValue()))
        .toList();
  }

  static String acl(String name) {
    CreateAccessControlListRequest r = new CreateAccessControlListRequest();
    r.setAclName(name);
    return sdk.call(r).getAclId();
  }

  static void expectError(AcsRequest<?> request, String code, String messagePart) {
    ClientException e = sdk.error(request);
    assertThat(e.getErrCode()).as("code (message %s)", e.getErrMsg()).isEqualTo(code);
    if (messagePart != null) {
      assertThat(e.getErrMsg()).contains(messagePart);
    }
  }

  static void putRecord(String key, String json) {
    slb.server().store().commit(Txn.builder().put(key, Stored.encode(json)).build());
  }

  // ---- legacy

  @Test
  void legacyAddRemoveTags() {
    String lb = it.loadBalancer();
    sdk.call(addTags(lb, json("env", "prod", "team", "web")));
    assertThat(lbTags(lb)).containsExactly(tuple("env", "prod"), tuple("team", "web"));

    // same key: the value is replaced in place; a tag without value gets ""
    sdk.call(addTags(lb, json("env", "staging", "owner", null)));
    assertThat(lbTags(lb)).containsExactly(tuple("env", "staging"), tuple("team", "web"), tuple("owner", ""));

    // by key; with a value only when it matches; absent keys ignored
    sdk.call(removeTags(lb, json("team", "other", "owner", null, "nope", null)));
    assertThat(lbTags(lb)).containsExactly(tuple("env", "staging"), tuple("team", "web"));
    sdk.call(removeTags(lb, json("team", "web")));
    assertThat(lbTags(lb)).containsExactly(tuple("env", "staging"));
  }

  @Test
  void legacyLimitsAndErrors() {
    String lb = it.loadBalancer();
    expectError(addTags(lb, json("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6")),
        "TagCreateCountLimit", "6");
    sdk.call(addTags(lb, json("k1", "v", "k2", "v", "k3", "v", "k4", "v", "k5", "v")));
    sdk.call(addTags(lb, json("k6", "v", "k7", "v", "k8", "v", "k9", "v", "k10", "v")));
    expectError(addTags(lb, json("k11", "v")), "TagCountLimit", "11");
    // overwriting at the limit is fine
    sdk.call(addTags(lb, json("k1", "changed")));
    assertThat(lbTags(lb)).hasSize(10).contains(tuple("k1", "changed"));

    String other = it.loadBalancer();
    expectError(addTags(other, json("aliyun-x", "v")), "InvalidParam.TagKey", "aliyun-x");
    expectError(addTags(other, json("acs:x", "v")), "InvalidParam.TagKey", "acs:x");
    expectError(addTags(other, json("k", "https://example.com")), "InvalidParam.TagValue", null);
    expectError(addTags(other, "[{\"TagValue\":\"no key\"}]"), "InvalidParameter", "Tags");
    expectError(addTags(other, "not json"), "InvalidParameter", "Tags");
    expectError(addTags(other, null), "MissingParameter", "Tags");
    expectError(addTags("lb-doesnotexist0000000", json("k", "v")), "InvalidLoadBalancerId.NotFound", null);
    assertThat(lbTags(other)).isEmpty();
  }

  @Test
  void describeTagsCountsInstances() {
    String a = it.loadBalancer();
    String b = it.loadBalancer();
    String c = it.loadBalancer();
    sdk.call(addTags(a, json("dt-env", "prod", "dt-team", "a")));
    sdk.call(addTags(b, json("dt-env", "prod", "dt-team", "b")));
    sdk.call(addTags(c, json("dt-env", "dev")));

    assertThat(describeTags(null, json("dt-env", null), null).getTagSets())
        .extracting(TagSet::getTagKey, TagSet::getTagValue, TagSet::getInstanceCount)
        .containsExactly(tuple("dt-env", "dev", 1), tuple("dt-env", "prod", 2));

    // conditions are AND-ed: instances with dt-env=prod and any dt-team
    assertThat(describeTags(null, json("dt-env", "prod", "dt-team", null), null).getTagSets())
        .extracting(TagSet::getTagKey, TagSet::getTagValue, TagSet::getInstanceCount)
        .containsExactly(tuple("dt-env", "prod", 2), tuple("dt-team", "a", 1), tuple("dt-team", "b", 1));

    assertThat(describeTags(null, json("dt-team", null), true).getTagSets())
        .extracting(TagSet::getTagKey, TagSet::getTagValue, TagSet::getInstanceCount)
        .containsExactly(tuple("dt-team", null, 2));

    assertThat(describeTags(a, null, null).getTagSets())
        .extracting(TagSet::getTagKey, TagSet::getTagValue, TagSet::getInstanceCount)
        .containsExactly(tuple("dt-env", "prod", 1), tuple("dt-team", "a", 1));

    DescribeTagsRequest paged = new DescribeTagsRequest();
    paged.setTags(json("dt-env", null));
    paged.setPageSize(1);
    paged.setPageNumber(2);
    DescribeTagsResponse page = sdk.call(paged);
    assertThat(page.getTotalCount()).isEqualTo(2);
    assertThat(page.getPageNumber()).isEqualTo(2);
    assertThat(page.getPageSize()).isEqualTo(1);
    assertThat(page.getTagSets()).extracting(TagSet::getTagValue).containsExactly("prod");

    DescribeTagsRequest missing = new DescribeTagsRequest();
    missing.setLoadBalancerId("lb-doesnotexist0000000");
    expectError(missing, "InvalidLoadBalancerId.NotFound", null);
  }

  // ---- both generations on load balancers

  @Test
  void bothGenerationsShareInstanceTags() {
    String lb = it.loadBalancer();
    sdk.call(addTags(lb, json("gen-legacy", "1")));
    sdk.call(tagRequest("instance", List.of(lb), "gen-unified", "2"));

    assertThat(rows(listTags("instance", List.of(lb), null)))
        .containsExactly(tuple(lb, "gen-legacy", "1"), tuple(lb, "gen-unified", "2"));
    assertThat(listTags("instance", List.of(lb), null).getTagResources())
        .extracting(TagResource::getResourceType).containsOnly("instance");
    assertThat(describeTags(lb, null, null).getTagSets()).extracting(TagSet::getTagKey)
        .containsExactly("gen-legacy", "gen-unified");
    assertThat(lbTags(lb)).containsExactly(tuple("gen-legacy", "1"), tuple("gen-unified", "2"));

    // DescribeLoadBalancers filters by tags from either generation
    DescribeLoadBalancersRequest byTag = new DescribeLoadBalancersRequest();
    byTag.setTags(json("gen-unified", "2"));
    DescribeLoadBalancersResponse found = sdk.call(byTag);
    assertThat(found.getLoadBalancers()).extracting(DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerId)
        .containsExactly(lb);

    // UntagResources removes a legacy tag; RemoveTags a unified one
    sdk.call(untagRequest("instance", List.of(lb), null, "gen-legacy"));
    assertThat(lbTags(lb)).containsExactly(tuple("gen-unified", "2"));
    sdk.call(removeTags(lb, json("gen-unified", null)));
    assertThat(rows(listTags("instance", List.of(lb), null))).isEmpty();

    // 20 per resource for TagResources, beyond the legacy 10
    List<String> kv = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      kv.add("u" + i);
      kv.add("v" + i);
    }
    sdk.call(tagRequest("instance", List.of(lb), kv.toArray(String[]::new)));
    assertThat(lbTags(lb)).hasSize(20);
    expectError(addTags(lb, json("one-more", "x")), "TagCountLimit", null);
    sdk.call(untagRequest("instance", List.of(lb), true));
    assertThat(lbTags(lb)).isEmpty();
  }

  // ---- other resource types

  @Test
  void listenerTagsFollowTheListener() {
    String lb = it.loadBalancer();
    it.http(lb, 80);
    it.udp(lb, 80);
    sdk.call(tagRequest("listener", List.of(lb + "_HTTP_80", lb + "_udp_80"), "tier", "front"));
    assertThat(rows(listTags("listener", List.of(lb + "_http_80", lb + "_udp_80"), null)))
        .containsExactly(tuple(lb + "_http_80", "tier", "front"), tuple(lb + "_udp_80", "tier", "front"));

    for (String bad : List.of(lb + "_http_81", lb + "_tcp_80", lb + "_ftp_80", lb, "lb-doesnotexist0000000_http_80")) {
      expectError(tagRequest("listener", List.of(bad), "k", "v"), "InvalidResourceId.NotFound", bad);
    }

    // deleting the listener deletes its tags: a new listener on the port starts without
    it.sdk().call(ListenerSupport.deleteListener(lb, 80, "http"));
    assertThat(rows(listTags("listener", List.of(lb + "_http_80"), null))).isEmpty();
    it.http(lb, 80);
    assertThat(rows(listTags("listener", List.of(lb + "_http_80"), null))).isEmpty();
    assertThat(rows(listTags("listener", List.of(lb + "_udp_80"), null))).hasSize(1);

    // deleting the load balancer deletes its listeners' tags
    DeleteLoadBalancerRequest delete = new DeleteLoadBalancerRequest();
    delete.setLoadBalancerId(lb);
    sdk.call(delete);
    String prefix = StoreLayout.tags(slb.rootAccountId(), Sdk.REGION, "listener") + lb;
    assertThat(slb.server().store().list(prefix).entries()).isEmpty();
  }

  @Test
  void aclGroupAndCertificateTags() {
    String acl = acl("tag-acl");
    String lb = it.loadBalancer();
    String group = it.vserverGroup(lb, "rsp-tagitgroup0001");
    String msGroup = "rsp-tagitmsgroup01";
    putRecord(StoreLayout.masterSlaveGroup(slb.rootAccountId(), Sdk.REGION, msGroup),
        "{\"id\":\"" + msGroup + "\",\"loadBalancerId\":\"" + lb + "\",\"kind\":\"masterslave\"}");
    String cert = it.serverCertificate();
    String ca = it.caCertificate();

    sdk.call(tagRequest("acl", List.of(acl), "k", "acl"));
    sdk.call(tagRequest("vservergroup", List.of(group), "k", "group"));
    sdk.call(tagRequest("masterslaveservergroup", List.of(msGroup), "k", "ms"));
    sdk.call(tagRequest("certificate", List.of(cert, ca), "k", "cert"));

    assertThat(rows(listTags("acl", List.of(acl), null))).containsExactly(tuple(acl, "k", "acl"));
    assertThat(rows(listTags("vservergroup", List.of(group), null))).containsExactly(tuple(group, "k", "group"));
    assertThat(rows(listTags("masterslaveservergroup", null, null))).containsExactly(tuple(msGroup, "k", "ms"));
    assertThat(rows(listTags("certificate", List.of(cert, ca), null)))
        .containsExactly(tuple(cert, "k", "cert"), tuple(ca, "k", "cert"));
    // a group id is not an ACL id: types do not mix
    assertThat(rows(listTags("acl", List.of(group), null))).isEmpty();
    expectError(tagRequest("vservergroup", List.of(acl), "k", "v"), "InvalidResourceId.NotFound", acl);
    expectError(tagRequest("certificate", List.of("1234_nocert_1_1"), "k", "v"), "InvalidResourceId.NotFound", null);
    expectError(tagRequest("acl", List.of("acl-doesnotexist0000000"), "k", "v"), "InvalidResourceId.NotFound", null);

    // the ACL list and attribute show the tags; deleting the ACL deletes them
    DeleteAccessControlListRequest delete = new DeleteAccessControlListRequest();
    delete.setAclId(acl);
    sdk.call(delete);
    assertThat(rows(listTags("acl", List.of(acl), null))).isEmpty();
    assertThat(slb.server().store().get(StoreLayout.tags(slb.rootAccountId(), Sdk.REGION, "acl", acl))).isEmpty();

    // deleting a VServer group deletes its tags too
    com.aliyuncs.slb.model.v20140515.DeleteVServerGroupRequest deleteGroup =
        new com.aliyuncs.slb.model.v20140515.DeleteVServerGroupRequest();
    deleteGroup.setVServerGroupId(group);
    sdk.call(deleteGroup);
    assertThat(slb.server().store().get(StoreLayout.tags(slb.rootAccountId(), Sdk.REGION, "vservergroup", group)))
        .isEmpty();
  }

  @Test
  void untagByKeyAllOrNothing() {
    String acl = acl("untag-acl");
    sdk.call(tagRequest("acl", List.of(acl), "a", "1", "b", "2", "c", "3"));
    sdk.call(untagRequest("acl", List.of(acl), null, "b", "absent"));
    assertThat(rows(listTags("acl", List.of(acl), null))).containsExactly(tuple(acl, "a", "1"), tuple(acl, "c", "3"));
    // neither keys nor All: nothing happens
    sdk.call(untagRequest("acl", List.of(acl), false));
    assertThat(rows(listTags("acl", List.of(acl), null))).hasSize(2);
    sdk.call(untagRequest("acl", List.of(acl), true));
    assertThat(rows(listTags("acl", List.of(acl), null))).isEmpty();
    expectError(untagRequest("acl", List.of("acl-doesnotexist0000000"), true), "InvalidResourceId.NotFound", null);
  }

  @Test
  void keyValueRulesAndLimits() {
    String acl = acl("rules-acl");
    List<String> one = List.of(acl);
    expectError(tagRequest("acl", one, "k".repeat(65), "v"), "InvalidParam.TagKey", null);
    expectError(tagRequest("acl", one, "aliyunkey", "v"), "InvalidParam.TagKey", null);
    expectError(tagRequest("acl", one, "acs:key", "v"), "InvalidParam.TagKey", null);
    expectError(tagRequest("acl", one, "see http://x", "v"), "InvalidParam.TagKey", null);
    expectError(tagRequest("acl", one, "k", "v".repeat(129)), "InvalidParam.TagValue", null);
    expectError(tagRequest("acl", one, "k", "acs:v"), "InvalidParam.TagValue", null);
    expectError(tagRequest("acl", one, null, "v"), "MissingParam.TagKey", "Tag.1.Key");
    expectError(tagRequest("acl", one), "MissingParam.TagKey", null);
    expectError(tagRequest("loadbalancer", one, "k", "v"), "InvalidParameter", "ResourceType");
    expectError(tagRequest("acl", List.of(), "k", "v"), "MissingParameter", "ResourceId");

    List<String> kv = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      kv.add("k" + i);
      kv.add("v");
    }
    expectError(tagRequest("acl", one, kv.toArray(String[]::new)), "SizeLimitExceeded.Tag", "21");
    sdk.call(tagRequest("acl", one, kv.subList(0, 38).toArray(String[]::new)));
    expectError(tagRequest("acl", one, "x", "1", "y", "2"), "SizeLimitExceeded.Tag", "21");
    // overwriting at the limit is fine; a 64-character key and an empty value are valid
    sdk.call(tagRequest("acl", one, "k0", "w", "k1", ""));
    assertThat(rows(listTags("acl", one, null))).hasSize(19).contains(tuple(acl, "k0", "w"), tuple(acl, "k1", ""));
    sdk.call(tagRequest("acl", one, "k".repeat(64), "v"));

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      ids.add("acl-x" + i);
    }
    expectError(tagRequest("acl", ids, "k", "v"), "SizeLimitExceeded.ResourceId", "21");
    // nothing is tagged when one resource is missing
    String other = acl("rules-acl-2");
    expectError(tagRequest("acl", List.of(other, "acl-missing"), "k", "v"), "InvalidResourceId.NotFound", "acl-missing");
    assertThat(rows(listTags("acl", List.of(other), null))).isEmpty();
  }

  @Test
  void listTagResourcesPagesAndFilters() {
    List<String> acls = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      String acl = acl("page-tags-" + n);
      acls.add(acl);
      List<String> kv = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        kv.add(String.format("p%02d", i));
        kv.add("acl" + n);
      }
      sdk.call(tagRequest("acl", List.of(acl), kv.toArray(String[]::new)));
    }
    ListTagResourcesResponse first = listTags("acl", acls, null);
    assertThat(first.getTagResources()).hasSize(50);
    assertThat(first.getNextToken()).isNotBlank();
    ListTagResourcesResponse second = listTags("acl", acls, first.getNextToken());
    assertThat(second.getTagResources()).hasSize(10);
    assertThat(second.getNextToken()).isNullOrEmpty();
    List<org.assertj.core.groups.Tuple> all = new ArrayList<>(rows(first));
    all.addAll(rows(second));
    assertThat(all).hasSize(60).doesNotHaveDuplicates()
        .contains(tuple(acls.get(0), "p00", "acl0"), tuple(acls.get(2), "p19", "acl2"));

    // filter without ResourceId: every tag of the ACLs carrying p05=acl1
    assertThat(rows(listTags("acl", null, null, "p05", "acl1"))).hasSize(20)
        .allMatch(t -> t.toList().get(0).equals(acls.get(1)));
    // a key-only filter matches any value; filters are AND-ed
    assertThat(rows(listTags("acl", acls, null, "p05", null)).size()).isEqualTo(50);
    assertThat(rows(listTags("acl", acls, null, "p05", "acl1", "p06", "acl2"))).isEmpty();

    ListTagResourcesRequest badToken = new ListTagResourcesRequest();
    badToken.setResourceType("acl");
    badToken.setNextToken("garbage");
    expectError(badToken, "InvalidParameter", "NextToken");
  }

  // ---- Terraform (ECOSYSTEM.md §3.2): alicloud_slb_load_balancer tags

  @Test
  void terraformLoadBalancerTags() {
    String lb = it.loadBalancer();
    // Create → Update: setTags = TagResources with the new tags
    sdk.call(tagRequest("instance", List.of(lb), "Created", "TF", "For", "acceptance test"));
    // Read: ListTagResources(instance)
    assertThat(rows(listTags("instance", List.of(lb), null)))
        .containsExactly(tuple(lb, "Created", "TF"), tuple(lb, "For", "acceptance test"));
    // Update: removed keys via UntagResources, then changed/added via TagResources
    sdk.call(untagRequest("instance", List.of(lb), null, "For"));
    sdk.call(tagRequest("instance", List.of(lb), "Created", "TF-update", "Env", "test"));
    assertThat(rows(listTags("instance", List.of(lb), null)))
        .containsExactly(tuple(lb, "Created", "TF-update"), tuple(lb, "Env", "test"));
    // Delete: the instance goes, and with it its tags
    DeleteLoadBalancerRequest delete = new DeleteLoadBalancerRequest();
    delete.setLoadBalancerId(lb);
    sdk.call(delete);
    assertThat(rows(listTags("instance", List.of(lb), null))).isEmpty();
  }
}
