package dev.vpctrain.aws.internal.efs;

import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.PolicyState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyResponse;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetSecurityGroupsResponse;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.MountTargetDescription;

/**
 * The one mapping between the EFS SDK response shapes and the core snapshot model, for live
 * discovery and the snapshot bundle alike (as {@link Ec2Mapping} is for EC2). Life-cycle states
 * become lower case; values the SDK's enum does not know are kept. The {@code sdk…} methods are
 * the inverse, for writing a model as the API's shapes.
 */
public final class EfsMapping {
  private EfsMapping() {}

  // ---- SDK shape -> model ------------------------------------------------------------------

  public static EfsFileSystem fileSystem(FileSystemDescription f) {
    return EfsFileSystem.builder()
        .fileSystemId(f.fileSystemId())
        .fileSystemArn(Optional.ofNullable(f.fileSystemArn()))
        .name(Optional.ofNullable(f.name()))
        .ownerId(Optional.ofNullable(f.ownerId()))
        .lifeCycleState(lower(f.lifeCycleStateAsString()))
        .numberOfMountTargets(Optional.ofNullable(f.numberOfMountTargets()))
        .availabilityZoneName(Optional.ofNullable(f.availabilityZoneName()))
        .availabilityZoneId(Optional.ofNullable(f.availabilityZoneId()))
        .creationTime(Optional.ofNullable(f.creationTime()))
        .build();
  }

  public static EfsMountTarget mountTarget(MountTargetDescription m) {
    return EfsMountTarget.builder()
        .mountTargetId(m.mountTargetId())
        .fileSystemId(m.fileSystemId())
        .subnetId(Optional.ofNullable(m.subnetId()))
        .vpcId(Optional.ofNullable(m.vpcId()))
        .availabilityZoneId(Optional.ofNullable(m.availabilityZoneId()))
        .availabilityZoneName(Optional.ofNullable(m.availabilityZoneName()))
        .lifeCycleState(lower(m.lifeCycleStateAsString()))
        .ipAddress(Optional.ofNullable(m.ipAddress()))
        .networkInterfaceId(Optional.ofNullable(m.networkInterfaceId()))
        .ownerId(Optional.ofNullable(m.ownerId()))
        .build();
  }

  /** The security groups of one mount target. */
  public static List<String> securityGroups(DescribeMountTargetSecurityGroupsResponse r) {
    return List.copyOf(r.securityGroups());
  }

  /** The policy of {@code fileSystemId}: {@code response} null is {@code PolicyNotFound} (the default policy). */
  public static EfsFileSystemPolicy policy(String fileSystemId, DescribeFileSystemPolicyResponse response) {
    EfsFileSystemPolicy.Builder b = EfsFileSystemPolicy.builder().fileSystemId(fileSystemId);
    if (response == null) {
      return b.policyState(PolicyState.NONE).build();
    }
    if (response.policy() == null) {
      throw new IllegalStateException("file system " + fileSystemId + ": a DescribeFileSystemPolicy output without Policy");
    }
    return b.policyState(PolicyState.PRESENT).policy(response.policy()).build();
  }

  // ---- model -> SDK shape ------------------------------------------------------------------

  public static FileSystemDescription sdkFileSystem(EfsFileSystem f) {
    return FileSystemDescription.builder()
        .ownerId(f.ownerId().orElse(null))
        .fileSystemId(f.fileSystemId())
        .fileSystemArn(f.fileSystemArn().orElse(null))
        .creationTime(f.creationTime().orElse(null))
        .lifeCycleState(f.lifeCycleState().orElse(null))
        .name(f.name().orElse(null))
        .numberOfMountTargets(f.numberOfMountTargets().orElse(null))
        .availabilityZoneName(f.availabilityZoneName().orElse(null))
        .availabilityZoneId(f.availabilityZoneId().orElse(null))
        .build();
  }

  public static MountTargetDescription sdkMountTarget(EfsMountTarget m) {
    return MountTargetDescription.builder()
        .ownerId(m.ownerId().orElse(null))
        .mountTargetId(m.mountTargetId())
        .fileSystemId(m.fileSystemId())
        .subnetId(m.subnetId().orElse(null))
        .lifeCycleState(m.lifeCycleState().orElse(null))
        .ipAddress(m.ipAddress().orElse(null))
        .networkInterfaceId(m.networkInterfaceId().orElse(null))
        .availabilityZoneId(m.availabilityZoneId().orElse(null))
        .availabilityZoneName(m.availabilityZoneName().orElse(null))
        .vpcId(m.vpcId().orElse(null))
        .build();
  }

  public static DescribeMountTargetSecurityGroupsResponse sdkSecurityGroups(List<String> groups) {
    return DescribeMountTargetSecurityGroupsResponse.builder().securityGroups(groups).build();
  }

  /**
   * The output of {@code p}'s call when there is a policy; empty for {@code PolicyNotFound} (the
   * bundle's {@code null}) and for an unknown policy (see {@link EfsFileSystemPolicy#policyState()}).
   */
  public static Optional<DescribeFileSystemPolicyResponse> sdkPolicy(EfsFileSystemPolicy p) {
    return p.policy().map(text -> DescribeFileSystemPolicyResponse.builder()
        .fileSystemId(p.fileSystemId()).policy(text).build());
  }

  private static Optional<String> lower(String value) {
    return value == null ? Optional.empty() : Optional.of(value.toLowerCase(Locale.ROOT));
  }
}
