package dev.vpctrain.aws.monitor;

/** The instance metrics SageMaker publishes per training host (namespace {@code /aws/sagemaker/TrainingJobs}). */
public enum TrainingMetric {
  /** {@code CPUUtilization}: CPU use of the training instances, in percent (100 per core). */
  CPU_UTILIZATION("CPUUtilization"),
  /** {@code MemoryUtilization}: memory use of the training instances, in percent. */
  MEMORY_UTILIZATION("MemoryUtilization"),
  /** {@code GPUUtilization}: GPU use, in percent (100 per GPU). */
  GPU_UTILIZATION("GPUUtilization"),
  /** {@code GPUMemoryUtilization}: GPU memory use, in percent (100 per GPU). */
  GPU_MEMORY_UTILIZATION("GPUMemoryUtilization"),
  /** {@code DiskUtilization}: disk use of the training instances, in percent. */
  DISK_UTILIZATION("DiskUtilization");

  private final String metricName;

  TrainingMetric(String metricName) {
    this.metricName = metricName;
  }

  /** {@return the CloudWatch metric name, for example {@code CPUUtilization}} */
  public String metricName() {
    return metricName;
  }
}
