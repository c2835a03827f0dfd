package io.openslb.it;

import static io.openslb.it.GroupSupport.MASTER_SLAVE_GROUP_NOT_FOUND;
import static io.openslb.it.GroupSupport.VSERVER_GROUP_NOT_FOUND;
import static io.openslb.it.GroupSupport.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.AddVServerGroupBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerTCPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerUDPListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateMasterSlaveServerGroupRequest;
import com.aliyuncs.slb.model.v20140515.CreateMasterSlaveServerGroupResponse;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerListenerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteMasterSlaveServerGroupRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusRequest;
import com.aliyuncs.slb.model.v20140515.DescribeHealthStatusResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerTCPListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeMasterSlaveServerGroupAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeMasterSlaveServerGroupAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeMasterSlaveServerGroupsRequest;
import com.aliyuncs.slb.model.v20140515.DescribeMasterSlaveServerGroupsResponse;
import com.aliyuncs.slb.model.v20140515.DescribeVServerGroupsRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The 4 primary/secondary group actions through the official SDK, and their use by TCP/UDP listeners. */
class MasterSlaveGroupIT {
  private static final String MISSING_GROUP = "rsp-doesnotexist0";

  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final GroupSupport it = new GroupSupport(slb);
  static final Sdk sdk = it.sdk();

  @BeforeAll
  static void start() throws Exception {
    slb.addInstance("i-main", "127.0.0.31");
    slb.addInstance("i-spare", "127.0.0.32");
    slb.addStoppedInstance("i-stopped", "127.0.0.39");
  }

  static String server(String id, int port, String type) {
    return "{\"ServerId\":\"" + id + "\",\"Port\":\"" + port + "\",\"ServerType\":\"" + type + "\"}";
  }

  static String pair(String... servers) {
    return "[" + String.join(",", servers) + "]";
  }

  static final String MAIN_AND_SPARE = pair(server("i-main", 80, "Master"), server("i-spare", 80, "Slave"));

  static CreateMasterSlaveServerGroupRequest createRequest(String lb, String name, String servers) {
    CreateMasterSlaveServerGroupRequest r = new CreateMasterSlaveServerGroupRequest();
    r.setLoadBalancerId(lb);
    if (name != null) {
      r.setMasterSlaveServerGroupName(name);
    }
    if (servers != null) {
      r.setMasterSlaveBackendServers(servers);
    }
    return r;
  }

  static DescribeMasterSlaveServerGroupAttributeRequest readRequest(String group) {
    DescribeMasterSlaveServerGroupAttributeRequest r = new DescribeMasterSlaveServerGroupAttributeRequest();
    r.setMasterSlaveServerGroupId(group);
    return r;
  }

  static DeleteMasterSlaveServerGroupRequest deleteRequest(String group) {
    DeleteMasterSlaveServerGroupRequest r = new DeleteMasterSlaveServerGroupRequest();
    r.setMasterSlaveServerGroupId(group);
    return r;
  }

  static List<DescribeMasterSlaveServerGroupsResponse.MasterSlaveServerGroup> groups(String lb, Boolean listeners) {
    DescribeMasterSlaveServerGroupsRequest r = new DescribeMasterSlaveServerGroupsRequest();
    r.setLoadBalancerId(lb);
    r.setIncludeListener(listeners);
    return sdk.call(r).getMasterSlaveServerGroups();
  }

  String group(String lb) {
    return sdk.call(createRequest(lb, "ms", MAIN_AND_SPARE)).getMasterSlaveServerGroupId();
  }

  static CreateLoadBalancerTCPListenerRequest tcpWith(String lb, int port, String group) {
    CreateLoadBalancerTCPListenerRequest r = GroupSupport.tcpListenerRequest(lb, port);
    r.setMasterSlaveServerGroupId(group);
    return r;
  }

