package dev.vpctrain.aws.discovery;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcSpec;
import java.util.Collection;
import java.util.List;

/** What one discovery run looks at: the job's subnets and groups, known VPC ids, and buckets. */
record Target(List<String> subnetIds, List<String> groupIds, List<String> vpcIds, List<String> buckets) {
  Target {
    subnetIds = List.copyOf(subnetIds);
    groupIds = List.copyOf(groupIds);
    vpcIds = List.copyOf(vpcIds);
    buckets = List.copyOf(buckets);
  }

  static Target of(TrainingJobSpec job) {
    List<String> subnets = job.vpc().map(VpcSpec::subnets).orElse(List.of());
    List<String> groups = job.vpc().map(VpcSpec::securityGroups).orElse(List.of());
    return new Target(distinct(subnets), distinct(groups), List.of(), List.copyOf(job.buckets()));
  }

  static Target ofVpc(String vpcId, Collection<String> buckets) {
    return new Target(List.of(), List.of(), List.of(vpcId), distinct(buckets));
  }

  private static List<String> distinct(Collection<String> ids) {
    return ids.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
  }
}
