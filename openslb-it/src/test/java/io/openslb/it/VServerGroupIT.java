package io.openslb.it;

import static io.openslb.it.GroupSupport.VSERVER_GROUP_NOT_FOUND;
import static io.openslb.it.GroupSupport.createGroupRequest;
import static io.openslb.it.GroupSupport.list;
import static io.openslb.it.GroupSupport.poll;
import static io.openslb.it.GroupSupport.readGroupRequest;
import static io.openslb.it.GroupSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.AddVServerGroupBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.AddVServerGroupBackendServersResponse;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateVServerGroupResponse;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteRulesRequest;
import com.aliyuncs.slb.model.v20140515.DeleteVServerGroupRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupsRequest;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupsResponse;
import com.aliyuncs.slb.model.v20140515.ModifyVServerGroupBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.ModifyVServerGroupBackendServersResponse;
import com.aliyuncs.slb.model.v20140515.RemoveVServerGroupBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.RemoveVServerGroupBackendServersResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetVServerGroupAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetVServerGroupAttributeResponse;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import io.openslb.controlplane.service.Accounts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The 8 VServer group actions through the official SDK, and how listeners, rules and deletes see groups. */
class VServerGroupIT {
  private static final String MISSING_GROUP = "rsp-doesnotexist0";

  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final GroupSupport it = new GroupSupport(slb);
  static final Sdk sdk = it.sdk();
  static Accounts.Created tenant;

  @BeforeAll
  static void start() throws Exception {
    slb.addInstance("i-web1", "127.0.0.11");
    slb.addInstance("i-web2", "127.0.0.12");
    slb.addInstance("i-web3", "127.0.0.13");
    slb.addStoppedInstance("i-stopped", "127.0.0.19");
    tenant = slb.newAccount("vserver-tenant");
  }

  // ---- request helpers

  static AddVServerGroupBackendServersRequest addRequest(String group, String json) {
    AddVServerGroupBackendServersRequest r = new AddVServerGroupBackendServersRequest();
    r.setVServerGroupId(group);
    r.setBackendServers(json);
    return r;
  }

  static RemoveVServerGroupBackendServersRequest removeRequest(String group, String json) {
    RemoveVServerGroupBackendServersRequest r = new RemoveVServerGroupBackendServersRequest();
    r.setVServerGroupId(group);
    r.setBackendServers(json);
    return r;
  }

  static SetVServerGroupAttributeRequest setRequest(String group, String name, String json) {
    SetVServerGroupAttributeRequest r = new SetVServerGroupAttributeRequest();
    r.setVServerGroupId(group);
    if (name != null) {
      r.setVServerGroupName(name);
    }
    if (json != null) {
      r.setBackendServers(json);
    }
    return r;
  }

  static ModifyVServerGroupBackendServersRequest modifyRequest(String group, String oldJson, String newJson) {
    ModifyVServerGroupBackendServersRequest r = new ModifyVServerGroupBackendServersRequest();
    r.setVServerGroupId(group);
    if (oldJson != null) {
      r.setOldBackendServers(oldJson);
    }
    if (newJson != null) {
      r.setNewBackendServers(newJson);
    }
    return r;
  }

  static DeleteVServerGroupRequest deleteRequest(String group) {
    DeleteVServerGroupRequest r = new DeleteVServerGroupRequest();
    r.setVServerGroupId(group);
    return r;
  }

  static DescribeVServerGroupsResponse groups(String lb, Boolean listeners, Boolean rules) {
    DescribeVServerGroupsRequest r = new DescribeVServerGroupsRequest();
    r.setLoadBalancerId(lb);
    r.setIncludeListener(listeners);
    r.setIncludeRule(rules);
    return sdk.call(r);
  }

  static String member(String id, int port) {
    return "{\"ServerId\":\"" + id + "\",\"Port\":\"" + port + "\"}";
  }

  static String member(String id, int port, int weight) {
    return "{\"ServerId\":\"" + id + "\",\"Port\":" + port + ",\"Weight\":\"" + weight + "\"}";
  }

  // ---- create and read

