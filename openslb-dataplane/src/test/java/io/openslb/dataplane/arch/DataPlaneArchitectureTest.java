package io.openslb.dataplane.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data plane's floors, from the bottom: {@code sync} (reads the store) → {@code config} (plain
 * typed specs and their compiler) → {@code schedule}, {@code health}, {@code acl}, {@code
 * transport} (live parts) → {@code runtime} (pools and runtimes) → {@code listener} → {@code
 * proxy.*} → the root package (wiring). A package may use the floors below it, never one above,
 * and no two packages use each other.
 */
class DataPlaneArchitectureTest {
  private static final String ROOT = "io.openslb.dataplane";
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  private static String[] packages(String... names) {
    return Stream.of(names).map(n -> n.isEmpty() ? ROOT : ROOT + "." + n + "..").toArray(String[]::new);
  }

  @Test
  void noTwoPackagesUseEachOther() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void syncReadsOnlyTheStoreAndTheModel() {
    noClasses().that().resideInAPackage(ROOT + ".sync..")
        .should().dependOnClassesThat().resideInAnyPackage(
            packages("config", "schedule", "health", "acl", "transport", "runtime", "listener", "proxy"))
        .check(classes);
  }

  @Test
  void plainConfigurationUsesNoLiveState() {
    noClasses().that().resideInAPackage(ROOT + ".config..")
        .should().dependOnClassesThat().resideInAnyPackage(
            packages("schedule", "health", "acl", "transport", "runtime", "listener", "proxy"))
        .orShould().dependOnClassesThat().resideInAPackage("io.netty..")
        .check(classes);
  }

  @Test
  void livePartsKnowNothingOfRuntimesListenersOrProxies() {
    noClasses().that().resideInAnyPackage(packages("schedule", "health", "acl", "transport"))
        .should().dependOnClassesThat().resideInAnyPackage(packages("runtime", "listener", "proxy"))
        .check(classes);
  }

  @Test
  void runtimesKnowNothingOfListenersOrProxies() {
    noClasses().that().resideInAPackage(ROOT + ".runtime..")
        .should().dependOnClassesThat().resideInAnyPackage(packages("listener", "proxy"))
        .check(classes);
  }

  @Test
  void listenersKnowNoProxy() {
    noClasses().that().resideInAPackage(ROOT + ".listener..")
        .should().dependOnClassesThat().resideInAnyPackage(packages("proxy"))
        .check(classes);
  }

  @Test
  void onlyTheRootPackageWiresThingsTogether() {
    noClasses().that().resideOutsideOfPackage(ROOT)
        .should().dependOnClassesThat().resideInAPackage(ROOT)
        .check(classes);
  }

  /**
   * The API's vocabulary stays at the edge: no {@code "on"}/{@code "off"} switch is compared and
   * no store key is spelled in the data plane's sources (StoreLayout owns the keys).
   */
  @Test
  void noApiSwitchWordsOrStoreKeysInTheSources() throws IOException {
    Pattern forbidden = Pattern.compile("\"(on|off)\"|\"/(accounts|regions|vips|accesskeys)/|\"(loadbalancers|listeners|"
        + "vservergroups|masterslavegroups|acls|servercertificates|cacertificates|tlspolicies|rules|domainextensions)\"");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (forbidden.matcher(lines.get(i)).find()) {
            found.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
