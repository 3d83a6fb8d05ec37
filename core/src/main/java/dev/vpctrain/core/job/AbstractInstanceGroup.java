package dev.vpctrain.core.job;

import org.immutables.value.Value;

/** A heterogeneous-cluster instance group ({@code ResourceConfig.InstanceGroups[]}). */
@Value.Immutable
abstract class AbstractInstanceGroup {
  /** {@return the name} */
  @Value.Parameter
  public abstract String name();

  /** {@return the instance type} */
  @Value.Parameter
  public abstract String instanceType();

  /** {@return the instance count} */
  @Value.Parameter
  public abstract int instanceCount();
}
