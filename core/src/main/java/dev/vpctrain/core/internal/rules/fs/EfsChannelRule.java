package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * The shared frame of the {@code fs.efs.*} rules: a job without an EFS channel or outside a VPC
 * passes; otherwise the rule looks at each EFS channel (and, for most, at each job subnet).
 */
abstract class EfsChannelRule extends FsRule {
  /** The known SageMaker failure text of an unreachable mount target (rules.md). */
  static final String TIMEOUT_TEXT = "\"ClientError: Unable to mount file system: fs-…, directory path: …. File system "
      + "connection timed out. Please ensure that mount target IP address of file system is reachable and the security "
      + "groups you associate with file system must allow inbound access on NFS port.\"";

  EfsChannelRule(String id, Severity severity, String title) {
    super(id, severity, title, FileSystemChannel::isEfs, "The job has no EFS channel.");
  }

  /** The job's subnets, distinct, in request order. */
  static List<String> jobSubnets(RuleContext ctx) {
    return JobPeers.subnets(ctx.job());
  }

  /** Why job subnet {@code subnetId} is not in the snapshot. */
  static String subnetUnknown(NetworkSnapshot n, String subnetId) {
    return "job subnet " + subnetId + " is not in the snapshot"
        + (n.has(Section.SUBNETS) ? " (see vpc.resource.not-found)" : ": " + n.unknownReason(Section.SUBNETS));
  }

  /** Why the mount targets of {@code fileSystemId} are unknown (the snapshot's efsMountTargetsOf is empty). */
  static String mountTargetsUnknown(NetworkSnapshot n, String fileSystemId) {
    Optional<CaptureError> err = n.errorFor(Section.EFS_MOUNT_TARGETS, fileSystemId);
    if (err.isPresent()) {
      return Section.EFS_MOUNT_TARGETS.operation() + " failed for " + fileSystemId + " during capture ("
          + err.get().code() + ": " + err.get().message() + ")";
    }
    if (!n.has(Section.EFS_MOUNT_TARGETS)) {
      return n.unknownReason(Section.EFS_MOUNT_TARGETS);
    }
    return Section.EFS_MOUNT_TARGETS.operation() + " for " + fileSystemId + " is not in the snapshot";
  }

  /** {@code us-east-1a (use1-az1)}, or what is known of a subnet's zone. */
  static String zoneOf(Subnet s) {
    return zone(s.availabilityZone(), s.availabilityZoneId());
  }

  /** {@code us-east-1a (use1-az1)}, or what is known of a mount target's zone. */
  static String zoneOf(EfsMountTarget m) {
    return zone(m.availabilityZoneName(), m.availabilityZoneId());
  }

  private static String zone(Optional<String> name, Optional<String> id) {
    if (name.isPresent() && id.isPresent()) {
      return name.get() + " (" + id.get() + ")";
    }
    return name.or(() -> id).orElse("an unknown Availability Zone");
  }

  /** {@code fsmt-… at 10.20.1.20 in us-east-1a (use1-az1)}. */
  static String describe(EfsMountTarget m) {
    return m.mountTargetId() + m.ipAddress().map(a -> " at " + a).orElse("") + " in " + zoneOf(m);
  }

  /** The command that creates a mount target of {@code fileSystemId} in {@code subnetId} with {@code groups}. */
  static String createMountTarget(String fileSystemId, String subnetId, List<String> groups) {
    return "aws efs create-mount-target --file-system-id " + fileSystemId + " --subnet-id " + subnetId
        + " --security-groups " + (groups.isEmpty() ? "<mount-target-sg>" : String.join(" ", groups));
  }
}
