package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.AddAccessControlListEntryRequest;
import com.aliyuncs.slb.model.v20140515.CreateAccessControlListRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteAccessControlListRequest;
import com.aliyuncs.slb.model.v20140515.DescribeAccessControlListAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeAccessControlListAttributeResponse.AclEntry;
import com.aliyuncs.slb.model.v20140515.DescribeAccessControlListAttributeResponse.RelatedListener;
import com.aliyuncs.slb.model.v20140515.DescribeAccessControlListAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeAccessControlListsRequest;
import com.aliyuncs.slb.model.v20140515.DescribeAccessControlListsResponse.Acl;
import com.aliyuncs.slb.model.v20140515.DescribeAccessControlListsResponse;
import com.aliyuncs.slb.model.v20140515.ListTagResourcesRequest;
import com.aliyuncs.slb.model.v20140515.ListTagResourcesResponse.TagResource;
import com.aliyuncs.slb.model.v20140515.RemoveAccessControlListEntryRequest;
import com.aliyuncs.slb.model.v20140515.SetAccessControlListAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerHTTPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.TagResourcesRequest;
import io.openslb.controlplane.service.Accounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 7 access control list actions through the official SDK: entries read back as the SDK models
 * them, the quotas, the two refusals that protect listeners (AclEntryEmpty, deleting an ACL in
 * use), binding to listeners of all four protocols, and the Terraform call sequences.
 */
class AclIT {
  private static final String MISSING_ACL = "acl-doesnotexist0000000";

  // four listeners per ACL so that the quota is reachable; many load balancers per test class
  @RegisterExtension
  static final OpenSlbExtension slb =
      OpenSlbExtension.withYaml("quotas:\n  load-balancers-per-account: 200\n  listeners-per-acl: 4\n");
  static final Sdk sdk = slb.sdk();
  static final ListenerSupport it = new ListenerSupport(slb);

  // ---- helpers

  static String createAcl(String name) {
    return createAcl(sdk, name, null);
  }

  static String createAcl(Sdk client, String name, String version) {
    CreateAccessControlListRequest r = new CreateAccessControlListRequest();
    r.setAclName(name);
    if (version != null) {
      r.setAddressIPVersion(version);
    }
    return client.call(r).getAclId();
  }

