package dev.vpctrain.aws.discovery;

import static dev.vpctrain.aws.testing.Snapshots.assertSameSnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.aws.testing.FakeAwsServer;
import dev.vpctrain.aws.testing.Networks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/** Discovery against a fake account served over the real EC2 and S3 wire protocols. */
class LiveNetworkDiscoveryTest {
  static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

  static FakeAwsServer server;
  static Ec2Client ec2;
  static S3Client s3;

  @BeforeAll
  static void start() {
    server = FakeAwsServer.start(Networks.account(Networks.goldenWithNoise()));
    ec2 = AwsTestClients.ec2(server.baseUrl());
    s3 = AwsTestClients.s3(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    ec2.close();
    s3.close();
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset(Networks.account(Networks.goldenWithNoise()));
  }

  static LiveNetworkDiscovery discovery() {
    return LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  @Test
  void discoversTheJobsVpcAndBucketsAndLeavesOtherVpcsOut() {
    NetworkSnapshot snapshot = discovery().snapshotFor(Networks.job());

    assertSameSnapshot(snapshot, Networks.golden().withCapturedAt(NOW));
  }

  @Test
  void sequentialExecutorGivesTheSameSnapshot() {
    NetworkSnapshot snapshot = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).executor(Runnable::run).build()
        .snapshotFor(Networks.job());

    assertSameSnapshot(snapshot, Networks.golden().withCapturedAt(NOW));
  }

  @Test
  void regionDefaultsToTheClientsAndCanBeSet() {
    assertThat(discovery().region()).isEqualTo("us-east-1");
    assertThat(LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).region("eu-west-1").build().region())
        .isEqualTo("eu-west-1");
  }

  @Test
  void describesAVpcByIdWithoutAJob() {
    NetworkSnapshot snapshot = discovery().snapshotOfVpc(Networks.VPC);

    NetworkSnapshot expected = Networks.golden().withCapturedAt(NOW).withBuckets(Map.of());
    assertSameSnapshot(snapshot, expected);
    Map<String, Integer> calls = server.calls(false);
    assertThat(calls).containsEntry("DescribeSubnets", 1).containsEntry("DescribeSecurityGroups", 1)
        .doesNotContainKeys("GetBucketLocation", "GetBucketPolicy");
  }

  @Test
  void followsNextTokenThroughEveryPage() {
    NetworkSnapshot large = Networks.large(1000);
    server.reset(Networks.account(large).withPageSize(100));

    NetworkSnapshot snapshot = discovery().snapshotFor(Networks.largeJob());

    assertSameSnapshot(snapshot, large.withCapturedAt(NOW));
    Map<String, Integer> all = server.calls(false);
    Map<String, Integer> first = server.calls(true);
    assertThat(all.get("DescribeSubnets") - first.get("DescribeSubnets")).as("extra subnet pages").isEqualTo(9);
    assertThat(all.get("DescribeRouteTables") - first.get("DescribeRouteTables")).as("extra route table pages")
        .isEqualTo(0);
  }

  @Test
  void issuesTheSameCallsForTenAndForAThousandSubnets() {
    server.reset(Networks.account(Networks.large(10)));
    discovery().snapshotFor(Networks.largeJob());
    Map<String, Integer> small = server.calls(true);

    server.reset(Networks.account(Networks.large(1000)));
    NetworkSnapshot snapshot = discovery().snapshotFor(Networks.largeJob());
    Map<String, Integer> large = server.calls(true);

    assertThat(snapshot.subnets().orElseThrow()).hasSize(1000);
    assertThat(large).isEqualTo(small).isEqualTo(Map.ofEntries(
        Map.entry("DescribeSubnets", 2), Map.entry("DescribeSecurityGroups", 2), Map.entry("DescribeVpcs", 1),
        Map.entry("DescribeVpcAttribute", 2), Map.entry("DescribeDhcpOptions", 1),
        Map.entry("DescribeRouteTables", 1), Map.entry("DescribeVpcEndpoints", 1),
        Map.entry("DescribeNatGateways", 1), Map.entry("DescribeInternetGateways", 1),
        Map.entry("DescribeNetworkAcls", 1), Map.entry("DescribePrefixLists", 1),
        Map.entry("GetBucketLocation", 2), Map.entry("GetBucketPolicy", 2)));
  }

