package dev.vpctrain.testkit.internal.efs;

import dev.vpctrain.aws.internal.efs.EfsMapping;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.Pages;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.sdk.Unknown;
import dev.vpctrain.testkit.internal.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.EfsServiceClientConfiguration;
import software.amazon.awssdk.services.efs.model.AccessPointNotFoundException;
import software.amazon.awssdk.services.efs.model.BadRequestException;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyResponse;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetSecurityGroupsRequest;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetSecurityGroupsResponse;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsRequest;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsResponse;
import software.amazon.awssdk.services.efs.model.EfsException;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.FileSystemNotFoundException;
import software.amazon.awssdk.services.efs.model.IncorrectMountTargetStateException;
import software.amazon.awssdk.services.efs.model.MountTargetDescription;
import software.amazon.awssdk.services.efs.model.MountTargetNotFoundException;
import software.amazon.awssdk.services.efs.model.PolicyNotFoundException;

/**
 * The fake Amazon EFS service: the read calls of vpctrain's discovery over the world's file
 * systems, mount targets, mount-target security groups and file-system policies. It answers the
 * SDK's own shapes, made from the world by {@code EfsMapping} (the one mapping); errors are EFS's:
 * {@code FileSystemNotFound}, {@code MountTargetNotFound}, {@code PolicyNotFound} (no policy: the
 * default one is in effect), {@code BadRequest}; paging by {@code MaxItems}/{@code Marker}. What the
 * world does not know (not captured) answers with its recorded capture error, else
 * {@code AccessDeniedException}. Public for the client proxy only.
 */
@FakeClientOf(value = EfsClient.class, name = "FakeEfsClient")
public final class FakeEfs {
  private static final ServiceErrors ERRORS = new ServiceErrors("Efs", EfsException::builder, Map.of(
      "FileSystemNotFound", FileSystemNotFoundException::builder,
      "MountTargetNotFound", MountTargetNotFoundException::builder,
      "AccessPointNotFound", AccessPointNotFoundException::builder,
      "PolicyNotFound", PolicyNotFoundException::builder,
      "IncorrectMountTargetState", IncorrectMountTargetStateException::builder,
      "BadRequest", BadRequestException::builder,
      "ThrottlingException", software.amazon.awssdk.services.efs.model.ThrottlingException::builder,
      "InternalServerError", software.amazon.awssdk.services.efs.model.InternalServerErrorException::builder));
  private static final String DENIED = "AccessDeniedException";
  private static final int DEFAULT_PAGE = 100;

  private final World world;

  private FakeEfs(World world) {
    this.world = world;
  }

  /** An {@code EfsClient} over {@code world}. */
  public static EfsClient client(World world) {
    return new FakeEfsClient(new ClientDispatch("efs", "elasticfilesystem", new FakeEfs(world), world, ERRORS,
        "x-amzn-RequestId"));
  }

  public EfsServiceClientConfiguration serviceClientConfiguration() {
    return EfsServiceClientConfiguration.builder().region(Region.of(world.region())).build();
  }

  /** One file system by {@code FileSystemId}, or every one (by {@code CreationToken}: none, the world keeps no tokens), paged. */
  public DescribeFileSystemsResponse describeFileSystems(DescribeFileSystemsRequest r) {
    NetworkSnapshot n = world.network();
    List<EfsFileSystem> all = n.efsFileSystems().orElseThrow(() -> Unknown.error(n, Section.EFS_FILE_SYSTEMS, null, DENIED));
    List<FileSystemDescription> selected = new ArrayList<>();
    if (r.fileSystemId() != null) {
      selected.add(EfsMapping.sdkFileSystem(n.efsFileSystem(r.fileSystemId())
          .orElseThrow(() -> fileSystemNotFound(r.fileSystemId()))));
    } else if (r.creationToken() == null) {
      all.forEach(f -> selected.add(EfsMapping.sdkFileSystem(f)));
    }
    Pages.Page<FileSystemDescription> page = page(selected, r.maxItems(), r.marker(), "DescribeFileSystems");
    return DescribeFileSystemsResponse.builder().fileSystems(page.items()).marker(r.marker())
        .nextMarker(page.nextToken()).build();
  }

