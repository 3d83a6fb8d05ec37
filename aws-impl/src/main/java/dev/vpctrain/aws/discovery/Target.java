package dev.vpctrain.aws.discovery;

import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.job.VpcTarget;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one discovery run looks at: the job's subnets and groups, known VPC ids, buckets, the EFS and
 * FSx for Lustre file systems its channels name, its declared in-VPC targets, its execution role and
 * the KMS keys it names ({@code VolumeKmsKeyId}, {@code OutputDataConfig.KmsKeyId}).
 */
record Target(List<String> subnetIds, List<String> groupIds, List<String> vpcIds, List<String> buckets,
    List<String> efsIds, List<String> fsxIds, List<VpcTarget> vpcTargets, Optional<String> roleArn,
    List<String> kmsKeyIds) {
  Target {
    kmsKeyIds = List.copyOf(kmsKeyIds);
    subnetIds = List.copyOf(subnetIds);
    groupIds = List.copyOf(groupIds);
    vpcIds = List.copyOf(vpcIds);
    buckets = List.copyOf(buckets);
    efsIds = List.copyOf(efsIds);
    fsxIds = List.copyOf(fsxIds);
    vpcTargets = List.copyOf(vpcTargets);
  }

  static Target of(TrainingJobSpec job) {
    List<String> subnets = job.vpc().map(VpcSpec::subnets).orElse(List.of());
    List<String> groups = job.vpc().map(VpcSpec::securityGroups).orElse(List.of());
    return new Target(distinct(subnets), distinct(groups), List.of(), List.copyOf(job.buckets()),
        fileSystems(job, "EFS"), fileSystems(job, "FSxLustre"), job.requiredInVpc(), job.roleArn(),
        distinct(Stream.concat(job.volumeKmsKeyId().stream(), job.outputKmsKeyId().stream()).toList()));
  }

  /**
   * The union of several jobs' targets, for one discovery shared by jobs of the same VPC; the execution role only
   * when they all have the same one.
   */
  static Target ofAll(Collection<TrainingJobSpec> jobs) {
    List<Target> all = jobs.stream().map(Target::of).toList();
    List<Optional<String>> roles = all.stream().map(Target::roleArn).distinct().toList();
    return new Target(union(all, Target::subnetIds), union(all, Target::groupIds), List.of(), union(all, Target::buckets),
        union(all, Target::efsIds), union(all, Target::fsxIds),
        all.stream().flatMap(t -> t.vpcTargets().stream()).distinct().toList(),
        roles.size() == 1 ? roles.get(0) : Optional.empty(), union(all, Target::kmsKeyIds));
  }

  private static List<String> union(List<Target> all, java.util.function.Function<Target, List<String>> part) {
    return distinct(all.stream().flatMap(t -> part.apply(t).stream()).toList());
  }

  static Target ofVpc(String vpcId, Collection<String> buckets) {
    return new Target(List.of(), List.of(), List.of(vpcId), distinct(buckets), List.of(), List.of(), List.of(),
        Optional.empty(), List.of());
  }

  /** True when the job names a file system or an in-VPC target (otherwise no EFS, FSx or ENI call is made). */
  boolean hasInVpcResources() {
    return !efsIds.isEmpty() || !fsxIds.isEmpty() || !vpcTargets.isEmpty();
  }

  /** The file systems of the job's channels of {@code FileSystemType} {@code type} (case-insensitive). */
  private static List<String> fileSystems(TrainingJobSpec job, String type) {
    return distinct(job.inputChannels().stream().filter(InputChannel::isFileSystem)
        .filter(c -> c.fileSystemType().map(type::equalsIgnoreCase).orElse(false))
        .flatMap(c -> c.fileSystemId().stream()).toList());
  }

  private static List<String> distinct(Collection<String> ids) {
    return ids.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
  }
}
