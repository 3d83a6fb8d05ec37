package dev.vpctrain.testkit.internal.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.internal.efs.EfsMapping;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.BadRequestException;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.efs.model.EfsException;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.FileSystemNotFoundException;
import software.amazon.awssdk.services.efs.model.MountTargetDescription;
import software.amazon.awssdk.services.efs.model.MountTargetNotFoundException;
import software.amazon.awssdk.services.efs.model.PolicyNotFoundException;

class FakeEfsTest {
  private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
      + "{\"AWS\":\"*\"},\"Action\":[\"elasticfilesystem:ClientMount\"],\"Resource\":\"*\"}]}";

  private final FakeAws aws = FakeAws.create().load(Scenarios.efsFileSystem());
  private final EfsClient efs = aws.efsClient();

  // tag::efs[]
  @Test
  void theEfsWorldAnswersAsEfsDoes() {
    FakeAws aws = FakeAws.create().load(Scenarios.efsFileSystem());
    EfsClient efs = aws.efsClient();

    var targets = efs.describeMountTargets(r -> r.fileSystemId(Scenarios.EFS_FILE_SYSTEM)).mountTargets();
    var groups = efs.describeMountTargetSecurityGroups(r -> r.mountTargetId(Scenarios.EFS_MOUNT_TARGET_A));

    assertThat(targets).extracting(MountTargetDescription::subnetId)
        .containsExactly(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B);
    assertThat(groups.securityGroups()).containsExactly(Scenarios.EFS_GROUP);
    assertThatThrownBy(() -> efs.describeFileSystemPolicy(r -> r.fileSystemId(Scenarios.EFS_FILE_SYSTEM)))
        .isInstanceOf(PolicyNotFoundException.class); // no policy: the default one lets every client mount
    assertThatThrownBy(() -> efs.describeFileSystems(r -> r.fileSystemId("fs-0123456789abcdef0")))
        .isInstanceOf(FileSystemNotFoundException.class)
        .hasMessageContaining("File system 'fs-0123456789abcdef0' does not exist.");
  }
  // end::efs[]

  @Test
  void describeFileSystemsListsOrSelectsAndPagesByMarker() {
    aws.network(n -> n.efsFileSystem("fs-0a1b2c3d4e5f60802", f -> f.name("scratch").state("creating")));

    List<String> ids = new ArrayList<>();
    List<String> markers = new ArrayList<>();
    for (DescribeFileSystemsResponse page : efs.describeFileSystemsPaginator(r -> r.maxItems(1))) {
      page.fileSystems().forEach(f -> ids.add(f.fileSystemId()));
      markers.add(page.nextMarker());
    }
    FileSystemDescription one = efs.describeFileSystems(r -> r.fileSystemId(Scenarios.EFS_FILE_SYSTEM)).fileSystems().get(0);

    assertThat(ids).containsExactly(Scenarios.EFS_FILE_SYSTEM, "fs-0a1b2c3d4e5f60802");
    assertThat(markers).hasSize(2).last().isNull();
    assertThat(one.lifeCycleStateAsString()).isEqualTo("available");
    assertThat(one.numberOfMountTargets()).isEqualTo(2);
    assertThat(one.fileSystemArn()).isEqualTo("arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/"
        + Scenarios.EFS_FILE_SYSTEM);
    assertThat(one.name()).isEqualTo("training-data");
    assertThatThrownBy(() -> efs.describeFileSystems(r -> r.maxItems(0))).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> efs.describeFileSystems(r -> r.marker("bogus"))).isInstanceOf(BadRequestException.class);
  }

  @Test
  void theSdkShapesMapBackToTheWorldsModelThroughEfsMapping() {
    List<EfsMountTarget> answered = new ArrayList<>();
    efs.describeMountTargets(r -> r.fileSystemId(Scenarios.EFS_FILE_SYSTEM)).mountTargets()
        .forEach(m -> answered.add(EfsMapping.mountTarget(m)));

    assertThat(answered).isEqualTo(aws.snapshot().efsMountTargets().orElseThrow());
    assertThat(answered.get(0).ipAddress()).contains("10.20.1.50");
    assertThat(answered.get(0).vpcId()).contains(Scenarios.VPC);
    assertThat(answered.get(0).availabilityZoneId()).contains("use1-az1");
    assertThat(answered.get(0).networkInterfaceId()).contains("eni-0a1b2c3d4e5f60811");
  }

  @Test
  void describeMountTargetsNeedsExactlyOneIdAndNamesWhatDoesNotExist() {
    assertThat(efs.describeMountTargets(r -> r.mountTargetId(Scenarios.EFS_MOUNT_TARGET_B)).mountTargets())
        .singleElement().satisfies(m -> assertThat(m.ipAddress()).isEqualTo("10.20.2.50"));
    assertThatThrownBy(() -> efs.describeMountTargets(r -> { }))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("FileSystemId, MountTargetId or AccessPointId");
    assertThatThrownBy(() -> efs.describeMountTargets(r -> r.fileSystemId("fs-0123456789abcdef0")))
        .isInstanceOf(FileSystemNotFoundException.class);
    assertThatThrownBy(() -> efs.describeMountTargetSecurityGroups(r -> r.mountTargetId("fsmt-0123456789abcdef0")))
        .isInstanceOfSatisfying(MountTargetNotFoundException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MountTargetNotFound");
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().serviceName()).isEqualTo("Efs");
          assertThat(e.requestId()).isNotBlank();
        });
  }

  @Test
  void aPolicySetInTheWorldIsAnsweredAndChangedGroupsReachTheMountTargetsInterface() {
    aws.network(n -> n.efsFileSystem(Scenarios.EFS_FILE_SYSTEM, f -> f.policy(POLICY)
        .mountTarget(Scenarios.EFS_MOUNT_TARGET_A, m -> m.securityGroups(Scenarios.ENDPOINT_GROUP))));

    assertThat(efs.describeFileSystemPolicy(r -> r.fileSystemId(Scenarios.EFS_FILE_SYSTEM)).policy()).isEqualTo(POLICY);
    assertThat(efs.describeMountTargetSecurityGroups(r -> r.mountTargetId(Scenarios.EFS_MOUNT_TARGET_A)).securityGroups())
        .containsExactly(Scenarios.ENDPOINT_GROUP);
    assertThat(aws.ec2Client().describeNetworkInterfaces(r -> r.networkInterfaceIds("eni-0a1b2c3d4e5f60811"))
        .networkInterfaces().get(0).groups()).singleElement()
        .satisfies(g -> assertThat(g.groupId()).isEqualTo(Scenarios.ENDPOINT_GROUP));
  }

  @Test
  void aWorldThatDoesNotKnowEfsDeniesItAndOperationsNotModeledSaySo() {
    FakeAws withoutEfs = FakeAws.create().load(Scenarios.readyPrivateEndpoints());

    assertThatThrownBy(() -> withoutEfs.efsClient().describeFileSystems(r -> { }))
        .isInstanceOfSatisfying(EfsException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
          assertThat(e.statusCode()).isEqualTo(403);
        });
    assertThatThrownBy(() -> efs.createFileSystem(r -> r.creationToken("x")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Efs.CreateFileSystem is not modeled by the vpctrain testkit")
        .hasMessageContaining("DescribeMountTargetSecurityGroups");
    assertThat(aws.calls("efs")).isEmpty();
    efs.describeFileSystems(r -> { });
    assertThat(aws.calls("efs")).singleElement().satisfies(c -> assertThat(c.operation()).isEqualTo("DescribeFileSystems"));
  }
}
