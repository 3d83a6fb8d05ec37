package dev.vpctrain.core.job;

import org.immutables.value.Value;

/**
 * A further S3 location the job writes: debugger, profiler or TensorBoard output
 * ({@link TrainingJobSpec#additionalS3Outputs()}).
 */
@Value.Immutable
abstract class AbstractS3Output {
  /** {@return where it comes from in the request, for example {@code TensorBoardOutputConfig.S3OutputPath}} */
  @Value.Parameter
  public abstract String field();

  /** {@return the {@code s3://} URI SageMaker writes to, as given} */
  @Value.Parameter
  public abstract String s3Uri();
}
