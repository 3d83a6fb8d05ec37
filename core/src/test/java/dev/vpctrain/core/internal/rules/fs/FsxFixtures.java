package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.SgFixtures.SG_TRAINING;
import static dev.vpctrain.core.fixtures.SgFixtures.S3_PL;
import static dev.vpctrain.core.fixtures.SgFixtures.VPC;
import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import java.util.List;

/**
 * The network of {@code ready-private-endpoints} (SgFixtures) plus a file-system subnet holding an
 * FSx for Lustre file system (two interfaces, one security group) and an EFS mount target, with
 * security groups that let Lustre and NFS through both ways.
 */
final class FsxFixtures {
  static final String SUBNET_A = SgFixtures.SUBNET_A; // 10.20.1.0/24, use1-az1
  static final String SUBNET_B = SgFixtures.SUBNET_B; // 10.20.2.0/24, use1-az2
  static final String SUBNET_FS = "subnet-0a1b2c3d4e5f60103"; // 10.20.3.0/24, use1-az1
  static final String SG_FSX = "sg-0a1b2c3d4e5f60403";
  static final String SG_EFS = "sg-0a1b2c3d4e5f60404";
  static final String FSX = "fs-0123456789abcdef0";
  static final String EFS = "fs-0fedcba9876543210";
  static final String ENI_1 = "eni-0a1b2c3d4e5f60501";
  static final String ENI_2 = "eni-0a1b2c3d4e5f60502";
  static final String ENI_MT = "eni-0a1b2c3d4e5f60503";
  static final String MT = "fsmt-0a1b2c3d4e5f60601";
  static final String ACL_FS = "acl-0a1b2c3d4e5f60002";

  private FsxFixtures() {}

  static Subnet subnet(String id, String az, String azId, String cidr) {
    return Subnet.builder().subnetId(id).vpcId(VPC).availabilityZone(az).availabilityZoneId(azId).cidrBlock(cidr)
        .availableIpAddressCount(200).state("available").build();
  }

  static List<Subnet> subnets() {
    return List.of(
        subnet(SUBNET_A, "us-east-1a", "use1-az1", "10.20.1.0/24"),
        subnet(SUBNET_B, "us-east-1b", "use1-az2", "10.20.2.0/24"),
        subnet(SgFixtures.SUBNET_PUBLIC, "us-east-1a", "use1-az1", "10.20.101.0/24"),
        subnet(SUBNET_FS, "us-east-1a", "use1-az1", "10.20.3.0/24"));
  }

  /** The job's group: the example's rules plus Lustre both ways with the FSx group and NFS out to the EFS group. */
  static SecurityGroup trainingGroup() {
    return sg(SG_TRAINING,
        List.of(all(SG_TRAINING), tcp(988, 988, SG_FSX), tcp(1018, 1023, SG_FSX)),
        List.of(all(SG_TRAINING), tcp(443, 443, S3_PL), tcp(443, 443, "10.20.0.0/16"),
            tcp(988, 988, SG_FSX), tcp(1018, 1023, SG_FSX), tcp(2049, 2049, SG_EFS)));
  }

  /** The FSx group: Lustre from itself and from the job's group, everything out. */
  static SecurityGroup fsxGroup() {
    return sg(SG_FSX,
        List.of(tcp(988, 988, SG_FSX, SG_TRAINING), tcp(1018, 1023, SG_FSX, SG_TRAINING)),
        List.of(all("0.0.0.0/0")));
  }

  static SecurityGroup efsGroup() {
    return sg(SG_EFS, List.of(tcp(2049, 2049, SG_TRAINING)), List.of());
  }

  static NetworkInterface eni(String id, String address, String subnet, String... groups) {
    return NetworkInterface.builder().networkInterfaceId(id).subnetId(subnet).vpcId(VPC)
        .availabilityZone("us-east-1a").availabilityZoneId("use1-az1")
        .privateIpAddresses(List.of(address)).groupIds(List.of(groups)).interfaceType("interface").build();
  }

  static FsxFileSystem.Builder fsx() {
    return FsxFileSystem.builder().fileSystemId(FSX).fileSystemType("LUSTRE").lifecycle("AVAILABLE").vpcId(VPC)
        .addSubnetIds(SUBNET_FS).addNetworkInterfaceIds(ENI_1, ENI_2).lustreDeploymentType("PERSISTENT_2")
        .mountName("abcdef12");
  }

  /** The ready network with {@code training} and {@code fsxGroup} as the groups of the job and the file system. */
  static NetworkSnapshot.Builder network(SecurityGroup training, SecurityGroup fsxGroup) {
    return SgFixtures.network(training)
        .subnets(subnets())
        .securityGroups(List.of(training, SgFixtures.endpointGroup(), fsxGroup, efsGroup()))
        .networkInterfaces(List.of(
            eni(ENI_1, "10.20.3.10", SUBNET_FS, fsxGroup.groupId()),
            eni(ENI_2, "10.20.3.11", SUBNET_FS, fsxGroup.groupId()),
            eni(ENI_MT, "10.20.3.20", SUBNET_FS, SG_EFS)))
        .fsxFileSystems(List.of(fsx().build()))
        .efsFileSystems(List.of(EfsFileSystem.builder().fileSystemId(EFS).lifeCycleState("available")
            .numberOfMountTargets(1).build()))
        .efsMountTargets(List.of(EfsMountTarget.builder().mountTargetId(MT).fileSystemId(EFS).subnetId(SUBNET_FS)
            .vpcId(VPC).availabilityZoneId("use1-az1").availabilityZoneName("us-east-1a").lifeCycleState("available")
            .ipAddress("10.20.3.20").networkInterfaceId(ENI_MT).build()));
  }

  static NetworkSnapshot.Builder network() {
    return network(trainingGroup(), fsxGroup());
  }

  static NetworkSnapshot ready() {
    return network().build();
  }

  static InputChannel lustreChannel() {
    return InputChannel.builder().name("train-fsx").fileSystemId(FSX).fileSystemType("FSxLustre")
        .directoryPath("/abcdef12/train").fileSystemAccessMode("ro").build();
  }

  static InputChannel efsChannel() {
    return InputChannel.builder().name("train-efs").fileSystemId(EFS).fileSystemType("EFS")
        .directoryPath("/train").fileSystemAccessMode("ro").build();
  }

  /** The example's job (subnets A and B) with an FSx for Lustre channel. */
  static TrainingJobSpec.Builder lustreJob() {
    return SgFixtures.jobBuilder().addInputChannel(lustreChannel());
  }

  static TrainingJobSpec.Builder efsJob() {
    return SgFixtures.jobBuilder().addInputChannel(efsChannel());
  }

  /** A job in subnet A only (the file system's AZ). */
  static TrainingJobSpec.Builder lustreJobInA() {
    return lustreJob().vpc(v -> v.subnets(SUBNET_A));
  }
}
