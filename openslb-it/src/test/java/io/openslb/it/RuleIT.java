package io.openslb.it;

import static io.openslb.it.GroupSupport.VSERVER_GROUP_NOT_FOUND;
import static io.openslb.it.GroupSupport.createRulesRequest;
import static io.openslb.it.GroupSupport.list;
import static io.openslb.it.GroupSupport.poll;
import static io.openslb.it.GroupSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateRulesRequest;
import com.aliyuncs.slb.model.v20140515.CreateRulesResponse;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerListenerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DeleteRulesRequest;
import com.aliyuncs.slb.model.v20140515.DeleteVServerGroupRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPSListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerHTTPSListenerAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeRuleAttributeRequest;
import com.aliyuncs.slb.model.v20140515.DescribeRuleAttributeResponse;
import com.aliyuncs.slb.model.v20140515.DescribeRulesRequest;
import com.aliyuncs.slb.model.v20140515.DescribeRulesResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerHTTPListenerAttributeRequest;
import com.aliyuncs.slb.model.v20140515.SetRuleRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The 5 forwarding rule actions through the official SDK, and how listeners, groups and deletes see rules. */
class RuleIT {
  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final GroupSupport it = new GroupSupport(slb);
  static final Sdk sdk = it.sdk();

  @BeforeAll
  static void start() throws Exception {
    slb.addInstance("i-web1", "127.0.0.41");
    slb.addInstance("i-web2", "127.0.0.42");
  }

  /** A load balancer with an HTTP listener on 80 and two non-empty VServer groups. */
  record Setup(String lb, String g1, String g2) {}

  Setup setup() {
    String lb = it.loadBalancer();
    it.httpListener(lb, 80);
    String g1 = it.vserverGroup(lb, "g1", "[{\"ServerId\":\"i-web1\",\"Port\":8001}]");
    String g2 = it.vserverGroup(lb, "g2", "[{\"ServerId\":\"i-web2\",\"Port\":8002}]");
    return new Setup(lb, g1, g2);
  }

  static DescribeRulesResponse describeRules(String lb, int port) {
    DescribeRulesRequest r = new DescribeRulesRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    return sdk.call(r);
  }

  static DescribeRuleAttributeRequest readRequest(String ruleId) {
    DescribeRuleAttributeRequest r = new DescribeRuleAttributeRequest();
    r.setRuleId(ruleId);
    return r;
  }

  static DescribeRuleAttributeResponse read(String ruleId) {
    return sdk.call(readRequest(ruleId));
  }

  static DeleteRulesRequest deleteRequest(String ruleIdsJson) {
    DeleteRulesRequest r = new DeleteRulesRequest();
    r.setRuleIds(ruleIdsJson);
    return r;
  }

  static SetRuleRequest setRequest(String ruleId) {
    SetRuleRequest r = new SetRuleRequest();
    r.setRuleId(ruleId);
    return r;
  }

  static DescribeLoadBalancerHTTPListenerAttributeResponse httpListener(String lb, int port) {
    DescribeLoadBalancerHTTPListenerAttributeRequest r = new DescribeLoadBalancerHTTPListenerAttributeRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(port);
    return sdk.call(r);
  }

  // ---- create and read

