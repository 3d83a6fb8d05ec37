package dev.vpctrain.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.vpctrain.core.VpcTrainException;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture rules of the brief, over the main classes of every module on this classpath. */
class ArchitectureTest {
  private static JavaClasses classes;

  private static final DescribedPredicate<JavaMethodCall> BUILDS_A_CLIENT = new DescribedPredicate<>(
      "a static builder() or create() of an AWS SDK service client") {
    @Override
    public boolean test(JavaMethodCall call) {
      String name = call.getTarget().getName();
      String owner = call.getTarget().getOwner().getName();
      return (name.equals("builder") || name.equals("create"))
          && owner.startsWith("software.amazon.awssdk.services.") && owner.endsWith("Client");
    }
  };

  @BeforeAll
  static void importClasses() throws IOException {
    // only the roots that hold dev/vpctrain (each module's classes): scanning every SDK jar is slow
    List<URL> roots = Collections.list(ArchitectureTest.class.getClassLoader().getResources("dev/vpctrain"));
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")) // aws-impl's wire fakes (test-jar)
        .importUrls(roots);
    assertThat(classes.contain("dev.vpctrain.core.rules.RuleEngine")).isTrue();
    assertThat(classes.contain("dev.vpctrain.aws.job.JobFile")).isTrue();
    assertThat(classes.contain("dev.vpctrain.cli.Main")).isTrue();
  }

  @Test
  void theClientRuleRecognisesAClientBuilderCall() {
    JavaClasses sample = new ClassFileImporter().importClasses(BuildsAClient.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses()
        .should().callMethodWhere(BUILDS_A_CLIENT).check(sample)).isInstanceOf(AssertionError.class);
  }

  /** A class that builds a client, to show the rule catches one. */
  static final class BuildsAClient {
    Object client() {
      return software.amazon.awssdk.services.sts.StsClient.builder();
    }
  }

  /**
   * The exceptions that may stay outside the root: each is internal to its module and never escapes
   * a public method (the testkit's fake-AWS error becomes the SDK's own exception in the client proxy;
   * a remediation step's failure becomes a failed step result).
   */
  static final List<String> INTERNAL_EXCEPTIONS = List.of("dev.vpctrain.testkit.internal.sdk.AwsError",
      "dev.vpctrain.aws.remediation.StepFailure");

  // by reflection: the import resolves no JDK class, so java.lang.Throwable is not in the imported hierarchy
  static final ArchRule EXCEPTIONS_EXTEND_THE_ROOT = classes().that(DescribedPredicate.describe(
          "are Throwables", (JavaClass c) -> Throwable.class.isAssignableFrom(c.reflect())))
      .and().resideInAPackage("dev.vpctrain..")
      .and(DescribedPredicate.describe("are not documented internal exceptions",
          (JavaClass c) -> !INTERNAL_EXCEPTIONS.contains(c.getName())))
      .should().beAssignableTo(VpcTrainException.class)
      .because("vpctrain has one exception root (VpcTrainException, with its documented subtypes), so that "
          + "callers catch one type and the CLI maps each subtype to one exit code (docs/architecture.md, Errors)");

  @Test
  void everyExceptionExtendsTheRoot() {
    EXCEPTIONS_EXTEND_THE_ROOT.check(classes);
  }

  @Test
  void theExceptionRuleCatchesARogueException() {
    JavaClasses sample = new ClassFileImporter().importClasses(RogueException.class, UsageException.class);
    assertThatThrownBy(() -> EXCEPTIONS_EXTEND_THE_ROOT.check(sample)).isInstanceOf(AssertionError.class)
        .hasMessageContaining(RogueException.class.getName()).hasMessageNotContaining("<" + UsageException.class.getName() + ">");
    assertThat(INTERNAL_EXCEPTIONS).allSatisfy(name -> assertThat(classes.contain(name)).as(name).isTrue());
  }

