package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.AddListenerWhiteListItemRequest;
import com.aliyuncs.slb.model.v20140515.DescribeListenerAccessControlAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeListenerAccessControlAttributeResponse;
import com.aliyuncs.slb.model.v20140515.RemoveListenerWhiteListItemRequest;
import com.aliyuncs.slb.model.v20140515.SetListenerAccessControlStatusRequest;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerTCPListenerAttributeRequest;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The 4 legacy listener whitelist actions through the official SDK. */
class WhitelistIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static final ListenerSupport it = new ListenerSupport(slb);

  // ---- helpers

  static AddListenerWhiteListItemRequest addRequest(String lb, int port, String protocol, String items) {
    AddListenerWhiteListItemRequest r = new AddListenerWhiteListItemRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    if (protocol != null) {
      r.setListenerProtocol(protocol);
    }
    r.setSourceItems(items);
    return r;
  }

  static RemoveListenerWhiteListItemRequest removeRequest(String lb, int port, String protocol, String items) {
    RemoveListenerWhiteListItemRequest r = new RemoveListenerWhiteListItemRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    if (protocol != null) {
      r.setListenerProtocol(protocol);
    }
    r.setSourceItems(items);
    return r;
  }

  static SetListenerAccessControlStatusRequest statusRequest(String lb, int port, String protocol, String status) {
    SetListenerAccessControlStatusRequest r = new SetListenerAccessControlStatusRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    if (protocol != null) {
      r.setListenerProtocol(protocol);
    }
    r.setAccessControlStatus(status);
    return r;
  }

  static DescribeListenerAccessControlAttributeRequest describeRequest(String lb, int port, String protocol) {
    DescribeListenerAccessControlAttributeRequest r = new DescribeListenerAccessControlAttributeRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    if (protocol != null) {
      r.setListenerProtocol(protocol);
    }
    return r;
  }

  static DescribeListenerAccessControlAttributeResponse describe(String lb, int port) {
    return sdk.call(describeRequest(lb, port, null));
  }

  static void expectError(AcsRequest<?> request, String code, String messagePart) {
    ClientException e = sdk.error(request);
    assertThat(e.getErrCode()).as("code (message %s)", e.getErrMsg()).isEqualTo(code);
    if (messagePart != null) {
      assertThat(e.getErrMsg()).contains(messagePart);
    }
  }

  // ---- tests

  @Test
  void addSetRemoveDescribe() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    DescribeListenerAccessControlAttributeResponse d = describe(lb, 80);
    assertThat(d.getSourceItems()).isNullOrEmpty();
    assertThat(d.getAccessControlStatus()).isEqualTo("close");

    sdk.call(addRequest(lb, 80, null, "10.0.0.1, 192.168.1.7/16,10.0.0.1,2001:DB8::1"));
    assertThat(describe(lb, 80).getSourceItems()).isEqualTo("10.0.0.1,192.168.0.0/16,2001:db8::1");
    // the same blocks in another spelling are ignored
    sdk.call(addRequest(lb, 80, "tcp", "10.0.0.1/32,192.168.0.0/16,172.16.0.0/12"));
    assertThat(describe(lb, 80).getSourceItems()).isEqualTo("10.0.0.1,192.168.0.0/16,2001:db8::1,172.16.0.0/12");

    sdk.call(statusRequest(lb, 80, null, "open_white_list"));
    assertThat(describe(lb, 80).getAccessControlStatus()).isEqualTo("open_white_list");

    // a listener update keeps the whitelist
    SetLoadBalancerTCPListenerAttributeRequest set = new SetLoadBalancerTCPListenerAttributeRequest();
    set.setLoadBalancerId(lb);
    set.setListenerPort(80);
    set.setDescription("still whitelisted");
    sdk.call(set);
    d = describe(lb, 80);
    assertThat(d.getAccessControlStatus()).isEqualTo("open_white_list");
    assertThat(d.getSourceItems()).isEqualTo("10.0.0.1,192.168.0.0/16,2001:db8::1,172.16.0.0/12");

    // removing: absent items ignored; removing everything is allowed (then nothing passes)
    sdk.call(removeRequest(lb, 80, null, "192.168.5.5/16,8.8.8.8"));
    assertThat(describe(lb, 80).getSourceItems()).isEqualTo("10.0.0.1,2001:db8::1,172.16.0.0/12");
    sdk.call(removeRequest(lb, 80, null, "10.0.0.1,2001:db8::1,172.16.0.0/12"));
    d = describe(lb, 80);
    assertThat(d.getSourceItems()).isNullOrEmpty();
    assertThat(d.getAccessControlStatus()).isEqualTo("open_white_list");

    sdk.call(statusRequest(lb, 80, null, "close"));
    assertThat(describe(lb, 80).getAccessControlStatus()).isEqualTo("close");
  }

  @Test
  void listenerProtocolPicksTheListenerOnASharedPort() {
    String lb = it.loadBalancer();
    it.tcp(lb, 53);
    it.udp(lb, 53);
    sdk.call(addRequest(lb, 53, "udp", "10.53.0.0/16"));
    sdk.call(statusRequest(lb, 53, "udp", "open_white_list"));
    DescribeListenerAccessControlAttributeResponse udp = sdk.call(describeRequest(lb, 53, "udp"));
    assertThat(udp.getSourceItems()).isEqualTo("10.53.0.0/16");
    assertThat(udp.getAccessControlStatus()).isEqualTo("open_white_list");
    DescribeListenerAccessControlAttributeResponse tcp = sdk.call(describeRequest(lb, 53, "tcp"));
    assertThat(tcp.getSourceItems()).isNullOrEmpty();
    assertThat(tcp.getAccessControlStatus()).isEqualTo("close");
  }

  @Test
  void invalidItemsAreRefusedAndChangeNothing() {
    String lb = it.loadBalancer();
    it.http(lb, 80);
    sdk.call(addRequest(lb, 80, null, "10.0.0.0/8"));
    for (String bad : new String[] {"0.0.0.0", "0.0.0.0/0", "::/0", "10.0.0.1,0.0.0.0/0", "10.0.0.300",
        "10.0.0.0/40", "example.com", " , "}) {
      expectError(addRequest(lb, 80, null, bad), "InvalidParameter", "SourceItems");
    }
    expectError(removeRequest(lb, 80, null, "not-an-ip"), "InvalidParameter", "SourceItems");
    assertThat(describe(lb, 80).getSourceItems()).isEqualTo("10.0.0.0/8");

    expectError(statusRequest(lb, 80, null, "open"), "InvalidParameter", "AccessControlStatus");
    AddListenerWhiteListItemRequest missing = addRequest(lb, 80, null, null);
    expectError(missing, "MissingParameter", "SourceItems");
    expectError(addRequest(lb, 81, null, "10.0.0.1"), "ListenerNotFound", null);
    expectError(describeRequest(lb, 81, null), "ListenerNotFound", null);
    expectError(statusRequest(lb, 80, "udp", "close"), "ListenerNotFound", null);
    expectError(describeRequest("lb-doesnotexist0000000", 80, null), "InvalidLoadBalancerId.NotFound", null);
  }

  @Test
  void atMost300Items() {
    String lb = it.loadBalancer();
    it.tcp(lb, 80);
    StringJoiner items = new StringJoiner(",");
    for (int i = 0; i < 300; i++) {
      items.add("10.1." + (i / 250) + "." + (i % 250));
    }
    sdk.call(addRequest(lb, 80, null, items.toString()));
    assertThat(describe(lb, 80).getSourceItems().split(",")).hasSize(300);
    // already listed: still fine
    sdk.call(addRequest(lb, 80, null, "10.1.0.0"));
    expectError(addRequest(lb, 80, null, "10.2.0.1"), "SourceItemsQuotaOverLimit", "301");
    assertThat(describe(lb, 80).getSourceItems()).doesNotContain("10.2.0.1");
  }
}
