package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The extension's lifecycle, run on small test classes through the JUnit launcher. */
class OpenSlbExtensionTest {
  static String endpoint;
  static Path dataDir;
  static final List<String> endpoints = new ArrayList<>();

  @Test
  void theServerRunsForTheClassAndIsGoneAfterIt() throws Exception {
    TestExecutionSummary summary = run(UsesTheServer.class);
    assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(1);
    assertClosed();
  }

  @Test
  void theServerIsClosedWhenTheClassSetupFailsAfterItStarted() throws Exception {
    TestExecutionSummary summary = run(FailsInBeforeAll.class);
    assertThat(summary.getTestsSucceededCount()).isZero();
    assertThat(summary.getFailures()).hasSize(1);
    assertThat(summary.getFailures().get(0).getException()).hasMessage("setup failed");
    assertClosed();
  }

  @Test
  void subclassesOfABaseWithTheExtensionEachGetAServerOfTheirOwn() {
    endpoints.clear();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(FirstSubclass.class), selectClass(SecondSubclass.class)).build(), listener);
    assertThat(listener.getSummary().getTestsSucceededCount()).as(failures(listener.getSummary())).isEqualTo(2);
    assertThat(endpoints).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void usingTheServerOutsideTheClassLifecycleIsAClearError() {
    OpenSlbExtension notStarted = OpenSlbExtension.create();
    assertThatThrownBy(notStarted::rootAccountId)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("static @RegisterExtension field");
  }

  private static void assertClosed() throws Exception {
    assertThat(endpoint).isNotNull();
    assertThat(Files.exists(dataDir)).as("data directory %s deleted", dataDir).isFalse();
    int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    assertThatThrownBy(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      }
    }).isInstanceOf(ConnectException.class);
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    endpoint = null;
    dataDir = null;
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
    return listener.getSummary();
  }

  private static String failures(TestExecutionSummary summary) {
    StringBuilder sb = new StringBuilder();
    summary.getFailures().forEach(f -> sb.append(f.getTestIdentifier().getDisplayName()).append(": ")
        .append(f.getException()).append('\n'));
    return sb.toString();
  }

  // ---- classes run by the tests above (not by the build: nested classes are not test classes)

  static class UsesTheServer {
    @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
    static final RawApi raw = slb.raw(); // made before the server starts

    @BeforeAll
    static void record() {
      endpoint = slb.endpoint();
      dataDir = slb.dataDir();
    }

    @Test
    void callsTheServer() {
      assertThat(Files.exists(dataDir.resolve("state.db"))).isTrue();
      assertThat(raw.call("DescribeRegions", Map.of()).status()).isEqualTo(200);
    }
  }

  static class FailsInBeforeAll {
    @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();

    @BeforeAll
    static void failAfterTheServerStarted() {
      endpoint = slb.endpoint();
      dataDir = slb.dataDir();
      throw new IllegalStateException("setup failed");
    }

    @Test
    void neverRuns() {}
  }

  abstract static class SharedBase {
    @RegisterExtension static final OpenSlbExtension slb = OpenSlbExtension.create();
    static final RawApi raw = slb.raw();

    @Test
    void startsWithAnEmptyServer() {
      endpoints.add(slb.endpoint());
      assertThat(raw.call("CreateLoadBalancer", Map.of()).status()).isEqualTo(200);
      assertThat(raw.call("DescribeLoadBalancers", Map.of()).json().path("TotalCount").asInt()).isEqualTo(1);
    }
  }

  static class FirstSubclass extends SharedBase {}

  static class SecondSubclass extends SharedBase {}
}
