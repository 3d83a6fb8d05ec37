package dev.vpctrain.testkit.internal.fsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.internal.fsx.FsxMapping;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.fsx.model.BadRequestException;
import software.amazon.awssdk.services.fsx.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.fsx.model.FSxException;
import software.amazon.awssdk.services.fsx.model.FileSystem;
import software.amazon.awssdk.services.fsx.model.FileSystemNotFoundException;

class FakeFsxTest {
  private final FakeAws aws = FakeAws.create().load(Scenarios.fsxLustre());

  // tag::fsx[]
  @Test
  void fsxNamesItsInterfacesAndEc2TellsTheirGroups() {
    FakeAws aws = FakeAws.create().load(Scenarios.fsxLustre());

    FileSystem fs = aws.fsxClient().describeFileSystems(r -> r.fileSystemIds(Scenarios.FSX_FILE_SYSTEM))
        .fileSystems().get(0);
    List<String> groups = aws.ec2Client()
        .describeNetworkInterfaces(r -> r.networkInterfaceIds(fs.networkInterfaceIds()))
        .networkInterfaces().get(0).groups().stream().map(GroupIdentifier::groupId).toList();

    assertThat(fs.lustreConfiguration().deploymentTypeAsString()).isEqualTo("PERSISTENT_2");
    assertThat(fs.lustreConfiguration().mountName()).isEqualTo(Scenarios.FSX_MOUNT_NAME);
    assertThat(groups).containsExactly(Scenarios.FSX_GROUP);
  }
  // end::fsx[]

  @Test
  void describeFileSystemsSelectsByIdsAndPagesByNextToken() {
    aws.network(n -> n.fsxLustre("fs-0a1b2c3d4e5f60902", f -> f.subnet(Scenarios.PRIVATE_SUBNET_B)
        .deploymentType("SCRATCH_1").securityGroups(Scenarios.FSX_GROUP)));

    List<String> ids = new ArrayList<>();
    for (DescribeFileSystemsResponse page : aws.fsxClient().describeFileSystemsPaginator(r -> r.maxResults(1))) {
      page.fileSystems().forEach(f -> ids.add(f.fileSystemId()));
    }
    FileSystem scratch = aws.fsxClient().describeFileSystems(r -> r.fileSystemIds("fs-0a1b2c3d4e5f60902"))
        .fileSystems().get(0);

    assertThat(ids).containsExactly(Scenarios.FSX_FILE_SYSTEM, "fs-0a1b2c3d4e5f60902");
    assertThat(scratch.lustreConfiguration().mountName()).isEqualTo("fsx");
    assertThat(scratch.networkInterfaceIds()).singleElement().asString().startsWith("eni-");
    assertThat(scratch.vpcId()).isEqualTo(Scenarios.VPC);
    assertThat(scratch.dnsName()).isEqualTo("fs-0a1b2c3d4e5f60902.fsx.us-east-1.amazonaws.com");
    assertThat(aws.ec2Client().describeNetworkInterfaces(r -> r.networkInterfaceIds(scratch.networkInterfaceIds()))
        .networkInterfaces().get(0)).satisfies(n -> {
          assertThat(n.subnetId()).isEqualTo(Scenarios.PRIVATE_SUBNET_B);
          assertThat(n.privateIpAddress()).isEqualTo("10.20.2.100");
          assertThat(n.requesterManaged()).isTrue();
        });
    assertThat(FsxMapping.fileSystem(scratch)).isEqualTo(aws.snapshot().fsxFileSystem("fs-0a1b2c3d4e5f60902").orElseThrow());
  }

  @Test
  void errorsAreFsxs() {
    assertThatThrownBy(() -> aws.fsxClient().describeFileSystems(r -> r.fileSystemIds("fs-0123456789abcdef0")))
        .isInstanceOfSatisfying(FileSystemNotFoundException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("FileSystemNotFound");
          assertThat(e.awsErrorDetails().serviceName()).isEqualTo("FSx");
          assertThat(e.statusCode()).isEqualTo(400);
        });
    assertThatThrownBy(() -> aws.fsxClient().describeFileSystems(r -> r.nextToken("bogus")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> FakeAws.create().load(Scenarios.efsFileSystem()).fsxClient().describeFileSystems(r -> { }))
        .isInstanceOfSatisfying(FSxException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    assertThatThrownBy(() -> aws.fsxClient().createFileSystem(r -> r.fileSystemType("LUSTRE")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("FSx.CreateFileSystem is not modeled by the vpctrain testkit");
  }
}