  @Test
  void aJobWithFileSystemsAndTargetsAddsOnlyTheCallsAboutThem() {
    NetworkSnapshot world = Networks.withInVpcResources(Networks.goldenWithNoise(), Networks.SUBNET_A,
        Networks.SUBNET_B);
    server.reset(Networks.account(world));
    NetworkSnapshot snapshot;
    try (var efs = AwsTestClients.efs(server.baseUrl()); var fsx = AwsTestClients.fsx(server.baseUrl())) {
      snapshot = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).efs(efs).fsx(fsx)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().snapshotFor(Networks.inVpcJob(Networks.job()));
    }

    assertThat(snapshot.errors()).isEmpty();
    assertThat(snapshot.efsFileSystems()).isEqualTo(world.efsFileSystems());
    assertThat(snapshot.efsMountTargets()).isEqualTo(world.efsMountTargets());
    assertThat(snapshot.fsxFileSystems()).isEqualTo(world.fsxFileSystems());
    assertThat(snapshot.efsFileSystemPolicies()).isEqualTo(world.efsFileSystemPolicies());
    // fsmt-…702 has no groups of its own in the world: the fake answers with its interface's, as EFS would
    assertThat(snapshot.efsMountTargetSecurityGroups()).containsOnlyKeys("fsmt-0a1b2c3d4e5f60701",
        "fsmt-0a1b2c3d4e5f60702");
    assertThat(snapshot.networkInterfaces().orElseThrow()).extracting(n -> n.networkInterfaceId())
        .containsExactlyInAnyOrder("eni-0a1b2c3d4e5f60901", "eni-0a1b2c3d4e5f60801", "eni-0a1b2c3d4e5f60802",
            "eni-0a1b2c3d4e5f60701", "eni-0a1b2c3d4e5f60702");
    Map<String, Integer> calls = server.calls(true);
    assertThat(calls).containsEntry("DescribeNetworkInterfaces", 3) // by address, by group, by id
        .containsEntry("DescribeFileSystems", 2) // EFS and FSx, one file system each
        .containsEntry("DescribeMountTargets", 1).containsEntry("DescribeMountTargetSecurityGroups", 2)
        .containsEntry("DescribeFileSystemPolicy", 1).containsEntry("DescribeSubnets", 2);
    assertThat(calls.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(18 + 9);
  }

