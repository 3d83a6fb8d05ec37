package dev.vpctrain.core.job;

/**
 * {@code AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAccessMode}: where the training image
 * is pulled from ({@link TrainingJobSpec#repositoryAccessMode()}).
 */
public enum RepositoryAccessMode {
  /** The image comes from ECR through SageMaker's platform. */
  PLATFORM,
  /** The image is pulled through the job's VPC from a private registry. */
  VPC
}