  @Test
  void createRulesAndReadThemBackThreeWays() {
    Setup s = setup();
    List<CreateRulesResponse.Rule> created =
        it.rules(
            s.lb(), 80,
            list(
                rule("by-domain", "www.example.com", null, s.g1()),
                rule("by-url", null, "/static/img", s.g2()),
                rule("both", "*.example.com", "/api/v1?x=1#top", s.g1())));
    assertThat(created).extracting(CreateRulesResponse.Rule::getRuleName).containsExactly("by-domain", "by-url", "both");
    assertThat(created).extracting(CreateRulesResponse.Rule::getRuleId).allMatch(id -> id.matches("rule-[a-z0-9]+")).doesNotHaveDuplicates();
    String byDomain = created.get(0).getRuleId();

    // DescribeRules: the listener's rules in creation order, following the listener's settings
    List<DescribeRulesResponse.Rule> rules = describeRules(s.lb(), 80).getRules();
    assertThat(rules)
        .extracting(
            DescribeRulesResponse.Rule::getRuleId,
            DescribeRulesResponse.Rule::getRuleName,
            DescribeRulesResponse.Rule::getDomain,
            DescribeRulesResponse.Rule::getUrl,
            DescribeRulesResponse.Rule::getVServerGroupId,
            DescribeRulesResponse.Rule::getListenerSync)
        .containsExactly(
            tuple(byDomain, "by-domain", "www.example.com", null, s.g1(), "on"),
            tuple(created.get(1).getRuleId(), "by-url", null, "/static/img", s.g2(), "on"),
            tuple(created.get(2).getRuleId(), "both", "*.example.com", "/api/v1?x=1#top", s.g1(), "on"));
    assertThat(rules.get(0).getScheduler()).isEqualTo("wrr");
    assertThat(rules.get(0).getHealthCheck()).isEqualTo("on");
    assertThat(rules.get(0).getStickySession()).isEqualTo("off");

    // DescribeRuleAttribute
    DescribeRuleAttributeResponse one = read(byDomain);
    assertThat(one.getRuleId()).isEqualTo(byDomain);
    assertThat(one.getRuleName()).isEqualTo("by-domain");
    assertThat(one.getLoadBalancerId()).isEqualTo(s.lb());
    assertThat(one.getListenerPort()).isEqualTo("80");
    assertThat(one.getDomain()).isEqualTo("www.example.com");
    assertThat(one.getUrl()).isNull();
    assertThat(one.getVServerGroupId()).isEqualTo(s.g1());
    assertThat(one.getListenerSync()).isEqualTo("on");

    // DescribeLoadBalancerHTTPListenerAttribute lists them too
    assertThat(httpListener(s.lb(), 80).getRules())
        .extracting(
            DescribeLoadBalancerHTTPListenerAttributeResponse.Rule::getRuleId,
            DescribeLoadBalancerHTTPListenerAttributeResponse.Rule::getRuleName,
            DescribeLoadBalancerHTTPListenerAttributeResponse.Rule::getDomain,
            DescribeLoadBalancerHTTPListenerAttributeResponse.Rule::getUrl,
            DescribeLoadBalancerHTTPListenerAttributeResponse.Rule::getVServerGroupId)
        .containsExactly(
            tuple(byDomain, "by-domain", "www.example.com", null, s.g1()),
            tuple(created.get(1).getRuleId(), "by-url", null, "/static/img", s.g2()),
            tuple(created.get(2).getRuleId(), "both", "*.example.com", "/api/v1?x=1#top", s.g1()));

    // a second call adds to the listener's rules
    it.rules(s.lb(), 80, list(rule("later", "m.example.com", null, s.g2())));
    assertThat(describeRules(s.lb(), 80).getRules()).extracting(DescribeRulesResponse.Rule::getRuleName)
        .containsExactly("by-domain", "by-url", "both", "later");
  }

  @Test
  void rulesOnHttpsListenersAndOnAPortSharedWithUdp() {
    String lb = it.loadBalancer();
    String g = it.vserverGroup(lb, "g", "[{\"ServerId\":\"i-web1\",\"Port\":8443}]");
    it.httpsListener(lb, 443);
    String id = it.rules(lb, 443, list(rule("tls", "secure.example.com", null, g))).get(0).getRuleId();
    DescribeLoadBalancerHTTPSListenerAttributeRequest r = new DescribeLoadBalancerHTTPSListenerAttributeRequest();
    r.setLoadBalancerId(lb);
    r.setListenerPort(443);
    assertThat(sdk.call(r).getRules())
        .extracting(DescribeLoadBalancerHTTPSListenerAttributeResponse.Rule::getRuleId, DescribeLoadBalancerHTTPSListenerAttributeResponse.Rule::getDomain)
        .containsExactly(tuple(id, "secure.example.com"));

    // port 53 carries a UDP and an HTTP listener: without ListenerProtocol the rule goes to HTTP
    it.udpListener(lb, 53, 5353);
    it.httpListener(lb, 53);
    it.rules(lb, 53, list(rule("shared", "dns.example.com", null, g)));
    CreateRulesRequest onUdp = createRulesRequest(lb, 53, list(rule("udp", "x.example.com", null, g)));
    onUdp.setListenerProtocol("udp");
    ClientException e = it.expectError(onUdp, "RuleNotSupport");
    assertThat(e.getErrMsg()).contains("udp");
    assertThat(describeRules(lb, 53).getRules()).extracting(DescribeRulesResponse.Rule::getRuleName).containsExactly("shared");
  }