  /** An exception outside the root, to show the rule catches one. */
  static final class RogueException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void coreKnowsNoAwsSdkType() {
    ArchRule rule = noClasses().that().resideInAPackage("dev.vpctrain.core..")
        .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
        .because("core is the pure domain: users and the testkit build on it without the AWS SDK "
            + "(product.md, 'Nothing in core knows AWS SDK types')");
    rule.check(classes);
  }

  @Test
  void theAnalysesDoNotDependOnTheRules() {
    ArchRule rule = noClasses().that().resideInAnyPackage("dev.vpctrain.core.internal.reach..", "dev.vpctrain.core.internal.policy..",
            "dev.vpctrain.core.internal.logic..", "dev.vpctrain.core.network..", "dev.vpctrain.core.job..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vpctrain.core.rules..",
            "dev.vpctrain.core.internal.rules..")
        .because("reach and policy evaluate what they are given; the rules use them, never the reverse "
            + "(internal.rules.ReachContext ties the shared analyses to a preflight)");
    rule.check(classes);
  }

  /** Reading or writing files, or talking to the network: what core never does. */
  private static final DescribedPredicate<JavaClass> FILE_OR_NETWORK_IO =
      resideInAnyPackage("java.nio.file..", "java.net..")
          .or(resideInAPackage("java.io").and(simpleNameStartingWith("File").or(simpleName("RandomAccessFile"))))
          .as("file or network I/O (java.io files, java.nio.file, java.net)");

  @Test
  void coreDoesNoIo() {
    ArchRule rule = noClasses().that().resideInAPackage("dev.vpctrain.core..")
        .should().dependOnClassesThat(FILE_OR_NETWORK_IO)
        .because("core is the pure domain: it is handed the job and the snapshot as data and returns reports as "
            + "data or text; aws-impl and the cli read and write files and call AWS");
    rule.check(classes);
  }

  @Test
  void theIoRuleRecognisesFileAccess() {
    JavaClasses sample = new ClassFileImporter().importClasses(ReadsAFile.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses()
        .should().dependOnClassesThat(FILE_OR_NETWORK_IO).check(sample)).isInstanceOf(AssertionError.class);
  }

  /** A class that reads a file, to show the rule catches one. */
  static final class ReadsAFile {
    Object read() throws IOException {
      return java.nio.file.Files.readString(java.nio.file.Path.of("x"));
    }
  }

  @Test
  void coreDependsOnlyOnTheJdkSlf4jJacksonAndImmutables() {
    ArchRule rule = noClasses().that().resideInAPackage("dev.vpctrain.core..")
        .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.annotation..", "org.slf4j..",
            "com.fasterxml.jackson..", "org.immutables..", "dev.vpctrain.core..")
        .because("core depends on the JDK, SLF4J and Jackson (policy documents are read and reports written "
            + "with it) and Immutables annotations; nothing else, so users and the testkit build on it without "
            + "the AWS SDK");
    rule.check(classes);
  }

  @Test
  void onlyTheCliBuildsAwsSdkClients() {
    ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.vpctrain.cli..")
        .should().callMethodWhere(BUILDS_A_CLIENT)
        .because("users bring their own SDK clients (region, credentials, HTTP client and retries are theirs); "
            + "the library creates clients only in the CLI (product.md principles)");
    rule.check(classes);
  }

  @Test
  void onlyTheCliWritesToStandardStreams() {
    ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.vpctrain.cli..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .because("library code logs through SLF4J and never prints; only the cli writes stdout and stderr");
    rule.check(classes);
  }

  @Test
  void rulesArePlain() {
    ArchRule rule = classes().that().resideInAnyPackage("dev.vpctrain.core.rules..", "dev.vpctrain.core.internal.rules..")
        .and().implement("dev.vpctrain.core.rules.Rule").and().doNotHaveModifier(JavaModifier.ABSTRACT)
        .and().areNotAnonymousClasses()
        .should().haveModifier(JavaModifier.FINAL).andShould().haveOnlyFinalFields()
        .because("rules are shared across threads and evaluations: a final class without mutable instance state "
            + "(docs/architecture.md, 'rules are plain')");
    rule.check(classes);
  }
}
