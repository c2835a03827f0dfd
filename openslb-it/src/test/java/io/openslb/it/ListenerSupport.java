package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerListenerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPSListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPSListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerUDPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerUDPListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import com.aliyuncs.slb.model.v20140515.StopLoadBalancerListenerRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.store.KeyValue;
import io.openslb.store.StoreCodec;
import io.openslb.store.StoreLayout;
import io.openslb.store.Txn;

/**
 * Shared steps of the listener tests: load balancers and minimal listeners created through the
 * official SDK, error assertions, and records put straight into the store for the resources whose
 * actions do not exist yet (server/CA certificates, ACLs, vServer groups).
 */
final class ListenerSupport {
  static final String NOT_FOUND_MESSAGE = "The specified resource does not exist";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenSlbExtension slb;
  private final Sdk sdk;
  private int certificates;

  /** Steps on the extension's server; may be made before it starts. */
  ListenerSupport(OpenSlbExtension slb) {
    this.slb = slb;
    this.sdk = slb.sdk();
  }

  Sdk sdk() {
    return sdk;
  }

  /** A new pay-by-traffic load balancer without a spec. */
  String loadBalancer() {
    CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
    r.setLoadBalancerName("listener-it");
    return sdk.call(r).getLoadBalancerId();
  }

  /** A new load balancer with a performance spec (hash schedulers need one). */
  String specLoadBalancer() {
    CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
    r.setLoadBalancerName("listener-it-spec");
    r.setLoadBalancerSpec("slb.s2.small");
    return sdk.call(r).getLoadBalancerId();
  }

  // ---- minimal valid create requests (callers add what they test) ----

  static CreateLoadBalancerTCPListenerRequest tcpRequest(String lb, int port) {
    CreateLoadBalancerTCPListenerRequest r = new CreateLoadBalancerTCPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(8080);
    r.setBandwidth(-1);
    return r;
  }

  static CreateLoadBalancerUDPListenerRequest udpRequest(String lb, int port) {
    CreateLoadBalancerUDPListenerRequest r = new CreateLoadBalancerUDPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(8080);
    r.setBandwidth(-1);
    return r;
  }

  static CreateLoadBalancerHTTPListenerRequest httpRequest(String lb, int port) {
    CreateLoadBalancerHTTPListenerRequest r = new CreateLoadBalancerHTTPListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(8080);
    r.setHealthCheck("on");
    return r;
  }

  static CreateLoadBalancerHTTPSListenerRequest httpsRequest(String lb, int port, String certificateId) {
    CreateLoadBalancerHTTPSListenerRequest r = new CreateLoadBalancerHTTPSListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    r.setBackendServerPort(8080);
    r.setBandwidth(-1);
    r.setHealthCheck("on");
    r.setServerCertificateId(certificateId);
    return r;
  }

  void tcp(String lb, int port) {
    sdk.call(tcpRequest(lb, port));
  }

  void udp(String lb, int port) {
    sdk.call(udpRequest(lb, port));
  }

  void http(String lb, int port) {
    sdk.call(httpRequest(lb, port));
  }

  void https(String lb, int port) {
    sdk.call(httpsRequest(lb, port, serverCertificate()));
  }

  // ---- describe ----

  DescribeLoadBalancerTCPListenerAttributeResponse describeTcp(String lb, int port) {
    return sdk.call(describeTcpRequest(lb, port));
  }

  static DescribeLoadBalancerTCPListenerAttributeRequest describeTcpRequest(String lb, int port) {
    DescribeLoadBalancerTCPListenerAttributeRequest r = new DescribeLoadBalancerTCPListenerAttributeRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    return r;
  }

  DescribeLoadBalancerUDPListenerAttributeResponse describeUdp(String lb, int port) {
    return sdk.call(describeUdpRequest(lb, port));
  }

  static DescribeLoadBalancerUDPListenerAttributeRequest describeUdpRequest(String lb, int port) {
    DescribeLoadBalancerUDPListenerAttributeRequest r = new DescribeLoadBalancerUDPListenerAttributeRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    return r;
  }

  DescribeLoadBalancerHTTPListenerAttributeResponse describeHttp(String lb, int port) {
    return sdk.call(describeHttpRequest(lb, port));
  }

  static DescribeLoadBalancerHTTPListenerAttributeRequest describeHttpRequest(String lb, int port) {
    DescribeLoadBalancerHTTPListenerAttributeRequest r = new DescribeLoadBalancerHTTPListenerAttributeRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    return r;
  }

  DescribeLoadBalancerHTTPSListenerAttributeResponse describeHttps(String lb, int port) {
    return sdk.call(describeHttpsRequest(lb, port));
  }

