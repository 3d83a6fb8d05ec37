package dev.vpctrain.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's resources-inside-the-VPC sections (formats.md §2a): network interfaces and their
 * capture filters, EFS file systems, mount targets, their security groups and policies, FSx file
 * systems; unknown stays unknown, and failed calls drop what they concern.
 */
class InVpcResourcesTest {
  private static final String VPC = "vpc-1";
  private static final String FS = "fs-1";
  private static final String FS_NONE = "fs-2";

  private static NetworkInterface eni(String id, String address, String... groups) {
    return NetworkInterface.builder().networkInterfaceId(id).subnetId("subnet-1").vpcId(VPC)
        .privateIpAddresses(List.of(address)).groupIds(List.of(groups)).build();
  }

  private static EfsMountTarget mountTarget(String id, String fileSystem, String eni) {
    return EfsMountTarget.builder().mountTargetId(id).fileSystemId(fileSystem).subnetId("subnet-1")
        .lifeCycleState("available").ipAddress("10.0.1.20").networkInterfaceId(eni).build();
  }

  private static NetworkSnapshot snapshot() {
    return NetworkSnapshot.builder().region("us-east-1")
        .networkInterfaces(List.of(eni("eni-1", "10.0.1.20", "sg-efs"),
            NetworkInterface.builder().from(eni("eni-2", "10.0.1.30", "sg-fsx", "sg-fsx2"))
                .addAllIpv4Prefixes(List.of(Cidr.parse("10.0.1.64/28"))).build()))
        .efsFileSystems(List.of(
            EfsFileSystem.builder().fileSystemId(FS).lifeCycleState("available").numberOfMountTargets(1).build(),
            EfsFileSystem.builder().fileSystemId(FS_NONE).lifeCycleState("available").numberOfMountTargets(0).build(),
            EfsFileSystem.builder().fileSystemId("fs-3").numberOfMountTargets(2).build()))
        .efsMountTargets(List.of(mountTarget("fsmt-1", FS, "eni-1")))
        .putEfsMountTargetSecurityGroup("fsmt-1", List.of("sg-from-efs"))
        .putEfsFileSystemPolicy(FS, EfsFileSystemPolicy.builder().fileSystemId(FS).policy("{}").build())
        .putEfsFileSystemPolicy(FS_NONE, EfsFileSystemPolicy.builder().fileSystemId(FS_NONE)
            .policyState(PolicyState.NONE).build())
        .fsxFileSystems(List.of(FsxFileSystem.builder().fileSystemId("fs-9").fileSystemType("LUSTRE")
            .lifecycle("AVAILABLE").addAllNetworkInterfaceIds(List.of("eni-2")).build()))
        .build();
  }

  @Test
  void aNetworkInterfaceHoldsItsAddressesAndTheAddressesOfItsPrefixes() {
    NetworkInterface n = snapshot().networkInterface("eni-2").orElseThrow();
    assertThat(n.holds("10.0.1.30")).isTrue();
    assertThat(n.holds("10.0.1.64")).isTrue();
    assertThat(n.holds("10.0.1.79")).isTrue();
    assertThat(n.holds("10.0.1.80")).isFalse();
    assertThat(n.holds("not an address")).isFalse();
    assertThat(snapshot().networkInterfacesHolding("10.0.1.20")).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-1");
  }

  @Test
  void anInterfaceTypeIsKeptAsGivenAndComparedIgnoringCase() {
    NetworkInterface n = NetworkInterface.builder().from(eni("eni-3", "10.0.1.5")).interfaceType("natGateway").build();
    assertThat(n.interfaceType()).contains("natGateway");
    assertThat(n.hasInterfaceType("NATGATEWAY")).isTrue();
    assertThat(n.hasInterfaceType("interface")).isFalse();
  }