  @Test
  void createTakesOneMasterAndOneSlaveAndDescribeReadsThemBack() {
    String lb = it.loadBalancer();
    CreateMasterSlaveServerGroupResponse created =
        sdk.call(
            createRequest(
                lb, "primary-standby",
                pair(
                    "{\"ServerId\":\"i-main\",\"Port\":80,\"Weight\":\"90\",\"ServerType\":\"Master\",\"Description\":\"main\"}",
                    server("i-spare", 8080, "Slave"))));
    String group = created.getMasterSlaveServerGroupId();
    assertThat(group).matches("rsp-[a-z0-9]+");
    assertThat(created.getMasterSlaveBackendServers())
        .extracting(
            CreateMasterSlaveServerGroupResponse.MasterSlaveBackendServer::getServerId,
            CreateMasterSlaveServerGroupResponse.MasterSlaveBackendServer::getPort,
            CreateMasterSlaveServerGroupResponse.MasterSlaveBackendServer::getWeight,
            CreateMasterSlaveServerGroupResponse.MasterSlaveBackendServer::getServerType,
            CreateMasterSlaveServerGroupResponse.MasterSlaveBackendServer::getServerIp,
            CreateMasterSlaveServerGroupResponse.MasterSlaveBackendServer::getType,
            CreateMasterSlaveServerGroupResponse.MasterSlaveBackendServer::getDescription)
        .containsExactly(
            tuple("i-main", 80, 90, "Master", "127.0.0.31", "ecs", "main"),
            tuple("i-spare", 8080, 100, "Slave", "127.0.0.32", "ecs", null));

    DescribeMasterSlaveServerGroupAttributeResponse read = sdk.call(readRequest(group));
    assertThat(read.getMasterSlaveServerGroupId()).isEqualTo(group);
    assertThat(read.getMasterSlaveServerGroupName()).isEqualTo("primary-standby");
    assertThat(read.getLoadBalancerId()).isEqualTo(lb);
    assertThat(read.getMasterSlaveBackendServers())
        .extracting(
            DescribeMasterSlaveServerGroupAttributeResponse.MasterSlaveBackendServer::getServerId,
            DescribeMasterSlaveServerGroupAttributeResponse.MasterSlaveBackendServer::getPort,
            DescribeMasterSlaveServerGroupAttributeResponse.MasterSlaveBackendServer::getWeight,
            DescribeMasterSlaveServerGroupAttributeResponse.MasterSlaveBackendServer::getServerType,
            DescribeMasterSlaveServerGroupAttributeResponse.MasterSlaveBackendServer::getServerIp)
        .containsExactly(tuple("i-main", 80, 90, "Master", "127.0.0.31"), tuple("i-spare", 8080, 100, "Slave", "127.0.0.32"));

    assertThat(groups(lb, null))
        .extracting(
            DescribeMasterSlaveServerGroupsResponse.MasterSlaveServerGroup::getMasterSlaveServerGroupId,
            DescribeMasterSlaveServerGroupsResponse.MasterSlaveServerGroup::getMasterSlaveServerGroupName)
        .containsExactly(tuple(group, "primary-standby"));
    // a primary/secondary group is not a VServer group
    DescribeVServerGroupsRequest vgroups = new DescribeVServerGroupsRequest();
    vgroups.setLoadBalancerId(lb);
    assertThat(sdk.call(vgroups).getVServerGroups()).isEmpty();
  }

  @Test
  void theSameInstanceMayBeMasterAndSlaveOnTwoPorts() {
    String lb = it.loadBalancer();
    String group =
        sdk.call(createRequest(lb, null, pair(server("i-main", 80, "slave"), server("i-main", 81, "master"))))
            .getMasterSlaveServerGroupId();
    DescribeMasterSlaveServerGroupAttributeResponse read = sdk.call(readRequest(group));
    assertThat(read.getMasterSlaveServerGroupName()).isEqualTo(group);
    assertThat(read.getMasterSlaveBackendServers())
        .extracting(
            DescribeMasterSlaveServerGroupAttributeResponse.MasterSlaveBackendServer::getPort,
            DescribeMasterSlaveServerGroupAttributeResponse.MasterSlaveBackendServer::getServerType)
        .containsExactly(tuple(80, "Slave"), tuple(81, "Master"));
  }