  @Test
  void createValidatesTheRuleListAndCreatesNothingOnError() {
    Setup s = setup();
    String g = s.g1();
    CreateRulesRequest tcpRules = createRulesRequest(s.lb(), 81, list(rule("r", "a.example.com", null, g)));
    var tcpListener = GroupSupport.tcpListenerRequest(s.lb(), 81);
    tcpListener.setBackendServerPort(8080);
    sdk.call(tcpListener);
    ClientException tcp = it.expectError(tcpRules, "RuleNotSupport");
    assertThat(tcp.getErrMsg()).isEqualTo("Rule is not support in the tcp type listener.");

    it.expectError(createRulesRequest(s.lb(), 80, "not json"), "RuleListMalformed");
    it.expectError(createRulesRequest(s.lb(), 80, "{\"RuleName\":\"r\"}"), "RuleListMalformed");
    it.expectError(createRulesRequest(s.lb(), 80, "[]"), "RuleListMalformed");
    it.expectError(createRulesRequest(s.lb(), 80, list("{\"Domain\":\"a.example.com\",\"VServerGroupId\":\"" + g + "\"}")), "RuleListMalformed");
    it.expectError(createRulesRequest(s.lb(), 80, list(rule("no-target", "a.example.com", null, null))), "RuleListMalformed");
    it.expectError(createRulesRequest(s.lb(), 80, list(rule("no-match", null, null, g))), "RuleListMalformed");
    it.expectError(createRulesRequest(s.lb(), 80, list(rule("bad name!", "a.example.com", null, g))), "RuleListMalformed");
    it.expectError(createRulesRequest(s.lb(), 80, list(rule("x".repeat(41), "a.example.com", null, g))), "RuleListMalformed");
    for (String domain : List.of("a..example.com", "*", "www.*.com", "-a.example.com", "a_b.example.com", "x".repeat(81))) {
      it.expectError(createRulesRequest(s.lb(), 80, list(rule("d", domain, null, g))), "DomainMalformed");
    }
    for (String url : List.of("/", "static", "/a b", "/" + "x".repeat(80))) {
      it.expectError(createRulesRequest(s.lb(), 80, list(rule("u", null, url, g))), "UrlMalformed");
    }
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(rule("r" + i, "h" + i + ".example.com", null, g));
    }
    it.expectError(createRulesRequest(s.lb(), 80, list(eleven.toArray(String[]::new))), "InvalidParameter");

