package dev.vpctrain.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.testing.FakeAccount;
import dev.vpctrain.aws.testing.FakeAwsServer;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpctrain plan} on bundles, and {@code vpctrain apply --live} against a loopback fake of EC2 and S3. */
class PlanAndApplyCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] PROPERTIES = {"aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey"};
  private static FakeAwsServer server;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    server = FakeAwsServer.start(FakeAccount.of(SnapshotBundle.parse(
        Examples.file("sg-no-self-ingress", "network.json").orElseThrow(), "sg-no-self-ingress")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void restoreClients() {
    for (String p : PROPERTIES) {
      System.clearProperty(p);
    }
  }

  private Path example(String name, String file) throws Exception {
    Path p = dir.resolve(name + "-" + file);
    Files.writeString(p, Examples.file(name, file).orElseThrow());
    return p;
  }

  @Test
  void planPrintsEachStepWithItsCallAndThePolicyAsADiff() throws Exception {
    Cli r = Cli.run("plan", "--job", example("no-s3-endpoint", "job.json").toString(),
        "--network", example("no-s3-endpoint", "network.json").toString());
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).startsWith("Preflight: NOT_READY")
        .contains("Create an S3 gateway endpoint", "fixes: s3.route.missing", "call: ec2:CreateVpcEndpoint (reversible)",
            "aws ec2 create-vpc-endpoint", "policy change:", "+   \"Statement\": [", "AmazonLinuxAMIRepositoryAccess");
    assertThat(r.err).isEmpty();
  }

  @Test
  void planAsJsonCarriesThePolicyDocuments() throws Exception {
    Cli r = Cli.run("plan", "--job", example("no-s3-endpoint", "job.json").toString(),
        "--network", example("no-s3-endpoint", "network.json").toString(), "--format", "json");
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    JsonNode doc = MAPPER.readTree(r.out);
    assertThat(doc.get("schema").asText()).isEqualTo("vpctrain-plan/1");
    assertThat(doc.get("empty").asBoolean()).isFalse();
    JsonNode first = doc.get("steps").get(0);
    assertThat(first.get("operation").asText()).isEqualTo("ec2:CreateVpcEndpoint");
    assertThat(first.get("fixes").get(0).asText()).isEqualTo("s3.route.missing");
    assertThat(MAPPER.readTree(first.get("policyAfter").asText()).get("Statement").size()).isGreaterThan(2);
  }

  @Test
  void planOfAReadyNetworkIsEmptyAndExitsZero() throws Exception {
    Cli r = Cli.run("plan", "--job", example("ready-private-endpoints", "job.json").toString(),
        "--network", example("ready-private-endpoints", "network.json").toString());
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    assertThat(r.out).contains("Nothing to change");
  }

  @Test
  void whatCannotBeChangedIsAdvice() throws Exception {
    Cli r = Cli.run("plan", "--job", example("dedicated-tenancy", "job.json").toString(),
        "--network", example("dedicated-tenancy", "network.json").toString());
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("Fix vpc.tenancy.dedicated", "advice: ", "tenancy");
  }

  @Test
  void planAndApplyNeedTheirNetwork() throws Exception {
    String job = example("no-s3-endpoint", "job.json").toString();
    assertThat(Cli.run("plan", "--job", job).code).isEqualTo(64);
    assertThat(Cli.run("plan", "--job", job, "--live", "--network", job).code).isEqualTo(64);
    assertThat(Cli.run("plan", "--job", job, "--network", job, "--region", "us-east-1").code).isEqualTo(64);
    Cli noLive = Cli.run("apply", "--job", job);
    assertThat(noLive.code).isEqualTo(64);
    assertThat(noLive.err).contains("--live");
    Cli bundle = Cli.run("apply", "--job", job, "--network", job);
    assertThat(bundle.code).isEqualTo(64);
    assertThat(bundle.err).contains("vpctrain plan --network");
  }

  @Test
  void planAndCheckLiveDiscoverTheNetworkWithTheCommandsClients() throws Exception {
    fakeClients();
    String job = example("sg-no-self-ingress", "job.json").toString();
    Cli plan = Cli.run("plan", "--job", job, "--live", "--region", "us-west-2");
    assertThat(plan.code).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out).contains("fixes: sg.self-ingress.missing, sg.efa.self-traffic", "ec2:AuthorizeSecurityGroupIngress");
    Cli check = Cli.run("check", "--job", job, "--live", "--region", "us-west-2");
    assertThat(check.code).as(check.toString()).isEqualTo(1);
    assertThat(check.out).contains("sg.self-ingress.missing");
    server.wireMock().verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeSecurityGroups&")));
  }

  @Test
  void applyWithoutYesIsADryRunUsingEc2DryRun() throws Exception {
    fakeClients();
    stub("AuthorizeSecurityGroupIngress", 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
    stub("AuthorizeSecurityGroupEgress", 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
    Cli r = Cli.run("apply", "--job", example("sg-no-self-ingress", "job.json").toString(), "--live",
        "--region", "us-west-2");
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("Preflight before: NOT_READY", "Dry run of the plan", "[would succeed]",
        "This was a dry run. Run again with --yes");
    assertThat(r.out).doesNotContain("Preflight after applying");
    server.wireMock().verify(postRequestedFor(urlEqualTo("/"))
        .withRequestBody(containing("Action=AuthorizeSecurityGroupIngress&")).withRequestBody(containing("DryRun=true")));
  }

  @Test
  void applyWithYesStopsAtARefusedCallAndExits69() throws Exception {
    fakeClients();
    stub("AuthorizeSecurityGroupIngress", 403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
    Cli r = Cli.run("apply", "--job", example("sg-no-self-ingress", "job.json").toString(), "--live",
        "--region", "us-west-2", "--yes");
    assertThat(r.code).as(r.toString()).isEqualTo(69);
    assertThat(r.out).contains("[FAILED]", "UnauthorizedOperation", "The run stopped at step 1", "Preflight after applying");
    server.wireMock().verify(0, postRequestedFor(urlEqualTo("/"))
        .withRequestBody(containing("Action=AuthorizeSecurityGroupEgress&")));
  }

  /** Issue 14: apply's verdicts and its report afterwards are coloured on a terminal or with --color, not in a pipe. */
  @Test
  void applyColoursItsVerdictsAndTheReportAfterwards() throws Exception {
    fakeClients();
    stub("AuthorizeSecurityGroupIngress", 403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
    String[] args = {"apply", "--job", example("sg-no-self-ingress", "job.json").toString(), "--live",
        "--region", "us-west-2", "--yes"};

    Cli piped = Cli.run(new Terminal(false, Map.of()), args);
    assertThat(piped.code).as(piped.toString()).isEqualTo(69);
    assertThat(piped.out).contains("Preflight before: NOT_READY\n", "Preflight after applying:\nNOT_READY  job ")
        .doesNotContain("\u001B[");

    Cli terminal = Cli.run(new Terminal(true, Map.of()), args);
    assertThat(terminal.code).as(terminal.toString()).isEqualTo(69);
    assertThat(terminal.out).contains("Preflight before: \u001B[1m\u001B[31mNOT_READY\u001B[0m\n",
        "Preflight after applying:\n\u001B[1m\u001B[31mNOT_READY\u001B[0m  job ");

    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--color";
    assertThat(Cli.run(new Terminal(false, Map.of()), forced).out).contains("Preflight before: \u001B[1m\u001B[31mNOT_READY");
    String[] off = java.util.Arrays.copyOf(args, args.length + 1);
    off[args.length] = "--no-color";
    assertThat(Cli.run(new Terminal(true, Map.of()), off).out).doesNotContain("\u001B[");
  }

  /**
   * The command's own SDK clients talk to the fake the SDK's way ({@code aws.endpointUrl}, static
   * credentials in system properties); the fake serves the example's network and buckets.
   */
  private static void fakeClients() {
    NetworkSnapshot net = SnapshotBundle.parse(Examples.file("sg-no-self-ingress", "network.json").orElseThrow(),
        "sg-no-self-ingress");
    FakeAccount account = FakeAccount.of(net);
    for (BucketFacts b : net.buckets().values()) {
      account = account.withBucket(b.bucket(), b.region().filter(r -> !r.equals("us-east-1")).orElse(null),
          b.policy().orElse(null));
    }
    server.reset(account);
    System.setProperty("aws.endpointUrl", server.baseUrl());
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", "fake-secret-key");
  }

  private static void stub(String action, int status, String code, String message) {
    server.wireMock().stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("Action=" + action + "&"))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8")
            .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error></Errors><RequestID>r-1</RequestID></Response>")));
  }
}