  @Test
  void theInterfaceListIsCompleteForAVpcOnlyWhenItsFiltersSelectTheWholeVpc() {
    NetworkSnapshot unfiltered = snapshot();
    assertThat(unfiltered.isNetworkInterfaceListComplete(VPC)).isTrue();
    assertThat(unfiltered.isNetworkInterfaceListComplete("vpc-other")).isTrue();

    NetworkSnapshot byVpc = unfiltered.withCaptureFilters(Map.of("ec2:DescribeNetworkInterfaces",
        List.of(CaptureFilter.of("vpc-id", List.of(VPC, "vpc-3")))));
    assertThat(byVpc.isNetworkInterfaceListComplete(VPC)).isTrue();
    assertThat(byVpc.isNetworkInterfaceListComplete("vpc-3")).isTrue();
    assertThat(byVpc.isNetworkInterfaceListComplete("vpc-other")).isFalse();

    NetworkSnapshot narrower = unfiltered.withCaptureFilters(Map.of("ec2:DescribeNetworkInterfaces", List.of(
        CaptureFilter.of("vpc-id", List.of(VPC)), CaptureFilter.of("interface-type", List.of("efs")))));
    assertThat(narrower.isNetworkInterfaceListComplete(VPC)).isFalse();

    NetworkSnapshot byAddress = unfiltered.withCaptureFilters(Map.of("ec2:DescribeNetworkInterfaces",
        List.of(CaptureFilter.of("addresses.private-ip-address", List.of("10.0.1.20")))));
    assertThat(byAddress.isNetworkInterfaceListComplete(VPC)).isFalse();

    NetworkSnapshot otherOperation = unfiltered.withCaptureFilters(Map.of("ec2:DescribeSubnets",
        List.of(CaptureFilter.of("vpc-id", List.of("vpc-other")))));
    assertThat(otherOperation.isNetworkInterfaceListComplete(VPC)).isTrue();

    NetworkSnapshot failed = unfiltered.withErrors(CaptureError.of("ec2:DescribeNetworkInterfaces", "Throttling", "x"));
    assertThat(failed.isNetworkInterfaceListComplete(VPC)).isFalse();
    assertThat(failed.withoutIncomplete().has(Section.NETWORK_INTERFACES)).isFalse();

    NetworkSnapshot absent = unfiltered.withNetworkInterfaces(Optional.empty());
    assertThat(absent.isNetworkInterfaceListComplete(VPC)).isFalse();
  }

  @Test
  void mountTargetsAreKnownForTheFileSystemsTheyNameOrThatHaveNone() {
    NetworkSnapshot s = snapshot();
    assertThat(s.efsMountTargetsOf(FS).orElseThrow()).extracting(EfsMountTarget::mountTargetId)
        .containsExactly("fsmt-1");
    assertThat(s.efsMountTargetsOf(FS_NONE)).contains(List.of());
    assertThat(s.efsMountTargetsOf("fs-3")).isEmpty(); // says it has two, none listed: not captured
    assertThat(s.efsMountTargetsOf("fs-unknown")).isEmpty();
    assertThat(s.withEfsMountTargets(Optional.empty()).efsMountTargetsOf(FS_NONE)).isEmpty();
  }

  @Test
  void mountTargetGroupsComeFromTheirCallElseFromTheirInterface() {
    NetworkSnapshot s = snapshot();
    EfsMountTarget m = s.efsMountTargetsOf(FS).orElseThrow().get(0);
    assertThat(s.efsMountTargetGroups(m)).contains(List.of("sg-from-efs"));
    NetworkSnapshot withoutCall = s.withEfsMountTargetSecurityGroups(Map.of());
    assertThat(withoutCall.efsMountTargetGroups(m)).contains(List.of("sg-efs"));
    assertThat(withoutCall.withNetworkInterfaces(Optional.empty()).efsMountTargetGroups(m)).isEmpty();
  }