  /** {@code [{"entry":e1,"comment":c1},...]}; a null comment is left out. */
  static String entries(String... entryCommentPairs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < entryCommentPairs.length; i += 2) {
      sb.append(i == 0 ? "" : ",").append("{\"entry\":\"").append(entryCommentPairs[i]).append('"');
      if (entryCommentPairs[i + 1] != null) {
        sb.append(",\"comment\":\"").append(entryCommentPairs[i + 1]).append('"');
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  static AddAccessControlListEntryRequest addRequest(String acl, String json) {
    AddAccessControlListEntryRequest r = new AddAccessControlListEntryRequest();
    r.setAclId(acl);
    r.setAclEntrys(json);
    return r;
  }

  static RemoveAccessControlListEntryRequest removeRequest(String acl, String json) {
    RemoveAccessControlListEntryRequest r = new RemoveAccessControlListEntryRequest();
    r.setAclId(acl);
    r.setAclEntrys(json);
    return r;
  }

  static DescribeAccessControlListAttributeRequest attrRequest(String acl) {
    DescribeAccessControlListAttributeRequest r = new DescribeAccessControlListAttributeRequest();
    r.setAclId(acl);
    return r;
  }

  static DescribeAccessControlListAttributeResponse attr(String acl) {
    return sdk.call(attrRequest(acl));
  }

  static List<String> entryIps(String acl) {
    return attr(acl).getAclEntrys().stream().map(AclEntry::getAclEntryIP).toList();
  }

  static DeleteAccessControlListRequest deleteRequest(String acl) {
    DeleteAccessControlListRequest r = new DeleteAccessControlListRequest();
    r.setAclId(acl);
    return r;
  }

  static DescribeAccessControlListsResponse list(Consumer<DescribeAccessControlListsRequest> filter) {
    DescribeAccessControlListsRequest r = new DescribeAccessControlListsRequest();
    r.setPageSize(50);
    filter.accept(r);
    return sdk.call(r);
  }

  static void expectError(com.aliyuncs.AcsRequest<?> request, String code, String messagePart) {
    ClientException e = sdk.error(request);
    assertThat(e.getErrCode()).as("code (message %s)", e.getErrMsg()).isEqualTo(code);
    if (messagePart != null) {
      assertThat(e.getErrMsg()).contains(messagePart);
    }
  }

  // ---- create, describe, rename, delete

  @Test
  void createDescribeRenameDelete() {
    String acl = createAcl("acl-basic");
    assertThat(acl).matches("acl-[a-z0-9]{21}");

    DescribeAccessControlListAttributeResponse a = attr(acl);
    assertThat(a.getAclId()).isEqualTo(acl);
    assertThat(a.getAclName()).isEqualTo("acl-basic");
    assertThat(a.getAddressIPVersion()).isEqualTo("ipv4");
    assertThat(a.getServiceManagedMode()).isEqualTo("Unmanaged");
    assertThat(a.getAclEntrys()).isEmpty();
    assertThat(a.getRelatedListeners()).isEmpty();

    Acl listed = list(r -> r.setAclName("acl-basic")).getAcls().get(0);
    assertThat(listed.getAclId()).isEqualTo(acl);
    assertThat(listed.getAddressIPVersion()).isEqualTo("ipv4");
    assertThat(listed.getServiceManagedMode()).isEqualTo("Unmanaged");

    SetAccessControlListAttributeRequest rename = new SetAccessControlListAttributeRequest();
    rename.setAclId(acl);
    rename.setAclName("acl-basic-renamed");
    assertThat(sdk.call(rename).getAclId()).isEqualTo(acl);
    assertThat(attr(acl).getAclName()).isEqualTo("acl-basic-renamed");
    // renaming to its own name is fine
    assertThat(sdk.call(rename).getAclId()).isEqualTo(acl);

    sdk.call(deleteRequest(acl));
    expectError(attrRequest(acl), "AclNotExist", null);
    expectError(deleteRequest(acl), "AclNotExist", null);
    assertThat(list(r -> r.setAclName("acl-basic-renamed")).getAcls()).isEmpty();
  }

  @Test
  void createAndRenameErrors() {
    CreateAccessControlListRequest noName = new CreateAccessControlListRequest();
    assertThat(sdk.errorCode(noName)).isEqualTo("MissingParameter");

    CreateAccessControlListRequest badName = new CreateAccessControlListRequest();
    badName.setAclName("bad name!");
    expectError(badName, "InvalidParameter", "AclName");

    CreateAccessControlListRequest badVersion = new CreateAccessControlListRequest();
    badVersion.setAclName("acl-badversion");
    badVersion.setAddressIPVersion("ipv5");
    expectError(badVersion, "InvalidParameter", "AddressIPVersion");

    createAcl("acl-taken");
    CreateAccessControlListRequest dup = new CreateAccessControlListRequest();
    dup.setAclName("acl-taken");
    expectError(dup, "AclNameExist", "acl-taken");

    String other = createAcl("acl-other");
    SetAccessControlListAttributeRequest rename = new SetAccessControlListAttributeRequest();
    rename.setAclId(other);
    rename.setAclName("acl-taken");
    expectError(rename, "AclNameExist", "acl-taken");
    assertThat(attr(other).getAclName()).isEqualTo("acl-other");

    rename.setAclId(MISSING_ACL);
    expectError(rename, "AclNotExist", null);
    expectError(addRequest(MISSING_ACL, entries("10.0.0.0/8", null)), "AclNotExist", null);
    expectError(removeRequest(MISSING_ACL, entries("10.0.0.0/8", null)), "AclNotExist", null);
  }

  // ---- entries

  @Test
  void entriesAreNormalisedAndDuplicatesIgnored() {
    String acl = createAcl("acl-entries");
    sdk.call(addRequest(acl, entries(
        "10.0.0.1/24", "office",
        "192.168.1.5", null,
        "10.0.0.0/24", "same block again",
        " 172.16.0.0/12 ", "vpn")));
    DescribeAccessControlListAttributeResponse a = attr(acl);
    assertThat(a.getAclEntrys())
        .extracting(AclEntry::getAclEntryIP, AclEntry::getAclEntryComment)
        .containsExactly(
            tuple("10.0.0.0/24", "office"),
            tuple("192.168.1.5/32", ""),
            tuple("172.16.0.0/12", "vpn"));

    // already present (in another spelling): ignored, comment unchanged
    sdk.call(addRequest(acl, entries("10.0.0.77/24", "new comment", "192.168.1.5/32", "x", "8.8.8.8", "dns")));
    assertThat(attr(acl).getAclEntrys())
        .extracting(AclEntry::getAclEntryIP, AclEntry::getAclEntryComment)
        .containsExactly(
            tuple("10.0.0.0/24", "office"),
            tuple("192.168.1.5/32", ""),
            tuple("172.16.0.0/12", "vpn"),
            tuple("8.8.8.8/32", "dns"));

    // comment filter
    DescribeAccessControlListAttributeRequest byComment = attrRequest(acl);
    byComment.setAclEntryComment("vpn");
    assertThat(sdk.call(byComment).getAclEntrys()).extracting(AclEntry::getAclEntryIP).containsExactly("172.16.0.0/12");

    // remove: absent entries are ignored, spelling does not matter
    sdk.call(removeRequest(acl, entries("192.168.1.5", null, "1.1.1.1/32", null, "10.0.0.9/24", null)));
    assertThat(entryIps(acl)).containsExactly("172.16.0.0/12", "8.8.8.8/32");

    // an ACL nobody uses may be emptied
    sdk.call(removeRequest(acl, entries("172.16.0.0/12", null, "8.8.8.8", null)));
    assertThat(entryIps(acl)).isEmpty();
  }

  @Test
  void ipv6Entries() {
    String acl = createAcl(sdk, "acl-v6", "ipv6");
    sdk.call(addRequest(acl, entries(
        "2001:DB8:0:0:0:0:0:1", "host",
        "2001:db8:abcd:12::/64", null,
        "2001:db8:abcd:0012:0:0:0:1/64", null,
        "::ffff:10.0.0.1", "mapped")));
    assertThat(attr(acl).getAddressIPVersion()).isEqualTo("ipv6");
    assertThat(entryIps(acl)).containsExactly("2001:db8::1/128", "2001:db8:abcd:12::/64", "::ffff:a00:1/128");

    expectError(addRequest(acl, entries("10.0.0.0/8", null)), "IllegalEntry", "10.0.0.0/8");
    String v4 = createAcl("acl-v4-only");
    expectError(addRequest(v4, entries("2001:db8::/32", null)), "IllegalEntry", "2001:db8::/32");
    assertThat(list(r -> r.setAddressIPVersion("ipv6")).getAcls()).extracting(Acl::getAclId).contains(acl)
        .doesNotContain(v4);
  }

  @Test
  void entryErrorsChangeNothing() {
    String acl = createAcl("acl-entry-errors");
    sdk.call(addRequest(acl, entries("10.1.0.0/16", "keep")));
    for (String bad : List.of("10.0.0.256", "10.0.0.0/33", "10.0.0", "01.2.3.4", "2001:db8:::1", "host.example.com",
        "1.2.3.4/", "1.2.3.4/-1")) {
      expectError(addRequest(acl, entries("10.2.0.0/16", null, bad, null)), "AclEntryIllegal", null);
    }
    expectError(addRequest(acl, "not json"), "AclEntryIllegal", null);
    expectError(addRequest(acl, "[{\"comment\":\"no entry\"}]"), "AclEntryIllegal", null);
    expectError(addRequest(acl, entries("10.3.0.0/16", "c".repeat(101))), "InvalidParam.Comment", null);
    AddAccessControlListEntryRequest missing = new AddAccessControlListEntryRequest();
    missing.setAclId(acl);
    expectError(missing, "MissingParameter", "AclEntrys");

    String[] fiftyOne = new String[102];
    for (int i = 0; i < 51; i++) {
      fiftyOne[2 * i] = "10.9." + i + ".0/24";
    }
    expectError(addRequest(acl, entries(fiftyOne)), "AclEntryExceedLimit", "51");
    assertThat(entryIps(acl)).containsExactly("10.1.0.0/16");
  }

  @Test
  void atMost300EntriesPerAcl() {
    String acl = createAcl("acl-full");
    for (int call = 0; call < 6; call++) {
      String[] fifty = new String[100];
      for (int i = 0; i < 50; i++) {
        fifty[2 * i] = "10." + call + "." + i + ".0/24";
      }
      sdk.call(addRequest(acl, entries(fifty)));
    }
    assertThat(entryIps(acl)).hasSize(300);
    // adding what is already there is still fine
    sdk.call(addRequest(acl, entries("10.0.0.0/24", null)));
    expectError(addRequest(acl, entries("11.0.0.0/8", null)), "QuotaLimitExceeds.TotalAclEntry", "301");
    assertThat(entryIps(acl)).hasSize(300).doesNotContain("11.0.0.0/8");
  }

  // ---- listeners

  @Test
  void bindToListenersOfAllFourProtocols() {
    String acl = createAcl("acl-four");
    sdk.call(addRequest(acl, entries("10.0.0.0/8", "inside")));
    String lb = it.loadBalancer();

    CreateLoadBalancerTCPListenerRequest tcp = ListenerSupport.tcpRequest(lb, 80);
    tcp.setAclStatus("on");
    tcp.setAclType("white");
    tcp.setAclId(acl);
    sdk.call(tcp);
    CreateLoadBalancerUDPListenerRequest udp = ListenerSupport.udpRequest(lb, 53);
    udp.setAclStatus("on");
    udp.setAclType("black");
    udp.setAclId(acl);
    sdk.call(udp);
    CreateLoadBalancerHTTPListenerRequest http = ListenerSupport.httpRequest(lb, 8080);
    http.setAclStatus("on");
    http.setAclType("white");
    http.setAclId(acl);
    sdk.call(http);
    CreateLoadBalancerHTTPSListenerRequest https = ListenerSupport.httpsRequest(lb, 443, it.serverCertificate());
    https.setAclStatus("on");
    https.setAclType("black");
    https.setAclId(acl);
    sdk.call(https);

    var t = it.describeTcp(lb, 80);
    assertThat(t.getAclStatus()).isEqualTo("on");
    assertThat(t.getAclType()).isEqualTo("white");
    assertThat(t.getAclId()).isEqualTo(acl);
    assertThat(t.getAclIds()).containsExactly(acl);
    var u = it.describeUdp(lb, 53);
    assertThat(u.getAclType()).isEqualTo("black");
    assertThat(u.getAclIds()).containsExactly(acl);
    var h = it.describeHttp(lb, 8080);
    assertThat(h.getAclType()).isEqualTo("white");
    assertThat(h.getAclIds()).containsExactly(acl);
    var s = it.describeHttps(lb, 443);
    assertThat(s.getAclType()).isEqualTo("black");
    assertThat(s.getAclIds()).containsExactly(acl);

    assertThat(attr(acl).getRelatedListeners())
        .extracting(RelatedListener::getLoadBalancerId, RelatedListener::getListenerPort,
            RelatedListener::getBizProtocol, RelatedListener::getAclType)
        .containsExactly(
            tuple(lb, 53, "udp", "black"),
            tuple(lb, 80, "tcp", "white"),
            tuple(lb, 443, "https", "black"),
            tuple(lb, 8080, "http", "white"));

    // the fifth listener is one too many (listeners-per-acl: 4 in this fixture)
    CreateLoadBalancerTCPListenerRequest fifth = ListenerSupport.tcpRequest(lb, 81);
    fifth.setAclStatus("on");
    fifth.setAclType("white");
    fifth.setAclId(acl);
    expectError(fifth, "QuotaLimitExceeds.AclAttachedToListener", acl);
    // setting a bound listener again does not count it twice
    SetLoadBalancerTCPListenerAttributeRequest again = new SetLoadBalancerTCPListenerAttributeRequest();
    again.setLoadBalancerId(lb);
    again.setListenerPort(80);
    again.setAclStatus("on");
    again.setAclType("black");
    again.setAclId(acl);
    sdk.call(again);
    assertThat(it.describeTcp(lb, 80).getAclType()).isEqualTo("black");

    // in use: cannot be emptied nor deleted
    expectError(removeRequest(acl, entries("10.0.0.0/8", null)), "AclEntryEmpty", acl);
    assertThat(entryIps(acl)).containsExactly("10.0.0.0/8");
    expectError(deleteRequest(acl), "AclInUsing", lb + "_tcp_80");

    // switching access control off releases the ACL (RelatedListeners no longer lists it)
    SetLoadBalancerHTTPListenerAttributeRequest off = new SetLoadBalancerHTTPListenerAttributeRequest();
    off.setLoadBalancerId(lb);
    off.setListenerPort(8080);
    off.setAclStatus("off");
    sdk.call(off);
    assertThat(attr(acl).getRelatedListeners()).extracting(RelatedListener::getListenerPort)
        .containsExactly(53, 80, 443);
    for (int port : List.of(53, 80, 443)) {
      it.sdk().call(ListenerSupport.deleteListener(lb, port, null));
    }
    assertThat(attr(acl).getRelatedListeners()).isEmpty();
    sdk.call(removeRequest(acl, entries("10.0.0.0/8", null)));
    sdk.call(deleteRequest(acl));

    // the HTTP listener still names the deleted ACL with access control off; switching it on re-checks
    SetLoadBalancerHTTPListenerAttributeRequest on = new SetLoadBalancerHTTPListenerAttributeRequest();
    on.setLoadBalancerId(lb);
    on.setListenerPort(8080);
    on.setAclStatus("on");
    expectError(on, "AclNotExist", null);
  }

  @Test
  void ipVersionMustMatchTheLoadBalancer() {
    String v6 = createAcl(sdk, "acl-v6-conflict", "ipv6");
    String lb = it.loadBalancer();
    CreateLoadBalancerTCPListenerRequest tcp = ListenerSupport.tcpRequest(lb, 90);
    tcp.setAclStatus("on");
    tcp.setAclType("white");
    tcp.setAclId(v6);
    expectError(tcp, "IpVersionConflict", v6);

    it.tcp(lb, 90);
    SetLoadBalancerTCPListenerAttributeRequest set = new SetLoadBalancerTCPListenerAttributeRequest();
    set.setLoadBalancerId(lb);
    set.setListenerPort(90);
    set.setAclStatus("on");
    set.setAclType("white");
    set.setAclId(v6);
    expectError(set, "IpVersionConflict", "ipv6");
    assertThat(it.describeTcp(lb, 90).getAclStatus()).isEqualTo("off");

    CreateLoadBalancerTCPListenerRequest missing = ListenerSupport.tcpRequest(lb, 91);
    missing.setAclStatus("on");
    missing.setAclType("white");
    missing.setAclId(MISSING_ACL);
    expectError(missing, "AclNotExist", null);
  }

  // ---- listing, paging, quota, tenants

  @Test
  void listPagingAndFilters() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(createAcl("page-acl-" + i));
    }
    DescribeAccessControlListsResponse first = list(r -> {
      r.setAclName("page-acl-");
      r.setPageSize(3);
      r.setPageNumber(1);
    });
    assertThat(first.getTotalCount()).isEqualTo(7);
    assertThat(first.getCount()).isEqualTo(3);
    assertThat(first.getPageSize()).isEqualTo(3);
    assertThat(first.getPageNumber()).isEqualTo(1);
    DescribeAccessControlListsResponse third = list(r -> {
      r.setAclName("page-acl-");
      r.setPageSize(3);
      r.setPageNumber(3);
    });
    assertThat(third.getCount()).isEqualTo(1);
    List<String> all = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      int n = page;
      all.addAll(list(r -> {
        r.setAclName("page-acl-");
        r.setPageSize(3);
        r.setPageNumber(n);
      }).getAcls().stream().map(Acl::getAclId).toList());
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(ids);

    DescribeAccessControlListsRequest tooBig = new DescribeAccessControlListsRequest();
    tooBig.setPageSize(51);
    expectError(tooBig, "InvalidParameter", "PageSize");
    assertThat(list(r -> r.setAclName("page-acl-3")).getAcls()).extracting(Acl::getAclName)
        .containsExactly("page-acl-3");
  }

