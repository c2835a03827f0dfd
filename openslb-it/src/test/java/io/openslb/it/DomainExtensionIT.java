package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateDomainExtensionRequest;
import com.aliyuncs.slb.model.v20140515.CreateDomainExtensionResponse;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteDomainExtensionRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerListenerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteServerCertificateRequest;
import com.aliyuncs.slb.model.v20140515.DescribeDomainExtensionAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeDomainExtensionAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeDomainExtensionsRequest;
import com.aliyuncs.slb.model.v20140515.DescribeDomainExtensionsResponse.DomainExtension;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPSListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPSListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.SetDomainExtensionAttributeRequest;
import io.openslb.it.TestCertificates.Issued;
import io.openslb.store.StoreLayout;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 5 domain extension actions through the official SDK: SNI certificates on HTTPS listeners,
 * their validation, quota and lifecycle (they go with their listener and load balancer), the
 * listener attribute that shows them, and the Terraform sequence of {@code
 * alicloud_slb_domain_extension}.
 */
class DomainExtensionIT {
  private static final String MISSING_DE = "de-doesnotexist0000000";

  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static String rsaCert;
  static String ecCert;

  @BeforeAll
  static void start() throws Exception {
    Issued rsa = TestCertificates.selfSigned(TestCertificates.RSA_A, "default.example.com", "default.example.com");
    Issued ec = TestCertificates.selfSigned(TestCertificates.EC_A, "*.example.org", "*.example.org", "example.org");
    rsaCert = CertificateIT.upload(sdk, rsa, rsa.pkcs8(), "de-rsa").getServerCertificateId();
    ecCert = CertificateIT.upload(sdk, ec, ec.pkcs8(), "de-ec").getServerCertificateId();
  }

  // ---- helpers

  /** A spec load balancer with an HTTPS listener on 443 using the RSA certificate. */
  static String httpsLoadBalancer() {
    CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
    r.setLoadBalancerName("de-it");
    r.setLoadBalancerSpec("slb.s2.small");
    String lb = sdk.call(r).getLoadBalancerId();
    sdk.call(CertificateIT.httpsRequest(lb, 443, rsaCert));
    return lb;
  }

  static CreateDomainExtensionRequest createRequest(String lb, int port, String domain, String certificateId) {
    CreateDomainExtensionRequest r = new CreateDomainExtensionRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setDomain(domain);
    if (certificateId != null) {
      r.setServerCertificateId(certificateId);
    }
    return r;
  }

  static String create(String lb, String domain, String certificateId) {
    CreateDomainExtensionResponse r = sdk.call(createRequest(lb, 443, domain, certificateId));
    assertThat(r.getListenerPort()).isEqualTo(443);
    return r.getDomainExtensionId();
  }

  static DescribeDomainExtensionAttributeRequest attributeRequest(String id) {
    DescribeDomainExtensionAttributeRequest r = new DescribeDomainExtensionAttributeRequest();
    r.setDomainExtensionId(id);
    return r;
  }

  static List<DomainExtension> list(String lb, int port) {
    DescribeDomainExtensionsRequest r = new DescribeDomainExtensionsRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    return sdk.call(r).getDomainExtensions();
  }

  static DeleteDomainExtensionRequest deleteRequest(String id) {
    DeleteDomainExtensionRequest r = new DeleteDomainExtensionRequest();
    r.setDomainExtensionId(id);
    return r;
  }

  static SetDomainExtensionAttributeRequest setRequest(String id, String certificateId) {
    SetDomainExtensionAttributeRequest r = new SetDomainExtensionAttributeRequest();
    r.setDomainExtensionId(id);
    if (certificateId != null) {
      r.setServerCertificateId(certificateId);
    }
    return r;
  }

  static ClientException expect(AcsRequest<?> request, String code) {
    ClientException e = sdk.error(request);
    assertThat(e.getErrCode()).as("code of %s (message: %s)", request.getSysActionName(), e.getErrMsg()).isEqualTo(code);
    return e;
  }

  static DescribeLoadBalancerHTTPSListenerAttributeResponse listener(String lb, int port) {
    DescribeLoadBalancerHTTPSListenerAttributeRequest r = new DescribeLoadBalancerHTTPSListenerAttributeRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    return sdk.call(r);
  }

  // ---- create / describe