  static DescribeLoadBalancerHTTPSListenerAttributeRequest describeHttpsRequest(String lb, int port) {
    DescribeLoadBalancerHTTPSListenerAttributeRequest r = new DescribeLoadBalancerHTTPSListenerAttributeRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    return r;
  }

  // ---- start / stop / delete ----

  static StartLoadBalancerListenerRequest startListener(String lb, int port, String protocol) {
    StartLoadBalancerListenerRequest r = new StartLoadBalancerListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    if (protocol != null) {
      r.setListenerProtocol(protocol);
    }
    return r;
  }

  static StopLoadBalancerListenerRequest stopListener(String lb, int port, String protocol) {
    StopLoadBalancerListenerRequest r = new StopLoadBalancerListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    if (protocol != null) {
      r.setListenerProtocol(protocol);
    }
    return r;
  }

  static DeleteLoadBalancerListenerRequest deleteListener(String lb, int port, String protocol) {
    DeleteLoadBalancerListenerRequest r = new DeleteLoadBalancerListenerRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    if (protocol != null) {
      r.setListenerProtocol(protocol);
    }
    return r;
  }

  // ---- errors ----

  /** The call fails with {@code code}; returns the exception for further checks. */
  ClientException expectError(AcsRequest<?> request, String code) {
    ClientException e = sdk.error(request);
    assertThat(e.getErrCode()).as("error code of %s (message: %s)", request.getSysActionName(), e.getErrMsg())
        .isEqualTo(code);
    return e;
  }

  /** The call fails with InvalidParameter whose message names {@code parameter}. */
  void expectInvalid(AcsRequest<?> request, String parameter) {
    ClientException e = expectError(request, "InvalidParameter");
    assertThat(e.getErrMsg()).containsIgnoringCase(parameter);
  }

  /** The call fails with MissingParameter whose message names {@code parameter}. */
  void expectMissing(AcsRequest<?> request, String parameter) {
    ClientException e = expectError(request, "MissingParameter");
    assertThat(e.getErrMsg()).containsIgnoringCase(parameter);
  }

  /** Describe*ListenerAttribute of a listener that does not exist, as Terraform detects it. */
  void expectListenerAbsent(AcsRequest<?> describe) {
    ClientException e = expectError(describe, "InvalidParameter");
    assertThat(e.getErrMsg()).contains(NOT_FOUND_MESSAGE);
  }

  /** Runs a call, answering the SDK's exception if it failed and null if it succeeded. */
  ClientException failureOf(AcsRequest<?> request) {
    try {
      sdk.call(request);
      return null;
    } catch (AssertionError e) {
      if (e.getCause() instanceof ClientException ce) {
        return ce;
      }
      throw e;
    }
  }

  // ---- records put into the store directly ----

  /** A server certificate record of the root account (UploadServerCertificate is not implemented yet). */
  String serverCertificate() {
    String id = slb.rootAccountId() + "_18f0c0ffee" + (++certificates) + "_1714763408_709981";
    put(StoreLayout.serverCertificate(slb.rootAccountId(), Sdk.REGION, id), JSON.createObjectNode().put("id", id));
    return id;
  }

  String caCertificate() {
    String id = "139a00604ad-cn-east-hangzhou-0" + (++certificates);
    put(StoreLayout.caCertificate(slb.rootAccountId(), Sdk.REGION, id), JSON.createObjectNode().put("id", id));
    return id;
  }

  String tlsPolicy(String id) {
    put(StoreLayout.tlsPolicy(slb.rootAccountId(), Sdk.REGION, id), JSON.createObjectNode().put("id", id));
    return id;
  }

  String acl(String id) {
    put(StoreLayout.acl(slb.rootAccountId(), Sdk.REGION, id), JSON.createObjectNode().put("id", id));
    return id;
  }

  String vserverGroup(String lb, String id) {
    put(StoreLayout.vserverGroup(slb.rootAccountId(), Sdk.REGION, id),
        JSON.createObjectNode().put("id", id).put("loadBalancerId", lb));
    return id;
  }

  /** Sets a load balancer's stored status (locked cannot be reached through the API). */
  void forceLoadBalancerStatus(String lb, String status) {
    String key = StoreLayout.loadBalancer(slb.rootAccountId(), Sdk.REGION, lb);
    KeyValue kv = slb.server().store().get(key).orElseThrow();
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(kv.value());
      node.put("status", status);
      put(key, node);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private void put(String key, ObjectNode value) {
    slb.server().store().commit(Txn.builder().put(key, StoreCodec.encode(value)).build());
  }
}
