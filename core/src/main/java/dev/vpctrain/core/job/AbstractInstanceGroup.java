package dev.vpctrain.core.job;

import org.immutables.value.Value;

/**
 * A heterogeneous-cluster instance group ({@code ResourceConfig.InstanceGroups[]}); built with
 * {@code InstanceGroup.of(name, instanceType, instanceCount)} or
 * {@link TrainingJobSpec.Builder#addInstanceGroup}.
 */
@Value.Immutable
abstract class AbstractInstanceGroup {
  /** {@return {@code InstanceGroupName}, unique within the job} */
  @Value.Parameter
  public abstract String name();

  /** {@return {@code InstanceType}, for example {@code ml.p4d.24xlarge}} */
  @Value.Parameter
  public abstract String instanceType();

  /** {@return {@code InstanceCount}: the number of instances in the group} */
  @Value.Parameter
  public abstract int instanceCount();
}