  @Test
  void createThenDescribeBothWays() {
    String lb = httpsLoadBalancer();
    String id = create(lb, "www.example.net", ecCert);
    assertThat(id).matches("de-[a-z0-9]{20}");

    DescribeDomainExtensionAttributeResponse a = sdk.call(attributeRequest(id));
    assertThat(a.getDomainExtensionId()).isEqualTo(id);
    assertThat(a.getDomain()).isEqualTo("www.example.net");
    assertThat(a.getLoadBalancerId()).isEqualTo(lb);
    assertThat(a.getListenerPort()).isEqualTo(443);
    assertThat(a.getServerCertificateId()).isEqualTo(ecCert);
    assertThat(a.getServerCertificates()).singleElement().satisfies(c -> {
      assertThat(c.getCertificateId()).isEqualTo(ecCert);
      assertThat(c.getEncryptionAlgorithm()).isEqualTo("ECC");
      assertThat(c.getBindingType()).isEqualTo("Default");
    });
    assertThat(a.getCertificates()).singleElement().satisfies(c -> {
      assertThat(c.getCertificateId()).isEqualTo(ecCert);
      assertThat(c.getEncryptionAlgorithm()).isEqualTo("ECC");
    });

    String wildcard = create(lb, "*.example.org", ecCert);
    assertThat(list(lb, 443)).extracting(DomainExtension::getDomainExtensionId, DomainExtension::getDomain,
            DomainExtension::getServerCertificateId)
        .containsExactly(
            tuple(id, "www.example.net", ecCert),
            tuple(wildcard, "*.example.org", ecCert));
    DomainExtension first = list(lb, 443).get(0);
    assertThat(first.getServerCertificates()).singleElement()
        .satisfies(c -> assertThat(c.getCertificateId()).isEqualTo(ecCert));
    assertThat(first.getCertificates()).singleElement()
        .satisfies(c -> assertThat(c.getEncryptionAlgorithm()).isEqualTo("ECC"));

    DescribeDomainExtensionsRequest byId = new DescribeDomainExtensionsRequest();
    byId.setLoadBalancerId(lb);
    byId.setListenerPort(443);
    byId.setDomainExtensionId(wildcard);
    assertThat(sdk.call(byId).getDomainExtensions()).extracting(DomainExtension::getDomain)
        .containsExactly("*.example.org");
    byId.setDomainExtensionId(MISSING_DE);
    assertThat(sdk.call(byId).getDomainExtensions()).isEmpty();

    // the HTTPS listener shows its domain extensions and its own certificate
    DescribeLoadBalancerHTTPSListenerAttributeResponse l = listener(lb, 443);
    assertThat(l.getDomainExtensions()).extracting(
            DescribeLoadBalancerHTTPSListenerAttributeResponse.DomainExtension::getDomainExtensionId,
            DescribeLoadBalancerHTTPSListenerAttributeResponse.DomainExtension::getDomain)
        .containsExactly(tuple(id, "www.example.net"),
            tuple(wildcard, "*.example.org"));
    assertThat(l.getDomainExtensions().get(0).getServerCertificateId()).isEqualTo(ecCert);
    assertThat(l.getDomainExtensions().get(0).getServerCertificates1()).singleElement()
        .satisfies(c -> assertThat(c.getEncryptionAlgorithm()).isEqualTo("ECC"));
    assertThat(l.getServerCertificates()).singleElement().satisfies(c -> {
      assertThat(c.getCertificateId()).isEqualTo(rsaCert);
      assertThat(c.getEncryptionAlgorithm()).isEqualTo("RSA");
    });

    // stored where the data plane reads them
    assertThat(slb.server().store().get(StoreLayout.domainExtension(slb.rootAccountId(), Sdk.REGION, lb, id)))
        .isPresent();
  }

  @Test
  void domainsAreExactOrWildcardNames() {
    String lb = httpsLoadBalancer();
    for (String bad : List.of("bad_domain.com", "*.", "a..b.com", "*.*.example.com", "-a.example.com",
        "www.example.com.", "example", "www.*.example.com", "a".repeat(70) + "." + "b".repeat(10) + ".com")) {
      ClientException e = expect(createRequest(lb, 443, bad, rsaCert), "InvalidParameter");
      assertThat(e.getErrMsg()).as(bad).contains("Domain");
    }
    expect(createRequest(lb, 443, null, rsaCert), "MissingParameter");
    create(lb, "API.Example.com", rsaCert);
    ClientException duplicate = expect(createRequest(lb, 443, "api.example.com", ecCert), "InvalidParameter");
    assertThat(duplicate.getErrMsg()).contains("api.example.com").contains("already");
  }