  @Test
  void fileSystemPoliciesAreUnknownUnlessCaptured() {
    NetworkSnapshot s = snapshot();
    assertThat(s.efsFileSystemPolicy(FS).policyState()).isEqualTo(PolicyState.PRESENT);
    assertThat(s.efsFileSystemPolicy(FS_NONE).policyState()).isEqualTo(PolicyState.NONE);
    assertThat(s.efsFileSystemPolicy("fs-3").policyState()).isEqualTo(PolicyState.UNKNOWN);
    assertThatThrownBy(() -> EfsFileSystemPolicy.builder().fileSystemId(FS).policyState(PolicyState.NONE)
        .policy("{}").build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void fsxSecurityGroupsAreThoseOfItsInterfaces() {
    NetworkSnapshot s = snapshot();
    FsxFileSystem fs = s.fsxFileSystem("fs-9").orElseThrow();
    assertThat(fs.isLustre()).isTrue();
    assertThat(fs.hasLifecycle("available")).isTrue();
    assertThat(s.fsxSecurityGroups(fs)).contains(List.of("sg-fsx", "sg-fsx2"));
    FsxFileSystem unknownEni = FsxFileSystem.builder().from(fs).addAllNetworkInterfaceIds(List.of("eni-elsewhere")).build();
    assertThat(s.fsxSecurityGroups(unknownEni)).isEmpty();
    assertThat(s.withNetworkInterfaces(Optional.empty()).fsxSecurityGroups(fs)).isEmpty();
  }

  @Test
  void aFailedPerResourceCallDropsThatResourceOnly() {
    NetworkSnapshot s = snapshot().withErrors(
        CaptureError.builder().operation("elasticfilesystem:DescribeMountTargets").code("AccessDenied").message("no")
            .resource(FS).build(),
        CaptureError.builder().operation("efs:DescribeFileSystemPolicy").code("AccessDenied").message("no")
            .resource(FS_NONE).build(),
        CaptureError.builder().operation("elasticfilesystem:DescribeMountTargetSecurityGroups").code("AccessDenied")
            .message("no").resource("fsmt-1").build());
    NetworkSnapshot read = s.withoutIncomplete();
    assertThat(read.efsMountTargets()).contains(List.of());
    assertThat(read.efsMountTargetsOf(FS)).isEmpty();
    assertThat(read.efsMountTargetsOf(FS_NONE)).contains(List.of());
    assertThat(read.efsFileSystemPolicies()).containsOnlyKeys(FS);
    assertThat(read.efsFileSystemPolicy(FS_NONE).policyState()).isEqualTo(PolicyState.UNKNOWN);
    assertThat(read.efsMountTargetSecurityGroups()).isEmpty();
    assertThat(read.has(Section.EFS_FILE_SYSTEMS)).isTrue();
    // even before withoutIncomplete, the queries do not trust a failed call's output
    assertThat(s.efsMountTargetsOf(FS)).isEmpty();
    assertThat(s.efsFileSystemPolicy(FS_NONE).policyState()).isEqualTo(PolicyState.UNKNOWN);
  }

  @Test
  void aFailedCallWithoutResourceDropsTheWholeSection() {
    NetworkSnapshot read = snapshot().withErrors(
        CaptureError.of("elasticfilesystem:DescribeMountTargets", "AccessDenied", "no"),
        CaptureError.of("elasticfilesystem:DescribeFileSystemPolicy", "AccessDenied", "no"),
        CaptureError.of("fsx:DescribeFileSystems", "AccessDenied", "no")).withoutIncomplete();
    assertThat(read.has(Section.EFS_MOUNT_TARGETS)).isFalse();
    assertThat(read.has(Section.EFS_FILE_SYSTEM_POLICIES)).isFalse();
    assertThat(read.has(Section.FSX_FILE_SYSTEMS)).isFalse();
    assertThat(read.has(Section.EFS_MOUNT_TARGET_SECURITY_GROUPS)).isTrue();
    assertThat(read.has(Section.EFS_FILE_SYSTEMS)).isTrue();
    assertThat(read.unknownReason(Section.FSX_FILE_SYSTEMS)).contains("fsx:DescribeFileSystems failed during capture");
  }

  @Test
  void aSnapshotWithoutTheSectionsKnowsNoneOfThem() {
    NetworkSnapshot empty = NetworkSnapshot.builder().region("us-east-1").build();
    for (Section s : List.of(Section.NETWORK_INTERFACES, Section.EFS_FILE_SYSTEMS, Section.EFS_MOUNT_TARGETS,
        Section.EFS_MOUNT_TARGET_SECURITY_GROUPS, Section.EFS_FILE_SYSTEM_POLICIES, Section.FSX_FILE_SYSTEMS)) {
      assertThat(empty.has(s)).as(s.name()).isFalse();
      assertThat(empty.unknownReason(s)).endsWith("was not captured in the snapshot");
    }
    assertThat(snapshot().withoutIncomplete()).isEqualTo(snapshot());
  }

  @Test
  void sectionsNameTheirCallAndBundleMember() {
    assertThat(Section.EFS_MOUNT_TARGETS.operation()).isEqualTo("elasticfilesystem:DescribeMountTargets");
    assertThat(Section.EFS_MOUNT_TARGETS.bundleService()).isEqualTo("efs");
    assertThat(Section.EFS_MOUNT_TARGETS.bundleKey()).isEqualTo("DescribeMountTargets");
    assertThat(Section.EFS_MOUNT_TARGETS.isNamedBy("efs:describemounttargets")).isTrue();
    assertThat(Section.EFS_FILE_SYSTEMS.isNamedBy("fsx:DescribeFileSystems")).isFalse();
    assertThat(Section.FSX_FILE_SYSTEMS.bundleService()).isEqualTo("fsx");
    assertThat(Section.NETWORK_INTERFACES.bundleService()).isEqualTo("ec2");
    assertThat(Section.SUBNETS.bundleService()).isEqualTo("ec2");
  }

  @Test
  void idsAreRequired() {
    assertThatThrownBy(() -> NetworkInterface.builder().networkInterfaceId(" ").subnetId("subnet-1").vpcId(VPC).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EfsMountTarget.builder().mountTargetId("fsmt-1").fileSystemId("").build())
        .isInstanceOf(IllegalStateException.class);
  }
}
