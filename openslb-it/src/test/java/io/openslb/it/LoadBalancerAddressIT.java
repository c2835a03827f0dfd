package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateLoadBalancer's VIP: a requested address inside the pool, or the next free one, never one in use. */
class LoadBalancerAddressIT extends LoadBalancerITBase {
  @Test
  void createHonoursARequestedAddressInsideThePool() {
    CreateLoadBalancerResponse created = create(r -> r.setAddress("127.1.250.7"));
    assertThat(created.getAddress()).isEqualTo("127.1.250.7");
    assertThat(attr(created.getLoadBalancerId()).getAddress()).isEqualTo("127.1.250.7");
    assertThat(ids(list(r -> r.setAddress("127.1.250.7")))).containsExactly(created.getLoadBalancerId());
  }

  @Test
  void createRejectsARequestedAddressOutsideThePool() {
    ClientException e = sdk.error(createRequest(r -> r.setAddress("10.0.0.5")));
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("The IP address is not in subnet").contains("10.0.0.5");
    assertThat(sdk.errorCode(createRequest(r -> r.setAddress("not-an-ip")))).isEqualTo("InvalidParameter");
    // network and broadcast addresses of the pool are never handed out
    assertThat(sdk.errorCode(createRequest(r -> r.setAddress("127.1.0.0")))).isEqualTo("InvalidParameter");
    assertThat(sdk.errorCode(createRequest(r -> r.setAddress("127.1.255.255")))).isEqualTo("InvalidParameter");
    assertThat(ids(list(r -> r.setAddress("10.0.0.5")))).isEmpty();
  }

  @Test
  void createRejectsAnAddressAlreadyInUse() {
    String first = create(r -> r.setAddress("127.1.250.8")).getLoadBalancerId();
    ClientException e = sdk.error(createRequest(r -> r.setAddress("127.1.250.8")));
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
    assertThat(e.getErrMsg()).contains("127.1.250.8");
    assertThat(ids(list(r -> r.setAddress("127.1.250.8")))).containsExactly(first);
  }

  @Test
  void createNeverHandsOutTheSameAddressTwice() {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      addresses.add(sdk.call(new CreateLoadBalancerRequest()).getAddress());
    }
    assertThat(addresses).doesNotHaveDuplicates().allMatch(a -> a.startsWith("127.1."));
  }
}
