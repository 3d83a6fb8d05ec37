package dev.vpctrain.core.job;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.immutables.value.Value;

/**
 * A SageMaker hyperparameter tuning job ({@code CreateHyperParameterTuningJob}) as the rules see it:
 * its training job definitions ({@code TrainingJobDefinition}, or each of {@code TrainingJobDefinitions[]}),
 * each a {@link TrainingJobSpec} with its own {@code VpcConfig}, resources, channels, output and role,
 * and {@code HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs}, how many of its
 * training jobs run at once. Each definition is checked as a training job; {@code subnet.ip-capacity}
 * also checks that the parallel training jobs fit in the subnets at once.
 *
 * <pre>{@code
 * TuningJobSpec job = TuningJobSpec.builder()
 *     .name("resnet50-hpo")
 *     .maxParallelTrainingJobs(8)
 *     .addDefinitions(TrainingJobSpec.builder().name("resnet50-hpo")
 *         .instanceType("ml.p4d.24xlarge").instanceCount(2)
 *         .vpc(v -> v.subnets("subnet-0a1b2c3d4e5f60101").securityGroups("sg-0a1b2c3d4e5f60401"))
 *         .build())
 *     .build();
 * }</pre>
 *
 * The definitions are given kind {@link JobKind#TUNING}; when there are several, each one without a
 * {@linkplain TrainingJobSpec#definitionName() definition name} is named {@code TrainingJobDefinitions[i]}.
 */
@Value.Immutable
abstract class AbstractTuningJobSpec implements JobSpec {
  /** {@return {@code HyperParameterTuningJobName}} */
  @Override
  public abstract String name();

  /** {@return {@code ResourceLimits.MaxParallelTrainingJobs}: how many training jobs run at once} */
  public abstract int maxParallelTrainingJobs();

  /** {@return the training job definitions, in request order} */
  public abstract List<TrainingJobSpec> definitions();

  /** {@return {@link JobKind#TUNING}} */
  @Override
  public JobKind kind() {
    return JobKind.TUNING;
  }

  /** {@return the definitions} */
  @Override
  public List<TrainingJobSpec> workloads() {
    return definitions();
  }

  /**
   * {@inheritDoc}
   *
   * @param change the change
   * @return a tuning job of the changed definitions
   */
  @Override
  public TuningJobSpec withEachWorkload(UnaryOperator<TrainingJobSpec> change) {
    List<TrainingJobSpec> out = new ArrayList<>();
    definitions().forEach(d -> out.add(change.apply(d)));
    return TuningJobSpec.copyOf(this).withDefinitions(out);
  }

  /**
   * Refuses a tuning job without definitions, and gives the definitions their kind and, when there are
   * several, their names (an Immutables {@code @Value.Check}).
   *
   * @return this job, or a copy with its definitions normalized
   */
  @Value.Check
  protected AbstractTuningJobSpec normalize() {
    if (definitions().isEmpty()) {
      throw new IllegalArgumentException("a tuning job has at least one training job definition");
    }
    boolean changed = false;
    List<TrainingJobSpec> out = new ArrayList<>();
    for (int i = 0; i < definitions().size(); i++) {
      TrainingJobSpec d = definitions().get(i);
      TrainingJobSpec n = d.kind() == JobKind.TUNING ? d : d.withKind(JobKind.TUNING);
      if (definitions().size() > 1 && n.definitionName().isEmpty()) {
        n = n.withDefinitionName("TrainingJobDefinitions[" + i + "]");
      }
      changed |= !n.equals(d);
      out.add(n);
    }
    return changed ? TuningJobSpec.copyOf(this).withDefinitions(out) : this;
  }
}
