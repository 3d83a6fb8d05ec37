package dev.vpctrain.core.job;

import org.immutables.value.Value;

/** A heterogeneous-cluster instance group ({@code ResourceConfig.InstanceGroups[]}). */
@Value.Immutable
abstract class AbstractInstanceGroup {
  @Value.Parameter
  public abstract String name();

  @Value.Parameter
  public abstract String instanceType();

  @Value.Parameter
  public abstract int instanceCount();
}
