package dev.vpctrain.aws.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.aws.internal.efs.EfsMapping;
import dev.vpctrain.aws.internal.fsx.FsxMapping;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.PolicyState;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyResponse;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.fsx.model.FileSystem;
import software.amazon.awssdk.services.fsx.model.LustreFileSystemConfiguration;

/** The SDK shapes live discovery receives, mapped to the model and back (Ec2Mapping, EfsMapping, FsxMapping). */
class InVpcMappingTest {
  @Test
  void theFlaggedPrimaryAddressComesFirstWhenTheTopLevelOneIsMissing() {
    NetworkInterface n = Ec2Mapping.networkInterface(software.amazon.awssdk.services.ec2.model.NetworkInterface.builder()
        .networkInterfaceId("eni-1").subnetId("subnet-1").vpcId("vpc-1").interfaceType("evs").status("IN-USE")
        .privateIpAddresses(NetworkInterfacePrivateIpAddress.builder().privateIpAddress("10.0.0.6").primary(false).build(),
            NetworkInterfacePrivateIpAddress.builder().privateIpAddress("10.0.0.5").primary(true).build())
        .build());
    assertThat(n.privateIpAddresses()).containsExactly("10.0.0.5", "10.0.0.6");
    assertThat(n.interfaceType()).contains("evs");
    assertThat(n.status()).contains("in-use");
    assertThat(n.requesterManaged()).isEmpty();
    assertThat(Ec2Mapping.networkInterface(Ec2Mapping.sdkNetworkInterface(n))).isEqualTo(n);
  }

  @Test
  void efsValuesTheSdkEnumDoesNotKnowAreKept() {
    EfsFileSystem fs = EfsMapping.fileSystem(FileSystemDescription.builder().fileSystemId("fs-1")
        .lifeCycleState("ARCHIVING").creationTime(Instant.EPOCH).build());
    assertThat(fs.lifeCycleState()).contains("archiving");
    assertThat(fs.isAvailable()).isFalse();
    assertThat(EfsMapping.fileSystem(EfsMapping.sdkFileSystem(fs))).isEqualTo(fs);
  }

  @Test
  void aMissingPolicyResponseIsTheDefaultPolicy() {
    EfsFileSystemPolicy none = EfsMapping.policy("fs-1", null);
    assertThat(none.policyState()).isEqualTo(PolicyState.NONE);
    assertThat(EfsMapping.sdkPolicy(none)).isEmpty();
    EfsFileSystemPolicy present = EfsMapping.policy("fs-1",
        DescribeFileSystemPolicyResponse.builder().fileSystemId("fs-1").policy("{\"Statement\":[]}").build());
    assertThat(present.policy()).contains("{\"Statement\":[]}");
    assertThat(EfsMapping.policy("fs-1", EfsMapping.sdkPolicy(present).orElseThrow())).isEqualTo(present);
  }

  @Test
  void fsxEnumValuesAreUpperCaseAndUnknownOnesKept() {
    FsxFileSystem fs = FsxMapping.fileSystem(FileSystem.builder().fileSystemId("fs-2").fileSystemType("lustre")
        .lifecycle("Available").subnetIds("subnet-1").networkInterfaceIds("eni-1", "eni-2")
        .lustreConfiguration(LustreFileSystemConfiguration.builder().deploymentType("persistent_3").mountName("x1y2")
            .efaEnabled(true).build())
        .build());
    assertThat(fs.fileSystemType()).contains("LUSTRE");
    assertThat(fs.lifecycle()).contains("AVAILABLE");
    assertThat(fs.lustreDeploymentType()).contains("PERSISTENT_3");
    assertThat(fs.networkInterfaceIds()).containsExactly("eni-1", "eni-2");
    assertThat(FsxMapping.fileSystem(FsxMapping.sdkFileSystem(fs))).isEqualTo(fs);
    FsxFileSystem plain = FsxMapping.fileSystem(FileSystem.builder().fileSystemId("fs-3").build());
    assertThat(plain.mountName()).isEmpty();
    assertThat(FsxMapping.sdkFileSystem(plain).lustreConfiguration()).isNull();
  }
}