  @Test
  void createRefusesAnythingButOneMasterAndOneSlave() {
    String lb = it.loadBalancer();
    it.expectError(createRequest(lb, "g", pair(server("i-main", 80, "Master"))), "BACKEND_SERVERS_NUM_MUST_BE_TWO");
    it.expectError(
        createRequest(lb, "g", pair(server("i-main", 80, "Master"), server("i-spare", 80, "Slave"), server("i-spare", 81, "Slave"))),
        "BACKEND_SERVERS_NUM_MUST_BE_TWO");
    it.expectError(createRequest(lb, "g", "[]"), "BACKEND_SERVERS_NUM_MUST_BE_TWO");
    it.expectError(
        createRequest(lb, "g", pair(server("i-main", 80, "Master"), server("i-spare", 80, "Master"))),
        "BACKEND_SERVERS_CAN_ONLY_CONTAIN_ONE_MASTER_AND_ONE_SLAVE");
    it.expectError(
        createRequest(lb, "g", pair(server("i-main", 80, "Master"), server("i-main", 80, "Slave"))),
        "BACKEND_SERVERS_HAVE_SAME_PORT_AND_SERVERID");
    it.expectError(
        createRequest(lb, "g", pair("{\"Port\":80,\"ServerType\":\"Master\"}", server("i-spare", 80, "Slave"))),
        "BACKEND_SERVER_ID_CAN_NOT_EMPTY");
    it.expectError(
        createRequest(lb, "g", pair("{\"ServerId\":\"i-main\",\"ServerType\":\"Master\"}", server("i-spare", 80, "Slave"))),
        "BACKEND_SERVER_PORT_CAN_NOT_EMPTY");
    ClientException type =
        it.expectError(createRequest(lb, "g", pair(server("i-main", 80, "Primary"), server("i-spare", 80, "Slave"))), "INVALID_SERVER_TYPE");
    assertThat(type.getErrMsg()).contains("Primary");
    it.expectError(
        createRequest(lb, "g", pair("{\"ServerId\":\"i-main\",\"Port\":80}", server("i-spare", 80, "Slave"))), "INVALID_SERVER_TYPE");
    it.expectError(createRequest(lb, "g", pair(server("i-main", 70000, "Master"), server("i-spare", 80, "Slave"))), "BackendServersMalformed");
    it.expectError(createRequest(lb, "g", pair(server("i-nothere", 80, "Master"), server("i-spare", 80, "Slave"))), "InvalidServerId.NotFound");
    it.expectError(createRequest(lb, "g", pair(server("i-stopped", 80, "Master"), server("i-spare", 80, "Slave"))), "ObtainIpFail");
    it.expectError(createRequest(lb, "g", "not json"), "InvalidParameter");
    it.expectError(createRequest(lb, "g", null), "MissingParameter");
    it.expectError(createRequest(lb, "x".repeat(81), MAIN_AND_SPARE), "InvalidParameter");
    it.expectError(createRequest("lb-doesnotexist0000000", "g", MAIN_AND_SPARE), "InvalidLoadBalancerId.NotFound");
    assertThat(groups(lb, true)).isEmpty();
  }

