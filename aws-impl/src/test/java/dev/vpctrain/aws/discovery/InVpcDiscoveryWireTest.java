package dev.vpctrain.aws.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vpctrain.aws.discovery.GoldenAccount.NOW;
import static dev.vpctrain.aws.discovery.GoldenAccount.filter;
import static dev.vpctrain.aws.discovery.GoldenAccount.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.aws.testing.Networks;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Discovery of the resources inside the VPC (formats.md §2a) against hand-written fixtures of the
 * exact wire protocols: EFS REST-JSON ({@code GET /2015-02-01/…}, errors named by
 * {@code x-amzn-ErrorType}), FSx JSON 1.1 ({@code X-Amz-Target: AWSSimbaAPIService_v20180301.…},
 * errors named by {@code __type}) and EC2 Query {@code DescribeNetworkInterfaces} (XML).
 */
class InVpcDiscoveryWireTest {
  static final String EFS = "fs-0123456789abcdef0";
  static final String FSX = "fs-0fedcba9876543210";
  static final String MT_A = "fsmt-0a1b2c3d4e5f60701";
  static final String MT_B = "fsmt-0a1b2c3d4e5f60702";
  static final String DB_ADDRESS = "10.20.2.15";
  static final String CACHE_SG = "sg-0a1b2c3d4e5f60902";
  static final String FSX_TARGET = "AWSSimbaAPIService_v20180301.DescribeFileSystems";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

  @BeforeEach
  void reset() {
    GoldenAccount.stub(wm);
  }

  static TrainingJobSpec job() {
    return Networks.job().toBuilder()
        .addInputChannel(InputChannel.builder().name("efs").fileSystemId(EFS).fileSystemType("EFS")
            .directoryPath("/train").fileSystemAccessMode("ro").build())
        .addInputChannel(InputChannel.builder().name("lustre").fileSystemId(FSX).fileSystemType("FSxLustre")
            .directoryPath("/abcdefgh/train").fileSystemAccessMode("ro").build())
        .requiresInVpc(VpcTarget.parse("features-db=" + DB_ADDRESS + ":5432"), VpcTarget.sg(CACHE_SG, 6379))
        .build();
  }

