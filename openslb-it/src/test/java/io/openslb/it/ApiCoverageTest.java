package io.openslb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.AcsRequest;
import io.openslb.controlplane.ControlPlane;
import io.openslb.controlplane.service.DataPlaneView;
import io.openslb.controlplane.service.Quotas;
import io.openslb.controlplane.service.Regions;
import io.openslb.controlplane.service.VipPool;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Writes {@code docs/api-coverage.md}: for each action of aliyun-java-sdk-slb 3.3.17 (its {@code
 * *Request} classes are the ground truth), whether {@link ControlPlane#actions} registers it,
 * which test sources of this module use its Request class, and the known differences from the
 * cloud kept by hand in {@code docs/api-differences.properties}. Fails only for an action that is
 * implemented but used by no test; actions not implemented yet are listed as missing.
 */
class ApiCoverageTest {
  private static final String SDK_PACKAGE = "com/aliyuncs/slb/model/v20140515/";

  /** The groups of shared/api/ACTIONS.md's index, in its order (classification only: the SDK decides what exists). */
  private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    group("Region / Zone / Resources", "DescribeRegions", "DescribeZones", "DescribeAvailableResource");
    group("LoadBalancer (instance)", "CreateLoadBalancer", "DeleteLoadBalancer", "DescribeLoadBalancers",
        "DescribeLoadBalancerAttribute", "SetLoadBalancerName", "SetLoadBalancerStatus",
        "SetLoadBalancerDeleteProtection", "SetLoadBalancerModificationProtection", "ModifyLoadBalancerInstanceSpec",
        "ModifyLoadBalancerInternetSpec", "ModifyLoadBalancerPayType", "ModifyLoadBalancerInstanceChargeType");
    group("Listener - common", "StartLoadBalancerListener", "StopLoadBalancerListener", "DeleteLoadBalancerListener",
        "DescribeLoadBalancerListeners");
    for (String p : List.of("TCP", "UDP", "HTTP", "HTTPS")) {
      group("Listener - " + p, "CreateLoadBalancer" + p + "Listener", "SetLoadBalancer" + p + "ListenerAttribute",
          "DescribeLoadBalancer" + p + "ListenerAttribute");
    }
    group("BackendServer (default server group)", "AddBackendServers", "RemoveBackendServers", "SetBackendServers",
        "DescribeHealthStatus");
    group("VServerGroup", "CreateVServerGroup", "DeleteVServerGroup", "DescribeVServerGroups",
        "DescribeVServerGroupAttribute", "SetVServerGroupAttribute", "AddVServerGroupBackendServers",
        "RemoveVServerGroupBackendServers", "ModifyVServerGroupBackendServers");
    group("MasterSlaveServerGroup", "CreateMasterSlaveServerGroup", "DeleteMasterSlaveServerGroup",
        "DescribeMasterSlaveServerGroups", "DescribeMasterSlaveServerGroupAttribute");
    group("Forwarding Rules (L7)", "CreateRules", "DeleteRules", "SetRule", "DescribeRules", "DescribeRuleAttribute");
    group("DomainExtension (HTTPS SNI)", "CreateDomainExtension", "DeleteDomainExtension",
        "SetDomainExtensionAttribute", "DescribeDomainExtensions", "DescribeDomainExtensionAttribute");
    group("AccessControlList (ACL)", "CreateAccessControlList", "DeleteAccessControlList",
        "SetAccessControlListAttribute", "AddAccessControlListEntry", "RemoveAccessControlListEntry",
        "DescribeAccessControlLists", "DescribeAccessControlListAttribute");
    group("Listener whitelist (legacy access control)", "AddListenerWhiteListItem", "RemoveListenerWhiteListItem",
        "SetListenerAccessControlStatus", "DescribeListenerAccessControlAttribute");
    group("Certificates (server / CA)", "UploadServerCertificate", "DeleteServerCertificate",
        "SetServerCertificateName", "DescribeServerCertificates", "UploadCACertificate", "DeleteCACertificate",
        "SetCACertificateName", "DescribeCACertificates");
    group("TLS cipher policy", "CreateTLSCipherPolicy", "DeleteTLSCipherPolicy", "SetTLSCipherPolicyAttribute",
        "ListTLSCipherPolicies");
    group("Tags", "AddTags", "RemoveTags", "DescribeTags", "TagResources", "UntagResources", "ListTagResources");
  }

  private static void group(String name, String... actions) {
    GROUPS.put(name, List.of(actions));
  }

  @Test
  void writeTheCoverageMatrixAndRequireATestForEveryImplementedAction() throws Exception {
    Path module = Path.of("").toAbsolutePath();
    Path root = module.getParent();
    SortedSet<String> sdk = sdkActions();
    assertThat(sdk).as("actions of aliyun-java-sdk-slb 3.3.17").hasSize(86);
    Set<String> grouped = new TreeSet<>();
    GROUPS.values().forEach(grouped::addAll);
    assertThat(grouped).as("the group table names exactly the SDK's actions").isEqualTo(sdk);

    Set<String> registered = ControlPlane.actions(
        new ControlPlane.Settings(new InetSocketAddress("127.0.0.1", 0), Regions.defaults(), Quotas.defaults(),
            VipPool.parse("127.1.0.0/16"), Duration.ofMinutes(15)),
        DataPlaneView.NONE).all().keySet();
    Map<String, SortedSet<String>> tests = testsByAction(module.resolve("src/test/java"), sdk);
    Properties notes = notes(root.resolve("docs/api-differences.properties"));

    List<String> untested = new ArrayList<>();
    for (String action : sdk) {
      if (registered.contains(action) && tests.get(action).isEmpty()) {
        untested.add(action);
      }
    }
    String markdown = markdown(sdk, registered, tests, notes);
    Path out = root.resolve("docs/api-coverage.md");
    Files.createDirectories(out.getParent());
    if (!Files.exists(out) || !Files.readString(out).equals(markdown)) {
      Files.writeString(out, markdown);
    }
    assertThat(untested).as("implemented actions that no test in openslb-it uses (see docs/api-coverage.md)").isEmpty();
  }

  /** Action names of the SDK jar's Request classes, as each request sends them. */
  private static SortedSet<String> sdkActions() throws Exception {
    Path jar = Path.of(com.aliyuncs.slb.Endpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    SortedSet<String> out = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.startsWith(SDK_PACKAGE) && name.endsWith("Request.class") && name.indexOf('$') < 0) {
          String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
          AcsRequest<?> request = (AcsRequest<?>) Class.forName(className).getDeclaredConstructor().newInstance();
          String simple = className.substring(className.lastIndexOf('.') + 1);
          assertThat(request.getSysActionName() + "Request").as(className).isEqualTo(simple);
          out.add(request.getSysActionName());
        }
      }
    }
    return out;
  }

  /** For each action, the simple names of the test sources that mention its Request class. */
  private static Map<String, SortedSet<String>> testsByAction(Path sources, Set<String> actions) throws IOException {
    Map<String, SortedSet<String>> out = new TreeMap<>();
    Map<String, Pattern> patterns = new TreeMap<>();
    for (String a : actions) {
      out.put(a, new TreeSet<>());
      patterns.put(a, Pattern.compile("\\b" + a + "Request\\b"));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString().replace(".java", "");
      if (name.equals(ApiCoverageTest.class.getSimpleName())) {
        continue;
      }
      String text = Files.readString(f);
      patterns.forEach((action, pattern) -> {
        if (pattern.matcher(text).find()) {
          out.get(action).add(name);
        }
      });
    }
    return out;
  }

  private static Properties notes(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }

  private static String markdown(
      SortedSet<String> sdk, Set<String> registered, Map<String, SortedSet<String>> tests, Properties notes) {
    long implemented = sdk.stream().filter(registered::contains).count();
    long tested = sdk.stream().filter(a -> registered.contains(a) && !tests.get(a).isEmpty()).count();
    StringBuilder md = new StringBuilder();
    md.append("# API coverage: aliyun-java-sdk-slb 3.3.17\n\n");
    md.append("Generated by `openslb-it/src/test/java/io/openslb/it/ApiCoverageTest.java` from the code on every test run;\n");
    md.append("do not edit by hand. Known differences come from `docs/api-differences.properties`.\n\n");
    md.append("- **Actions**: the ").append(sdk.size())
        .append(" `*Request` classes of `com.aliyuncs.slb.model.v20140515` in the SDK jar.\n");
    md.append("- **Implemented**: registered by `ControlPlane.actions(...)`.\n");
    md.append("- **Tested by**: the sources of `openslb-it/src/test/java` that use the action's Request class.\n\n");
    md.append("Implemented: ").append(implemented).append(" of ").append(sdk.size()).append("; tested: ").append(tested)
        .append("; missing: ").append(sdk.size() - implemented).append(".\n\n");
    md.append("| Group | Action | Implemented | Tested by | Known differences from the cloud |\n");
    md.append("|---|---|---|---|---|\n");
    GROUPS.forEach((group, actions) -> {
      for (String a : actions) {
        boolean impl = registered.contains(a);
        String testedBy = tests.get(a).isEmpty() ? (impl ? "**none**" : "-") : String.join(", ", tests.get(a));
        md.append("| ").append(group).append(" | ").append(a).append(" | ").append(impl ? "yes" : "missing")
            .append(" | ").append(testedBy).append(" | ").append(cell(notes.getProperty(a, ""))).append(" |\n");
      }
    });
    Set<String> extra = new TreeSet<>(registered);
    extra.removeAll(sdk);
    if (!extra.isEmpty()) {
      md.append("\nRegistered but not in the SDK: ").append(String.join(", ", extra)).append(".\n");
    }
    String general = notes.getProperty("_general", "");
    if (!general.isEmpty()) {
      md.append("\nGeneral differences: ").append(general).append("\n");
    }
    return md.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ").strip();
  }
}
