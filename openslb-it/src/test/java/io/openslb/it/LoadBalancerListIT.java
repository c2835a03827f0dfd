package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.AddBackendServersRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse.LoadBalancer;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import com.aliyuncs.slb.model.v20140515.SetLoadBalancerStatusRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** DescribeLoadBalancers: every filter, the tags of each instance, and paging. */
class LoadBalancerListIT extends LoadBalancerITBase {
  /** Three instances sharing the tag suite=filters, differing in every filterable field. */
  static final class FilterSet {
    static String a;
    static String b;
    static String c;
    static String addressA;
    static final String SUITE = unique("filters");

    static synchronized void ensure() {
      if (a != null) {
        return;
      }
      CreateLoadBalancerResponse ra =
          create(
              r -> {
                r.setLoadBalancerName(SUITE + "-a");
                r.setInternetChargeType("paybybandwidth");
                r.setBandwidth(10);
                r.setResourceGroupId("rg-" + SUITE);
                r.setLoadBalancerSpec("slb.s1.small");
                tag(r, 1, "suite", SUITE);
                tag(r, 2, "env", "prod");
              });
      a = ra.getLoadBalancerId();
      addressA = ra.getAddress();
      b =
          create(
              r -> {
                r.setLoadBalancerName(SUITE + "-b");
                r.setVpcId("vpc-" + SUITE);
                r.setVSwitchId("vsw-" + SUITE);
                r.setMasterZoneId("cn-hangzhou-i");
                r.setSlaveZoneId("cn-hangzhou-h");
                tag(r, 1, "suite", SUITE);
                tag(r, 2, "env", "dev");
              })
              .getLoadBalancerId();
      c =
          create(
              r -> {
                r.setLoadBalancerName(SUITE + "-c");
                r.setPayType("PrePay");
                r.setPricingCycle("month");
                r.setDuration(1);
                tag(r, 1, "suite", SUITE);
              })
              .getLoadBalancerId();
      SetLoadBalancerStatusRequest inactive = new SetLoadBalancerStatusRequest();
      inactive.setLoadBalancerId(c);
      inactive.setLoadBalancerStatus("inactive");
      sdk.call(inactive);
      AddBackendServersRequest add = new AddBackendServersRequest();
      add.setLoadBalancerId(a);
      add.setBackendServers("[{\"ServerId\":\"i-lbfilter\"}]");
      sdk.call(add);
    }
  }

  /** The ids of the filter set matching {@code filter}. */
  private static List<String> filtered(Consumer<DescribeLoadBalancersRequest> filter) {
    FilterSet.ensure();
    DescribeLoadBalancersResponse r =
        list(
            req -> {
              req.setTags(tags("suite", FilterSet.SUITE));
              filter.accept(req);
            });
    assertThat(r.getTotalCount()).isEqualTo(r.getLoadBalancers().size());
    return ids(r);
  }

  @Test
  void describeLoadBalancersFiltersByTags() {
    FilterSet.ensure();
    assertThat(filtered(r -> {})).containsExactlyInAnyOrder(FilterSet.a, FilterSet.b, FilterSet.c);
    assertThat(ids(list(r -> r.setTags(tags("suite", FilterSet.SUITE, "env", "prod"))))).containsExactly(FilterSet.a);
    // a key without a value matches any value
    assertThat(ids(list(r -> r.setTags(tags("suite", FilterSet.SUITE, "env", null)))))
        .containsExactlyInAnyOrder(FilterSet.a, FilterSet.b);
    // the docs spell the keys tagKey/tagValue
    assertThat(ids(list(r -> r.setTags("[{\"tagKey\":\"suite\",\"tagValue\":\"" + FilterSet.SUITE + "\"},"
        + "{\"tagKey\":\"env\",\"tagValue\":\"dev\"}]"))))
        .containsExactly(FilterSet.b);
    assertThat(ids(list(r -> r.setTags(tags("suite", FilterSet.SUITE, "env", "staging"))))).isEmpty();
    assertThat(ids(list(r -> r.setTags(tags("suite", "no-such-suite"))))).isEmpty();
    // the newer Tag.N.Key/Tag.N.Value filter
    assertThat(ids(list(r -> {
      r.putQueryParameter("Tag.1.Key", "suite");
      r.putQueryParameter("Tag.1.Value", FilterSet.SUITE);
      r.putQueryParameter("Tag.2.Key", "env");
      r.putQueryParameter("Tag.2.Value", "dev");
    }))).containsExactly(FilterSet.b);
  }

