package dev.vpctrain.aws.discovery;

import dev.vpctrain.aws.internal.efs.EfsMapping;
import dev.vpctrain.aws.internal.fsx.FsxMapping;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.FileSystemNotFoundException;
import software.amazon.awssdk.services.efs.model.PolicyNotFoundException;
import software.amazon.awssdk.services.fsx.FSxClient;

/**
 * The EFS and FSx read calls of discovery, one file system (or mount target) per call, every page
 * followed and mapped to the model. A {@code FileSystemNotFound} answer is AWS saying the file
 * system does not exist: an empty result, not a failure; {@code PolicyNotFound} is the default policy.
 */
final class FileSystemReads {
  private final EfsClient efs;
  private final FSxClient fsx;

  FileSystemReads(EfsClient efs, FSxClient fsx) {
    this.efs = efs;
    this.fsx = fsx;
  }

  boolean hasEfs() {
    return efs != null;
  }

  boolean hasFsx() {
    return fsx != null;
  }

  /** {@code DescribeFileSystems --file-system-id}: the file system, or none when it does not exist. */
  List<EfsFileSystem> efsFileSystem(String fileSystemId) {
    List<EfsFileSystem> out = new ArrayList<>();
    try {
      efs.describeFileSystemsPaginator(r -> r.fileSystemId(fileSystemId))
          .forEach(p -> p.fileSystems().forEach(f -> out.add(EfsMapping.fileSystem(f))));
    } catch (FileSystemNotFoundException e) {
      return List.of();
    }
    return out;
  }

  /** {@code DescribeMountTargets --file-system-id}; empty when the file system does not exist. */
  List<EfsMountTarget> mountTargets(String fileSystemId) {
    List<EfsMountTarget> out = new ArrayList<>();
    try {
      efs.describeMountTargetsPaginator(r -> r.fileSystemId(fileSystemId))
          .forEach(p -> p.mountTargets().forEach(m -> out.add(EfsMapping.mountTarget(m))));
    } catch (FileSystemNotFoundException e) {
      return List.of();
    }
    return out;
  }

  /** {@code DescribeMountTargetSecurityGroups --mount-target-id}. */
  List<String> mountTargetGroups(String mountTargetId) {
    return EfsMapping.securityGroups(efs.describeMountTargetSecurityGroups(r -> r.mountTargetId(mountTargetId)));
  }

  /** {@code DescribeFileSystemPolicy}: the policy, the default one ({@code PolicyNotFound}), or empty when the file system does not exist. */
  Optional<EfsFileSystemPolicy> policy(String fileSystemId) {
    try {
      return Optional.of(EfsMapping.policy(fileSystemId, efs.describeFileSystemPolicy(r -> r.fileSystemId(fileSystemId))));
    } catch (PolicyNotFoundException e) {
      return Optional.of(EfsMapping.policy(fileSystemId, null));
    } catch (FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /** FSx {@code DescribeFileSystems --file-system-ids}: the file system, or none when it does not exist. */
  List<FsxFileSystem> fsxFileSystem(String fileSystemId) {
    List<FsxFileSystem> out = new ArrayList<>();
    try {
      fsx.describeFileSystemsPaginator(r -> r.fileSystemIds(fileSystemId))
          .forEach(p -> p.fileSystems().forEach(f -> out.add(FsxMapping.fileSystem(f))));
    } catch (software.amazon.awssdk.services.fsx.model.FileSystemNotFoundException e) {
      return List.of();
    }
    return out;
  }
}