  @Test
  void threePerListener() {
    String lb = httpsLoadBalancer();
    create(lb, "a.example.com", rsaCert);
    create(lb, "b.example.com", rsaCert);
    create(lb, "c.example.com", ecCert);
    ClientException e = expect(createRequest(lb, 443, "d.example.com", rsaCert), "OverQuota");
    assertThat(e.getErrMsg()).contains("3");
    // the quota is per listener
    sdk.call(CertificateIT.httpsRequest(lb, 8443, rsaCert));
    assertThat(sdk.call(createRequest(lb, 8443, "d.example.com", rsaCert)).getListenerPort()).isEqualTo(8443);
    assertThat(list(lb, 443)).hasSize(3);
    assertThat(list(lb, 8443)).hasSize(1);
  }

  @Test
  void createNeedsAnHttpsListenerOfASpecInstanceAndAnExistingCertificate() {
    String lb = httpsLoadBalancer();
    assertThat(expect(createRequest(lb, 443, "x.example.com", null), "InvalidParameter").getErrMsg())
        .contains("ServerCertificateId is empty");
    expect(createRequest(lb, 443, "x.example.com", CertificateIT.MISSING_ID), "ServerCertificateId.NotFound");
    expect(createRequest(lb, 444, "x.example.com", rsaCert), "ListenerNotFound");
    CreateLoadBalancerHTTPListenerRequest http = new CreateLoadBalancerHTTPListenerRequest();
    http.setLoadBalancerId(lb);
    http.setListenerPort(80);
    http.setBackendServerPort(8080);
    http.setHealthCheck("on");
    sdk.call(http);
    assertThat(expect(createRequest(lb, 80, "x.example.com", rsaCert), "InvalidParameter").getErrMsg())
        .contains("ListenerPort").contains("HTTPS");
    expect(createRequest("lb-doesnotexist0000000", 443, "x.example.com", rsaCert), "InvalidLoadBalancerId.NotFound");
    expect(createRequest(lb, 70000, "x.example.com", rsaCert), "InvalidParameter");

    CreateLoadBalancerRequest shared = new CreateLoadBalancerRequest();
    shared.setLoadBalancerName("shared");
    String sharedLb = sdk.call(shared).getLoadBalancerId();
    sdk.call(CertificateIT.httpsRequest(sharedLb, 443, rsaCert));
    expect(createRequest(sharedLb, 443, "x.example.com", rsaCert), "UnsupportedOperation");

    DescribeDomainExtensionsRequest none = new DescribeDomainExtensionsRequest();
    none.setLoadBalancerId(lb);
    none.setListenerPort(444);
    expect(none, "ListenerNotFound");
  }

  // ---- set / delete

  @Test
  void setSwapsTheCertificate() {
    String lb = httpsLoadBalancer();
    String id = create(lb, "swap.example.com", rsaCert);
    sdk.call(setRequest(id, ecCert));
    DescribeDomainExtensionAttributeResponse a = sdk.call(attributeRequest(id));
    assertThat(a.getServerCertificateId()).isEqualTo(ecCert);
    assertThat(a.getDomain()).isEqualTo("swap.example.com");
    assertThat(a.getServerCertificates()).extracting(c -> c.getEncryptionAlgorithm()).containsExactly("ECC");
    expect(setRequest(id, CertificateIT.MISSING_ID), "ServerCertificateId.NotFound");
    assertThat(expect(setRequest(id, null), "InvalidParameter").getErrMsg()).contains("ServerCertificateId is empty");
    assertThat(expect(setRequest(MISSING_DE, rsaCert), "InvalidParameter.DomainExtensionId").getErrMsg())
        .isEqualTo("The specified DomainExtensionId does not exist.");
    expect(new SetDomainExtensionAttributeRequest(), "MissingParameter");
  }

  @Test
  void deleteAndTheCertificateItHeld() {
    Issued own = TestCertificates.selfSigned(TestCertificates.EC_B, "held.example.com", "held.example.com");
    String held = CertificateIT.upload(sdk, own, own.pkcs8(), null).getServerCertificateId();
    String lb = httpsLoadBalancer();
    String id = create(lb, "held.example.com", held);
    ClientException refused = expect(deleteCertificate(held), "CertificateAndPrivateKeyIsRefered");
    assertThat(refused.getErrMsg()).contains(id);

    sdk.call(deleteRequest(id));
    expect(attributeRequest(id), "InvalidParameter.DomainExtensionId");
    expect(deleteRequest(id), "InvalidParameter.DomainExtensionId");
    assertThat(list(lb, 443)).isEmpty();
    sdk.call(deleteCertificate(held));
  }