  @Test
  void describeLoadBalancersShowsTheTagsOfEachInstance() {
    FilterSet.ensure();
    DescribeLoadBalancersResponse r = list(req -> req.setLoadBalancerId(FilterSet.a + "," + FilterSet.c));
    LoadBalancer a = r.getLoadBalancers().stream().filter(l -> l.getLoadBalancerId().equals(FilterSet.a)).findFirst().orElseThrow();
    assertThat(a.getTags())
        .extracting(LoadBalancer.Tag::getTagKey, LoadBalancer.Tag::getTagValue)
        .containsExactlyInAnyOrder(tuple("suite", FilterSet.SUITE), tuple("env", "prod"));
    LoadBalancer c = r.getLoadBalancers().stream().filter(l -> l.getLoadBalancerId().equals(FilterSet.c)).findFirst().orElseThrow();
    assertThat(c.getTags())
        .extracting(LoadBalancer.Tag::getTagKey, LoadBalancer.Tag::getTagValue)
        .containsExactly(tuple("suite", FilterSet.SUITE));
  }

  @Test
  void describeLoadBalancersFiltersByIdsAndNames() {
    assertThat(filtered(r -> r.setLoadBalancerId(FilterSet.a + "," + FilterSet.b)))
        .containsExactlyInAnyOrder(FilterSet.a, FilterSet.b);
    assertThat(ids(list(r -> r.setLoadBalancerId(FilterSet.c)))).containsExactly(FilterSet.c);
    assertThat(ids(list(r -> r.setLoadBalancerId(MISSING_ID)))).isEmpty();
    assertThat(filtered(r -> r.setLoadBalancerName(FilterSet.SUITE + "-a," + FilterSet.SUITE + "-c")))
        .containsExactlyInAnyOrder(FilterSet.a, FilterSet.c);
    assertThat(ids(list(r -> r.setLoadBalancerName(FilterSet.SUITE + "-b")))).containsExactly(FilterSet.b);
  }

  @Test
  void describeLoadBalancersFiltersByAddressFields() {
    assertThat(filtered(r -> r.setAddress(FilterSet.addressA))).containsExactly(FilterSet.a);
    assertThat(ids(list(r -> r.setAddress(FilterSet.addressA)))).containsExactly(FilterSet.a);
    assertThat(filtered(r -> r.setAddressType("intranet"))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setAddressType("internet"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.c);
    assertThat(filtered(r -> r.setAddressIPVersion("ipv4")))
        .containsExactlyInAnyOrder(FilterSet.a, FilterSet.b, FilterSet.c);
    assertThat(filtered(r -> r.setAddressIPVersion("ipv6"))).isEmpty();
    assertThat(filtered(r -> r.setNetworkType("vpc"))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setNetworkType("classic"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.c);
    assertThat(filtered(r -> r.setVpcId("vpc-" + FilterSet.SUITE))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setVSwitchId("vsw-" + FilterSet.SUITE))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setVSwitchId("vsw-other"))).isEmpty();
  }