    // the target group must be a non-empty VServer group of the same load balancer
    String foreign = it.vserverGroup(it.loadBalancer(), "foreign", "[{\"ServerId\":\"i-web1\",\"Port\":80}]");
    ClientException notOurs = it.expectError(createRulesRequest(s.lb(), 80, list(rule("f", "f.example.com", null, foreign))), "InvalidParameter");
    assertThat(notOurs.getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
    String empty = it.vserverGroup(s.lb(), "empty", null);
    it.expectError(createRulesRequest(s.lb(), 80, list(rule("e", "e.example.com", null, empty))), "VServerGroupEmpty");

    // (Domain, Url) and RuleName are unique per listener, within the call and against existing rules
    it.rules(s.lb(), 80, list(rule("existing", "www.example.com", "/app", g)));
    ClientException same = it.expectError(createRulesRequest(s.lb(), 80, list(rule("other", "WWW.example.com", "/app", s.g2()))), "DomainExist");
    assertThat(same.getErrMsg()).contains("rule with same domain and url already exists in specified vip");
    it.expectError(
        createRulesRequest(s.lb(), 80, list(rule("n1", "n.example.com", null, g), rule("n2", "n.example.com", null, g))), "DomainExist");
    ClientException name = it.expectError(createRulesRequest(s.lb(), 80, list(rule("existing", "z.example.com", null, g))), "InvalidParameter");
    assertThat(name.getErrMsg()).contains("existing");
    // a bad second rule keeps the good first one from being created
    it.expectError(
        createRulesRequest(s.lb(), 80, list(rule("good", "good.example.com", null, g), rule("bad", "bad.example.com", null, foreign))),
        "InvalidParameter");

    it.expectError(createRulesRequest(s.lb(), 99, list(rule("r", "a.example.com", null, g))), "ListenerNotFound");
    it.expectError(createRulesRequest("lb-doesnotexist0000000", 80, list(rule("r", "a.example.com", null, g))), "InvalidLoadBalancerId.NotFound");
    it.expectError(createRulesRequest(s.lb(), 80, null), "MissingParameter");
    assertThat(describeRules(s.lb(), 80).getRules()).extracting(DescribeRulesResponse.Rule::getRuleName).containsExactly("existing");
  }

