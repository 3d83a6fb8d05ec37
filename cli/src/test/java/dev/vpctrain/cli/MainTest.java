package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.job.SdkJsonException;
import dev.vpctrain.core.VpcTrainException;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;

class MainTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Path exampleFile(String example, String file) throws Exception {
    return write(example + "-" + file, Examples.file(example, file).orElseThrow());
  }

  private static void assertNoStackTrace(Cli r) {
    assertThat(r.err).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(r.out).doesNotContain("\tat ");
  }

  @Test
  void readyExampleExitsZeroWithATextReport() {
    Cli r = Cli.run("check", "--example", "ready-private-endpoints");
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    assertThat(r.out).startsWith("READY  job llama3-8b-finetune in us-west-2");
  }

  @Test
  void notReadyFilesExitOneAndReportTheRuleAsJson() throws Exception {
    Cli r = Cli.run("check", "--job", exampleFile("dedicated-tenancy", "job.json").toString(),
        "--network", exampleFile("dedicated-tenancy", "network.json").toString(), "--format", "json");
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    JsonNode doc = MAPPER.readTree(r.out);
    assertThat(doc.get("verdict").asText()).isEqualTo("NOT_READY");
    assertThat(doc.get("findings")).anySatisfy(f -> {
      assertThat(f.get("rule").asText()).isEqualTo("vpc.tenancy.dedicated");
      assertThat(f.get("outcome").asText()).isEqualTo("FAIL");
    });
    assertThat(r.err).isEmpty();
  }

  @Test
  void unverifiedExitsTwo() {
    Cli r = Cli.run("check", "--example", "subnets-not-captured", "--format", "json");
    assertThat(r.code).as(r.toString()).isEqualTo(2);
  }

  @Test
  void verboseJsonListsPasses() throws Exception {
    Cli r = Cli.run("check", "--example", "ready-private-endpoints", "--format", "JSON", "--verbose");
    assertThat(MAPPER.readTree(r.out).get("findings")).anySatisfy(f ->
        assertThat(f.get("outcome").asText()).isEqualTo("PASS"));
  }

  @Test
  void sarifPointsAtTheJobFile() throws Exception {
    Path job = exampleFile("vpc-mixed", "job.json");
    Path net = exampleFile("vpc-mixed", "network.json");
    Cli r = Cli.run("check", "--job", job.toString(), "--network", net.toString(), "--format", "sarif");
    assertThat(r.code).isEqualTo(1);
    JsonNode log = MAPPER.readTree(r.out);
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    JsonNode result = null;
    for (JsonNode candidate : log.get("runs").get(0).get("results")) {
      if (candidate.get("ruleId").asText().equals("vpc.mixed")) {
        result = candidate;
      }
    }
    assertThat(result).as("a vpc.mixed result").isNotNull();
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
        .isEqualTo(job.toUri().toString());
    SarifStructure.validate(log);
  }

  @Test
  void failOnWarningTurnsAWarningFailIntoExitOne() {
    PreflightReport warned = PreflightReport.of("j", "us-east-1", List.of(
        finding(Severity.ERROR, Outcome.PASS), finding(Severity.WARNING, Outcome.FAIL)), 2);
    assertThat(CheckCommand.exitCode(warned, FailOnOption.Level.error)).isEqualTo(0);
    assertThat(CheckCommand.exitCode(warned, FailOnOption.Level.warning)).isEqualTo(1);
    PreflightReport unverifiedWarned = PreflightReport.of("j", "us-east-1", List.of(
        finding(Severity.ERROR, Outcome.UNVERIFIED), finding(Severity.WARNING, Outcome.FAIL)), 2);
    assertThat(CheckCommand.exitCode(unverifiedWarned, FailOnOption.Level.error)).isEqualTo(2);
    assertThat(CheckCommand.exitCode(unverifiedWarned, FailOnOption.Level.warning)).isEqualTo(1);
    PreflightReport info = PreflightReport.of("j", "us-east-1", List.of(
        finding(Severity.INFO, Outcome.FAIL), finding(Severity.WARNING, Outcome.UNVERIFIED)), 2);
    assertThat(CheckCommand.exitCode(info, FailOnOption.Level.warning)).isEqualTo(0);
    Cli ready = Cli.run("check", "--example", "ready-private-endpoints", "--fail-on", "warning");
    assertThat(ready.code).as(ready.toString()).isEqualTo(0);
  }

  @Test
  void failOnWarningEndToEndWhereASingleAzWarningExists() throws Exception {
    assertThat(RuleEngine.standard().rule("vpc.subnets.single-az")).isPresent();
    Path job = write("job.json", Examples.file("ready-private-endpoints", "job.json").orElseThrow()
        .replace("\"subnet-0f1e2d3c4b5a61102\"", "\"subnet-0f1e2d3c4b5a61101\""));
    Path net = exampleFile("ready-private-endpoints", "network.json");
    assertThat(Cli.run("check", "--job", job.toString(), "--network", net.toString()).code).isEqualTo(0);
    assertThat(Cli.run("check", "--job", job.toString(), "--network", net.toString(), "--fail-on", "warning").code)
        .isEqualTo(1);
  }

  private static Finding finding(Severity severity, Outcome outcome) {
    return Finding.builder().ruleId("r." + severity + "." + outcome).severity(severity).outcome(outcome)
        .message("m").build();
  }

  @Test
  void malformedJobExits65NamingFileAndPath() throws Exception {
    Path job = write("job.json", Examples.file("ready-private-endpoints", "job.json").orElseThrow()
        .replace("\"InstanceCount\": 2", "\"InstanceCount\": \"two\""));
    Path net = exampleFile("ready-private-endpoints", "network.json");
    Cli r = Cli.run("check", "--job", job.toString(), "--network", net.toString());
    assertThat(r.code).isEqualTo(65);
    assertThat(r.err).contains(job.toString()).contains("ResourceConfig.InstanceCount")
        .contains("expected an integer");
    assertThat(r.out).isEmpty();
    assertNoStackTrace(r);
  }

  @Test
  void unknownMemberInTheJobExits65() throws Exception {
    Path job = write("job.json", "{\"TrainingJobName\": \"a\", \"Subnets\": []}");
    Path net = exampleFile("ready-private-endpoints", "network.json");
    Cli r = Cli.run("check", "--job", job.toString(), "--network", net.toString());
    assertThat(r.code).isEqualTo(65);
    assertThat(r.err).contains("Subnets: unknown member");
    assertNoStackTrace(r);
  }

  @Test
  void malformedBundleExits65NamingFileAndPath() throws Exception {
    Path job = exampleFile("ready-private-endpoints", "job.json");
    Path net = write("net.json", "{\"vpctrainSnapshot\": 1, \"region\": \"us-west-2\", \"ec2\": {\"DescribeSubnets\":"
        + " {\"Subnets\": [{\"SubnetId\": \"subnet-1\", \"VpcId\": \"vpc-1\", \"AvailableIpAddressCount\": true}]}}}");
    Cli r = Cli.run("check", "--job", job.toString(), "--network", net.toString());
    assertThat(r.code).isEqualTo(65);
    assertThat(r.err).contains(net.toString())
        .contains("ec2.DescribeSubnets.Subnets[0].AvailableIpAddressCount: expected an integer");
    assertNoStackTrace(r);
  }

  @Test
  void notJsonExits65WithLineAndColumn() throws Exception {
    Path job = write("job.json", "TrainingJobName: a\n");
    Cli r = Cli.run("check", "--job", job.toString(), "--network", job.toString());
    assertThat(r.code).isEqualTo(65);
    assertThat(r.err).contains("expected well-formed JSON at line 1");
    assertNoStackTrace(r);
  }

  @Test
  void debugPrintsTheStackTrace() throws Exception {
    Path job = write("job.json", "{");
    Cli r = Cli.run("check", "--job", job.toString(), "--network", job.toString(), "--debug");
    assertThat(r.code).isEqualTo(65);
    assertThat(r.err).contains("InvalidInputException").contains("\tat ");
  }

  @Test
  void missingFileExits66() throws Exception {
    Path net = exampleFile("ready-private-endpoints", "network.json");
    Cli r = Cli.run("check", "--job", dir.resolve("absent.json").toString(), "--network", net.toString());
    assertThat(r.code).isEqualTo(66);
    assertThat(r.err).contains("file not found").contains("absent.json");
    assertNoStackTrace(r);
  }

  @Test
  void usageErrorsExit64() {
    assertUsage(Cli.run(), "a command is required");
    assertUsage(Cli.run("check"), "--job FILE is required");
    assertUsage(Cli.run("check", "--job", "j.json"), "--network bundle.json");
    assertUsage(Cli.run("check", "--job", "j.json", "--network", "n.json", "--live"), "exclude each other");
    assertUsage(Cli.run("check", "--example", "ready-private-endpoints", "--job", "j.json"), "--example");
    assertUsage(Cli.run("check", "--example", "no-such-example"), "no bundled example");
    assertUsage(Cli.run("snapshot"), "exactly one of --job job.json or --vpc");
    assertUsage(Cli.run("check", "--job", "j.json", "--network", "n.json", "--region", "eu-west-1"), "--live");
    assertUsage(Cli.run("check", "--example", "ready-private-endpoints", "--format", "xml"), "--format");
    assertUsage(Cli.run("check", "--example", "ready-private-endpoints", "--requires", "STS!"), "--requires");
    assertUsage(Cli.run("check", "--example", "ready-private-endpoints", "--requires-internet", "pypi.org"),
        "--requires-internet");
    assertUsage(Cli.run("check", "--bogus"), "--bogus");
    assertUsage(Cli.run("frobnicate"), "frobnicate");
    assertUsage(Cli.run("rules", "no.such.rule"), "unknown rule id");
  }

  private static void assertUsage(Cli r, String text) {
    assertThat(r.code).as(r.toString()).isEqualTo(64);
    assertThat(r.err).as(r.toString()).contains(text);
    assertNoStackTrace(r);
  }

  @Test
  void requirementsAreAccepted() {
    Cli r = Cli.run("check", "--example", "ready-private-endpoints", "--requires", "sts,logs",
        "--requires-internet", "pypi.org:443", "--block-package-repos", "--format", "json");
    assertThat(r.code).isIn(0, 1, 2);
    assertThat(r.err).isEmpty();
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(Cli.run("--help").code).isEqualTo(0);
    assertThat(Cli.run("check", "--help").out).contains("--fail-on").contains("--example");
    assertThat(Cli.run("--version").out).startsWith("vpctrain");
  }

  @Test
  void versionIsTheReactorsVersionAndTheCommitBuiltFrom() throws Exception {
    String pom = java.nio.file.Files.readString(java.nio.file.Path.of("..", "pom.xml"));
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("<artifactId>vpctrain-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(m.find()).as("the parent pom's version").isTrue();
    String head = gitHead();
    Cli r = Cli.run("--version");
    assertThat(r.code).isEqualTo(0);
    String first = r.out.lines().findFirst().orElseThrow();
    assertThat(first).startsWith("vpctrain " + m.group(1) + " (commit ");
    if (head != null) {
      assertThat(first).as("built from the checkout's HEAD").contains("(commit " + head.substring(0, 12));
    } else {
      assertThat(first).endsWith("(commit unknown)");
    }
    assertThat(r.out).contains("Java " + System.getProperty("java.version"));
  }

  /** The checkout's HEAD, or null outside git. */
  private static String gitHead() throws Exception {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  @Test
  void examplesListsEveryBundledExample() {
    Cli r = Cli.run("examples");
    assertThat(r.code).isEqualTo(0);
    assertThat(r.out.lines()).hasSize(Examples.index().size());
    assertThat(r.out).contains("ready-private-endpoints").contains("dedicated-tenancy").contains("subnet-out-of-ips");
  }

  @Test
  void rulesListsTheCatalogueAndShowsOnePage() {
    Cli list = Cli.run("rules");
    assertThat(list.code).isEqualTo(0);
    assertThat(list.out).contains("vpc.tenancy.dedicated").contains("ERROR").contains("request.id.malformed");
    Cli one = Cli.run("rules", "vpc.mixed");
    assertThat(one.code).isEqualTo(0);
    assertThat(one.out).contains("vpc.mixed");
  }

  @Test
  void everyRuleHasAPageOrAGracefulFallback() throws Exception {
    for (dev.vpctrain.core.rules.Rule rule : RuleEngine.standard().rules()) {
      Cli r = Cli.run("rules", rule.id());
      assertThat(r.code).as(rule.id()).isEqualTo(0);
      assertThat(r.out).contains(rule.id());
      Path page = Path.of("..", "docs", "rules", rule.id() + ".md");
      if (Files.isRegularFile(page)) {
        assertThat(r.out.strip()).as("the bundled page of " + rule.id()).isEqualTo(Files.readString(page).strip());
      } else {
        assertThat(r.out).contains("No documentation page");
      }
    }
  }

  @Test
  void exceptionsMapToTheirExitCodes() {
    assertThat(Failures.exitCode(new UsageException("x"))).isEqualTo(64);
    assertThat(Failures.exitCode(new dev.vpctrain.core.InvalidInputException("f", "p", "e"))).isEqualTo(65);
    assertThat(Failures.exitCode(new java.nio.file.NoSuchFileException("f"))).isEqualTo(66);
    assertThat(Failures.exitCode(SdkClientException.create("no route to host"))).isEqualTo(69);
    assertThat(Failures.exitCode(new IllegalStateException("bug"))).isEqualTo(70);
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Failures.report(new IllegalStateException("bug"), new java.io.PrintWriter(err), false);
    assertThat(code).isEqualTo(70);
    assertThat(err.toString()).contains("internal error").contains("please report").doesNotContain("\tat ");
    java.io.StringWriter aws = new java.io.StringWriter();
    assertThat(Failures.report(SdkClientException.create("Unable to load credentials"),
        new java.io.PrintWriter(aws), false)).isEqualTo(69);
    assertThat(aws.toString()).contains("Unable to load credentials");
  }

  /** Issue 11: the library's exceptions each have their code in the one mapper, not in the commands. */
  @Test
  void theLibrarysExceptionsMapToTheirExitCodes() {
    // apiExtras of a job file that do not fit the API: invalid input (65), not a bug (70) nor a usage error (64)
    SdkJsonException extras = new SdkJsonException("RetryStrategy.MaximumRetryAttempts", "expected an integer");
    assertThat(Failures.exitCode(extras)).isEqualTo(65);
    assertThat(Failures.exitCode(extras.inFile("job.json"))).isEqualTo(65);
    assertThat(extras.inFile("job.json")).hasMessage("job.json: RetryStrategy.MaximumRetryAttempts: expected an integer");
    assertThat(Failures.exitCode(new AwsCallException("sagemaker:CreateTrainingJob", "ValidationException", 400,
        "bad", null, null))).isEqualTo(65);
    assertThat(Failures.exitCode(new AwsCallException("sagemaker:DescribeTrainingJob", "AccessDeniedException", 400,
        "no", null, null))).isEqualTo(69);
    assertThat(Failures.exitCode(new InterruptedException("training job j keeps running."))).isEqualTo(130);
    assertThat(new UsageException("x")).isInstanceOf(VpcTrainException.class);
    java.io.StringWriter err = new java.io.StringWriter();
    assertThat(Failures.report(new InterruptedException("training job j keeps running."),
        new java.io.PrintWriter(err), false)).isEqualTo(130);
    assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    assertThat(err.toString()).isEqualTo("vpctrain: interrupted; training job j keeps running." + System.lineSeparator());
  }
}
