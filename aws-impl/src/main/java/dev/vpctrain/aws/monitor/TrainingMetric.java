package dev.vpctrain.aws.monitor;

/** The instance metrics SageMaker publishes per training host (namespace {@code /aws/sagemaker/TrainingJobs}). */
public enum TrainingMetric {
  CPU_UTILIZATION("CPUUtilization"),
  MEMORY_UTILIZATION("MemoryUtilization"),
  GPU_UTILIZATION("GPUUtilization"),
  GPU_MEMORY_UTILIZATION("GPUMemoryUtilization"),
  DISK_UTILIZATION("DiskUtilization");

  private final String metricName;

  TrainingMetric(String metricName) {
    this.metricName = metricName;
  }

  /** The CloudWatch metric name, for example {@code CPUUtilization}. */
  public String metricName() {
    return metricName;
  }
}
