package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerListenersResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import com.aliyuncs.slb.model.v20140515.DescribeRegionsRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.openslb.controlplane.auth.SignatureV1;
import io.openslb.controlplane.service.Accounts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wire protocol on raw HTTP and through the SDK: signatures, replay, time, formats, errors. */
class ProtocolIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final RawApi raw = slb.raw();

  private static void assertError(RawApi.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode body = reply.json();
    assertThat(body.path("Code").asText()).isEqualTo(code);
    assertThat(body.path("RequestId").asText()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    assertThat(body.path("HostId").asText()).isNotEmpty();
    assertThat(body.path("Message").asText()).isNotEmpty();
    assertThat(body.path("Recommend").asText()).contains(code);
  }

  @Test
  void signedGetAnswersJsonWithAnUpperCaseRequestId() {
    RawApi.Reply reply = raw.call("DescribeRegions", Map.of());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json;charset=utf-8");
    assertThat(reply.json().path("RequestId").asText()).matches("[0-9A-F-]{36}");
    assertThat(reply.json().at("/Regions/Region/0/RegionId").asText()).isEqualTo("cn-hangzhou");
  }

  @Test
  void signedPostWithFormBodyIsAccepted() {
    TreeMap<String, String> p = raw.common("DescribeRegions");
    p.put("AcceptLanguage", "en-US");
    RawApi.Reply reply = raw.postForm(raw.sign("POST", p));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().at("/Regions/Region/0/LocalName").asText()).isEqualTo("China (Hangzhou)");
  }

  @Test
  void valuesNeedingEncodingAreSignedOverTheDecodedUnion() {
    TreeMap<String, String> p = raw.common("DescribeLoadBalancers");
    p.put("Tags", "[{\"TagKey\":\"a b*~/+=&\u00e9\",\"TagValue\":\"v\"}]");
    RawApi.Reply reply = raw.get(raw.sign("GET", p));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("TotalCount").asInt()).isZero();
  }

  @Test
  void wrongSignatureNamesTheServerStringToSign() {
    TreeMap<String, String> p = raw.common("DescribeRegions");
    Map<String, String> signed = RawApi.sign("GET", p, "not-the-secret");
    RawApi.Reply reply = raw.get(signed);
    assertError(reply, 400, "SignatureDoesNotMatch");
    assertThat(reply.json().path("Message").asText())
        .startsWith("Specified signature is not matched with our calculation.")
        .endsWith("server string to sign is:" + SignatureV1.stringToSign("GET", p));
  }

  @Test
  void theSdkDiagnosesAWrongSecretFromTheStringToSign() {
    Sdk wrong = new Sdk(slb.endpoint(), OpenSlbFixture.ROOT_KEY_ID, "wrong-secret");
    ClientException e = wrong.error(new DescribeRegionsRequest());
    assertThat(e.getErrCode()).isEqualTo("SDK.InvalidAccessKeySecret");
  }

  @Test
  void aReplayedNonceIsRefused() {
    Map<String, String> signed = raw.sign("GET", raw.common("DescribeRegions"));
    assertThat(raw.get(signed).status()).isEqualTo(200);
    assertError(raw.get(signed), 400, "SignatureNonceUsed");
  }

  @Test
  void timestampsOutsideFifteenMinutesAreExpired() {
    TreeMap<String, String> p = raw.common("DescribeRegions");
    p.put("Timestamp", Instant.now().minus(16, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
    assertError(raw.get(raw.sign("GET", p)), 400, "InvalidTimeStamp.Expired");
    p = raw.common("DescribeRegions");
    p.put("Timestamp", Instant.now().plus(16, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
    assertError(raw.get(raw.sign("GET", p)), 400, "InvalidTimeStamp.Expired");
    p = raw.common("DescribeRegions");
    p.put("Timestamp", "yesterday");
    assertError(raw.get(raw.sign("GET", p)), 400, "IllegalTimestamp");
    p = raw.common("DescribeRegions");
    p.put("Timestamp", Instant.now().minus(14, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
    assertThat(raw.get(raw.sign("GET", p)).status()).isEqualTo(200);
  }

  @Test
  void unknownKeyAndMissingSignatureParts() {
    TreeMap<String, String> p = raw.common("DescribeRegions");
    p.put("AccessKeyId", "LTAInobody");
    assertError(raw.get(raw.sign("GET", p)), 404, "InvalidAccessKeyId.NotFound");
    TreeMap<String, String> unsigned = raw.common("DescribeRegions");
    assertError(raw.get(unsigned), 400, "MissingParameter");
  }

  @Test
  void unknownActionIsTheCloudsErrorNeverAnHtmlPage() {
    assertError(raw.call("DescribeNothing", Map.of()), 404, "InvalidAction.NotFound");
    assertError(raw.get(Map.of("Action", "DescribeNothing")), 404, "InvalidAction.NotFound");
    assertError(raw.send(HttpRequest.newBuilder(URI.create("http://" + slb.endpoint() + "/some/path")).GET()),
        404, "InvalidAction.NotFound");
    assertError(raw.send(HttpRequest.newBuilder(URI.create("http://" + slb.endpoint() + "/?Action=DescribeRegions"))
        .PUT(HttpRequest.BodyPublishers.noBody())), 400, "UnsupportedHTTPMethod");
  }

  @Test
  void aWrongVersionIsRefused() {
    TreeMap<String, String> p = raw.common("DescribeRegions");
    p.put("Version", "2016-01-01");
    assertError(raw.get(raw.sign("GET", p)), 400, "InvalidVersion");
  }

  @Test
  void xmlFormatOnRawHttpAndThroughTheSdk() {
    TreeMap<String, String> p = raw.common("DescribeRegions");
    p.put("Format", "XML");
    RawApi.Reply reply = raw.get(raw.sign("GET", p));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).contains("xml");
    assertThat(reply.body()).contains("<DescribeRegionsResponse>").contains("<Regions><Region><RegionId>cn-hangzhou</RegionId>");

    TreeMap<String, String> bad = raw.common("DescribeNothing");
    bad.put("Format", "XML");
    assertThat(raw.get(raw.sign("GET", bad)).body()).contains("<Error>").contains("<Code>InvalidAction.NotFound</Code>");

    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("xml-one");
    String id = slb.sdk().call(create).getLoadBalancerId();
    DescribeLoadBalancersRequest list = new DescribeLoadBalancersRequest();
    list.setSysAcceptFormat(FormatType.XML);
    list.setLoadBalancerId(id);
    DescribeLoadBalancersResponse r = slb.sdk().call(list);
    assertThat(r.getLoadBalancers()).extracting(DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerName)
        .containsExactly("xml-one");
  }

  @Test
  void signatureV3ThroughTheSdk() {
    Sdk v3 = new Sdk(slb.endpoint(), OpenSlbFixture.ROOT_KEY_ID, OpenSlbFixture.ROOT_SECRET).v3();
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("v3-signed");
    String id = v3.call(create).getLoadBalancerId();
    DescribeLoadBalancersRequest list = new DescribeLoadBalancersRequest();
    list.setLoadBalancerId(id);
    assertThat(v3.call(list).getLoadBalancers()).hasSize(1);

    Sdk wrong = new Sdk(slb.endpoint(), OpenSlbFixture.ROOT_KEY_ID, "wrong").v3();
    assertThat(wrong.errorCode(new DescribeRegionsRequest())).isEqualTo("SignatureDoesNotMatch");
  }

  @Test
  void nonAsciiIsSentRawAndFlatListsAreArrays() {
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("caf\u00e9");
    String id = slb.sdk().call(create).getLoadBalancerId();
    RawApi.Reply reply = raw.call("DescribeLoadBalancerAttribute", Map.of("LoadBalancerId", id));
    assertThat(reply.body()).contains("caf\u00e9").doesNotContain("\\u00e9");
    assertThat(reply.json().at("/ListenerPorts/ListenerPort").isArray()).isTrue();

    CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
    tcp.setLoadBalancerId(id);
    tcp.setListenerPort(9000);
    tcp.setBackendServerPort(9000);
    tcp.setBandwidth(-1);
    slb.sdk().call(tcp);
    RawApi.Reply listeners = raw.call("DescribeLoadBalancerListeners", Map.of("LoadBalancerId.1", id));
    assertThat(listeners.json().path("Listeners").isArray()).isTrue();
    DescribeLoadBalancerListenersRequest viaSdk = new DescribeLoadBalancerListenersRequest();
    viaSdk.setLoadBalancerIds(List.of(id));
    DescribeLoadBalancerListenersResponse r = slb.sdk().call(viaSdk);
    assertThat(r.getListeners()).extracting(DescribeLoadBalancerListenersResponse.Listener::getListenerPort)
        .containsExactly(9000);
  }

  @Test
  void accountsNeverSeeEachOther() {
    Accounts.Created other = slb.newAccount("protocol-other");
    Sdk them = slb.sdk(other);
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("theirs");
    String theirs = them.call(create).getLoadBalancerId();

    assertThat(raw.call("DescribeLoadBalancerAttribute", Map.of("LoadBalancerId", theirs)).json().path("Code").asText())
        .isEqualTo("InvalidLoadBalancerId.NotFound");
    DescribeLoadBalancersRequest mine = new DescribeLoadBalancersRequest();
    mine.setPageSize(100);
    assertThat(slb.sdk().call(mine).getLoadBalancers())
        .extracting(DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerId).doesNotContain(theirs);
    DescribeLoadBalancersRequest theirList = new DescribeLoadBalancersRequest();
    theirList.setPageSize(100);
    assertThat(them.call(theirList).getLoadBalancers())
        .extracting(DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerId).containsExactly(theirs);
  }
}