  @Test
  void aJobWithoutFileSystemsOrTargetsMakesNoneOfThoseCalls() {
    server.reset(Networks.account(Networks.withInVpcResources(Networks.goldenWithNoise(), Networks.SUBNET_A,
        Networks.SUBNET_B)));
    try (var efs = AwsTestClients.efs(server.baseUrl()); var fsx = AwsTestClients.fsx(server.baseUrl())) {
      NetworkSnapshot snapshot = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).efs(efs).fsx(fsx).build()
          .snapshotFor(Networks.job());
      assertThat(snapshot.networkInterfaces()).isEmpty();
      assertThat(snapshot.captureFilters()).isEmpty();
    }
    assertThat(server.calls(true)).doesNotContainKeys("DescribeNetworkInterfaces", "DescribeFileSystems",
        "DescribeMountTargets", "DescribeMountTargetSecurityGroups", "DescribeFileSystemPolicy");
  }

  @Test
  void mapsLocationConstraintsAndMissingPolicies() {
    server.reset(Networks.account(Networks.golden())
        .withBucket(Networks.DATA_BUCKET, "EU", Networks.DATA_POLICY)
        .withBucket(Networks.OUTPUT_BUCKET, "eu-central-1", null));

    NetworkSnapshot snapshot = discovery().snapshotFor(Networks.job());

    assertThat(snapshot.buckets()).containsOnly(
        Map.entry(Networks.DATA_BUCKET, BucketFacts.builder().bucket(Networks.DATA_BUCKET).region("eu-west-1")
            .policy(Networks.DATA_POLICY).build()),
        Map.entry(Networks.OUTPUT_BUCKET, BucketFacts.builder().bucket(Networks.OUTPUT_BUCKET)
            .region("eu-central-1").policyState(PolicyState.NONE).build()));
    assertThat(snapshot.errors()).isEmpty();
  }

  @Test
  void aMissingBucketIsRecordedAndLeftUnknown() {
    server.reset(Networks.account(Networks.golden()).withBucket(Networks.OUTPUT_BUCKET, null, null)
        .withBucket(Networks.DATA_BUCKET, null, null));
    TrainingJobSpec job = Networks.job().toBuilder().outputPath("s3://acme-ml-gone/out/").build();

    NetworkSnapshot snapshot = discovery().snapshotFor(job);

    assertThat(snapshot.buckets()).containsOnlyKeys(Networks.DATA_BUCKET);
    assertThat(snapshot.errors()).extracting(e -> e.operation() + " " + e.resource() + " " + e.code())
        .containsExactly("s3:GetBucketLocation acme-ml-gone NoSuchBucket", "s3:GetBucketPolicy acme-ml-gone NoSuchBucket");
  }

  @Test
  void jobSubnetsAndGroupsThatDoNotExistAreCapturedAsNone() {
    TrainingJobSpec job = Networks.job().toBuilder()
        .vpc(v -> v.subnets("subnet-0000000000000dead").securityGroups("sg-0000000000000dead")).build();

    NetworkSnapshot snapshot = discovery().snapshotFor(job);

    assertThat(snapshot.subnets()).contains(List.of());
    assertThat(snapshot.securityGroups()).contains(List.of());
    assertThat(snapshot.vpcs()).isEmpty();
    assertThat(snapshot.routeTables()).isEmpty();
    assertThat(snapshot.errors()).isEmpty();
    assertThat(server.calls(false)).doesNotContainKeys("DescribeVpcs", "DescribeRouteTables");
  }

  @Test
  void aJobSpanningTwoVpcsDescribesBoth() {
    TrainingJobSpec job = Networks.job().toBuilder()
        .vpc(v -> v.subnets(Networks.SUBNET_A, "subnet-0fedcba987654321f").securityGroups(Networks.SG_TRAINING))
        .build();

    NetworkSnapshot snapshot = discovery().snapshotFor(job);

    assertThat(snapshot.vpcs().orElseThrow()).extracting(v -> v.vpcId())
        .containsExactly(Networks.VPC, "vpc-0fedcba987654321f");
    assertThat(snapshot.vpcs().orElseThrow().get(1).enableDnsSupport()).contains(false);
    assertThat(snapshot.dhcpOptions().orElseThrow()).extracting(d -> d.dhcpOptionsId())
        .containsExactly("dopt-0a1b2c3d4e5f60001", "dopt-0fedcba987654321f");
    assertThat(snapshot.subnets().orElseThrow()).hasSize(4);
    assertThat(snapshot.has(Section.VPC_ATTRIBUTES)).isTrue();
    assertThat(server.calls(false)).containsEntry("DescribeVpcAttribute", 4).containsEntry("DescribeVpcs", 1);
  }

  @Test
  void aJobOutsideAVpcNeedsOnlyItsBuckets() {
    TrainingJobSpec job = TrainingJobSpec.builder().name("no-vpc").outputPath("s3://acme-ml-artifacts/x/").build();

    NetworkSnapshot snapshot = discovery().snapshotFor(job);

    assertThat(server.calls(false)).containsOnlyKeys("GetBucketLocation", "GetBucketPolicy");
    assertThat(snapshot.buckets()).containsOnlyKeys(Networks.OUTPUT_BUCKET);
    assertThat(snapshot.subnets()).isEmpty();
  }

  @Test
  void missingClientsAreProgrammingErrors() {
    assertThatThrownBy(() -> LiveNetworkDiscovery.builder().s3(s3).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("Ec2Client");
    assertThatThrownBy(() -> LiveNetworkDiscovery.builder().ec2(ec2).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("S3Client");
  }
}
