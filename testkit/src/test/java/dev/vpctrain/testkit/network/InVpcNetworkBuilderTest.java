package dev.vpctrain.testkit.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InVpcNetworkBuilderTest {
  private static final Path IN_VPC_BUNDLE = Path.of("..", "aws-impl", "src", "test", "resources", "bundles",
      "in-vpc-resources.json");

  static Stream<Scenario> inVpc() {
    return Scenarios.inVpc().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inVpc")
  void everyInVpcWorldBuildsBackExactlyAndSurvivesItsBundle(Scenario s) {
    NetworkSnapshot n = s.network();

    assertThat(NetworkBuilder.from(n).build()).isEqualTo(n);
    assertThat(SnapshotBundle.parse(SnapshotBundle.write(n), s.name())).isEqualTo(n);
    assertThat(n.has(Section.NETWORK_INTERFACES) || s.name().equals("efs-no-mount-target")).isTrue();
    assertThat(n.isNetworkInterfaceListComplete(Scenarios.VPC) || s.name().equals("efs-no-mount-target")).isTrue();
  }

  @Test
  void aLoadedBundleWithPartialInVpcSectionsIsKeptAsItIs() throws Exception {
    NetworkSnapshot bundle = SnapshotBundle.read(IN_VPC_BUNDLE);

    NetworkSnapshot rebuilt = NetworkBuilder.from(bundle).build();
    NetworkSnapshot edited = NetworkBuilder.from(bundle).subnet(Scenarios.PRIVATE_SUBNET_A, x -> x.availableIps(9)).build();

    assertThat(rebuilt).isEqualTo(bundle);
    assertThat(edited.networkInterfaces()).isEqualTo(bundle.networkInterfaces());
    assertThat(edited.efsMountTargetSecurityGroups()).isEqualTo(bundle.efsMountTargetSecurityGroups());
    assertThat(edited.efsFileSystemPolicies()).isEqualTo(bundle.efsFileSystemPolicies());
    assertThat(edited.captureFilters()).isEqualTo(bundle.captureFilters());
    assertThat(edited.fsxFileSystems()).isEqualTo(bundle.fsxFileSystems());
  }

  @Test
  void aNewMountTargetBringsItsInterfaceAsEfsCreatesIt() {
    NetworkSnapshot n = Scenarios.efsFileSystem().network();

    EfsMountTarget a = n.efsMountTargetsOf(Scenarios.EFS_FILE_SYSTEM).orElseThrow().get(0);
    NetworkInterface eni = n.networkInterface(a.networkInterfaceId().orElseThrow()).orElseThrow();

    assertThat(n.efsFileSystem(Scenarios.EFS_FILE_SYSTEM).orElseThrow().numberOfMountTargets()).contains(2);
    assertThat(a.availabilityZoneName()).contains("us-east-1a");
    assertThat(n.efsMountTargetGroups(a)).contains(List.of(Scenarios.EFS_GROUP));
    assertThat(eni.interfaceType()).contains("efs");
    assertThat(eni.requesterManaged()).contains(true);
    assertThat(eni.privateIpAddresses()).containsExactly("10.20.1.50");
    assertThat(eni.groupIds()).containsExactly(Scenarios.EFS_GROUP);
    assertThat(eni.description()).contains("EFS mount target for fs-0a1b2c3d4e5f60801 (fsmt-0a1b2c3d4e5f60811)");
    assertThat(n.efsFileSystemPolicy(Scenarios.EFS_FILE_SYSTEM).policyState())
        .isEqualTo(dev.vpctrain.core.network.PolicyState.NONE);
  }

  // tag::break[]
  @Test
  void removingAMountTargetTakesItsInterfaceAndTheCountAlong() {
    FakeAws aws = FakeAws.create().load(Scenarios.efsFileSystem());

    aws.network(n -> n.efsFileSystem(Scenarios.EFS_FILE_SYSTEM, fs -> fs.removeMountTarget(Scenarios.EFS_MOUNT_TARGET_B)));

    NetworkSnapshot now = aws.snapshot();
    assertThat(now.efsMountTargetsOf(Scenarios.EFS_FILE_SYSTEM).orElseThrow())
        .extracting(EfsMountTarget::mountTargetId).containsExactly(Scenarios.EFS_MOUNT_TARGET_A);
    assertThat(now.efsFileSystem(Scenarios.EFS_FILE_SYSTEM).orElseThrow().numberOfMountTargets()).contains(1);
    assertThat(now.networkInterface("eni-0a1b2c3d4e5f60812")).isEmpty();
  }
  // end::break[]

  @Test
  void mountTargetGroupsFallBackToTheInterfaceWhenNotCapturedAndNewSectionsStayUnknown() {
    NetworkSnapshot n = NetworkBuilder.from(Scenarios.efsFileSystem().network())
        .forget(Section.EFS_MOUNT_TARGET_SECURITY_GROUPS).build();
    NetworkSnapshot plain = Scenarios.readyPrivateEndpoints().network();

    assertThat(n.efsMountTargetSecurityGroups()).isEmpty();
    assertThat(n.efsMountTargetGroups(n.efsMountTargets().orElseThrow().get(0))).contains(List.of(Scenarios.EFS_GROUP));
    assertThat(plain.has(Section.NETWORK_INTERFACES)).isFalse();
    assertThat(plain.has(Section.EFS_FILE_SYSTEMS)).isFalse();
    assertThat(plain.has(Section.FSX_FILE_SYSTEMS)).isFalse();
  }

  @Test
  void referencesAreChecked() {
    NetworkBuilder b = NetworkBuilder.from(Scenarios.readyPrivateEndpoints().network());

    assertThatThrownBy(() -> NetworkBuilder.from(Scenarios.readyPrivateEndpoints().network())
        .networkInterface("eni-0a1b2c3d4e5f60a09", e -> e.subnet("subnet-0123456789abcdef0")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subnet-0123456789abcdef0");
    assertThatThrownBy(() -> b.efsFileSystem("fs-0a1b2c3d4e5f60803", f -> f.mountTarget("fsmt-0a1b2c3d4e5f60813", m -> { }))
        .build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs its subnet");
    assertThatThrownBy(() -> NetworkBuilder.from(Scenarios.readyPrivateEndpoints().network())
        .fsxLustre("fs-0a1b2c3d4e5f60903", f -> { }).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs its subnet");
    assertThatThrownBy(() -> NetworkBuilder.from(Scenarios.readyPrivateEndpoints().network())
        .networkInterface("eni-0a1b2c3d4e5f60a09", e -> e.address("10.20.1.999")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IPv4 address");
  }
}