  @Test
  void fiftyAclsPerRegionAndTenantIsolation() {
    Accounts.Created tenant = slb.newAccount("acl-tenant");
    Sdk other = slb.sdk(tenant);
    String first = null;
    for (int i = 0; i < 50; i++) {
      String id = createAcl(other, "quota-" + i, null);
      first = first == null ? id : first;
    }
    CreateAccessControlListRequest oneMore = new CreateAccessControlListRequest();
    oneMore.setAclName("quota-50");
    ClientException e = other.error(oneMore);
    assertThat(e.getErrCode()).isEqualTo("AclNumberOverLimit");

    // another account's ACL answers like a missing one
    expectError(attrRequest(first), "AclNotExist", null);
    expectError(deleteRequest(first), "AclNotExist", null);
    assertThat(list(r -> r.setAclName("quota-")).getAcls()).isEmpty();
  }

  // ---- Terraform (ECOSYSTEM.md §3.2)

  /**
   * alicloud_slb_acl: Create, then Update (tags, entries removed then added in batches of 50),
   * Read (ListTagResources + DescribeAccessControlListAttribute); an update replacing entries; Delete,
   * then polling DescribeAccessControlListAttribute until AclNotExist.
   */
  @Test
  void terraformAclResource() {
    CreateAccessControlListRequest create = new CreateAccessControlListRequest();
    create.setAclName("tf-testAccSlbAcl");
    create.setAddressIPVersion("ipv4");
    String acl = sdk.call(create).getAclId();

    TagResourcesRequest tag = new TagResourcesRequest();
    tag.setResourceType("acl");
    tag.setResourceIds(List.of(acl));
    TagResourcesRequest.Tag t = new TagResourcesRequest.Tag();
    t.setKey("Created");
    t.setValue("TF");
    tag.setTags(List.of(t));
    sdk.call(tag);

    // 60 entries: two AddAccessControlListEntry batches (50 + 10)
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      all.add("10.10." + i + ".0/24");
    }
    for (int from = 0; from < 60; from += 50) {
      List<String> batch = all.subList(from, Math.min(from + 50, 60));
      String[] pairs = new String[batch.size() * 2];
      for (int i = 0; i < batch.size(); i++) {
        pairs[2 * i] = batch.get(i);
        pairs[2 * i + 1] = "tf-" + i;
      }
      sdk.call(addRequest(acl, entries(pairs)));
    }

