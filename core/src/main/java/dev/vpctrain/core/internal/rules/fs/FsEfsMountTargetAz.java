package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fs.efs.mount-target.az}: the job's VPC has an available mount target of an EFS file system
 * the job mounts, but none in a job subnet's Availability Zone. The file system's DNS name resolves
 * only to the mount target of the client's own zone, while a mount by IP works across zones; how
 * SageMaker mounts is not documented, so the outcome is UNVERIFIED naming the subnet, never FAIL.
 * One Zone file systems get the same treatment.
 */
public final class FsEfsMountTargetAz extends EfsChannelRule {
  public FsEfsMountTargetAz() {
    super("fs.efs.mount-target.az", Severity.ERROR,
        "Every job subnet's Availability Zone has a mount target of each EFS file system the job mounts");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    NetworkSnapshot n = ctx.network();
    List<Finding> out = new ArrayList<>();
    Set<String> checked = new LinkedHashSet<>();
    Set<String> notApplicable = new LinkedHashSet<>();
    for (FileSystemChannel ch : channels) {
      String fs = ch.fileSystemId();
      for (String id : jobSubnets(ctx)) {
        Optional<Subnet> s = n.subnet(id);
        if (s.isEmpty()) {
          out.add(unverified("Whether " + ch.label() + " has a mount target in the Availability Zone of job subnet " + id
              + " cannot be checked: " + subnetUnknown(n, id) + ".", null, id, fs));
          continue;
        }
        if (n.efsMountTargetsOf(fs).isEmpty()) {
          out.add(unverified("Whether " + ch.label() + " has a mount target in the Availability Zone of job subnet " + id
              + " cannot be checked: " + mountTargetsUnknown(n, fs) + ".",
              "Capture the mount targets (aws efs describe-mount-targets --file-system-id " + fs + ").", id, fs));
          continue;
        }
        List<EfsMountTarget> inVpc = ch.availableMountTargetsIn(s.get().vpcId()).orElse(List.of());
        if (inVpc.isEmpty()) {
          notApplicable.add(fs);
          continue;
        }
        Tri same = Tri.NO;
        for (EfsMountTarget m : inVpc) {
          same = same.or(ch.sameAvailabilityZone(m, s.get()));
        }
        if (same == Tri.YES) {
          checked.add(fs);
        } else if (same == Tri.UNKNOWN) {
          out.add(unverified("Whether " + ch.label() + " has a mount target in the Availability Zone of job subnet " + id
              + " cannot be checked: the zone of the subnet or of its mount targets is not in the snapshot. Its mount "
              + "targets: " + String.join("; ", inVpc.stream().map(EfsChannelRule::describe).toList()) + ".",
              null, resources(id, fs, inVpc)));
        } else {
          out.add(otherZone(ctx, ch, s.get(), inVpc));
        }
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    String message = checked.isEmpty() ? "" : "Every job subnet's Availability Zone has an available mount target of "
        + String.join(", ", checked) + ".";
    if (!notApplicable.isEmpty()) {
      message += (message.isEmpty() ? "" : " ") + String.join(", ", notApplicable)
          + " has no available mount target in the job's VPC (see fs.efs.mount-target.missing).";
    }
    return one(pass(message));
  }

  private Finding otherZone(RuleContext ctx, FileSystemChannel ch, Subnet s, List<EfsMountTarget> inVpc) {
    String fs = ch.fileSystemId();
    Optional<EfsFileSystem> oneZone = ch.efs().filter(EfsFileSystem::isOneZone);
    String targets = String.join("; ", inVpc.stream().map(EfsChannelRule::describe).toList());
    String message = "Job subnet " + s.subnetId() + " is in " + zoneOf(s) + ", where " + ch.label()
        + " has no available mount target. " + (oneZone.isPresent() ? "It is a One Zone file system; its mount target: "
            : "Its mount targets: ") + targets + ". The file system's DNS name resolves only to the mount target "
        + "of the client's own Availability Zone, so a mount by DNS name from " + s.subnetId() + " fails, while a mount "
        + "by mount-target IP address or Availability-Zone-specific name works across zones; how SageMaker mounts EFS "
        + "is not documented.";
    String accept = "--accept-unverified fs.efs.mount-target.az=" + s.subnetId();
    String fix;
    if (oneZone.isPresent()) {
      String zone = oneZone.get().availabilityZoneName().or(() -> oneZone.get().availabilityZoneId()).orElse("its zone");
      fix = "A One Zone file system cannot have a mount target in another zone: give the job only subnets in " + zone
          + " (remove " + s.subnetId() + " from VpcConfig.Subnets), or, once a job in " + s.subnetId()
          + " has mounted it, accept this check (" + accept + ").";
    } else {
      List<String> groups = ctx.network().efsMountTargetGroups(inVpc.get(0)).orElse(List.of());
      fix = "Create a mount target in " + zoneOf(s) + ": " + createMountTarget(fs, s.subnetId(), groups)
          + "; or remove " + s.subnetId() + " from VpcConfig.Subnets; or, once a job in " + s.subnetId()
          + " has mounted it, accept this check (" + accept + ").";
    }
    return unverified(message, fix, resources(s.subnetId(), fs, inVpc));
  }

  private static String[] resources(String subnetId, String fs, List<EfsMountTarget> targets) {
    List<String> res = new ArrayList<>();
    res.add(subnetId);
    res.add(fs);
    targets.forEach(m -> res.add(m.mountTargetId()));
    return res.toArray(new String[0]);
  }
}