  @Test
  void aLockedLoadBalancerRefusesChanges() {
    String lb = httpsLoadBalancer();
    String id = create(lb, "locked.example.com", rsaCert);
    new ListenerSupport(slb).forceLoadBalancerStatus(lb, "locked");
    expect(createRequest(lb, 443, "other.example.com", rsaCert), "ActionNotAllowed");
    expect(setRequest(id, ecCert), "ActionNotAllowed");
    expect(deleteRequest(id), "ActionNotAllowed");
    assertThat(sdk.call(attributeRequest(id)).getServerCertificateId()).isEqualTo(rsaCert);
    new ListenerSupport(slb).forceLoadBalancerStatus(lb, "active");
    sdk.call(deleteRequest(id));
  }

  @Test
  void domainExtensionsGoWithTheirListenerAndLoadBalancer() {
    String lb = httpsLoadBalancer();
    String onListener = create(lb, "gone.example.com", rsaCert);
    sdk.call(CertificateIT.httpsRequest(lb, 8443, rsaCert));
    String onOther = sdk.call(createRequest(lb, 8443, "stays.example.com", ecCert)).getDomainExtensionId();

    DeleteLoadBalancerListenerRequest deleteListener = new DeleteLoadBalancerListenerRequest();
    deleteListener.setLoadBalancerId(lb);
    deleteListener.setListenerPort(443);
    sdk.call(deleteListener);
    expect(attributeRequest(onListener), "InvalidParameter.DomainExtensionId");
    assertThat(sdk.call(attributeRequest(onOther)).getDomain()).isEqualTo("stays.example.com");
    // a new listener on the port starts without the old extensions
    sdk.call(CertificateIT.httpsRequest(lb, 443, rsaCert));
    assertThat(list(lb, 443)).isEmpty();

    DeleteLoadBalancerRequest deleteLb = new DeleteLoadBalancerRequest();
    deleteLb.setLoadBalancerId(lb);
    sdk.call(deleteLb);
    expect(attributeRequest(onOther), "InvalidParameter.DomainExtensionId");
    assertThat(slb.server().store().list(StoreLayout.domainExtensions(slb.rootAccountId(), Sdk.REGION, lb)).entries())
        .isEmpty();
    // the certificates are free again
    Issued free = TestCertificates.selfSigned(TestCertificates.RSA_B, "free.example.com", "free.example.com");
    String freeId = CertificateIT.upload(sdk, free, free.pkcs8(), null).getServerCertificateId();
    sdk.call(deleteCertificate(freeId));
  }

  @Test
  void anotherAccountCannotSeeOrTouchThem() {
    String lb = httpsLoadBalancer();
    String id = create(lb, "tenant.example.com", rsaCert);
    Sdk other = slb.sdk(slb.newAccount("de-tenant"));
    assertThat(other.error(attributeRequest(id)).getErrCode()).isEqualTo("InvalidParameter.DomainExtensionId");
    assertThat(other.error(deleteRequest(id)).getErrCode()).isEqualTo("InvalidParameter.DomainExtensionId");
    assertThat(other.error(setRequest(id, rsaCert)).getErrCode()).isEqualTo("InvalidParameter.DomainExtensionId");
    assertThat(other.error(createRequest(lb, 443, "x.example.com", rsaCert)).getErrCode())
        .isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(sdk.call(attributeRequest(id)).getDomain()).isEqualTo("tenant.example.com");
  }

  // ---- Terraform

  /**
   * alicloud_slb_domain_extension: CreateDomainExtension, DescribeDomainExtensionAttribute,
   * SetDomainExtensionAttribute on update, DeleteDomainExtension and a poll until the read answers
   * InvalidParameter.DomainExtensionId (the provider's not-found code).
   */
  @Test
  void terraformDomainExtensionSequence() {
    String lb = httpsLoadBalancer();
    String id = create(lb, "tf.example.com", rsaCert);
    DescribeDomainExtensionAttributeResponse read = sdk.call(attributeRequest(id));
    assertThat(read.getDomain()).isEqualTo("tf.example.com");
    assertThat(read.getServerCertificateId()).isEqualTo(rsaCert);
    assertThat(read.getLoadBalancerId()).isEqualTo(lb);
    assertThat(read.getListenerPort()).isEqualTo(443);
    sdk.call(setRequest(id, ecCert));
    assertThat(sdk.call(attributeRequest(id)).getServerCertificateId()).isEqualTo(ecCert);
    sdk.call(deleteRequest(id));
    await().atMost(Duration.ofSeconds(5)).until(() -> {
      ClientException e = sdk.error(attributeRequest(id));
      return e.getErrCode().equals("InvalidParameter.DomainExtensionId");
    });
  }

  private static DeleteServerCertificateRequest deleteCertificate(String id) {
    DeleteServerCertificateRequest r = new DeleteServerCertificateRequest();
    r.setServerCertificateId(id);
    return r;
  }
}
