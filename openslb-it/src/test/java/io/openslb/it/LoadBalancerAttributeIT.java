package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse.ListenerPortAndProtocal;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse.ListenerPortAndProtocol;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse.LoadBalancer;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerModificationProtectionRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerNameRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerStatusRequest;
import org.junit.jupiter.api.Test;

/**
 * DescribeLoadBalancerAttribute, SetLoadBalancerName, SetLoadBalancerStatus and
 * SetLoadBalancerModificationProtection.
 */
class LoadBalancerAttributeIT extends LoadBalancerITBase {
  @Test
  void describeAttributeShowsListenersAndBackendServers() {
    String id = newLb("with-listeners");
    CreateLoadBalancerTCPListenerRequest tcp = new CreateLoadBalancerTCPListenerRequest();
    tcp.setLoadBalancerId(id);
    tcp.setListenerPort(80);
    tcp.setBackendServerPort(8080);
    tcp.setBandwidth(-1);
    tcp.setDescription("tcp-front");
    sdk.call(tcp);
    CreateLoadBalancerHTTPListenerRequest http = new CreateLoadBalancerHTTPListenerRequest();
    http.setLoadBalancerId(id);
    http.setListenerPort(8080);
    http.setBackendServerPort(8080);
    http.setHealthCheck("off");
    sdk.call(http);
    CreateLoadBalancerUDPListenerRequest udp = new CreateLoadBalancerUDPListenerRequest();
    udp.setLoadBalancerId(id);
    udp.setListenerPort(53);
    udp.setBackendServerPort(5353);
    udp.setBandwidth(-1);
    sdk.call(udp);
    AddBackendServersRequest add = new AddBackendServersRequest();
    add.setLoadBalancerId(id);
    add.setBackendServers("[{\"ServerId\":\"i-lbfilter\",\"Weight\":\"40\",\"Description\":\"filter-box\"}]");
    sdk.call(add);

    DescribeLoadBalancerAttributeResponse a = attr(id);
    assertThat(a.getListenerPorts()).containsExactly(53, 80, 8080);
    assertThat(a.getListenerPortsAndProtocal())
        .extracting(ListenerPortAndProtocal::getListenerPort, ListenerPortAndProtocal::getListenerProtocal)
        .containsExactly(tuple(53, "udp"), tuple(80, "tcp"), tuple(8080, "http"));
    assertThat(a.getListenerPortsAndProtocol())
        .extracting(
            ListenerPortAndProtocol::getListenerPort,
            ListenerPortAndProtocol::getListenerProtocol,
            ListenerPortAndProtocol::getDescription)
        .containsExactly(tuple(53, "udp", null), tuple(80, "tcp", "tcp-front"), tuple(8080, "http", null));
    assertThat(a.getListenerPortsAndProtocol().get(2).getListenerForward()).isEqualTo("off");
    assertThat(a.getBackendServers())
        .extracting(
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerId,
            DescribeLoadBalancerAttributeResponse.BackendServer::getWeight,
            DescribeLoadBalancerAttributeResponse.BackendServer::getType,
            DescribeLoadBalancerAttributeResponse.BackendServer::getServerIp,
            DescribeLoadBalancerAttributeResponse.BackendServer::getDescription,
            DescribeLoadBalancerAttributeResponse.BackendServer::getVpcId)
        .containsExactly(tuple("i-lbfilter", 40, "ecs", "127.0.0.31", "filter-box", "vpc-test"));
  }

  @Test
  void describeAttributeNeedsAnExistingLoadBalancerId() {
    ClientException e = sdk.error(withLb(new DescribeLoadBalancerAttributeRequest(), MISSING_ID));
    assertThat(e.getErrCode()).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(e.getErrMsg()).isEqualTo("The specified LoadBalancerId does not exist.");
    assertThat(sdk.errorCode(new DescribeLoadBalancerAttributeRequest())).isEqualTo("MissingParameter");
  }

  @Test
  void setNameRenames() {
    String id = newLb("before-rename");
    String name = unique("after.rename_x");
    SetLoadBalancerNameRequest r = new SetLoadBalancerNameRequest();
    r.setLoadBalancerId(id);
    r.setLoadBalancerName(name);
    assertThat(sdk.call(r).getRequestId()).isNotBlank();
    assertThat(attr(id).getLoadBalancerName()).isEqualTo(name);
    assertThat(ids(list(q -> q.setLoadBalancerName(name)))).containsExactly(id);
  }

