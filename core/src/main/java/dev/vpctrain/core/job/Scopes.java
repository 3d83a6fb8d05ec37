package dev.vpctrain.core.job;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@link JobSpec#scope()}: the one workload, or the first widened to every workload's resources. */
final class Scopes {
  private Scopes() {}

  static TrainingJobSpec of(JobSpec job) {
    List<TrainingJobSpec> all = job.workloads();
    if (all.size() == 1) {
      return all.get(0);
    }
    Set<String> subnets = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    Set<InputChannel> channels = new LinkedHashSet<>();
    Set<S3Output> outputs = new LinkedHashSet<>();
    for (TrainingJobSpec d : all) {
      d.vpc().ifPresent(v -> {
        subnets.addAll(v.subnets());
        groups.addAll(v.securityGroups());
      });
      channels.addAll(d.inputChannels());
      d.outputPath().ifPresent(o -> outputs.add(S3Output.of("OutputDataConfig.S3OutputPath", o)));
      d.checkpointUri().ifPresent(o -> outputs.add(S3Output.of("CheckpointConfig.S3Uri", o)));
      outputs.addAll(d.additionalS3Outputs());
    }
    TrainingJobSpec.Builder b = all.get(0).toBuilder().inputChannels(List.copyOf(channels));
    outputs.forEach(o -> b.addS3Output(o.field(), o.s3Uri()));
    if (!subnets.isEmpty() || !groups.isEmpty()) {
      b.vpc(v -> v.subnets(List.copyOf(subnets)).securityGroups(List.copyOf(groups)));
    }
    return b.build();
  }
}