  @Test
  void createTakesMembersWithPortsAndDescribeReadsThemBack() {
    String lb = it.loadBalancer();
    CreateVServerGroupResponse created =
        sdk.call(
            createGroupRequest(
                lb, "web-80",
                list(
                    "{\"ServerId\":\"i-web1\",\"Port\":\"80\",\"Weight\":\"50\",\"Description\":\"first\"}",
                    member("i-web1", 81),
                    "{\"ServerId\":\"eni-g1\",\"Type\":\"eni\",\"ServerIp\":\"10.9.0.1\",\"Port\":8080,\"Weight\":0}")));
    String group = created.getVServerGroupId();
    assertThat(created.getRequestId()).isNotBlank();
    assertThat(group).matches("rsp-[a-z0-9]+");
    assertThat(created.getBackendServers())
        .extracting(
            CreateVServerGroupResponse.BackendServer::getServerId,
            CreateVServerGroupResponse.BackendServer::getPort,
            CreateVServerGroupResponse.BackendServer::getWeight,
            CreateVServerGroupResponse.BackendServer::getType,
            CreateVServerGroupResponse.BackendServer::getServerIp,
            CreateVServerGroupResponse.BackendServer::getVpcId,
            CreateVServerGroupResponse.BackendServer::getDescription)
        .containsExactly(
            tuple("i-web1", 80, 50, "ecs", "127.0.0.11", "vpc-test", "first"),
            tuple("i-web1", 81, 100, "ecs", "127.0.0.11", "vpc-test", null),
            tuple("eni-g1", 8080, 0, "eni", "10.9.0.1", null, null));

    DescribeVServerGroupAttributeResponse read = it.readGroup(group);
    assertThat(read.getVServerGroupId()).isEqualTo(group);
    assertThat(read.getVServerGroupName()).isEqualTo("web-80");
    assertThat(read.getLoadBalancerId()).isEqualTo(lb);
    assertThat(read.getBackendServers())
        .extracting(
            DescribeVServerGroupAttributeResponse.BackendServer::getServerId,
            DescribeVServerGroupAttributeResponse.BackendServer::getPort,
            DescribeVServerGroupAttributeResponse.BackendServer::getWeight,
            DescribeVServerGroupAttributeResponse.BackendServer::getType,
            DescribeVServerGroupAttributeResponse.BackendServer::getServerIp,
            DescribeVServerGroupAttributeResponse.BackendServer::getDescription)
        .containsExactly(
            tuple("i-web1", 80, 50, "ecs", "127.0.0.11", "first"),
            tuple("i-web1", 81, 100, "ecs", "127.0.0.11", null),
            tuple("eni-g1", 8080, 0, "eni", "10.9.0.1", null));

    assertThat(groups(lb, null, null).getVServerGroups())
        .extracting(
            DescribeVServerGroupsResponse.VServerGroup::getVServerGroupId,
            DescribeVServerGroupsResponse.VServerGroup::getVServerGroupName,
            DescribeVServerGroupsResponse.VServerGroup::getServerCount)
        .containsExactly(tuple(group, "web-80", 3L));
  }

  @Test
  void createWithoutNameOrMembersMakesAnEmptyGroupNamedByItsId() {
    String lb = it.loadBalancer();
    CreateVServerGroupResponse created = sdk.call(createGroupRequest(lb, null, null));
    assertThat(created.getBackendServers()).isEmpty();
    DescribeVServerGroupAttributeResponse read = it.readGroup(created.getVServerGroupId());
    assertThat(read.getVServerGroupName()).isEqualTo(created.getVServerGroupId());
    assertThat(read.getBackendServers()).isEmpty();
    String second = it.vserverGroup(lb, "组-2", "[]");
    assertThat(groups(lb, false, false).getVServerGroups())
        .extracting(DescribeVServerGroupsResponse.VServerGroup::getVServerGroupName, DescribeVServerGroupsResponse.VServerGroup::getServerCount)
        .containsExactly(tuple(created.getVServerGroupId(), 0L), tuple("组-2", 0L));
    assertThat(groups(lb, false, false).getVServerGroups().get(1).getVServerGroupId()).isEqualTo(second);
  }

