package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateTLSCipherPolicyRequest;
import com.aliyuncs.slb.model.v20140515.DeleteTLSCipherPolicyRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPSListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.ListTLSCipherPoliciesRequest;
import com.aliyuncs.slb.model.v20140515.ListTLSCipherPoliciesResponse.TLSCipherPolicy;
import com.aliyuncs.slb.model.v20140515.ListTLSCipherPoliciesResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerHTTPSListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetTLSCipherPolicyAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetTLSCipherPolicyAttributeResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.openslb.controlplane.service.Accounts;
import io.openslb.it.TestCertificates.Issued;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 4 TLS cipher policy actions through the official SDK: validation against the documented
 * version/suite table and against what this JVM's TLS stack can serve, the flat-list
 * ListTLSCipherPolicies with its token paging and RelateListeners, policies in use by listeners,
 * the quota, tenants, and the Terraform sequence of {@code alicloud_slb_tls_cipher_policy}.
 */
class TlsCipherPolicyIT {
  private static final String MISSING = "tls-doesnotexist000000000";

  /** The TLS stack the in-process server serves HTTPS with, as the API is told. */
  static final io.openslb.model.TlsCipherNames.Stack SERVING = io.openslb.dataplane.proxy.tls.TlsContexts.servingStack();
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static String certificate;

  @BeforeAll
  static void start() throws Exception {
    Issued rsa = TestCertificates.selfSigned(TestCertificates.RSA_A, "tls.example.com", "tls.example.com");
    certificate = CertificateIT.upload(sdk, rsa, rsa.pkcs8(), null).getServerCertificateId();
  }

  // ---- helpers

  static CreateTLSCipherPolicyRequest createRequest(String name, List<String> versions, List<String> ciphers) {
    CreateTLSCipherPolicyRequest r = new CreateTLSCipherPolicyRequest();
    if (name != null) {
      r.setName(name);
    }
    if (versions != null) {
      r.setTLSVersionss(versions);
    }
    if (ciphers != null) {
      r.setCipherss(ciphers);
    }
    return r;
  }

  static String create(Sdk client, String name, List<String> versions, List<String> ciphers) {
    return client.call(createRequest(name, versions, ciphers)).getTLSCipherPolicyId();
  }

  static String create(String name) {
    return create(sdk, name, List.of("TLSv1.2"), List.of("ECDHE-RSA-AES128-GCM-SHA256"));
  }

