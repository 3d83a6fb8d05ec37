package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.List;

/**
 * File systems for the fs.* rule tests, on {@link TestNetworks#ready()} (job subnets {@code subnet-a}
 * 10.20.1.0/24 in us-east-1a and {@code subnet-b} 10.20.2.0/24 in us-east-1b, route table
 * {@code rtb-private}): EFS {@link #EFS} with an available mount target in each job subnet, and FSx
 * for Lustre {@link #FSX} (PERSISTENT_2, MountName {@code abcdefgh}) with one network interface in
 * {@code subnet-fsx} (10.20.3.0/24, us-east-1a, main route table).
 */
final class FsFixtures {
  static final String EFS = "fs-0a1b2c3d";
  static final String FSX = "fs-0123456789abcdef0";
  static final String FSX_ENI = "eni-0fsx0000000000001";
  static final String MT_A = "fsmt-0a000000000000001";
  static final String MT_B = "fsmt-0b000000000000001";

  private FsFixtures() {}

  /** The ready network with the subnet of the FSx interface. */
  static TestNetworks.Builder network() {
    return TestNetworks.ready().subnet("subnet-fsx", "us-east-1a", "10.20.3.0/24", 200);
  }

  static EfsFileSystem efs(String state) {
    return EfsFileSystem.builder().fileSystemId(EFS).lifeCycleState(state).numberOfMountTargets(2).build();
  }

  static EfsMountTarget mountTarget(String id, String subnet, String az, String address) {
    return EfsMountTarget.builder().mountTargetId(id).fileSystemId(EFS).subnetId(subnet).vpcId(TestNetworks.VPC)
        .availabilityZoneName(az).lifeCycleState("available").ipAddress(address).build();
  }

  static FsxFileSystem.Builder lustre(String deploymentType, String mountName) {
    FsxFileSystem.Builder b = FsxFileSystem.builder().fileSystemId(FSX).fileSystemType("LUSTRE").lifecycle("AVAILABLE")
        .vpcId(TestNetworks.VPC).addSubnetIds("subnet-fsx").addNetworkInterfaceIds(FSX_ENI).lustreDeploymentType(deploymentType);
    if (mountName != null) {
      b.mountName(mountName);
    }
    return b;
  }

  static NetworkInterface fsxInterface() {
    return NetworkInterface.builder().networkInterfaceId(FSX_ENI).subnetId("subnet-fsx").vpcId(TestNetworks.VPC)
        .addPrivateIpAddresses("10.20.3.30").addGroupIds("sg-fsx").interfaceType("interface").build();
  }

  /** {@code base} with the EFS file system (state {@code efsState}, both mount targets) and the FSx one added. */
  static NetworkSnapshot withFileSystems(NetworkSnapshot base, String efsState, FsxFileSystem fsx) {
    return base.toBuilder()
        .efsFileSystems(List.of(efs(efsState)))
        .efsMountTargets(List.of(mountTarget(MT_A, "subnet-a", "us-east-1a", "10.20.1.20"),
            mountTarget(MT_B, "subnet-b", "us-east-1b", "10.20.2.20")))
        .fsxFileSystems(List.of(fsx))
        .networkInterfaces(List.of(fsxInterface()))
        .build();
  }

  /** The ready network with both file systems as described above. */
  static NetworkSnapshot snapshot() {
    return withFileSystems(network().build(), "available", lustre("PERSISTENT_2", "abcdefgh").build());
  }

  static InputChannel efsChannel(String path) {
    return InputChannel.builder().name("efs").fileSystemId(EFS).fileSystemType("EFS").directoryPath(path)
        .fileSystemAccessMode("ro").build();
  }

  static InputChannel fsxChannel(String path) {
    return InputChannel.builder().name("fsx").fileSystemId(FSX).fileSystemType("FSxLustre").directoryPath(path)
        .fileSystemAccessMode("ro").build();
  }

  /** A job in both ready subnets reading {@code channels}. */
  static TrainingJobSpec job(InputChannel... channels) {
    TrainingJobSpec.Builder b = TestJobs.job("subnet-a", "subnet-b");
    for (InputChannel c : channels) {
      b.addInputChannel(c);
    }
    return b.build();
  }

  /** The same job outside any VPC. */
  static TrainingJobSpec jobWithoutVpc(InputChannel... channels) {
    TrainingJobSpec.Builder b = TestJobs.jobWithoutVpc();
    for (InputChannel c : channels) {
      b.addInputChannel(c);
    }
    return b.build();
  }
}