  @Test
  void tcpAndUdpListenersUseTheGroupAndDescribeShowsThem() {
    String lb = it.loadBalancer();
    String group = group(lb);
    sdk.call(tcpWith(lb, 80, group));
    CreateLoadBalancerUDPListenerRequest udp = new CreateLoadBalancerUDPListenerRequest();
    udp.setLoadBalancerId(lb);
    udp.setListenerPort(53);
    udp.setBandwidth(-1);
    udp.setMasterSlaveServerGroupId(group);
    sdk.call(udp);

    DescribeLoadBalancerTCPListenerAttributeRequest readTcp = new DescribeLoadBalancerTCPListenerAttributeRequest();
    readTcp.setLoadBalancerId(lb);
    readTcp.setListenerPort(80);
    DescribeLoadBalancerTCPListenerAttributeResponse tcp = sdk.call(readTcp);
    assertThat(tcp.getMasterSlaveServerGroupId()).isEqualTo(group);
    assertThat(tcp.getMasterSlaveModeEnabled()).isTrue();

    List<DescribeMasterSlaveServerGroupsResponse.MasterSlaveServerGroup> listed = groups(lb, true);
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).getAssociatedObjects().getListeners())
        .extracting(
            DescribeMasterSlaveServerGroupsResponse.MasterSlaveServerGroup.AssociatedObjects.Listener::getPort,
            DescribeMasterSlaveServerGroupsResponse.MasterSlaveServerGroup.AssociatedObjects.Listener::getBizProtocol)
        .containsExactly(tuple(53, "udp"), tuple(80, "tcp"));
    assertThat(groups(lb, false).get(0).getAssociatedObjects().getListeners()).isEmpty();

    // DescribeHealthStatus expands the pair with its ports
    DescribeHealthStatusRequest health = new DescribeHealthStatusRequest();
    health.setLoadBalancerId(lb);
    health.setListenerPort(80);
    assertThat(sdk.call(health).getBackendServers())
        .extracting(DescribeHealthStatusResponse.BackendServer::getServerId, DescribeHealthStatusResponse.BackendServer::getPort)
        .containsExactly(tuple("i-main", 80), tuple("i-spare", 80));

    // a primary/secondary listener keeps its health check on
    CreateLoadBalancerTCPListenerRequest unchecked = tcpWith(lb, 81, group);
    unchecked.putQueryParameter("HealthCheckSwitch", "off");
    it.expectError(unchecked, "InvalidParameter");
  }

  @Test
  void aGroupIsNeitherAVServerGroupNorUsableFromAnotherLoadBalancer() {
    String lb = it.loadBalancer();
    String group = group(lb);
    // VServer group actions do not know it: the group cannot be changed after creation
    AddVServerGroupBackendServersRequest add = new AddVServerGroupBackendServersRequest();
    add.setVServerGroupId(group);
    add.setBackendServers("[{\"ServerId\":\"i-main\",\"Port\":81}]");
    assertThat(it.expectError(add, "InvalidParameter").getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
    CreateLoadBalancerHTTPListenerRequest http = GroupSupport.httpListenerRequest(lb, 81);
    http.setVServerGroupId(group);
    assertThat(it.expectError(http, "InvalidParameter").getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
    // nor is it usable by a listener of another load balancer
    String other = it.loadBalancer();
    assertThat(it.expectError(tcpWith(other, 80, group), "InvalidParameter").getErrMsg()).contains(MASTER_SLAVE_GROUP_NOT_FOUND);
    // and a listener cannot take both kinds of group
    CreateLoadBalancerTCPListenerRequest both = tcpWith(lb, 82, group);
    both.setVServerGroupId(it.vserverGroup(lb, "v", null));
    it.expectError(both, "Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch");
  }

  @Test
  void deleteIsRefusedWhileAListenerUsesTheGroup() {
    String lb = it.loadBalancer();
    String group = group(lb);
    sdk.call(tcpWith(lb, 80, group));
    it.expectError(deleteRequest(group), "RspoolVipExist");
    assertThat(sdk.call(readRequest(group)).getMasterSlaveBackendServers()).hasSize(2);
    DeleteLoadBalancerListenerRequest deleteListener = new DeleteLoadBalancerListenerRequest();
    deleteListener.setLoadBalancerId(lb);
    deleteListener.setListenerPort(80);
    sdk.call(deleteListener);
    sdk.call(deleteRequest(group));
    ClientException gone = it.expectError(readRequest(group), "InvalidParameter");
    assertThat(gone.getErrMsg()).contains(MASTER_SLAVE_GROUP_NOT_FOUND);
    assertThat(it.expectError(deleteRequest(MISSING_GROUP), "InvalidParameter").getErrMsg()).contains(MASTER_SLAVE_GROUP_NOT_FOUND);
    assertThat(groups(lb, null)).isEmpty();
  }

  @Test
  void deletingTheLoadBalancerDeletesItsGroups() {
    String lb = it.loadBalancer();
    String group = group(lb);
    sdk.call(tcpWith(lb, 80, group));
    DeleteLoadBalancerRequest delete = new DeleteLoadBalancerRequest();
    delete.setLoadBalancerId(lb);
    sdk.call(delete);
    assertThat(it.expectError(readRequest(group), "InvalidParameter").getErrMsg()).contains(MASTER_SLAVE_GROUP_NOT_FOUND);
  }

  @Test
  void terraformMasterSlaveServerGroupSequence() {
    String lb = it.loadBalancer();
    // alicloud_slb_master_slave_server_group: Create, Read
    String group =
        sdk.call(createRequest(lb, "tf-master-slave", pair(server("i-main", 22, "Master"), server("i-spare", 22, "Slave"))))
            .getMasterSlaveServerGroupId();
    DescribeMasterSlaveServerGroupAttributeResponse state = sdk.call(readRequest(group));
    assertThat(state.getMasterSlaveServerGroupName()).isEqualTo("tf-master-slave");
    assertThat(state.getMasterSlaveBackendServers())
        .extracting(DescribeMasterSlaveServerGroupAttributeResponse.MasterSlaveBackendServer::getServerType)
        .containsExactly("Master", "Slave");
    // a listener uses it, then goes
    sdk.call(tcpWith(lb, 22, group));
    DeleteLoadBalancerListenerRequest deleteListener = new DeleteLoadBalancerListenerRequest();
    deleteListener.setLoadBalancerId(lb);
    deleteListener.setListenerPort(22);
    sdk.call(deleteListener);
    // Delete, then poll Read until the provider's not-found message
    sdk.call(deleteRequest(group));
    poll().until(() -> sdk.error(readRequest(group)).getErrMsg().contains(MASTER_SLAVE_GROUP_NOT_FOUND));
  }
}