  /** The mount targets of one file system, or one mount target (exactly one of the two ids, as EFS requires). */
  public DescribeMountTargetsResponse describeMountTargets(DescribeMountTargetsRequest r) {
    int given = (r.fileSystemId() != null ? 1 : 0) + (r.mountTargetId() != null ? 1 : 0) + (r.accessPointId() != null ? 1 : 0);
    if (given != 1) {
      throw badRequest("Must specify exactly one mutually exclusive parameter: FileSystemId, MountTargetId or AccessPointId.");
    }
    NetworkSnapshot n = world.network();
    List<MountTargetDescription> selected = new ArrayList<>();
    if (r.accessPointId() != null) {
      throw new AwsError("AccessPointNotFound", "Access point '" + r.accessPointId() + "' does not exist.", 404);
    } else if (r.mountTargetId() != null) {
      selected.add(EfsMapping.sdkMountTarget(mountTarget(n, r.mountTargetId())));
    } else {
      if (n.has(Section.EFS_FILE_SYSTEMS) && n.efsFileSystem(r.fileSystemId()).isEmpty()) {
        throw fileSystemNotFound(r.fileSystemId());
      }
      n.efsMountTargetsOf(r.fileSystemId())
          .orElseThrow(() -> Unknown.error(n, Section.EFS_MOUNT_TARGETS, r.fileSystemId(), DENIED))
          .forEach(m -> selected.add(EfsMapping.sdkMountTarget(m)));
    }
    Pages.Page<MountTargetDescription> page = page(selected, r.maxItems(), r.marker(), "DescribeMountTargets");
    return DescribeMountTargetsResponse.builder().mountTargets(page.items()).marker(r.marker())
        .nextMarker(page.nextToken()).build();
  }

  /** The security groups of an available mount target. */
  public DescribeMountTargetSecurityGroupsResponse describeMountTargetSecurityGroups(DescribeMountTargetSecurityGroupsRequest r) {
    if (r.mountTargetId() == null) {
      throw badRequest("MountTargetId is required.");
    }
    NetworkSnapshot n = world.network();
    EfsMountTarget m = mountTarget(n, r.mountTargetId());
    if (m.lifeCycleState().isPresent() && !m.isAvailable()) {
      throw new AwsError("IncorrectMountTargetState", "Mount target '" + m.mountTargetId() + "' is in state "
          + m.lifeCycleState().get() + "; it must be available.", 409);
    }
    List<String> groups = n.efsMountTargetGroups(m)
        .orElseThrow(() -> Unknown.error(n, Section.EFS_MOUNT_TARGET_SECURITY_GROUPS, m.mountTargetId(), DENIED));
    return EfsMapping.sdkSecurityGroups(groups);
  }

  /** The file system's policy; {@code PolicyNotFound} when it has none (the default policy is in effect). */
  public DescribeFileSystemPolicyResponse describeFileSystemPolicy(DescribeFileSystemPolicyRequest r) {
    if (r.fileSystemId() == null) {
      throw badRequest("FileSystemId is required.");
    }
    NetworkSnapshot n = world.network();
    if (n.has(Section.EFS_FILE_SYSTEMS) && n.efsFileSystem(r.fileSystemId()).isEmpty()) {
      throw fileSystemNotFound(r.fileSystemId());
    }
    EfsFileSystemPolicy p = n.efsFileSystemPolicy(r.fileSystemId());
    if (p.policyState() == PolicyState.NONE) {
      throw new AwsError("PolicyNotFound", null, 404);
    }
    Optional<DescribeFileSystemPolicyResponse> answer = EfsMapping.sdkPolicy(p);
    return answer.orElseThrow(() -> Unknown.error(n, Section.EFS_FILE_SYSTEM_POLICIES, r.fileSystemId(), DENIED));
  }

  private static EfsMountTarget mountTarget(NetworkSnapshot n, String id) {
    List<EfsMountTarget> all = n.efsMountTargets().orElseThrow(() -> Unknown.error(n, Section.EFS_MOUNT_TARGETS, null, DENIED));
    return all.stream().filter(m -> m.mountTargetId().equals(id)).findFirst()
        .orElseThrow(() -> new AwsError("MountTargetNotFound", "Mount target '" + id + "' does not exist.", 404));
  }

  private static <T> Pages.Page<T> page(List<T> items, Integer maxItems, String marker, String scope) {
    if (maxItems != null && maxItems < 1) {
      throw badRequest("1 validation error detected: Value '" + maxItems
          + "' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
    return Pages.slice(items, maxItems == null ? DEFAULT_PAGE : maxItems, marker, scope,
        t -> badRequest("Invalid Marker: " + t));
  }

  private static AwsError fileSystemNotFound(String id) {
    return new AwsError("FileSystemNotFound", "File system '" + id + "' does not exist.", 404);
  }

  private static AwsError badRequest(String message) {
    return new AwsError("BadRequest", message, 400);
  }
}