  @Test
  void setNameValidates() {
    String id = newLb("keep-name");
    SetLoadBalancerNameRequest bad = new SetLoadBalancerNameRequest();
    bad.setLoadBalancerId(id);
    bad.setLoadBalancerName("-starts-with-dash");
    ClientException e = sdk.error(bad);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("LoadBalancerName");
    SetLoadBalancerNameRequest missing = new SetLoadBalancerNameRequest();
    missing.setLoadBalancerId(id);
    assertThat(sdk.errorCode(missing)).isEqualTo("MissingParameter");
    SetLoadBalancerNameRequest unknown = new SetLoadBalancerNameRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setLoadBalancerName("fine");
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getLoadBalancerName()).isEqualTo("keep-name");
  }

  @Test
  void setStatusSwitchesBetweenActiveAndInactive() {
    String id = newLb("status");
    SetLoadBalancerStatusRequest r = new SetLoadBalancerStatusRequest();
    r.setLoadBalancerId(id);
    r.setLoadBalancerStatus("inactive");
    sdk.call(r);
    assertThat(attr(id).getLoadBalancerStatus()).isEqualTo("inactive");
    assertThat(list(q -> q.setLoadBalancerId(id)).getLoadBalancers().get(0).getLoadBalancerStatus())
        .isEqualTo("inactive");
    SetLoadBalancerStatusRequest back = new SetLoadBalancerStatusRequest();
    back.setLoadBalancerId(id);
    back.setLoadBalancerStatus("active");
    sdk.call(back);
    assertThat(attr(id).getLoadBalancerStatus()).isEqualTo("active");
  }

  @Test
  void setStatusAcceptsOnlyActiveOrInactive() {
    String id = newLb("status-bad");
    SetLoadBalancerStatusRequest locked = new SetLoadBalancerStatusRequest();
    locked.setLoadBalancerId(id);
    locked.setLoadBalancerStatus("locked");
    ClientException e = sdk.error(locked);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("LoadBalancerStatus");
    SetLoadBalancerStatusRequest missing = new SetLoadBalancerStatusRequest();
    missing.setLoadBalancerId(id);
    assertThat(sdk.errorCode(missing)).isEqualTo("MissingParameter");
    SetLoadBalancerStatusRequest unknown = new SetLoadBalancerStatusRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setLoadBalancerStatus("inactive");
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getLoadBalancerStatus()).isEqualTo("active");
  }

  @Test
  void setModificationProtectionStoresTheReasonAndClearsItOnNonProtection() {
    String id = newLb("modprot");
    SetLoadBalancerModificationProtectionRequest on = new SetLoadBalancerModificationProtectionRequest();
    on.setLoadBalancerId(id);
    on.setModificationProtectionStatus("ConsoleProtection");
    on.setModificationProtectionReason("change freeze");
    assertThat(sdk.call(on).getRequestId()).isNotBlank();
    DescribeLoadBalancerAttributeResponse a = attr(id);
    assertThat(a.getModificationProtectionStatus()).isEqualTo("ConsoleProtection");
    assertThat(a.getModificationProtectionReason()).isEqualTo("change freeze");
    LoadBalancer row = list(q -> q.setLoadBalancerId(id)).getLoadBalancers().get(0);
    assertThat(row.getModificationProtectionStatus()).isEqualTo("ConsoleProtection");
    assertThat(row.getModificationProtectionReason()).isEqualTo("change freeze");

    // ConsoleProtection only guards the console: API changes still work
    SetLoadBalancerNameRequest rename = new SetLoadBalancerNameRequest();
    rename.setLoadBalancerId(id);
    rename.setLoadBalancerName("renamed-while-protected");
    sdk.call(rename);
    assertThat(attr(id).getLoadBalancerName()).isEqualTo("renamed-while-protected");

    SetLoadBalancerModificationProtectionRequest off = new SetLoadBalancerModificationProtectionRequest();
    off.setLoadBalancerId(id);
    off.setModificationProtectionStatus("NonProtection");
    off.setModificationProtectionReason("should be dropped");
    sdk.call(off);
    a = attr(id);
    assertThat(a.getModificationProtectionStatus()).isEqualTo("NonProtection");
    assertThat(a.getModificationProtectionReason()).isNullOrEmpty();
  }

  @Test
  void setModificationProtectionValidates() {
    String id = newLb("modprot-bad");
    SetLoadBalancerModificationProtectionRequest bad = new SetLoadBalancerModificationProtectionRequest();
    bad.setLoadBalancerId(id);
    bad.setModificationProtectionStatus("ReadOnly");
    ClientException e = sdk.error(bad);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("ModificationProtectionStatus");
    SetLoadBalancerModificationProtectionRequest badReason = new SetLoadBalancerModificationProtectionRequest();
    badReason.setLoadBalancerId(id);
    badReason.setModificationProtectionStatus("ConsoleProtection");
    badReason.setModificationProtectionReason("_underscore first");
    assertThat(sdk.errorCode(badReason)).isEqualTo("InvalidParameter");
    SetLoadBalancerModificationProtectionRequest missing = new SetLoadBalancerModificationProtectionRequest();
    missing.setLoadBalancerId(id);
    assertThat(sdk.errorCode(missing)).isEqualTo("MissingParameter");
    SetLoadBalancerModificationProtectionRequest unknown = new SetLoadBalancerModificationProtectionRequest();
    unknown.setLoadBalancerId(MISSING_ID);
    unknown.setModificationProtectionStatus("ConsoleProtection");
    assertThat(sdk.errorCode(unknown)).isEqualTo("InvalidLoadBalancerId.NotFound");
    assertThat(attr(id).getModificationProtectionStatus()).isEqualTo("NonProtection");
  }
}
