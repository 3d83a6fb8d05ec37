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
import dev.vpctrain.core.network.NetworkSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 acceptance: a WireMock account with an EFS channel, an FSx for Lustre channel and declared
 * targets (EFS REST-JSON, FSx JSON 1.1 and EC2 Query on the wire) — {@code vpctrain snapshot}
 * writes the §2a sections, and {@code check --network} of that bundle reports exactly what
 * {@code check --live} reports.
 */
class InVpcLiveCommandsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] PROPERTIES = {"aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey"};
  private static final String REQUIRES = "features-db=" + Networks.DB_ADDRESS + ":5432," + Networks.SG_DB
      + ":5432,eni-0a1b2c3d4e5f60801:988,sts";

  static final NetworkSnapshot NETWORK = Networks.withInVpcResources(Networks.goldenWithNoise(), Networks.SUBNET_A,
      Networks.SUBNET_B);
  static FakeAwsServer server;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    server = FakeAwsServer.start(Networks.account(NETWORK));
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
    server.reset(Networks.account(NETWORK));
  }

  /** check --live, snapshot, check --network of the snapshot: the two reports are equal; returns the bundle. */
  private JsonNode liveAndOfflineAgree() throws Exception {
    Path job = dir.resolve("job.json");
    JobFile.write(Networks.inVpcJob(Networks.job()).toBuilder().requiredInVpc(java.util.List.of())
        .trainingInputMode("File").volumeSizeInGb(100).maxRuntimeInSeconds(86_400).build(), job);
    Path bundle = dir.resolve("bundle.json");

    Cli live = Cli.run("check", "--job", job.toString(), "--live", "--region", "us-east-1",
        "--requires", REQUIRES, "--format", "json", "--verbose");
    Cli snapshot = Cli.run("snapshot", "--job", job.toString(), "--region", "us-east-1",
        "--requires", REQUIRES, "-o", bundle.toString());
    Cli offline = Cli.run("check", "--job", job.toString(), "--network", bundle.toString(),
        "--requires", REQUIRES, "--format", "json", "--verbose");

    assertThat(snapshot.code).as(snapshot.toString()).isEqualTo(0);
    assertThat(live.code).as(live.toString()).isIn(ExitCodes.READY, ExitCodes.NOT_READY, ExitCodes.UNVERIFIED);
    assertThat(offline.code).as(offline.toString()).isEqualTo(live.code);
    JsonNode liveReport = MAPPER.readTree(live.out);
    assertThat(MAPPER.readTree(offline.out)).isEqualTo(liveReport);
    assertThat(live.err).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(snapshot.err).doesNotContain("\tat ").doesNotContain("Exception:");
    return MAPPER.readTree(Files.readString(bundle));
  }

  @Test
  void aSnapshotWithFileSystemsAndTargetsChecksOfflineExactlyAsLive() throws Exception {
    JsonNode b = liveAndOfflineAgree();

    assertThat(b.at("/efs/DescribeFileSystems/FileSystems/0/FileSystemId").asText()).isEqualTo(Networks.EFS_ID);
    assertThat(b.at("/efs/DescribeFileSystems/FileSystems/0/CreationTime").asText()).isEqualTo("2025-11-29T08:00:00Z");
    assertThat(b.at("/efs/DescribeMountTargets/0/MountTargets")).hasSize(2);
    assertThat(b.at("/efs/DescribeMountTargetSecurityGroups").size()).isEqualTo(2);
    assertThat(b.at("/efs/DescribeMountTargetSecurityGroups/fsmt-0a1b2c3d4e5f60702/SecurityGroups/0").asText())
        .isEqualTo(Networks.SG_EFS);
    assertThat(b.at("/efs/DescribeFileSystemPolicy/" + Networks.EFS_ID + "/Policy").asText())
        .contains("elasticfilesystem:ClientMount");
    assertThat(b.at("/fsx/DescribeFileSystems/FileSystems/0/LustreConfiguration/MountName").asText())
        .isEqualTo("abcdefgh");
    // the database (by address and by group), the Lustre and mount-target interfaces; not the unrelated one
    assertThat(b.at("/ec2/DescribeNetworkInterfaces/NetworkInterfaces")).hasSize(5);
    assertThat(b.at("/captureFilters/ec2:DescribeNetworkInterfaces")).hasSize(3);
    assertThat(b.at("/captureFilters/ec2:DescribeNetworkInterfaces/0/Name").asText())
        .isEqualTo("addresses.private-ip-address");
    Map<String, Long> calls = server.served();
    assertThat(calls).containsKeys("DescribeFileSystems", "DescribeMountTargets", "DescribeMountTargetSecurityGroups",
        "DescribeFileSystemPolicy", "DescribeNetworkInterfaces");
  }

  @Test
  void aDeniedDescribeNetworkInterfacesIsUnknownLiveAndOfflineAlike() throws Exception {
    server.wireMock().stubFor(post(urlEqualTo("/")).atPriority(1)
        .withRequestBody(containing("Action=DescribeNetworkInterfaces&"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml;charset=UTF-8")
            .withBody(Ec2Xml.error("UnauthorizedOperation", "You are not authorized to perform this operation."))));

    JsonNode b = liveAndOfflineAgree();

    assertThat(b.at("/ec2/DescribeNetworkInterfaces").isMissingNode()).isTrue(); // unknown, never "none"
    assertThat(b.at("/efs/DescribeFileSystems/FileSystems")).hasSize(1);
    assertThat(b.get("errors")).anySatisfy(e -> {
      assertThat(e.get("operation").asText()).isEqualTo("ec2:DescribeNetworkInterfaces");
      assertThat(e.get("code").asText()).isEqualTo("UnauthorizedOperation");
    });
  }

  @Test
  void requiresWithAVpcSnapshotIsAUsageError() {
    Cli r = Cli.run("snapshot", "--vpc", Networks.VPC, "--region", "us-east-1", "--requires", "10.20.2.15:5432");

    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("--requires needs --job");
  }
}
