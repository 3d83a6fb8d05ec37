package dev.vpctrain.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.VirtualClock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@FakeAwsTest(scenario = "no-s3-endpoint")
class FakeAwsTestAnnotationTest {
  private FakeAws seenBefore;

  @BeforeEach
  void setUp(FakeAws aws) {
    seenBefore = aws;
  }

  @Test
  void theClassScenarioIsLoadedAndTheWorldIsTheOneOfThisTest(FakeAws aws, Scenario scenario) {
    assertThat(aws).isSameAs(seenBefore);
    assertThat(scenario).isSameAs(Scenarios.privateVpcWithoutS3Endpoint());
    assertThat(aws.snapshot()).isEqualTo(Scenarios.privateVpcWithoutS3Endpoint().network());
    assertThat(aws.clock().instant()).isEqualTo(VirtualClock.DEFAULT_START);
  }

  @Test
  void eachTestGetsAFreshWorld(FakeAws aws) {
    aws.network(n -> n.subnet(Scenarios.PRIVATE_SUBNET_A, s -> s.availableIps(1)));
    assertThat(aws.snapshot().subnet(Scenarios.PRIVATE_SUBNET_A).orElseThrow().availableIpAddressCount()).contains(1);
  }

  @Test
  void eachTestGetsAFreshWorldToo(FakeAws aws) {
    assertThat(aws.snapshot().subnet(Scenarios.PRIVATE_SUBNET_A).orElseThrow().availableIpAddressCount()).contains(240);
  }

  // tag::annotation[]
  @Test
  @FakeAwsTest(scenario = "ready-private-endpoints", stepOnDescribe = false, startingAt = "2030-01-01T00:00:00Z")
  void aMethodAnnotationOverridesTheClassOne(FakeAws aws) {
    assertThat(aws.scenario()).contains(Scenarios.readyPrivateEndpoints());
    assertThat(aws.clock().instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
  }
  // end::annotation[]

  @Test
  @FakeAwsTest(scenario = "efs-file-system")
  void anInVpcWorldLoadsByNameWithItsFileSystemClients(FakeAws aws, Scenario scenario) {
    assertThat(scenario).isSameAs(Scenarios.efsFileSystem());
    assertThat(aws.efsClient().describeFileSystems(r -> r.fileSystemId(Scenarios.EFS_FILE_SYSTEM)).fileSystems())
        .singleElement().satisfies(f -> assertThat(f.numberOfMountTargets()).isEqualTo(2));
    assertThat(aws.calls("efs")).hasSize(1);
  }
}
