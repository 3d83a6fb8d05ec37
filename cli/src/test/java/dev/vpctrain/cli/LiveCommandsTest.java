package dev.vpctrain.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.aws.testing.Ec2Xml;
import dev.vpctrain.aws.testing.FakeAwsServer;
import dev.vpctrain.aws.testing.Networks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --live} and {@code snapshot} in-process against a WireMock-served account. The CLI
 * builds its own SDK clients; the test points them at loopback the SDK's own way
 * ({@code aws.endpointUrl}) with static credentials in system properties.
 */
class LiveCommandsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] PROPERTIES = {"aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey"};

  static FakeAwsServer server;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    server = FakeAwsServer.start(Networks.account(Networks.goldenWithNoise()));
    System.setProperty("aws.endpointUrl", server.baseUrl());
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", "fake-secret-key");
  }

  @AfterAll
  static void stop() {
    for (String p : PROPERTIES) {
      System.clearProperty(p);
    }
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset(Networks.account(Networks.goldenWithNoise()));
  }

  private Path jobFile() throws Exception {
    Path job = dir.resolve("job.json");
    // a complete CreateTrainingJob request: the job file reader refuses one without its required members
    JobFile.write(Networks.job().toBuilder().trainingInputMode("File").volumeSizeInGb(100).maxRuntimeInSeconds(86_400)
        .build(), job);
    return job;
  }

  private static void deny(String action) {
    server.wireMock().stubFor(post(urlEqualTo("/")).atPriority(1)
        .withRequestBody(containing("Action=" + action + "&"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml;charset=UTF-8")
            .withBody(Ec2Xml.error("UnauthorizedOperation", "You are not authorized to perform this operation."))));
  }

  private static void assertNoStackTrace(Cli r) {
    assertThat(r.err).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  /** Live check, snapshot of the same account, offline check of that snapshot: same report. */
  private JsonNode liveAndOfflineAgree(int expectedCode) throws Exception {
    Path job = jobFile();
    Path bundle = dir.resolve("bundle.json");

    Cli live = Cli.run("check", "--job", job.toString(), "--live", "--region", "us-east-1",
        "--format", "json", "--verbose");
    Cli snapshot = Cli.run("snapshot", "--job", job.toString(), "--region", "us-east-1", "-o", bundle.toString());
    Cli offline = Cli.run("check", "--job", job.toString(), "--network", bundle.toString(),
        "--format", "json", "--verbose");

    assertThat(live.code).as(live.toString()).isEqualTo(expectedCode);
    assertThat(snapshot.code).as(snapshot.toString()).isEqualTo(0);
    assertThat(offline.code).as(offline.toString()).isEqualTo(live.code);
    JsonNode liveReport = MAPPER.readTree(live.out);
    assertThat(MAPPER.readTree(offline.out)).isEqualTo(liveReport);
    assertThat(liveReport.get("findings").size()).isGreaterThan(1);
    assertNoStackTrace(live);
    return MAPPER.readTree(Files.readString(bundle));
  }

  @Test
  void aSnapshotChecksOfflineExactlyAsTheLiveCheckItCameFrom() throws Exception {
    JsonNode bundle = liveAndOfflineAgree(ExitCodes.READY);

    assertThat(bundle.get("vpctrainSnapshot").asInt()).isEqualTo(1);
    assertThat(bundle.get("region").asText()).isEqualTo("us-east-1");
    assertThat(bundle.at("/ec2/DescribeSubnets/Subnets")).hasSize(3);
    assertThat(bundle.at("/s3/acme-ml-data/GetBucketPolicy/Policy").asText()).contains("aws:SourceVpce");
    assertThat(bundle.at("/s3/acme-ml-artifacts/GetBucketPolicy").isNull()).isTrue();
  }

  /** The processing and tuning job files of the scenarios name the golden account's subnets, group and buckets. */
  @Test
  void processingAndTuningJobsAreSnapshottedAndCheckedLiveAndOfflineAlike() throws Exception {
    for (String scenario : List.of("processing-cluster-no-self-ingress", "tuning-definitions")) {
      Path job = Path.of("src", "test", "resources", "scenarios", scenario, "job.json");
      Path bundle = dir.resolve(scenario + "-bundle.json");
      Cli live = Cli.run("check", "--job", job.toString(), "--live", "--region", "us-east-1", "--format", "json", "--verbose");
      Cli snapshot = Cli.run("snapshot", "--job", job.toString(), "--region", "us-east-1", "-o", bundle.toString());
      Cli offline = Cli.run("check", "--job", job.toString(), "--network", bundle.toString(), "--format", "json", "--verbose");

      assertThat(snapshot.code).as(snapshot.toString()).isEqualTo(0);
      assertThat(offline.code).as(offline.toString()).isEqualTo(live.code);
      JsonNode report = MAPPER.readTree(live.out);
      assertThat(MAPPER.readTree(offline.out)).as(scenario).isEqualTo(report);
      assertThat(report.get("kind").asText()).isEqualTo(scenario.startsWith("tuning") ? "tuning" : "processing");
      assertNoStackTrace(live);
      if (scenario.startsWith("tuning")) {
        // the second definition runs in the public subnet: its findings name it, on the live network as offline
        assertThat(report.get("findings")).anySatisfy(f -> {
          assertThat(f.path("definition").asText()).isEqualTo("g5-single");
          assertThat(f.get("resources").toString()).contains(Networks.SUBNET_PUBLIC);
        });
      }
    }
  }

  @Test
  void aDeniedCallIsUnverifiedLiveAndOfflineAlike() throws Exception {
    deny("DescribeVpcs");

    JsonNode bundle = liveAndOfflineAgree(ExitCodes.UNVERIFIED);

    assertThat(bundle.at("/ec2/DescribeVpcs").isMissingNode()).isTrue();
    assertThat(bundle.get("errors")).anySatisfy(e -> {
      assertThat(e.get("operation").asText()).isEqualTo("ec2:DescribeVpcs");
      assertThat(e.get("code").asText()).isEqualTo("UnauthorizedOperation");
    });
  }

  @Test
  void snapshotOfAVpcGoesToStdout() throws Exception {
    Cli r = Cli.run("snapshot", "--vpc", Networks.VPC, "--region", "us-east-1");

    assertThat(r.code).as(r.toString()).isEqualTo(0);
    JsonNode bundle = MAPPER.readTree(r.out);
    assertThat(bundle.at("/ec2/DescribeVpcs/Vpcs/0/VpcId").asText()).isEqualTo(Networks.VPC);
    assertThat(bundle.at("/ec2/DescribeRouteTables/RouteTables")).hasSize(3);
    assertThat(bundle.at("/s3").size()).isZero();
    assertThat(r.err).isEmpty();
  }

  @Test
  void snapshotTakesTheEndpointUrlOption() throws Exception {
    System.clearProperty("aws.endpointUrl");
    try {
      Cli r = Cli.run("snapshot", "--job", jobFile().toString(), "--region", "us-east-1",
          "--endpoint-url", server.baseUrl());

      assertThat(r.code).as(r.toString()).isEqualTo(0);
      JsonNode bundle = MAPPER.readTree(r.out);
      assertThat(bundle.at("/ec2/DescribeSubnets/Subnets")).hasSize(3);
      assertThat(bundle.at("/s3/acme-ml-data/GetBucketLocation").isObject()).isTrue();
      assertThat(bundle.get("errors")).isEmpty();
    } finally {
      System.setProperty("aws.endpointUrl", server.baseUrl());
    }
  }

  @Test
  void snapshotWarnsAboutFailedCallsAndStillWritesTheBundle() throws Exception {
    deny("DescribeNetworkAcls");
    Path bundle = dir.resolve("b.json");

    Cli r = Cli.run("snapshot", "--job", jobFile().toString(), "--region", "us-east-1", "-o", bundle.toString());

    assertThat(r.code).as(r.toString()).isEqualTo(0);
    assertThat(r.err).contains("wrote " + bundle, "3 subnets", "1 failed calls",
        "warning: ec2:DescribeNetworkAcls failed (UnauthorizedOperation)", "IAM permission ec2:DescribeNetworkAcls");
    assertThat(MAPPER.readTree(Files.readString(bundle)).at("/ec2/DescribeNetworkAcls").isMissingNode()).isTrue();
  }

  @Test
  void whenTheJobsNetworkCannotBeDescribedAtAllTheExitCodeIs69() throws Exception {
    deny("DescribeSubnets");
    deny("DescribeSecurityGroups");
    Path job = jobFile();

    Cli check = Cli.run("check", "--job", job.toString(), "--live", "--region", "us-east-1");
    Cli snapshot = Cli.run("snapshot", "--job", job.toString(), "--region", "us-east-1");

    for (Cli r : new Cli[] {check, snapshot}) {
      assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.AWS_UNAVAILABLE);
      assertThat(r.err).contains("ec2:DescribeSubnets failed (UnauthorizedOperation",
          "ec2:DescribeSecurityGroups failed (UnauthorizedOperation");
      assertNoStackTrace(r);
      assertThat(r.out).isEmpty();
    }
  }

  @Test
  void anUnknownProfileIsReportedAsAwsUnavailable() throws Exception {
    Cli r = Cli.run("check", "--job", jobFile().toString(), "--live", "--region", "us-east-1",
        "--profile", "vpctrain-no-such-profile");

    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.AWS_UNAVAILABLE);
    assertThat(r.err).contains("vpctrain-no-such-profile");
    assertNoStackTrace(r);
  }

  @Test
  void snapshotUsageErrors() throws Exception {
    assertThat(Cli.run("snapshot", "--region", "us-east-1").code).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("snapshot", "--job", jobFile().toString(), "--vpc", Networks.VPC).code)
        .isEqualTo(ExitCodes.USAGE);
    Cli bad = Cli.run("snapshot", "--vpc", "vpc-XYZ", "--region", "us-east-1");
    assertThat(bad.code).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err).contains("--vpc: expected a VPC id");
    assertThat(Cli.run("snapshot", "--job", dir.resolve("missing.json").toString()).code)
        .isEqualTo(ExitCodes.FILE_NOT_FOUND);
  }

  @Test
  void simulateCrossChecksTheRoleWithIamsSimulatorAndAddsItToTheJsonReport() throws Exception {
    Cli r = Cli.run("check", "--job", jobFile().toString(), "--live", "--simulate", "--region", "us-east-1",
        "--format", "json");

    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.READY);
    JsonNode simulation = MAPPER.readTree(r.out).get("simulation");
    assertThat(simulation.get("requests").asInt()).isGreaterThan(0);
    assertThat(simulation.get("agreed").asInt()).isEqualTo(simulation.get("requests").asInt());
    assertThat(simulation.get("disagreements")).isEmpty();
    assertThat(server.served()).containsKey("SimulatePrincipalPolicy");
    assertNoStackTrace(r);
    Cli text = Cli.run("check", "--job", jobFile().toString(), "--live", "--simulate", "--region", "us-east-1");
    assertThat(text.out).contains("Simulation (iam:SimulatePrincipalPolicy): ");
  }

  @Test
  void simulateWithoutLiveIsAUsageError() throws Exception {
    Cli r = Cli.run("check", "--job", jobFile().toString(), "--network", "bundle.json", "--simulate");
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("--simulate").contains("--live");
  }
}