  static TLSCipherPolicy one(String id) {
    ListTLSCipherPoliciesRequest r = new ListTLSCipherPoliciesRequest();
    r.setTLSCipherPolicyId(id);
    r.setIncludeListener(true);
    List<TLSCipherPolicy> found = sdk.call(r).getTLSCipherPolicies();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  static DeleteTLSCipherPolicyRequest deleteRequest(String id) {
    DeleteTLSCipherPolicyRequest r = new DeleteTLSCipherPolicyRequest();
    r.setTLSCipherPolicyId(id);
    return r;
  }

  static SetTLSCipherPolicyAttributeRequest setRequest(String id, String name, List<String> versions, List<String> ciphers) {
    SetTLSCipherPolicyAttributeRequest r = new SetTLSCipherPolicyAttributeRequest();
    r.setTLSCipherPolicyId(id);
    r.setName(name);
    r.setTLSVersionss(versions);
    r.setCipherss(ciphers);
    return r;
  }

  static ClientException expect(AcsRequest<?> request, String code) {
    ClientException e = sdk.error(request);
    assertThat(e.getErrCode()).as("code of %s (message: %s)", request.getSysActionName(), e.getErrMsg()).isEqualTo(code);
    return e;
  }

  static void expectInvalid(AcsRequest<?> request, String... messageParts) {
    ClientException e = expect(request, "InvalidParameter");
    for (String part : messageParts) {
      assertThat(e.getErrMsg()).contains(part);
    }
  }

  // ---- create and list

  @Test
  void createThenListShowsEverything() {
    long before = Instant.now().toEpochMilli();
    String id = create(sdk, "TLSPolicy-test_1.a", List.of("TLSv1.2", "TLSv1.3"),
        List.of("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "AES128-SHA", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256"));
    assertThat(id).matches("tls-[a-z0-9]{20}");
    TLSCipherPolicy p = one(id);
    assertThat(p.getInstanceId()).isEqualTo(id);
    assertThat(p.getName()).isEqualTo("TLSPolicy-test_1.a");
    assertThat(p.getTLSVersions()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(p.getCiphers()).containsExactly("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
        "AES128-SHA", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    assertThat(p.getStatus()).isEqualTo("normal");
    assertThat(p.getCreateTime()).isBetween(before, Instant.now().toEpochMilli());
    assertThat(p.getServiceManagedMode()).isEqualTo("Unmanaged");
    assertThat(p.getRelateListeners()).isEmpty();
  }

  @Test
  void listIsFlatOnTheWire() {
    String id = create("flat-wire");
    JsonNode body = slb.raw().call("ListTLSCipherPolicies", Map.of("TLSCipherPolicyId", id)).json();
    assertThat(body.path("TLSCipherPolicies").isArray()).isTrue();
    JsonNode item = body.path("TLSCipherPolicies").get(0);
    assertThat(item.path("TLSVersions").isArray()).isTrue();
    assertThat(item.path("Ciphers").isArray()).isTrue();
    assertThat(item.path("RelateListeners").isArray()).isTrue();
    assertThat(item.path("CreateTime").isNumber()).isTrue();
    assertThat(body.path("IsTruncated").asBoolean()).isFalse();
    assertThat(body.path("TotalCount").asInt()).isEqualTo(1);
  }

  @Test
  void versionsAndSuitesCanBeSpelledInAnyCase() {
    String id = create(sdk, "case-test", List.of("tlsv1.2"), List.of("ecdhe-rsa-aes128-sha", "ECDHE-RSA-AES128-SHA"));
    TLSCipherPolicy p = one(id);
    assertThat(p.getTLSVersions()).containsExactly("TLSv1.2");
    assertThat(p.getCiphers()).containsExactly("ECDHE-RSA-AES128-SHA");
  }

  @Test
  void requiredParameters() {
    assertThat(expect(createRequest(null, List.of("TLSv1.2"), List.of("AES128-SHA")), "MissingParameter").getErrMsg())
        .contains("Name");
    assertThat(expect(createRequest("pp", null, List.of("AES128-SHA")), "MissingParameter").getErrMsg())
        .contains("TLSVersions");
    assertThat(expect(createRequest("pp", List.of("TLSv1.2"), null), "MissingParameter").getErrMsg())
        .contains("Ciphers");
  }

  @Test
  void namesAreValidated() {
    for (String bad : List.of("a", "1abc", "_abc", "has space", "x".repeat(201), "semi;colon")) {
      expectInvalid(createRequest(bad, List.of("TLSv1.2"), List.of("AES128-SHA")), "Name");
    }
    assertThat(create(sdk, "x".repeat(200), List.of("TLSv1.2"), List.of("AES128-SHA"))).startsWith("tls-");
  }

  @Test
  void versionsAndSuitesMustBeKnownAndFitTogether() {
    expectInvalid(createRequest("pp", List.of("TLSv1.4"), List.of("AES128-SHA")), "TLSVersions", "TLSv1.4");
    expectInvalid(createRequest("pp", List.of("SSLv3"), List.of("AES128-SHA")), "TLSVersions");
    expectInvalid(createRequest("pp", List.of("TLSv1.2", "TLSv1.3", "TLSv1.2", "TLSv1.3", "TLSv1.2"),
        List.of("AES128-SHA")), "TLSVersions", "at most 4");
    expectInvalid(createRequest("pp", List.of("TLSv1.2"), List.of("RC4-MD5")), "Ciphers", "RC4-MD5");
    expectInvalid(createRequest("pp", List.of("TLSv1.2"), List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")), "Ciphers");
    // each suite needs one of the chosen versions
    expectInvalid(createRequest("pp", List.of("TLSv1.2"), List.of("TLS_AES_128_GCM_SHA256")),
        "Ciphers", "TLS_AES_128_GCM_SHA256", "TLSv1.3");
    expectInvalid(createRequest("pp", List.of("TLSv1.3"), List.of("TLS_AES_128_GCM_SHA256", "AES128-SHA")),
        "Ciphers", "AES128-SHA");
    List<String> many = new ArrayList<>(Collections.nCopies(33, "AES128-SHA"));
    expectInvalid(createRequest("pp", List.of("TLSv1.2"), many), "Ciphers", "at most 32");
    // duplicates collapse
    String id = create(sdk, "dups", List.of("TLSv1.2", "TLSv1.2"), List.of("AES128-SHA", "AES128-SHA", "AES256-SHA"));
    assertThat(one(id).getTLSVersions()).containsExactly("TLSv1.2");
    assertThat(one(id).getCiphers()).containsExactly("AES128-SHA", "AES256-SHA");
  }

  @Test
  void onlyWhatThisJvmCanServeIsAccepted() throws Exception {
    // TLS 1.0 and 3DES are documented but switched off by current JDKs (jdk.tls.disabledAlgorithms)
    // what the server's TLS stack serves (BoringSSL where it loads: TLS 1.0 yes, 3DES and CCM no;
    // JSSE on JDK 17: none of the three)
    if (SERVING.servesVersion("TLSv1.0")) {
      assertThat(sdk.call(createRequest("old10", List.of("TLSv1.0"), List.of("AES128-SHA"))).getTLSCipherPolicyId())
          .startsWith("tls-");
    } else {
      expectInvalid(createRequest("old", List.of("TLSv1.0"), List.of("AES128-SHA")), "TLSVersions", "TLSv1.0");
    }
    assertThat(SERVING.servesCipher("DES-CBC3-SHA")).isFalse();
    expectInvalid(createRequest("old", List.of("TLSv1.2"), List.of("DES-CBC3-SHA")), "Ciphers", "DES-CBC3-SHA");
    // the CCM suites of TLS 1.3 are documented but neither JSSE nor BoringSSL serves them
    expectInvalid(createRequest("ccm", List.of("TLSv1.3"), List.of("TLS_AES_128_CCM_SHA256")),
        "Ciphers", "TLS_AES_128_CCM_SHA256");
    expectInvalid(createRequest("ccm", List.of("TLSv1.3"), List.of("TLS_AES_128_CCM_8_SHA256")), "Ciphers");
  }

  @Test
  void listPagesWithATokenAndFilters() {
    Sdk tenant = slb.sdk(slb.newAccount("tls-paging"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(create(tenant, "page-" + i, List.of("TLSv1.2"), List.of("AES128-SHA")));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ListTLSCipherPoliciesRequest r = new ListTLSCipherPoliciesRequest();
      r.setMaxItems(2);
      if (token != null) {
        r.setNextToken(token);
      }
      ListTLSCipherPoliciesResponse page = tenant.call(r);
      assertThat(page.getTotalCount()).isEqualTo(5);
      assertThat(page.getTLSCipherPolicies()).hasSizeLessThanOrEqualTo(2);
      page.getTLSCipherPolicies().forEach(p -> seen.add(p.getInstanceId()));
      token = page.getNextToken();
      assertThat(page.getIsTruncated()).isEqualTo(token != null && !token.isEmpty());
      pages++;
    } while (token != null && !token.isEmpty());
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(ids);

    ListTLSCipherPoliciesRequest all = new ListTLSCipherPoliciesRequest();
    ListTLSCipherPoliciesResponse defaults = tenant.call(all);
    assertThat(defaults.getTLSCipherPolicies()).hasSize(5);
    assertThat(defaults.getIsTruncated()).isFalse();
    assertThat(defaults.getNextToken()).isNullOrEmpty();

    ListTLSCipherPoliciesRequest byName = new ListTLSCipherPoliciesRequest();
    byName.setName("page-3");
    assertThat(tenant.call(byName).getTLSCipherPolicies()).extracting(TLSCipherPolicy::getInstanceId)
        .containsExactly(ids.get(3));
    ListTLSCipherPoliciesRequest byMissingId = new ListTLSCipherPoliciesRequest();
    byMissingId.setTLSCipherPolicyId(MISSING);
    ListTLSCipherPoliciesResponse none = tenant.call(byMissingId);
    assertThat(none.getTLSCipherPolicies()).isEmpty();
    assertThat(none.getTotalCount()).isZero();

    // a deleted policy does not shift the next page
    ListTLSCipherPoliciesRequest first = new ListTLSCipherPoliciesRequest();
    first.setMaxItems(2);
    String next = tenant.call(first).getNextToken();
    tenant.call(deleteRequest(ids.get(1)));
    ListTLSCipherPoliciesRequest second = new ListTLSCipherPoliciesRequest();
    second.setMaxItems(2);
    second.setNextToken(next);
    assertThat(tenant.call(second).getTLSCipherPolicies()).extracting(TLSCipherPolicy::getInstanceId)
        .containsExactly(ids.get(2), ids.get(3));

    for (int bad : new int[] {0, 101}) {
      ListTLSCipherPoliciesRequest r = new ListTLSCipherPoliciesRequest();
      r.setMaxItems(bad);
      assertThat(tenant.error(r).getErrCode()).isEqualTo("InvalidParameter");
    }
    ListTLSCipherPoliciesRequest badToken = new ListTLSCipherPoliciesRequest();
    badToken.setNextToken("###");
    assertThat(tenant.error(badToken).getErrMsg()).contains("NextToken");
  }

  // ---- used by listeners

  @Test
  void aPolicyInUseIsListedWithItsListenersAndCannotBeDeleted() {
    String id = create(sdk, "in-use", List.of("TLSv1.2"), List.of("ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"));
    CreateLoadBalancerRequest lbRequest = new CreateLoadBalancerRequest();
    lbRequest.setLoadBalancerSpec("slb.s2.small");
    String lb = sdk.call(lbRequest).getLoadBalancerId();
    var https = CertificateIT.httpsRequest(lb, 443, certificate);
    https.setTLSCipherPolicy(id);
    sdk.call(https);
    var second = CertificateIT.httpsRequest(lb, 8443, certificate);
    second.setTLSCipherPolicy(id);
    sdk.call(second);

    DescribeLoadBalancerHTTPSListenerAttributeRequest read = new DescribeLoadBalancerHTTPSListenerAttributeRequest();
    read.setLoadBalancerId(lb);
    read.setListenerPort(443);
    assertThat(sdk.call(read).getTLSCipherPolicy()).isEqualTo(id);

    assertThat(one(id).getRelateListeners()).extracting(r -> r.getLoadBalancerId(), r -> r.getPort(), r -> r.getBizProtocol())
        .containsExactly(tuple(lb, 443, "https"),
            tuple(lb, 8443, "https"));
    ListTLSCipherPoliciesRequest without = new ListTLSCipherPoliciesRequest();
    without.setTLSCipherPolicyId(id);
    assertThat(sdk.call(without).getTLSCipherPolicies().get(0).getRelateListeners()).isEmpty();

    ClientException refused = expect(deleteRequest(id), "ResourceInUse.TLSCipherPolicy");
    assertThat(refused.getErrMsg()).contains(id).contains(lb + "_https_443");

    // changing the policy of an attached policy is allowed
    SetTLSCipherPolicyAttributeResponse set =
        sdk.call(setRequest(id, "in-use-2", List.of("TLSv1.2", "TLSv1.3"), List.of("TLS_AES_128_GCM_SHA256", "AES256-SHA")));
    assertThat(set.getTaskId()).isNotBlank();

    for (int port : new int[] {443, 8443}) {
      SetLoadBalancerHTTPSListenerAttributeRequest back = new SetLoadBalancerHTTPSListenerAttributeRequest();
      back.setLoadBalancerId(lb);
      back.setListenerPort(port);
      back.setTLSCipherPolicy("tls_cipher_policy_1_2");
      sdk.call(back);
    }
    assertThat(one(id).getRelateListeners()).isEmpty();
    sdk.call(deleteRequest(id));
  }

  @Test
  void aListenerNeedsAnExistingPolicy() {
    CreateLoadBalancerRequest lbRequest = new CreateLoadBalancerRequest();
    lbRequest.setLoadBalancerSpec("slb.s2.small");
    String lb = sdk.call(lbRequest).getLoadBalancerId();
    var https = CertificateIT.httpsRequest(lb, 443, certificate);
    https.setTLSCipherPolicy(MISSING);
    assertThat(expect(https, "InvalidParameter").getErrMsg()).contains(MISSING);
    String id = create("deleted-later");
    sdk.call(deleteRequest(id));
    https.setTLSCipherPolicy(id);
    expect(https, "InvalidParameter");
  }

  // ---- set / delete

  @Test
  void setReplacesEverythingAndAnswersATaskId() {
    String id = create("before");
    long created = one(id).getCreateTime();
    SetTLSCipherPolicyAttributeResponse r = sdk.call(setRequest(id, "after", List.of("TLSv1.3", "TLSv1.2"),
        List.of("TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES256-GCM-SHA384")));
    assertThat(r.getTaskId()).matches("[0-9a-f-]{36}");
    TLSCipherPolicy p = one(id);
    assertThat(p.getName()).isEqualTo("after");
    assertThat(p.getTLSVersions()).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(p.getCiphers()).containsExactly("TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES256-GCM-SHA384");
    assertThat(p.getCreateTime()).isEqualTo(created);
    assertThat(p.getStatus()).isEqualTo("normal");

    expectInvalid(setRequest(id, "after", List.of("TLSv1.2"), List.of("TLS_AES_128_GCM_SHA256")), "Ciphers");
    expectInvalid(setRequest(id, "9after", List.of("TLSv1.2"), List.of("AES128-SHA")), "Name");
    assertThat(one(id).getName()).isEqualTo("after");
    assertThat(expect(setRequest(MISSING, "x1", List.of("TLSv1.2"), List.of("AES128-SHA")), "InvalidParameter")
        .getErrMsg()).contains(MISSING);
    SetTLSCipherPolicyAttributeRequest partial = new SetTLSCipherPolicyAttributeRequest();
    partial.setTLSCipherPolicyId(id);
    partial.setName("only-name");
    expect(partial, "MissingParameter");
  }

  @Test
  void delete() {
    String id = create("doomed");
    sdk.call(deleteRequest(id));
    ListTLSCipherPoliciesRequest r = new ListTLSCipherPoliciesRequest();
    r.setTLSCipherPolicyId(id);
    assertThat(sdk.call(r).getTLSCipherPolicies()).isEmpty();
    assertThat(expect(deleteRequest(id), "InvalidParameter").getErrMsg()).contains(id);
    expect(new DeleteTLSCipherPolicyRequest(), "MissingParameter");
  }

  // ---- quota and tenants

  @Test
  void fiftyPoliciesPerRegion() {
    Accounts.Created tenant = slb.newAccount("tls-quota");
    Sdk other = slb.sdk(tenant);
    for (int i = 0; i < 50; i++) {
      create(other, "quota-" + i, List.of("TLSv1.2"), List.of("AES128-SHA"));
    }
    ClientException e = other.error(createRequest("quota-50", List.of("TLSv1.2"), List.of("AES128-SHA")));
    assertThat(e.getErrCode()).isEqualTo("OverQuota");
    assertThat(e.getErrMsg()).contains("50");
    create("root-not-affected");
  }

  @Test
  void anotherAccountNeitherSeesNorTouchesThem() {
    String id = create("private");
    Sdk other = slb.sdk(slb.newAccount("tls-tenant"));
    ListTLSCipherPoliciesRequest r = new ListTLSCipherPoliciesRequest();
    r.setTLSCipherPolicyId(id);
    assertThat(other.call(r).getTLSCipherPolicies()).isEmpty();
    assertThat(other.error(deleteRequest(id)).getErrCode()).isEqualTo("InvalidParameter");
    assertThat(other.error(setRequest(id, "theirs", List.of("TLSv1.2"), List.of("AES128-SHA"))).getErrCode())
        .isEqualTo("InvalidParameter");
    assertThat(one(id).getName()).isEqualTo("private");
  }

  // ---- Terraform

  /**
   * alicloud_slb_tls_cipher_policy: CreateTLSCipherPolicy, read through ListTLSCipherPolicies by id
   * (an empty list is "gone"), SetTLSCipherPolicyAttribute with every field on update,
   * DeleteTLSCipherPolicy.
   */
  @Test
  void terraformTlsCipherPolicySequence() {
    String id = create(sdk, "tf-testAccSlbTLSCipherPolicy", List.of("TLSv1.2"),
        List.of("ECDHE-RSA-AES128-GCM-SHA256", "AES256-GCM-SHA384"));
    TLSCipherPolicy read = one(id);
    assertThat(read.getName()).isEqualTo("tf-testAccSlbTLSCipherPolicy");
    assertThat(read.getStatus()).isEqualTo("normal");
    sdk.call(setRequest(id, "tf-testAccSlbTLSCipherPolicy-update", List.of("TLSv1.2", "TLSv1.3"),
        List.of("ECDHE-RSA-AES128-GCM-SHA256", "AES256-GCM-SHA384", "TLS_AES_256_GCM_SHA384")));
    TLSCipherPolicy updated = one(id);
    assertThat(updated.getName()).isEqualTo("tf-testAccSlbTLSCipherPolicy-update");
    assertThat(updated.getTLSVersions()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(updated.getCiphers()).containsExactly("ECDHE-RSA-AES128-GCM-SHA256", "AES256-GCM-SHA384",
        "TLS_AES_256_GCM_SHA384");
    sdk.call(deleteRequest(id));
    ListTLSCipherPoliciesRequest gone = new ListTLSCipherPoliciesRequest();
    gone.setTLSCipherPolicyId(id);
    assertThat(sdk.call(gone).getTLSCipherPolicies()).isEmpty();
  }
}