  @Test
  void createValidatesEverythingAndCreatesNothingOnError() {
    String lb = it.loadBalancer();
    it.expectError(createGroupRequest(lb, "x".repeat(81), null), "InvalidParameter");
    it.expectError(createGroupRequest(lb, "bad<name>", null), "InvalidParameter");
    ClientException noPort = it.expectError(createGroupRequest(lb, "g", "[{\"ServerId\":\"i-web1\"}]"), "BackendServersMalformed");
    assertThat(noPort.getErrMsg()).contains("Port").contains("i-web1");
    it.expectError(createGroupRequest(lb, "g", list(member("i-web1", 70000))), "BackendServersMalformed");
    it.expectError(createGroupRequest(lb, "g", list(member("i-web1", 80), member("i-nothere", 80))), "InvalidServerId.NotFound");
    it.expectError(createGroupRequest(lb, "g", list(member("i-stopped", 80))), "ObtainIpFail");
    it.expectError(createGroupRequest(lb, "g", list(member("i-web1", 80, 101))), "InvalidWeight.Malformed");
    it.expectError(createGroupRequest(lb, "g", "not json"), "InvalidParameter");
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append(member("i-web1", 1000 + i));
    }
    it.expectError(createGroupRequest(lb, "g", many.append(']').toString()), "TooManyBackendServers");
    it.expectError(createGroupRequest("lb-doesnotexist0000000", "g", null), "InvalidLoadBalancerId.NotFound");
    it.expectError(createGroupRequest(null, "g", null), "MissingParameter");
    assertThat(groups(lb, true, true).getVServerGroups()).isEmpty();
  }

  // ---- members

  @Test
  void addAndRemoveMembersKeyedByServerIdAndPort() {
    String lb = it.loadBalancer();
    String group = it.vserverGroup(lb, "members", list(member("i-web1", 80)));
    AddVServerGroupBackendServersResponse added =
        sdk.call(addRequest(group, list(member("i-web1", 81, 20), member("i-web2", 80))));
    assertThat(added.getVServerGroupId()).isEqualTo(group);
    assertThat(added.getBackendServers())
        .extracting(
            AddVServerGroupBackendServersResponse.BackendServer::getServerId,
            AddVServerGroupBackendServersResponse.BackendServer::getPort,
            AddVServerGroupBackendServersResponse.BackendServer::getWeight)
        .containsExactly(tuple("i-web1", 80, 100), tuple("i-web1", 81, 20), tuple("i-web2", 80, 100));

    // a member that is already there is an error, and nothing of the call is applied
    ClientException again = it.expectError(addRequest(group, list(member("i-web3", 80), member("i-web1", 81))), "InvalidParameter");
    assertThat(again.getErrMsg()).contains("i-web1:81");
    it.expectError(addRequest(group, list(member("i-web3", 0))), "BackendServersMalformed");
    it.expectError(addRequest(group, "[{\"ServerId\":\"i-web3\"}]"), "BackendServersMalformed");
    it.expectError(addRequest(MISSING_GROUP, list(member("i-web3", 80))), "InvalidParameter");
    AddVServerGroupBackendServersRequest noServers = new AddVServerGroupBackendServersRequest();
    noServers.setVServerGroupId(group);
    it.expectError(noServers, "MissingParameter");
    assertThat(it.members(group)).containsExactly("i-web1:80/100", "i-web1:81/20", "i-web2:80/100");

    // removing names ServerId and Port; members that are not there are ignored
    RemoveVServerGroupBackendServersResponse removed =
        sdk.call(removeRequest(group, list(member("i-web1", 80), member("i-web2", 9999), member("i-web3", 80))));
    assertThat(removed.getVServerGroupId()).isEqualTo(group);
    assertThat(removed.getBackendServers())
        .extracting(
            RemoveVServerGroupBackendServersResponse.BackendServer::getServerId,
            RemoveVServerGroupBackendServersResponse.BackendServer::getPort)
        .containsExactly(tuple("i-web1", 81), tuple("i-web2", 80));
    it.expectError(removeRequest(group, "[{\"ServerId\":\"i-web2\"}]"), "BackendServersMalformed");
    sdk.call(removeRequest(group, list(member("i-web1", 81), member("i-web2", 80))));
    assertThat(it.readGroup(group).getBackendServers()).isEmpty();
  }

  @Test
  void setRenamesAndReweighsExistingMembersOnly() {
    String lb = it.loadBalancer();
    String group = it.vserverGroup(lb, "before", list(member("i-web1", 80), member("i-web1", 81), member("i-web2", 80)));
    SetVServerGroupAttributeResponse set =
        sdk.call(
            setRequest(
                group, "after",
                list(member("i-web1", 81, 10), "{\"ServerId\":\"i-web2\",\"Port\":80,\"Description\":\"canary\"}")));
    assertThat(set.getVServerGroupId()).isEqualTo(group);
    assertThat(set.getVServerGroupName()).isEqualTo("after");
    assertThat(set.getBackendServers())
        .extracting(
            SetVServerGroupAttributeResponse.BackendServer::getServerId,
            SetVServerGroupAttributeResponse.BackendServer::getPort,
            SetVServerGroupAttributeResponse.BackendServer::getWeight,
            SetVServerGroupAttributeResponse.BackendServer::getDescription)
        .containsExactly(tuple("i-web1", 80, 100, null), tuple("i-web1", 81, 10, null), tuple("i-web2", 80, 100, "canary"));
    assertThat(it.readGroup(group).getVServerGroupName()).isEqualTo("after");
    assertThat(it.members(group)).containsExactly("i-web1:80/100", "i-web1:81/10", "i-web2:80/100");

    // the name alone keeps the members
    sdk.call(setRequest(group, "renamed", null));
    assertThat(it.readGroup(group).getVServerGroupName()).isEqualTo("renamed");
    assertThat(it.members(group)).containsExactly("i-web1:80/100", "i-web1:81/10", "i-web2:80/100");

    // Set never adds: a member not in the group fails the whole call
    ClientException unknown =
        it.expectError(setRequest(group, "never", list(member("i-web1", 80, 1), member("i-web3", 80, 1))), "InvalidServerId.NotFound");
    assertThat(unknown.getErrMsg()).contains("i-web3");
    it.expectError(setRequest(group, null, list(member("i-web1", 80, 101))), "InvalidWeight.Malformed");
    it.expectError(setRequest(group, "x".repeat(81), null), "InvalidParameter");
    assertThat(it.expectError(setRequest(MISSING_GROUP, "x", null), "InvalidParameter").getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
    assertThat(it.readGroup(group).getVServerGroupName()).isEqualTo("renamed");
    assertThat(it.members(group)).containsExactly("i-web1:80/100", "i-web1:81/10", "i-web2:80/100");
  }

  @Test
  void modifyReplacesOldMembersByNewOnesAtomically() {
    String lb = it.loadBalancer();
    String group = it.vserverGroup(lb, "modify", list(member("i-web1", 80), member("i-web2", 80)));
    ModifyVServerGroupBackendServersResponse modified =
        sdk.call(modifyRequest(group, list(member("i-web1", 80)), list(member("i-web1", 8080, 30), member("i-web3", 80))));
    assertThat(modified.getVServerGroupId()).isEqualTo(group);
    assertThat(modified.getBackendServers())
        .extracting(
            ModifyVServerGroupBackendServersResponse.BackendServer::getServerId,
            ModifyVServerGroupBackendServersResponse.BackendServer::getPort,
            ModifyVServerGroupBackendServersResponse.BackendServer::getWeight)
        .containsExactly(tuple("i-web2", 80, 100), tuple("i-web1", 8080, 30), tuple("i-web3", 80, 100));

    // the same member may come back with another weight
    sdk.call(modifyRequest(group, list(member("i-web3", 80)), list(member("i-web3", 80, 5))));
    assertThat(it.members(group)).containsExactly("i-web2:80/100", "i-web1:8080/30", "i-web3:80/5");

    // an old member that is not there, or a new one that already is, changes nothing
    it.expectError(modifyRequest(group, list(member("i-web1", 80)), list(member("i-web1", 90))), "InvalidServerId.NotFound");
    it.expectError(modifyRequest(group, list(member("i-web3", 80)), list(member("i-web2", 80))), "InvalidParameter");
    it.expectError(modifyRequest(group, list(member("i-web3", 80)), list(member("i-nothere", 80))), "InvalidServerId.NotFound");
    it.expectError(modifyRequest(group, list(member("i-web3", 80)), null), "MissingParameter");
    it.expectError(modifyRequest(group, null, list(member("i-web3", 81))), "MissingParameter");
    it.expectError(modifyRequest(MISSING_GROUP, list(member("i-web3", 80)), list(member("i-web3", 81))), "InvalidParameter");
    assertThat(it.members(group)).containsExactly("i-web2:80/100", "i-web1:8080/30", "i-web3:80/5");
  }

  // ---- what uses a group

  @Test
  void describeVServerGroupsShowsAssociatedListenersAndRules() {
    String lb = it.loadBalancer();
    String tcpGroup = it.vserverGroup(lb, "tcp", list(member("i-web1", 80)));
    String ruleGroup = it.vserverGroup(lb, "rule", list(member("i-web2", 80), member("i-web3", 80)));
    CreateLoadBalancerTCPListenerRequest tcp = GroupSupport.tcpListenerRequest(lb, 80);
    tcp.setVServerGroupId(tcpGroup);
    sdk.call(tcp);
    it.httpListener(lb, 81);
    String ruleId = it.rules(lb, 81, list(rule("api", "api.example.com", "/v1", ruleGroup))).get(0).getRuleId();

    List<DescribeVServerGroupsResponse.VServerGroup> all = groups(lb, true, true).getVServerGroups();
    assertThat(all)
        .extracting(DescribeVServerGroupsResponse.VServerGroup::getVServerGroupId, DescribeVServerGroupsResponse.VServerGroup::getServerCount)
        .containsExactly(tuple(tcpGroup, 1L), tuple(ruleGroup, 2L));
    assertThat(all.get(0).getAssociatedObjects().getListeners())
        .extracting(
            DescribeVServerGroupsResponse.VServerGroup.AssociatedObjects.Listener::getPort,
            DescribeVServerGroupsResponse.VServerGroup.AssociatedObjects.Listener::getBizProtocol)
        .containsExactly(tuple(80, "tcp"));
    assertThat(all.get(0).getAssociatedObjects().getRules()).isEmpty();
    assertThat(all.get(1).getAssociatedObjects().getListeners()).isEmpty();
    assertThat(all.get(1).getAssociatedObjects().getRules())
        .extracting(
            DescribeVServerGroupsResponse.VServerGroup.AssociatedObjects.Rule::getRuleId,
            DescribeVServerGroupsResponse.VServerGroup.AssociatedObjects.Rule::getRuleName,
            DescribeVServerGroupsResponse.VServerGroup.AssociatedObjects.Rule::getDomain,
            DescribeVServerGroupsResponse.VServerGroup.AssociatedObjects.Rule::getUrl)
        .containsExactly(tuple(ruleId, "api", "api.example.com", "/v1"));

    // only what is asked for
    List<DescribeVServerGroupsResponse.VServerGroup> listenersOnly = groups(lb, true, false).getVServerGroups();
    assertThat(listenersOnly.get(0).getAssociatedObjects().getListeners()).hasSize(1);
    assertThat(listenersOnly.get(1).getAssociatedObjects().getRules()).isEmpty();
    List<DescribeVServerGroupsResponse.VServerGroup> plain = groups(lb, null, null).getVServerGroups();
    assertThat(plain).hasSize(2);
    assertThat(plain.get(0).getAssociatedObjects().getListeners()).isEmpty();
    assertThat(plain.get(1).getAssociatedObjects().getRules()).isEmpty();
  }

  @Test
  void deleteIsRefusedWhileAListenerOrARuleUsesTheGroup() {
    String lb = it.loadBalancer();
    String group = it.vserverGroup(lb, "in-use", list(member("i-web1", 80)));
    CreateLoadBalancerTCPListenerRequest tcp = GroupSupport.tcpListenerRequest(lb, 80);
    tcp.setVServerGroupId(group);
    tcp.setBackendServerPort(8080);
    sdk.call(tcp);
    ClientException vip = it.expectError(deleteRequest(group), "RspoolVipExist");
    assertThat(vip.getErrMsg()).contains("there are vips associating with this vServer group");

    // detach: the listener goes back to the default server group
    SetLoadBalancerTCPListenerAttributeRequest detach = new SetLoadBalancerTCPListenerAttributeRequest();
    detach.setLoadBalancerId(lb);
    detach.setListenerPort(80);
    detach.setVServerGroup("off");
    sdk.call(detach);
    DescribeLoadBalancerTCPListenerAttributeRequest readTcp = new DescribeLoadBalancerTCPListenerAttributeRequest();
    readTcp.setLoadBalancerId(lb);
    readTcp.setListenerPort(80);
    assertThat(sdk.call(readTcp).getVServerGroupId()).isNull();

    it.httpListener(lb, 81);
    String ruleId = it.rules(lb, 81, list(rule("r", "www.example.com", null, group))).get(0).getRuleId();
    ClientException ruleUses = it.expectError(deleteRequest(group), "RspoolRuleExist");
    assertThat(ruleUses.getErrMsg()).contains("there are rules associating with this vServer group");
    DeleteRulesRequest deleteRule = new DeleteRulesRequest();
    deleteRule.setRuleIds("[\"" + ruleId + "\"]");
    sdk.call(deleteRule);

    sdk.call(deleteRequest(group));
    ClientException gone = it.expectError(readGroupRequest(group), "InvalidParameter");
    assertThat(gone.getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
    it.expectError(deleteRequest(group), "InvalidParameter");
    assertThat(groups(lb, null, null).getVServerGroups()).isEmpty();
  }

  @Test
  void aListenerCanOnlyUseAVServerGroupOfItsOwnLoadBalancer() {
    String lb = it.loadBalancer();
    String other = it.loadBalancer();
    String foreign = it.vserverGroup(other, "other-lb", list(member("i-web1", 80)));
    CreateLoadBalancerTCPListenerRequest tcp = GroupSupport.tcpListenerRequest(lb, 80);
    tcp.setVServerGroupId(foreign);
    ClientException e = it.expectError(tcp, "InvalidParameter");
    assertThat(e.getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
    tcp.setVServerGroupId(MISSING_GROUP);
    assertThat(it.expectError(tcp, "InvalidParameter").getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
    tcp.setVServerGroupId(it.vserverGroup(lb, "own", null));
    sdk.call(tcp);
  }

  @Test
  void describeHealthStatusListsTheGroupMembersWithTheirPorts() {
    String lb = it.loadBalancer();
    String group = it.vserverGroup(lb, "health", list(member("i-web1", 8080), member("i-web1", 8081), member("i-web2", 9090)));
    CreateLoadBalancerTCPListenerRequest tcp = GroupSupport.tcpListenerRequest(lb, 80);
    tcp.setVServerGroupId(group);
    sdk.call(tcp);
    DescribeHealthStatusRequest r = new DescribeHealthStatusRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(80);
    assertThat(sdk.call(r).getBackendServers())
        .extracting(
            DescribeHealthStatusResponse.BackendServer::getListenerPort,
            DescribeHealthStatusResponse.BackendServer::getServerId,
            DescribeHealthStatusResponse.BackendServer::getServerIp,
            DescribeHealthStatusResponse.BackendServer::getPort,
            DescribeHealthStatusResponse.BackendServer::getServerHealthStatus)
        .containsExactly(
            tuple(80, "i-web1", "127.0.0.11", 8080, "unavailable"),
            tuple(80, "i-web1", "127.0.0.11", 8081, "unavailable"),
            tuple(80, "i-web2", "127.0.0.12", 9090, "unavailable"));
    sdk.call(removeRequest(group, list(member("i-web1", 8081))));
    assertThat(sdk.call(r).getBackendServers())
        .extracting(DescribeHealthStatusResponse.BackendServer::getPort)
        .containsExactly(8080, 9090);
  }

  @Test
  void deletingTheLoadBalancerDeletesItsGroups() {
    String lb = it.loadBalancer();
    String group = it.vserverGroup(lb, "goes", list(member("i-web1", 80)));
    CreateLoadBalancerTCPListenerRequest tcp = GroupSupport.tcpListenerRequest(lb, 80);
    tcp.setVServerGroupId(group);
    sdk.call(tcp);
    String keep = it.vserverGroup(it.loadBalancer(), "stays", null);
    DeleteLoadBalancerRequest delete = new DeleteLoadBalancerRequest();
    delete.setLoadBalancerId(lb);
    sdk.call(delete);
    assertThat(it.expectError(readGroupRequest(group), "InvalidParameter").getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
    assertThat(it.readGroup(keep).getVServerGroupName()).isEqualTo("stays");
  }

  @Test
  void anotherAccountsGroupAnswersLikeAMissingOne() {
    Sdk other = slb.sdk(tenant);
    String theirLb = other.call(new CreateLoadBalancerRequest()).getLoadBalancerId();
    String theirs = other.call(createGroupRequest(theirLb, "theirs", null)).getVServerGroupId();
    for (String id : List.of(theirs, MISSING_GROUP)) {
      ClientException e = it.expectError(readGroupRequest(id), "InvalidParameter");
      assertThat(e.getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
      it.expectError(deleteRequest(id), "InvalidParameter");
      it.expectError(addRequest(id, list(member("i-web1", 80))), "InvalidParameter");
    }
    // the tenant cannot put the root account's instances in its group
    assertThat(other.errorCode(addRequest(theirs, list(member("i-web1", 80))))).isEqualTo("InvalidServerId.NotFound");
    assertThat(other.call(readGroupRequest(theirs)).getBackendServers()).isEmpty();
  }

  @Test
  void trafficGoesToTheGroupMembersOnTheirOwnPortsAndFollowsModify() throws Exception {
    try (TcpEchoServer a = new TcpEchoServer("127.0.0.11", 0, "a");
        TcpEchoServer b = new TcpEchoServer("127.0.0.11", 0, "b");
        TcpEchoServer c = new TcpEchoServer("127.0.0.12", 0, "c")) {
      String lb = it.loadBalancer();
      String group = it.vserverGroup(lb, "traffic", list(member("i-web1", a.port()), member("i-web1", b.port())));
      CreateLoadBalancerTCPListenerRequest tcp = GroupSupport.tcpListenerRequest(lb, 10081);
      tcp.setVServerGroupId(group);
      tcp.putQueryParameter("HealthCheckSwitch", "off");
      sdk.call(tcp);
      StartLoadBalancerListenerRequest start = new StartLoadBalancerListenerRequest();
      start.setLoadBalancerId(lb);
      start.setListenerPort(10081);
      sdk.call(start);
      DescribeLoadBalancerAttributeRequest attr = new DescribeLoadBalancerAttributeRequest();
      attr.setLoadBalancerId(lb);
      String vip = sdk.call(attr).getAddress();

      poll().ignoreExceptions().until(() -> TcpForwardingIT.greeting(vip, 10081) != null);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 10; i++) {
        seen.add(TcpForwardingIT.greeting(vip, 10081));
      }
      assertThat(seen).containsExactlyInAnyOrder("a", "b");

      // replace the member on port b by another instance: new connections follow
      sdk.call(modifyRequest(group, list(member("i-web1", b.port())), list(member("i-web2", c.port()))));
      poll().until(() -> {
        Set<String> now = new HashSet<>();
        for (int i = 0; i < 10; i++) {
          now.add(TcpForwardingIT.greeting(vip, 10081));
        }
        return now.equals(Set.of("a", "c"));
      });
    }
  }

  // ---- Terraform (ECOSYSTEM.md §3.2)

  @Test
  void terraformServerGroupAndAttachmentSequence() {
    String lb = it.loadBalancer();
    // alicloud_slb_server_group: create, then Update adds the servers, then Read
    String group = it.vserverGroup(lb, "tf-server-group", null);
    sdk.call(addRequest(group, list(member("i-web1", 80, 100), member("i-web2", 80, 100))));
    DescribeVServerGroupAttributeResponse state = it.readGroup(group);
    assertThat(state.getVServerGroupName()).isEqualTo("tf-server-group");
    assertThat(it.members(group)).containsExactly("i-web1:80/100", "i-web2:80/100");

    // update: remove what went away, add what is new, then Set name and weights
    sdk.call(removeRequest(group, list(member("i-web2", 80))));
    sdk.call(addRequest(group, list(member("i-web3", 80, 10))));
    sdk.call(setRequest(group, "tf-server-group-renamed", list(member("i-web1", 80, 70))));
    state = it.readGroup(group);
    assertThat(state.getVServerGroupName()).isEqualTo("tf-server-group-renamed");
    assertThat(it.members(group)).containsExactly("i-web1:80/70", "i-web3:80/10");

    // alicloud_slb_server_group_server_attachment: Add, Read, Remove
    sdk.call(addRequest(group, list(member("i-web2", 8080, 50))));
    assertThat(it.members(group)).contains("i-web2:8080/50");
    sdk.call(removeRequest(group, list(member("i-web2", 8080))));
    assertThat(it.members(group)).doesNotContain("i-web2:8080/50");

    // delete, then poll Read until the provider's not-found message
    sdk.call(deleteRequest(group));
    poll().until(() -> {
      ClientException e = sdk.error(readGroupRequest(group));
      return e.getErrMsg().contains(VSERVER_GROUP_NOT_FOUND);
    });
  }
}
