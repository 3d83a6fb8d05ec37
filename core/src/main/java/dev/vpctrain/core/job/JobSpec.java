package dev.vpctrain.core.job;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A SageMaker job of any {@linkplain JobKind kind} as the rules see it: one or more
 * {@linkplain #workloads() workloads}, each shaped as a {@link TrainingJobSpec} (instances, subnets and
 * security groups, S3 requests, services), so that a rule does not care which API the job came from.
 * A training job is its own workload; a processing job has one ({@link ProcessingJobSpec}); a
 * hyperparameter tuning job has one per training job definition ({@link TuningJobSpec}).
 */
public interface JobSpec {
  /** {@return which API the job comes from} */
  JobKind kind();

  /** {@return the job's name: {@code TrainingJobName}, {@code ProcessingJobName} or {@code HyperParameterTuningJobName}} */
  String name();

  /** {@return what the rules check, at least one: the job itself, or one per tuning definition} */
  List<TrainingJobSpec> workloads();

  /**
   * A copy with {@code change} applied to every workload, for what the user adds beyond the request
   * (required services, accepted UNVERIFIED checks, the region).
   *
   * @param change the change to each workload; it must keep each workload's kind and name
   * @return the changed job
   */
  JobSpec withEachWorkload(UnaryOperator<TrainingJobSpec> change);

  /**
   * The whole job as one training-shaped workload, for what works on the job's network as a whole
   * (live discovery, the remediation plan): the one workload, or for a tuning job with several
   * definitions the first definition widened to every definition's subnets, security groups, input
   * channels and S3 outputs. Its role is the first definition's. Rules read {@link #workloads()}.
   *
   * @return the job's scope
   */
  default TrainingJobSpec scope() {
    return Scopes.of(this);
  }
}