  @Test
  void aListenerHoldsAtMostFortyRules() {
    Setup s = setup();
    for (int call = 0; call < 4; call++) {
      List<String> ten = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ten.add(rule("r" + call + "-" + i, "h" + call + "-" + i + ".example.com", null, s.g1()));
      }
      it.rules(s.lb(), 80, list(ten.toArray(String[]::new)));
    }
    ClientException e = it.expectError(createRulesRequest(s.lb(), 80, list(rule("r41", "h41.example.com", null, s.g1()))), "TooManyRules");
    assertThat(e.getErrMsg()).contains("the number of rules under specified vip is beyond maximum limit");
    assertThat(describeRules(s.lb(), 80).getRules()).hasSize(40);
  }

  // ---- SetRule

  @Test
  void setRuleChangesTargetNameAndRuleLevelSettings() {
    Setup s = setup();
    List<CreateRulesResponse.Rule> created =
        it.rules(s.lb(), 80, list(rule("api", "api.example.com", "/v1", s.g1()), rule("web", "www.example.com", null, s.g1())));
    String id = created.get(0).getRuleId();
    String web = created.get(1).getRuleId();

    SetRuleRequest retarget = setRequest(id);
    retarget.setVServerGroupId(s.g2());
    retarget.setRuleName("api-v1");
    sdk.call(retarget);
    DescribeRuleAttributeResponse r = read(id);
    assertThat(r.getVServerGroupId()).isEqualTo(s.g2());
    assertThat(r.getRuleName()).isEqualTo("api-v1");
    assertThat(r.getListenerSync()).isEqualTo("on");

    // ListenerSync=off: the rule's own scheduler, stickiness and health check
    SetRuleRequest own = setRequest(id);
    own.setListenerSync("off");
    own.setScheduler("rr");
    own.setStickySession("on");
    own.setStickySessionType("insert");
    own.setCookieTimeout(600);
    own.setHealthCheck("on");
    own.setHealthCheckURI("/health");
    own.setHealthCheckDomain("api.example.com");
    own.setHealthCheckConnectPort(9000);
    own.setHealthyThreshold(4);
    own.setUnhealthyThreshold(5);
    own.setHealthCheckTimeout(6);
    own.setHealthCheckInterval(7);
    own.setHealthCheckHttpCode("http_2xx,http_3xx");
    sdk.call(own);
    r = read(id);
    assertThat(r.getListenerSync()).isEqualTo("off");
    assertThat(r.getScheduler()).isEqualTo("rr");
    assertThat(r.getStickySession()).isEqualTo("on");
    assertThat(r.getStickySessionType()).isEqualTo("insert");
    assertThat(r.getCookieTimeout()).isEqualTo(600);
    assertThat(r.getHealthCheck()).isEqualTo("on");
    assertThat(r.getHealthCheckURI()).isEqualTo("/health");
    assertThat(r.getHealthCheckDomain()).isEqualTo("api.example.com");
    assertThat(r.getHealthCheckConnectPort()).isEqualTo(9000);
    assertThat(r.getHealthyThreshold()).isEqualTo(4);
    assertThat(r.getUnhealthyThreshold()).isEqualTo(5);
    assertThat(r.getHealthCheckTimeout()).isEqualTo(6);
    assertThat(r.getHealthCheckInterval()).isEqualTo(7);
    assertThat(r.getHealthCheckHttpCode()).isEqualTo("http_2xx,http_3xx");
    DescribeRulesResponse.Rule listed = describeRules(s.lb(), 80).getRules().get(0);
    assertThat(listed.getListenerSync()).isEqualTo("off");
    assertThat(listed.getScheduler()).isEqualTo("rr");
    assertThat(listed.getCookieTimeout()).isEqualTo(600);

    // a later call changes only what it names; the listener's settings are not touched
    SetRuleRequest partial = setRequest(id);
    partial.setStickySessionType("server");
    partial.setCookie("SESSION");
    sdk.call(partial);
    r = read(id);
    assertThat(r.getStickySessionType()).isEqualTo("server");
    assertThat(r.getCookie()).isEqualTo("SESSION");
    assertThat(r.getScheduler()).isEqualTo("rr");
    assertThat(httpListener(s.lb(), 80).getScheduler()).isEqualTo("wrr");

    // validated like the listener's settings; a failing call changes nothing
    SetRuleRequest bad = setRequest(id);
    bad.setHealthyThreshold(11);
    it.expectError(bad, "InvalidParameter");
    bad = setRequest(id);
    bad.setScheduler("sch");
    it.expectError(bad, "InvalidParameter");
    bad = setRequest(id);
    bad.setHealthCheckURI("health");
    it.expectError(bad, "InvalidParameter");
    bad = setRequest(id);
    bad.setCookie("bad;cookie");
    it.expectError(bad, "InvalidParameter");
    // stickiness needs its type, and the type its cookie setting, as on the listener
    bad = setRequest(web);
    bad.setListenerSync("off");
    bad.setStickySession("on");
    bad.setVServerGroupId(s.g2());
    assertThat(it.expectError(bad, "MissingParameter").getErrMsg()).contains("StickySessionType");
    bad.setStickySessionType("insert");
    assertThat(it.expectError(bad, "MissingParameter").getErrMsg()).contains("CookieTimeout");
    assertThat(read(web).getVServerGroupId()).isEqualTo(s.g1());
    assertThat(read(web).getListenerSync()).isEqualTo("on");
    // switching to ListenerSync=off starts from a copy of the listener's settings
    SetRuleRequest inherit = setRequest(web);
    inherit.setListenerSync("off");
    inherit.setScheduler("rr");
    sdk.call(inherit);
    DescribeRuleAttributeResponse w = read(web);
    assertThat(w.getListenerSync()).isEqualTo("off");
    assertThat(w.getScheduler()).isEqualTo("rr");
    assertThat(w.getHealthCheck()).isEqualTo("on");
    assertThat(w.getHealthyThreshold()).isEqualTo(3);
    assertThat(w.getStickySession()).isEqualTo("off");
    bad = setRequest(id);
    bad.setRuleName("web");
    it.expectError(bad, "InvalidParameter");
    bad = setRequest(id);
    bad.setVServerGroupId("rsp-doesnotexist0");
    assertThat(it.expectError(bad, "InvalidParameter").getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
    bad = setRequest(id);
    bad.setListenerSync("maybe");
    it.expectError(bad, "InvalidParameter");
    assertThat(read(id).getRuleName()).isEqualTo("api-v1");

    // back to ListenerSync=on: the listener's settings again, rule-level parameters ignored
    SetLoadBalancerHTTPListenerAttributeRequest listener = new SetLoadBalancerHTTPListenerAttributeRequest();
    listener.setLoadBalancerId(s.lb());
    listener.setListenerPort(80);
    listener.setHealthyThreshold(9);
    sdk.call(listener);
    SetRuleRequest sync = setRequest(id);
    sync.setListenerSync("on");
    sync.setHealthyThreshold(11);
    sdk.call(sync);
    r = read(id);
    assertThat(r.getListenerSync()).isEqualTo("on");
    assertThat(r.getScheduler()).isEqualTo("wrr");
    assertThat(r.getHealthyThreshold()).isEqualTo(9);
    assertThat(r.getStickySession()).isEqualTo("off");
    assertThat(r.getCookie()).isNull();
    // a rule with its own settings does not follow the listener
    assertThat(read(web).getHealthyThreshold()).isEqualTo(3);

    SetRuleRequest unknown = setRequest("rule-doesnotexist");
    unknown.setRuleName("x");
    it.expectError(unknown, "InvalidRuleId.NotFound");
    it.expectError(new SetRuleRequest(), "MissingParameter");
  }

  // ---- DeleteRules and what deletes rules

  @Test
  void deleteRulesTakesAJsonArrayOfIdsAndIsAllOrNothing() {
    Setup s = setup();
    List<CreateRulesResponse.Rule> created =
        it.rules(s.lb(), 80, list(rule("a", "a.example.com", null, s.g1()), rule("b", "b.example.com", null, s.g1()),
            rule("c", "c.example.com", null, s.g2())));
    String a = created.get(0).getRuleId();
    String b = created.get(1).getRuleId();
    String c = created.get(2).getRuleId();

    ClientException unknown = it.expectError(deleteRequest("[\"" + a + "\",\"rule-doesnotexist\"]"), "InvalidRuleId.NotFound");
    assertThat(unknown.getErrMsg()).contains("rule-doesnotexist");
    it.expectError(deleteRequest(a), "InvalidParameter");
    it.expectError(deleteRequest("[]"), "InvalidParameter");
    it.expectError(deleteRequest("[1]"), "InvalidParameter");
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add("\"rule-x" + i + "\"");
    }
    it.expectError(deleteRequest("[" + String.join(",", eleven) + "]"), "InvalidParameter");
    it.expectError(new DeleteRulesRequest(), "MissingParameter");
    assertThat(describeRules(s.lb(), 80).getRules()).hasSize(3);

    assertThat(sdk.call(deleteRequest("[\"" + a + "\",\"" + b + "\",\"" + a + "\"]")).getRequestId()).isNotBlank();
    assertThat(describeRules(s.lb(), 80).getRules()).extracting(DescribeRulesResponse.Rule::getRuleId).containsExactly(c);
    assertThat(it.expectError(readRequest(a), "InvalidRuleId.NotFound").getErrMsg()).contains(a);
    it.expectError(deleteRequest("[\"" + a + "\"]"), "InvalidRuleId.NotFound");
    // the group of the deleted rules can go now; the one still in use cannot
    DeleteVServerGroupRequest deleteG1 = new DeleteVServerGroupRequest();
    deleteG1.setVServerGroupId(s.g1());
    sdk.call(deleteG1);
    DeleteVServerGroupRequest deleteG2 = new DeleteVServerGroupRequest();
    deleteG2.setVServerGroupId(s.g2());
    it.expectError(deleteG2, "RspoolRuleExist");
  }

  @Test
  void deletingAListenerDeletesItsRules() {
    Setup s = setup();
    String id = it.rules(s.lb(), 80, list(rule("r", "r.example.com", null, s.g1()))).get(0).getRuleId();
    it.httpListener(s.lb(), 81);
    String keep = it.rules(s.lb(), 81, list(rule("r", "r.example.com", null, s.g1()))).get(0).getRuleId();
    DeleteLoadBalancerListenerRequest delete = new DeleteLoadBalancerListenerRequest();
    delete.setLoadBalancerId(s.lb());
    delete.setListenerPort(80);
    sdk.call(delete);
    it.expectError(readRequest(id), "InvalidRuleId.NotFound");
    assertThat(read(keep).getListenerPort()).isEqualTo("81");
    // a new listener on the port starts without rules
    it.httpListener(s.lb(), 80);
    assertThat(describeRules(s.lb(), 80).getRules()).isEmpty();
    assertThat(httpListener(s.lb(), 80).getRules()).isEmpty();
  }

  @Test
  void deletingTheLoadBalancerDeletesItsRulesAndGroups() {
    Setup s = setup();
    String id = it.rules(s.lb(), 80, list(rule("r", "r.example.com", null, s.g1()))).get(0).getRuleId();
    DeleteLoadBalancerRequest delete = new DeleteLoadBalancerRequest();
    delete.setLoadBalancerId(s.lb());
    sdk.call(delete);
    it.expectError(readRequest(id), "InvalidRuleId.NotFound");
    assertThat(it.expectError(GroupSupport.readGroupRequest(s.g1()), "InvalidParameter").getErrMsg()).contains(VSERVER_GROUP_NOT_FOUND);
  }

  @Test
  void describeRulesOfAMissingListenerFails() {
    Setup s = setup();
    DescribeRulesRequest r = new DescribeRulesRequest();
    r.setLoadBalancerId(s.lb());
    r.setListenerPort(99);
    it.expectError(r, "ListenerNotFound");
    DescribeRulesRequest noPort = new DescribeRulesRequest();
    noPort.setLoadBalancerId(s.lb());
    it.expectError(noPort, "MissingParameter");
    it.expectError(readRequest("rule-doesnotexist"), "InvalidRuleId.NotFound");
    it.expectError(new DescribeRuleAttributeRequest(), "MissingParameter");
  }

  // ---- Terraform (ECOSYSTEM.md §3.2)

  @Test
  void terraformRuleSequence() {
    Setup s = setup();
    // alicloud_slb_rule: CreateRules (one rule), then Update (SetRule), then Read
    String id = it.rules(s.lb(), 80, list(rule("tf-slb-rule", "*.aliyun.com", "/image", s.g1()))).get(0).getRuleId();
    SetRuleRequest update = setRequest(id);
    update.setVServerGroupId(s.g1());
    update.setListenerSync("off");
    update.setScheduler("wrr");
    update.setHealthCheck("on");
    update.setHealthCheckConnectPort(80);
    update.setHealthCheckURI("/test");
    update.setHealthyThreshold(3);
    update.setUnhealthyThreshold(5);
    update.setHealthCheckTimeout(10);
    update.setHealthCheckInterval(5);
    update.setHealthCheckHttpCode("http_2xx");
    update.setStickySession("on");
    update.setStickySessionType("server");
    update.setCookie("23ffsa");
    sdk.call(update);
    DescribeRuleAttributeResponse state = read(id);
    assertThat(state.getRuleName()).isEqualTo("tf-slb-rule");
    assertThat(state.getDomain()).isEqualTo("*.aliyun.com");
    assertThat(state.getUrl()).isEqualTo("/image");
    assertThat(state.getListenerPort()).isEqualTo("80");
    assertThat(state.getHealthCheckTimeout()).isEqualTo(10);
    assertThat(state.getCookie()).isEqualTo("23ffsa");

    // update the target, read again
    SetRuleRequest retarget = setRequest(id);
    retarget.setVServerGroupId(s.g2());
    sdk.call(retarget);
    assertThat(read(id).getVServerGroupId()).isEqualTo(s.g2());

    // delete, then poll Read until InvalidRuleId.NotFound
    sdk.call(deleteRequest("[\"" + id + "\"]"));
    poll().until(() -> "InvalidRuleId.NotFound".equals(sdk.error(readRequest(id)).getErrCode()));
  }
}
