package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerHTTPSListenerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerResponse;
import com.aliyuncs.slb.model.v20140515.StartLoadBalancerListenerRequest;
import io.openslb.it.TestCertificates.Issued;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP/2 clients that misbehave, against an HTTPS listener with EnableHttp2 on: a rapid-reset
 * flood (CVE-2023-44487: open a stream, reset it, repeat) ends with GOAWAY ENHANCE_YOUR_CALM after
 * the reset budget and reaches the backend a bounded number of times; more concurrent streams than
 * the advertised limit are refused one by one (RST_STREAM REFUSED_STREAM) while the connection and
 * its admitted streams go on. Other clients are served throughout. Frames are written by hand
 * ({@link RawHttp2}) because well-behaved clients cannot do this.
 */
class Http2LimitsIT {
  /** Http2Frontend's limits, as a client sees them. */
  static final int MAX_CONCURRENT_STREAMS = 128;
  static final int MAX_RESETS = 200;

  @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
  static final Sdk sdk = slb.sdk();
  static HttpTestBackend web;
  static String[] lb;
  static final int PORT = 8450;

  @BeforeAll
  static void start() throws Exception {
    web = new HttpTestBackend("127.0.0.52", 0, "web");
    slb.addInstance("i-h2limits", "127.0.0.52");
    Issued cert = TestCertificates.selfSigned(TestCertificates.RSA_A, "h2.test", "h2.test");
    String certId = CertificateIT.upload(sdk, cert, cert.pkcs8(), "h2-limits").getServerCertificateId();
    CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
    create.setLoadBalancerName("h2-limits");
    create.setLoadBalancerSpec("slb.s2.small");
    CreateLoadBalancerResponse created = sdk.call(create);
    new L7Support(slb).addBackends(created.getLoadBalancerId(), "[{\"ServerId\":\"i-h2limits\"}]");
    lb = new String[] {created.getLoadBalancerId(), created.getAddress()};
    CreateLoadBalancerHTTPSListenerRequest r = CertificateIT.httpsRequest(lb[0], PORT, certId);
    r.setBackendServerPort(web.port());
    r.setHealthCheck("off");
    r.setEnableHttp2("on");
    sdk.call(r);
    StartLoadBalancerListenerRequest s = new StartLoadBalancerListenerRequest();
    s.setLoadBalancerId(lb[0]);
    s.setListenerPort(PORT);
    sdk.call(s);
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
      try (RawHttp2 h2 = RawHttp2.connect(lb[1], PORT)) {
        return true;
      }
    });
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  @Test
  void rapidResetFloodEndsWithGoAwayAndBoundedBackendWork() throws Exception {
    int before = web.requests();
    int sent = 0;
    try (RawHttp2 h2 = RawHttp2.connect(lb[1], PORT)) {
      assertThat(h2.settingsSeen.await(5, TimeUnit.SECONDS)).isTrue();
      try {
        for (; sent < 5 * MAX_RESETS && h2.closed.getCount() > 0; sent++) {
          int stream = h2.get("/", true);
          h2.reset(stream, RawHttp2.CANCEL);
          if (sent % 10 == 9) {
            h2.flush();
          }
        }
        h2.flush();
      } catch (IOException e) {
        // the server closed the connection while the flood was still being written
      }
      assertThat(h2.awaitClosed(10)).as("connection closed by the server").isTrue();
      assertThat(h2.goAwayCode.get()).as("GOAWAY error code").isEqualTo(RawHttp2.ENHANCE_YOUR_CALM);
    }
    assertThat(sent).isGreaterThan(MAX_RESETS);
    // each admitted stream may have reached the backend before its reset; nothing after the GOAWAY
    int reached = web.requests() - before;
    assertThat(reached).isLessThanOrEqualTo(MAX_RESETS + 1);
    // other clients are served as before
    assertServed();
  }

  @Test
  void streamsBeyondTheConcurrencyLimitAreRefusedAndTheRestGoOn() throws Exception {
    assertThat(web.port()).isPositive();
    try (RawHttp2 h2 = RawHttp2.connect(lb[1], PORT)) {
      assertThat(h2.settingsSeen.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(h2.serverSettings.get(RawHttp2.SETTINGS_MAX_CONCURRENT_STREAMS)).isEqualTo(MAX_CONCURRENT_STREAMS);
      // the connection window covers every admitted stream's 64 KiB window, so a stream held up by
      // a slow backend cannot stall the uploads of the others
      await().atMost(Duration.ofSeconds(5)).until(() -> h2.connectionWindowGranted.get() + 65_535
          >= (long) MAX_CONCURRENT_STREAMS * 65_535);
      // requests whose bodies never end keep their streams open; the backend answers after 20 s
      List<Integer> streams = new ArrayList<>();
      for (int i = 0; i < MAX_CONCURRENT_STREAMS + 12; i++) {
        streams.add(h2.get("/slow?ms=20000", false));
      }
      h2.flush();
      List<Integer> over = streams.subList(MAX_CONCURRENT_STREAMS, streams.size());
      await().atMost(Duration.ofSeconds(10))
          .until(() -> over.stream().allMatch(h2.resets::containsKey));
      for (int s : over) {
        assertThat(h2.resets.get(s)).as("stream %d", s).isEqualTo(RawHttp2.REFUSED_STREAM);
      }
      for (int s : streams.subList(0, MAX_CONCURRENT_STREAMS)) {
        assertThat(h2.resets).as("admitted stream %d", s).doesNotContainKey(s);
      }
      // the connection is still up: freeing a slot admits a new stream, which is answered
      h2.reset(streams.get(0), RawHttp2.CANCEL);
      int fresh = h2.get("/", true);
      h2.flush();
      await().atMost(Duration.ofSeconds(10))
          .until(() -> h2.responses.containsKey(fresh) || h2.resets.containsKey(fresh));
      assertThat(h2.resets).doesNotContainKey(fresh);
      assertThat(h2.responses).containsKey(fresh);
      assertThat(h2.goAwayCode.get()).isEqualTo(-1);
      assertServed();
    }
  }

  private static void assertServed() throws Exception {
    HttpResponse<String> r = HttpsIT.get(HttpsIT.client(HttpClient.Version.HTTP_2, null), lb[1], PORT, "/");
    assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("web");
  }
}
