package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line around a running server: account create, generated root credentials, SIGTERM. */
class AccountCliIT {
  @TempDir Path dir;

  private static String run(ProcessBuilder pb) throws Exception {
    Process p = pb.redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    return out;
  }

  @Test
  void accountCreateWorksWhileTheServerRunsAndTheNewKeyIsUsableAtOnce() throws Exception {
    try (ServerProcess server = new ServerProcess(dir).start()) {
      String out = run(ServerProcess.command("account", "create", "tenant-a", "--data-dir", dir.toString()));
      JsonNode created = new ObjectMapper().readTree(out);
      assertThat(created.path("AccountId").asText()).matches("[0-9]{16}");
      assertThat(created.path("AccessKeyId").asText()).startsWith("LTAI");
      assertThat(created.path("AccessKeySecret").asText()).hasSizeGreaterThanOrEqualTo(20);

      Sdk tenant = new Sdk(server.endpoint(), created.path("AccessKeyId").asText(), created.path("AccessKeySecret").asText());
      CreateLoadBalancerRequest create = new CreateLoadBalancerRequest();
      create.setLoadBalancerName("tenant-lb");
      String id = tenant.call(create).getLoadBalancerId();
      assertThat(server.sdk().call(new DescribeLoadBalancersRequest()).getLoadBalancers())
          .extracting(DescribeLoadBalancersResponse.LoadBalancer::getLoadBalancerId).doesNotContain(id);

      assertThat(server.terminate()).as("clean exit on SIGTERM").isIn(0, 143);
      assertThat(Files.readString(server.log())).contains("OpenSLB stopped");
    }
  }

  @Test
  void withoutEnvironmentCredentialsTheRootKeyIsGeneratedAndWrittenWithMode600() throws Exception {
    ProcessBuilder pb = ServerProcess.command("server", "--api-listen", "127.0.0.1:" + ServerProcess.freePort(),
        "--admin-listen", "127.0.0.1:" + ServerProcess.freePort(), "--data-dir", dir.toString());
    pb.environment().remove("OPENSLB_ACCESS_KEY_ID");
    pb.environment().remove("OPENSLB_ACCESS_KEY_SECRET");
    Path log = dir.resolve("gen.log");
    Files.createDirectories(dir);
    Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Path creds = dir.resolve("root-credentials.json");
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> Files.exists(creds)
          && Files.size(creds) > 0 && Files.readString(log).contains("OpenSLB started"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds))).isEqualTo("rw-------");
      JsonNode json = new ObjectMapper().readTree(Files.readString(creds));
      assertThat(Files.readString(log)).contains(json.path("AccessKeySecret").asText());
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