    // Read
    ListTagResourcesRequest tags = new ListTagResourcesRequest();
    tags.setResourceType("acl");
    tags.setResourceIds(List.of(acl));
    assertThat(sdk.call(tags).getTagResources())
        .extracting(TagResource::getResourceId, TagResource::getResourceType, TagResource::getTagKey,
            TagResource::getTagValue)
        .containsExactly(tuple(acl, "acl", "Created", "TF"));
    DescribeAccessControlListAttributeResponse read = attr(acl);
    assertThat(read.getAclName()).isEqualTo("tf-testAccSlbAcl");
    assertThat(read.getAddressIPVersion()).isEqualTo("ipv4");
    assertThat(read.getAclEntrys()).extracting(AclEntry::getAclEntryIP).containsExactlyElementsOf(all);

    // Update: rename, remove 10 old entries, add 2 new
    SetAccessControlListAttributeRequest rename = new SetAccessControlListAttributeRequest();
    rename.setAclId(acl);
    rename.setAclName("tf-testAccSlbAclUpdate");
    sdk.call(rename);
    String[] removed = new String[20];
    for (int i = 0; i < 10; i++) {
      removed[2 * i] = all.get(i);
      removed[2 * i + 1] = "tf-" + i;
    }
    sdk.call(removeRequest(acl, entries(removed)));
    sdk.call(addRequest(acl, entries("168.10.10.0/24", "second", "172.10.10.0/24", "third")));
    List<String> expected = new ArrayList<>(all.subList(10, 60));
    expected.add("168.10.10.0/24");
    expected.add("172.10.10.0/24");
    read = attr(acl);
    assertThat(read.getAclName()).isEqualTo("tf-testAccSlbAclUpdate");
    assertThat(read.getAclEntrys()).extracting(AclEntry::getAclEntryIP).containsExactlyElementsOf(expected);