  @Test
  void describeLoadBalancersFiltersByStatusZonesAndBilling() {
    assertThat(filtered(r -> r.setLoadBalancerStatus("inactive"))).containsExactly(FilterSet.c);
    assertThat(filtered(r -> r.setLoadBalancerStatus("active"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.b);
    assertThat(filtered(r -> r.setLoadBalancerStatus("locked"))).isEmpty();
    assertThat(filtered(r -> r.setMasterZoneId("cn-hangzhou-i"))).containsExactly(FilterSet.b);
    assertThat(filtered(r -> r.setSlaveZoneId("cn-hangzhou-i"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.c);
    assertThat(filtered(r -> r.setInternetChargeType("paybybandwidth"))).containsExactly(FilterSet.a);
    assertThat(filtered(r -> r.setInternetChargeType("paybytraffic"))).containsExactlyInAnyOrder(FilterSet.b, FilterSet.c);
    assertThat(filtered(r -> r.setPayType("PrePay"))).containsExactly(FilterSet.c);
    assertThat(filtered(r -> r.setPayType("PayOnDemand"))).containsExactlyInAnyOrder(FilterSet.a, FilterSet.b);
    assertThat(filtered(r -> r.setResourceGroupId("rg-" + FilterSet.SUITE))).containsExactly(FilterSet.a);
    // filters are AND-ed
    assertThat(filtered(r -> {
      r.setPayType("PrePay");
      r.setLoadBalancerStatus("active");
    })).isEmpty();
  }

  @Test
  void describeLoadBalancersFiltersByBackendServer() {
    assertThat(filtered(r -> r.setServerId("i-lbfilter"))).containsExactly(FilterSet.a);
    assertThat(ids(list(r -> r.setServerId("i-lbfilter")))).contains(FilterSet.a).doesNotContain(FilterSet.b);
    assertThat(filtered(r -> r.setServerId("i-nobody"))).isEmpty();
    assertThat(filtered(r -> r.setServerIntranetAddress("10.9.9.9,127.0.0.31"))).containsExactly(FilterSet.a);
    assertThat(filtered(r -> r.setServerIntranetAddress("10.9.9.9"))).isEmpty();
  }

  @Test
  void describeLoadBalancersRejectsBadFilters() {
    ClientException tagsBad = sdk.error(withTags("not json"));
    assertThat(tagsBad.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(tagsBad.getErrMsg()).contains("Tags");
    assertThat(sdk.errorCode(withTags("[{\"TagValue\":\"v\"}]"))).isEqualTo("InvalidParameter");
    StringBuilder eleven = new StringBuilder("[");
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : ",").append("{\"TagKey\":\"k").append(i).append("\"}");
    }
    assertThat(sdk.errorCode(withTags(eleven.append(']').toString()))).isEqualTo("InvalidParameter");

    List<String> elevenIds = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      elevenIds.add("lb-x" + i);
    }
    DescribeLoadBalancersRequest tooManyIds = new DescribeLoadBalancersRequest();
    tooManyIds.setLoadBalancerId(String.join(",", elevenIds));
    assertThat(sdk.errorCode(tooManyIds)).isEqualTo("InvalidParameter");
    DescribeLoadBalancersRequest tenIds = new DescribeLoadBalancersRequest();
    tenIds.setLoadBalancerId(String.join(",", elevenIds.subList(0, 10)));
    assertThat(sdk.call(tenIds).getTotalCount()).isZero();
  }

  private static DescribeLoadBalancersRequest withTags(String json) {
    DescribeLoadBalancersRequest r = new DescribeLoadBalancersRequest();
    r.setTags(json);
    return r;
  }

  @Test
  void describeLoadBalancersPagesThroughTheMatches() {
    String suite = unique("paging");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(r -> tag(r, 1, "suite", suite)).getLoadBalancerId());
    }
    List<String> seen = new ArrayList<>();
    int[] expectedSizes = {2, 2, 1, 0};
    for (int page = 1; page <= 4; page++) {
      int p = page;
      DescribeLoadBalancersResponse r =
          list(
              req -> {
                req.setTags(tags("suite", suite));
                req.setPageNumber(p);
                req.setPageSize(2);
              });
      assertThat(r.getPageNumber()).isEqualTo(page);
      assertThat(r.getPageSize()).isEqualTo(2);
      assertThat(r.getTotalCount()).isEqualTo(5);
      assertThat(r.getLoadBalancers()).hasSize(expectedSizes[page - 1]);
      seen.addAll(ids(r));
    }
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);

    // newest first
    DescribeLoadBalancersResponse all = list(req -> req.setTags(tags("suite", suite)));
    List<Long> times = all.getLoadBalancers().stream().map(LoadBalancer::getCreateTimeStamp).toList();
    assertThat(times).isSortedAccordingTo((x, y) -> Long.compare(y, x));
  }

  @Test
  void describeLoadBalancersDefaultsToPageOneOfTen() {
    String suite = unique("defaults");
    for (int i = 0; i < 11; i++) {
      create(r -> tag(r, 1, "suite", suite));
    }
    DescribeLoadBalancersRequest r = new DescribeLoadBalancersRequest();
    r.setTags(tags("suite", suite));
    DescribeLoadBalancersResponse page = sdk.call(r);
    assertThat(page.getPageNumber()).isEqualTo(1);
    assertThat(page.getPageSize()).isEqualTo(10);
    assertThat(page.getTotalCount()).isEqualTo(11);
    assertThat(page.getLoadBalancers()).hasSize(10);
  }

  @Test
  void describeLoadBalancersRejectsBadPaging() {
    DescribeLoadBalancersRequest zeroPage = new DescribeLoadBalancersRequest();
    zeroPage.setPageNumber(0);
    assertThat(sdk.errorCode(zeroPage)).isEqualTo("InvalidParameter");
    DescribeLoadBalancersRequest bigPage = new DescribeLoadBalancersRequest();
    bigPage.setPageSize(101);
    ClientException e = sdk.error(bigPage);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("PageSize");
    DescribeLoadBalancersRequest zeroSize = new DescribeLoadBalancersRequest();
    zeroSize.setPageSize(0);
    assertThat(sdk.errorCode(zeroSize)).isEqualTo("InvalidParameter");
  }
}
