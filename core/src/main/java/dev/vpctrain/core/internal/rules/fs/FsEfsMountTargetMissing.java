package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fs.efs.mount-target.missing}: an EFS file system the job mounts has no mount target in
 * state {@code available} in the job's VPC, nor anywhere else the job could route to. Mount targets
 * that exist only in another VPC pass here: whether the job reaches them is {@code fs.route}'s call.
 */
public final class FsEfsMountTargetMissing extends EfsChannelRule {
  public FsEfsMountTargetMissing() {
    super("fs.efs.mount-target.missing", Severity.ERROR,
        "Every EFS file system the job mounts has an available mount target in the job's VPC");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    NetworkSnapshot n = ctx.network();
    List<Finding> out = new ArrayList<>();
    Set<String> passed = new LinkedHashSet<>();
    Set<String> elsewhere = new LinkedHashSet<>();
    for (FileSystemChannel ch : channels) {
      Map<String, List<String>> byVpc = new LinkedHashMap<>();
      for (String id : jobSubnets(ctx)) {
        Optional<Subnet> s = n.subnet(id);
        if (s.isEmpty()) {
          out.add(unverified("Whether " + ch.label() + " has a mount target in the job's VPC cannot be checked: "
              + subnetUnknown(n, id) + ".", null, id, ch.fileSystemId()));
        } else {
          byVpc.computeIfAbsent(s.get().vpcId(), k -> new ArrayList<>()).add(id);
        }
      }
      Optional<List<EfsMountTarget>> all = n.efsMountTargetsOf(ch.fileSystemId());
      for (Map.Entry<String, List<String>> e : byVpc.entrySet()) {
        String vpc = e.getKey();
        List<String> subnets = e.getValue();
        if (all.isEmpty()) {
          out.add(unverified("Whether " + ch.label() + " has an available mount target in " + vpc + " cannot be checked: "
              + mountTargetsUnknown(n, ch.fileSystemId()) + ".",
              "Capture the mount targets (aws efs describe-mount-targets --file-system-id " + ch.fileSystemId() + ").",
              resources(subnets, ch.fileSystemId())));
          continue;
        }
        if (!ch.availableMountTargetsIn(vpc).orElse(List.of()).isEmpty()) {
          passed.add(ch.fileSystemId());
          continue;
        }
        List<EfsMountTarget> available = all.get().stream().filter(EfsMountTarget::isAvailable).toList();
        if (!available.isEmpty()) {
          elsewhere.add(ch.fileSystemId() + " (" + String.join(", ", available.stream().map(m -> m.mountTargetId()
              + m.vpcId().map(v -> " in " + v).orElse("")).toList()) + ")");
          continue;
        }
        out.add(failure(ctx, ch, vpc, subnets, all.get()));
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    String message = passed.isEmpty() ? "" : "Every EFS file system the job mounts (" + String.join(", ", passed)
        + ") has an available mount target in the job's VPC.";
    if (!elsewhere.isEmpty()) {
      message += (message.isEmpty() ? "" : " ") + "The mount targets of " + String.join(", ", elsewhere)
          + " are outside the job's VPC: whether the job reaches them is checked by fs.route.";
    }
    return one(pass(message));
  }

  private Finding failure(RuleContext ctx, FileSystemChannel ch, String vpc, List<String> subnets, List<EfsMountTarget> all) {
    String fs = ch.fileSystemId();
    Optional<EfsFileSystem> efs = ch.efs();
    List<String> notReady = all.stream()
        .map(m -> m.mountTargetId() + " is " + m.lifeCycleState().orElse("in an unknown state")).toList();
    String message = ch.label() + " has no mount target in state available"
        + (notReady.isEmpty() ? " (it has none at all)" : " (" + String.join(", ", notReady) + ")")
        + ", so the job's instances in " + vpc + " have nothing to mount: SageMaker fails the job with "
        + TIMEOUT_TEXT + ".";
    List<String> jobGroups = JobPeers.groups(ctx.job());
    String group = "<mount-target-sg>";
    List<String> cmds = new ArrayList<>();
    Optional<String> oneZone = efs.filter(EfsFileSystem::isOneZone)
        .flatMap(f -> f.availabilityZoneName().or(f::availabilityZoneId));
    Set<String> zones = new LinkedHashSet<>();
    for (String id : subnets) {
      Subnet s = ctx.network().subnet(id).orElseThrow();
      String zone = s.availabilityZone().or(s::availabilityZoneId).orElse(id);
      boolean fits = oneZone.isEmpty() || oneZone.get().equals(s.availabilityZone().orElse(""))
          || oneZone.get().equals(s.availabilityZoneId().orElse(""));
      if (fits && zones.add(zone)) {
        cmds.add(createMountTarget(fs, id, List.of(group)));
      }
    }
    String fix;
    if (oneZone.isPresent() && cmds.isEmpty()) {
      fix = fs + " is a One Zone file system in " + oneZone.get() + " and no job subnet is in that zone: create its mount "
          + "target in a subnet of " + oneZone.get() + " (" + createMountTarget(fs, "<subnet-in-" + oneZone.get() + ">",
              List.of(group)) + ") and add that subnet to the job";
    } else {
      fix = "Create a mount target " + (oneZone.isPresent() ? "in " + oneZone.get() + " (a One Zone file system has one)"
          : "in each Availability Zone of the job's subnets") + ": " + String.join(" && ", cmds);
    }
    if (!jobGroups.isEmpty()) {
      fix += "; its security group must admit TCP 2049 from the job's group ("
          + Commands.tcpIngressFromGroup(group, FileSystemChannel.NFS_PORT, jobGroups.get(0)) + ")";
    }
    List<String> res = new ArrayList<>(subnets);
    res.add(fs);
    all.forEach(m -> res.add(m.mountTargetId()));
    return fail(message, fix + ".", res.toArray(new String[0]));
  }

  private static String[] resources(List<String> subnets, String fileSystemId) {
    List<String> res = new ArrayList<>(subnets);
    res.add(fileSystemId);
    return res.toArray(new String[0]);
  }
}
