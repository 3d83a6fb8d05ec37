package dev.vpctrain.core.job;

/** {@code TrainingImageConfig.TrainingRepositoryAccessMode}. */
public enum RepositoryAccessMode {
  /** The image comes from ECR through SageMaker's platform. */
  PLATFORM,
  /** The image is pulled through the job's VPC from a private registry. */
  VPC
}