    // Delete, then WaitForSlbAcl(Deleted)
    sdk.call(deleteRequest(acl));
    await().atMost(Duration.ofSeconds(5)).until(() -> "AclNotExist".equals(sdk.errorCode(attrRequest(acl))));
    assertThat(sdk.call(tags).getTagResources()).isEmpty();
  }

  /**
   * alicloud_slb_acl_entry_attachment: its AclEntrys JSON starts with a null element
   * ({@code make([]map, 1)} then append); Read through DescribeAccessControlListAttribute; Delete
   * tolerates AclEntryEmpty.
   */
  @Test
  void terraformAclEntryAttachment() {
    String acl = createAcl("tf-entry-attachment");
    sdk.call(addRequest(acl, "[null,{\"entry\":\"10.10.10.0/24\",\"comment\":\"first\"}]"));
    sdk.call(addRequest(acl, "[null,{\"entry\":\"10.10.11.0/24\"}]"));
    assertThat(attr(acl).getAclEntrys())
        .extracting(AclEntry::getAclEntryIP, AclEntry::getAclEntryComment)
        .containsExactly(tuple("10.10.10.0/24", "first"), tuple("10.10.11.0/24", ""));

    // an attached ACL keeps its last entry; the provider treats AclEntryEmpty as done
    String lb = it.loadBalancer();
    CreateLoadBalancerTCPListenerRequest tcp = ListenerSupport.tcpRequest(lb, 80);
    tcp.setAclStatus("on");
    tcp.setAclType("white");
    tcp.setAclId(acl);
    sdk.call(tcp);
    sdk.call(removeRequest(acl, "[null,{\"entry\":\"10.10.11.0/24\"}]"));
    expectError(removeRequest(acl, "[null,{\"entry\":\"10.10.10.0/24\"}]"), "AclEntryEmpty", null);
    assertThat(entryIps(acl)).containsExactly("10.10.10.0/24");
    // removing an entry that is gone already is not an error (idempotent delete)
    sdk.call(removeRequest(acl, "[null,{\"entry\":\"10.10.11.0/24\"}]"));
  }
}