  private static ResponseDefinitionBuilder efsJson(int status, String fixture) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-RequestId", "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0").withBody(fixture("efs/" + fixture));
  }

  private static ResponseDefinitionBuilder efsError(int status, String code) {
    return efsJson(status, code + ".json").withHeader("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazon.elasticfilesystem/");
  }

  private static void efs(String url, ResponseDefinitionBuilder response) {
    wm.stubFor(get(urlEqualTo(url)).willReturn(response));
  }

  private static void ec2(String body, String fixture) {
    wm.stubFor(post(urlEqualTo("/")).withRequestBody(equalTo(body))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
            .withBody(fixture("ec2/" + fixture))));
  }

  /** Every call of the job's file systems and targets answered; the EFS policy is the default one. */
  private static void stubInVpcAccount() {
    efs("/2015-02-01/file-systems?FileSystemId=" + EFS, efsJson(200, "DescribeFileSystems-" + EFS + ".json"));
    efs("/2015-02-01/mount-targets?FileSystemId=" + EFS, efsJson(200, "DescribeMountTargets-" + EFS + ".json"));
    efs("/2015-02-01/file-systems/" + EFS + "/policy", efsError(404, "PolicyNotFound"));
    efs("/2015-02-01/mount-targets/" + MT_A + "/security-groups",
        efsJson(200, "DescribeMountTargetSecurityGroups-" + MT_A + ".json"));
    wm.stubFor(get(urlEqualTo("/2015-02-01/mount-targets/" + MT_B + "/security-groups"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"SecurityGroups\":[\"sg-0a1b2c3d4e5f60602\",\"sg-0a1b2c3d4e5f60603\"]}")));
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(FSX_TARGET))
        .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
        .withRequestBody(equalToJson("{\"FileSystemIds\":[\"" + FSX + "\"]}"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(fixture("fsx/DescribeFileSystems-" + FSX + ".json"))));
    ec2(filter("DescribeNetworkInterfaces", "addresses.private-ip-address", DB_ADDRESS),
        "DescribeNetworkInterfaces-address.xml");
    ec2(filter("DescribeNetworkInterfaces", "group-id", CACHE_SG), "DescribeNetworkInterfaces-group.xml");
    ec2(filter("DescribeNetworkInterfaces", "network-interface-id", "eni-0a1b2c3d4e5f60801",
        "eni-0a1b2c3d4e5f60802", "eni-0a1b2c3d4e5f60701", "eni-0a1b2c3d4e5f60702"),
        "DescribeNetworkInterfaces-ids.xml");
  }

  private static NetworkSnapshot discover(TrainingJobSpec job, boolean withFileSystemClients) {
    try (Ec2Client ec2 = AwsTestClients.ec2(wm.baseUrl()); S3Client s3 = AwsTestClients.s3(wm.baseUrl());
        EfsClient efs = AwsTestClients.efs(wm.baseUrl()); FSxClient fsx = AwsTestClients.fsx(wm.baseUrl())) {
      LiveNetworkDiscovery.Builder b = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC));
      if (withFileSystemClients) {
        b.efs(efs).fsx(fsx);
      }
      return b.build().snapshotFor(job);
    }
  }

  @Test
  void readsTheFileSystemsMountTargetsPoliciesAndInterfacesFromTheirWireProtocols() {
    stubInVpcAccount();

    NetworkSnapshot s = discover(job(), true);

    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    assertThat(s.errors()).isEmpty();
    assertThat(s.efsFileSystem(EFS)).hasValueSatisfying(f -> {
      assertThat(f.lifeCycleState()).hasValue("available");
      assertThat(f.numberOfMountTargets()).hasValue(2);
      assertThat(f.creationTime()).hasValue(Instant.ofEpochSecond(1_764_403_200L)); // epoch seconds on the wire
    });
    assertThat(s.efsMountTargetsOf(EFS)).hasValueSatisfying(l -> assertThat(l)
        .extracting(EfsMountTarget::mountTargetId, m -> m.subnetId().orElseThrow(), m -> m.ipAddress().orElseThrow())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(MT_A, Networks.SUBNET_A, "10.20.1.50"),
            org.assertj.core.groups.Tuple.tuple(MT_B, Networks.SUBNET_B, "10.20.2.50")));
    assertThat(s.efsMountTargetSecurityGroups()).isEqualTo(Map.of(MT_A, List.of("sg-0a1b2c3d4e5f60601"),
        MT_B, List.of("sg-0a1b2c3d4e5f60602", "sg-0a1b2c3d4e5f60603")));
    assertThat(s.efsFileSystemPolicy(EFS).policyState()).isEqualTo(PolicyState.NONE); // PolicyNotFound
    FsxFileSystem lustre = s.fsxFileSystem(FSX).orElseThrow();
    assertThat(lustre.lustreDeploymentType()).hasValue("PERSISTENT_2");
    assertThat(lustre.mountName()).hasValue("abcdefgh");
    assertThat(lustre.efaEnabled()).hasValue(false);
    assertThat(s.fsxSecurityGroups(lustre)).hasValue(List.of("sg-0a1b2c3d4e5f60801"));
    assertThat(s.networkInterfacesHolding(DB_ADDRESS)).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-0a1b2c3d4e5f60901");
    assertThat(s.networkInterface("eni-0a1b2c3d4e5f60902").orElseThrow().groupIds()).containsExactly(CACHE_SG);
    assertThat(s.networkInterface("eni-0a1b2c3d4e5f60701").orElseThrow().interfaceType()).hasValue("efs");
    assertThat(s.networkInterfaces().orElseThrow()).hasSize(6);
    assertThat(s.captureFiltersOf(Section.NETWORK_INTERFACES)).containsExactly(
        CaptureFilter.of("addresses.private-ip-address", List.of(DB_ADDRESS)),
        CaptureFilter.of("group-id", List.of(CACHE_SG)),
        CaptureFilter.of("network-interface-id", List.of("eni-0a1b2c3d4e5f60801", "eni-0a1b2c3d4e5f60802",
            "eni-0a1b2c3d4e5f60701", "eni-0a1b2c3d4e5f60702")));
    assertThat(s.isNetworkInterfaceListComplete(Networks.VPC)).isFalse(); // a filtered capture
    // the golden calls, 3 DescribeNetworkInterfaces and 1 FSx call; 5 EFS and 4 S3 GETs
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(15 + 3 + 1);
    assertThat(wm.findAll(getRequestedFor(urlMatching("/2015-02-01/.*")))).hasSize(5);
    // the bundle vpctrain snapshot writes holds the same (ISO 8601 timestamps)
    String bundle = SnapshotBundle.write(s);
    assertThat(bundle).contains("\"CreationTime\": \"2025-11-29T08:00:00Z\"");
    assertThat(SnapshotBundle.parse(bundle, "bundle.json")).isEqualTo(s);
  }

  @Test
  void aDeniedOrThrottledCallIsRecordedForItsResourceAndLeavesOnlyThatUnknown() {
    stubInVpcAccount();
    wm.stubFor(get(urlEqualTo("/2015-02-01/mount-targets/" + MT_B + "/security-groups")).atPriority(1)
        .willReturn(efsError(403, "AccessDeniedException")));
    efs("/2015-02-01/file-systems/" + EFS + "/policy", efsJson(200, "DescribeFileSystems-" + EFS + ".json")
        .withBody("{\"FileSystemId\":\"" + EFS + "\",\"Policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\"}"));
    wm.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", equalTo(FSX_TARGET))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(fixture("fsx/ThrottlingException.json"))));
    // FSx failed, so round two asks only for the mount targets' interfaces
    ec2(filter("DescribeNetworkInterfaces", "network-interface-id", "eni-0a1b2c3d4e5f60701", "eni-0a1b2c3d4e5f60702"),
        "DescribeNetworkInterfaces-ids.xml");

    NetworkSnapshot s = discover(job(), true);

    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    assertThat(s.errors()).extracting(CaptureError::operation, CaptureError::resource, CaptureError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("elasticfilesystem:DescribeMountTargetSecurityGroups", MT_B,
                "AccessDeniedException"),
            org.assertj.core.groups.Tuple.tuple("fsx:DescribeFileSystems", FSX, "ThrottlingException"));
    assertThat(s.errors().get(0).message()).contains("elasticfilesystem:DescribeMountTargetSecurityGroups on " + MT_B);
    assertThat(s.errors().get(1).message()).contains("after 3 attempts");
    assertThat(s.fsxFileSystems()).isEmpty(); // unknown, never "none"
    assertThat(s.efsMountTargetSecurityGroups()).containsOnlyKeys(MT_A);
    EfsMountTarget b = s.efsMountTargetsOf(EFS).orElseThrow().get(1);
    assertThat(s.efsMountTargetGroups(b)).hasValue(List.of("sg-0a1b2c3d4e5f60602")); // from its interface
    assertThat(s.efsFileSystemPolicy(EFS).policyState()).isEqualTo(PolicyState.PRESENT);
    assertThat(SnapshotBundle.parse(SnapshotBundle.write(s), "bundle.json")).isEqualTo(s);
  }

  @Test
  void withoutEfsAndFsxClientsThoseSectionsStayUnknownAndTheTargetsAreStillLookedUp() {
    stubInVpcAccount();
    ec2(filter("DescribeNetworkInterfaces", "network-interface-id", "eni-0a1b2c3d4e5f60999"),
        "DescribeNetworkInterfaces-ids.xml");
    TrainingJobSpec job = job().toBuilder().requiresInVpc(VpcTarget.eni("eni-0a1b2c3d4e5f60999", 8080)).build();

    NetworkSnapshot s = discover(job, false);

    assertThat(s.errors()).isEmpty();
    assertThat(s.efsFileSystems()).isEmpty();
    assertThat(s.efsMountTargets()).isEmpty();
    assertThat(s.fsxFileSystems()).isEmpty();
    assertThat(s.efsFileSystemPolicy(EFS).policyState()).isEqualTo(PolicyState.UNKNOWN);
    assertThat(wm.findAll(getRequestedFor(urlMatching("/2015-02-01/.*")))).isEmpty();
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(FSX_TARGET))))
        .isEmpty();
    assertThat(s.captureFiltersOf(Section.NETWORK_INTERFACES)).extracting(CaptureFilter::name)
        .containsExactly("addresses.private-ip-address", "group-id", "network-interface-id");
    assertThat(s.networkInterfacesHolding(DB_ADDRESS)).hasSize(1);
  }

  @Test
  void followsTheMountTargetPagesByMarker() {
    stubInVpcAccount();
    wm.stubFor(get(urlPathEqualTo("/2015-02-01/mount-targets")).atPriority(1)
        .withQueryParam("FileSystemId", equalTo(EFS)).withQueryParam("Marker", absent())
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(fixture("efs/DescribeMountTargets-page1.json"))));
    wm.stubFor(get(urlPathEqualTo("/2015-02-01/mount-targets")).atPriority(1)
        .withQueryParam("FileSystemId", equalTo(EFS)).withQueryParam("Marker", equalTo("bW91bnQtdGFyZ2V0cy0y"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(fixture("efs/DescribeMountTargets-page2.json"))));

    NetworkSnapshot s = discover(job(), true);

    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    assertThat(s.errors()).isEmpty();
    assertThat(s.efsMountTargetsOf(EFS).orElseThrow()).extracting(EfsMountTarget::mountTargetId)
        .containsExactly(MT_A, MT_B);
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2015-02-01/mount-targets")))).hasSize(2);
  }

  @Test
  void aFileSystemThatDoesNotExistIsAbsentFromACompleteAnswerNotAFailure() {
    String missing = "fs-0aaaaaaaaaaaaaaaa";
    efs("/2015-02-01/file-systems?FileSystemId=" + missing, efsError(404, "FileSystemNotFound")
        .withBody("{\"ErrorCode\":\"FileSystemNotFound\",\"Message\":\"File system '" + missing + "' does not exist.\"}"));
    efs("/2015-02-01/mount-targets?FileSystemId=" + missing, efsError(404, "FileSystemNotFound")
        .withBody("{\"ErrorCode\":\"FileSystemNotFound\",\"Message\":\"File system '" + missing + "' does not exist.\"}"));
    efs("/2015-02-01/file-systems/" + missing + "/policy", efsError(404, "FileSystemNotFound")
        .withBody("{\"ErrorCode\":\"FileSystemNotFound\",\"Message\":\"File system '" + missing + "' does not exist.\"}"));
    TrainingJobSpec job = Networks.job().toBuilder().addInputChannel(InputChannel.builder().name("efs")
        .fileSystemId(missing).fileSystemType("EFS").directoryPath("/").fileSystemAccessMode("ro").build()).build();

    NetworkSnapshot s = discover(job, true);

    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    assertThat(s.errors()).isEmpty();
    assertThat(s.efsFileSystems()).hasValue(List.of());
    assertThat(s.efsFileSystem(missing)).isEmpty();
    assertThat(s.efsFileSystemPolicy(missing).policyState()).isEqualTo(PolicyState.UNKNOWN);
    assertThat(s.networkInterfaces()).isEmpty(); // no mount target, no target: no DescribeNetworkInterfaces
  }
}
