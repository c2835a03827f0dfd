package io.openslb.controlplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Both signature versions against known vectors: v1 against the worked example of Alibaba Cloud's
 * documentation (PROTOCOL.md §1.3), v3's primitives against RFC 4231 and FIPS 180-2, and v3's
 * canonical request spelled out for a request shaped as aliyun-java-sdk-core 4.7.10 sends it.
 */
class SignatureVectorsTest {

  @Test
  void v1MatchesTheDocumentedExample() {
    Map<String, String> params = new TreeMap<>();
    params.put("AccessKeyId", "testid");
    params.put("Action", "DescribeRegions");
    params.put("Format", "XML");
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
    params.put("SignatureVersion", "1.0");
    params.put("TimeStamp", "2016-02-23T12:46:24Z");
    params.put("Version", "2014-05-26");
    params.put("Signature", "left out of what is signed");
    String toSign = SignatureV1.stringToSign("get", params);
    assertThat(toSign).isEqualTo("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
        + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
        + "%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
    assertThat(SignatureV1.sign(toSign, "testsecret")).isEqualTo("CT9X0VtwR86fNWSnsc6v8YGOjuE=");
  }

  @Test
  void v1EncodesAsRfc3986AndSortsByCodeUnit() {
    Map<String, String> params = Map.of("b", "a b*c~d", "B", "é/", "healthCheckInterval", "2", "Z", "");
    assertThat(SignatureV1.stringToSign("POST", params))
        .isEqualTo("POST&%2F&B%3D%25C3%25A9%252F%26Z%3D%26b%3Da%2520b%252Ac~d%26healthCheckInterval%3D2");
  }

  @Test
  void v3PrimitivesMatchTheirStandardVectors() {
    // FIPS 180-2: SHA-256 of "" and of "abc"
    assertThat(SignatureV3.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(SignatureV3.sha256Hex("abc".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // RFC 4231 test case 2: key "Jefe"
    assertThat(SignatureV3.sign("what do ya want for nothing?", "Jefe"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void v3CanonicalRequestAndStringToSign() {
    Map<String, String> query = new TreeMap<>(Map.of("Action", "DescribeRegions", "Format", "JSON", "Version", "2014-05-15"));
    Map<String, String> headers = Map.of(
        "x-acs-action", "DescribeRegions",
        "x-acs-version", "2014-05-15",
        "x-acs-date", "2026-12-04T12:00:00Z",
        "x-acs-signature-nonce", "d410180a5abf7fe235dd9b74aca91fc0",
        "x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "content-type", " application/x-www-form-urlencoded ");
    List<String> signed = List.of("x-acs-version", "content-type", "x-acs-action", "x-acs-content-sha256",
        "x-acs-date", "x-acs-signature-nonce");
    String canonical = SignatureV3.canonicalRequest("post", "", query, headers, signed,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(canonical).isEqualTo("POST\n/\nAction=DescribeRegions&Format=JSON&Version=2014-05-15\n"
        + "content-type:application/x-www-form-urlencoded\n"
        + "x-acs-action:DescribeRegions\n"
        + "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        + "x-acs-date:2026-12-04T12:00:00Z\n"
        + "x-acs-signature-nonce:d410180a5abf7fe235dd9b74aca91fc0\n"
        + "x-acs-version:2014-05-15\n"
        + "\n"
        + "content-type;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(SignatureV3.stringToSign(canonical)).isEqualTo("ACS3-HMAC-SHA256\n"
        + SignatureV3.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void v3AuthorizationPartsComeInAnyOrder() {
    SignatureV3.Authorization a = SignatureV3.Authorization.parse(
        "ACS3-HMAC-SHA256 Credential=LTAI5t,Signature=abc123,SignedHeaders=X-Acs-Date;host");
    assertThat(a).isEqualTo(new SignatureV3.Authorization("LTAI5t", List.of("x-acs-date", "host"), "abc123"));
    assertThat(SignatureV3.Authorization.parse("ACS3-HMAC-SHA256 Credential=LTAI5t,Signature=abc")).isNull();
    assertThat(SignatureV3.Authorization.parse("HMAC-SHA1 Credential=a,SignedHeaders=b,Signature=c")).isNull();
  }
}
