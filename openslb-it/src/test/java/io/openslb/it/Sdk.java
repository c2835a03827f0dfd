package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import java.util.function.Supplier;

/** The official Java SDK (aliyun-java-sdk-core 4.7.10 + slb 3.3.17) pointed at a local server. */
public final class Sdk {
  public static final String REGION = "cn-hangzhou";

  private final Supplier<String> endpoint;
  private final DefaultAcsClient client;

  public Sdk(String endpoint, String keyId, String secret) {
    this(() -> endpoint, keyId, secret);
  }

  /**
   * A client whose endpoint is looked up at each call, so that it can be made before its server
   * starts (the fields next to an {@link OpenSlbExtension}).
   */
  Sdk(Supplier<String> endpoint, String keyId, String secret) {
    this.endpoint = endpoint;
    this.client = new DefaultAcsClient(DefaultProfile.getProfile(REGION, keyId, secret));
  }

  public Sdk v3() {
    client.setSignatureVersion(SignatureVersion.V3);
    return this;
  }

  public <T extends AcsResponse> T call(AcsRequest<T> request) {
    prepare(request);
    try {
      return client.getAcsResponse(request);
    } catch (ClientException e) {
      throw new AssertionError(
          "call failed: " + e.getErrCode() + " " + e.getErrMsg() + " (RequestId " + e.getRequestId() + ")", e);
    }
  }

  /**
   * A call right after the server restarted: the SDK's shared connection pool may still hold a
   * connection to the killed process, which fails once with SDK.ServerUnreachable.
   */
  public <T extends AcsResponse> T callAfterRestart(AcsRequest<T> request) {
    prepare(request);
    for (int attempt = 1; ; attempt++) {
      try {
        return client.getAcsResponse(request);
      } catch (ClientException e) {
        if (!"SDK.ServerUnreachable".equals(e.getErrCode()) || attempt >= 5) {
          throw new AssertionError("call failed: " + e.getErrCode() + " " + e.getErrMsg(), e);
        }
      }
    }
  }

  /** Runs a call that must fail; returns the SDK's exception for assertions on code and message. */
  public ClientException error(AcsRequest<?> request) {
    prepare(request);
    try {
      client.getAcsResponse(request);
    } catch (ClientException e) {
      assertThat(e.getRequestId()).as("an error carries a RequestId").isNotBlank();
      return e;
    }
    return fail("expected " + request.getSysActionName() + " to fail");
  }

  /** The error code a failing call gets. */
  public String errorCode(AcsRequest<?> request) {
    return error(request).getErrCode();
  }

  private void prepare(AcsRequest<?> request) {
    request.setSysEndpoint(endpoint.get());
    request.setSysProtocol(ProtocolType.HTTP);
    if (request.getSysRegionId() == null) {
      request.setSysRegionId(REGION);
    }
  }
}
