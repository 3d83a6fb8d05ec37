package dev.vpctrain.core.job;

import java.util.Arrays;
import java.util.List;
import org.immutables.value.Value;

/** The job's {@code VpcConfig}: subnets and security groups, in the order given. */
@Value.Immutable
abstract class AbstractVpcSpec {
  /** {@return {@code VpcConfig.Subnets}} */
  public abstract List<String> subnets();

  /** {@return {@code VpcConfig.SecurityGroupIds}} */
  public abstract List<String> securityGroups();

  /** {@return a builder holding this config's values} */
  public VpcSpec.Builder toBuilder() {
    return VpcSpec.builder().from(this);
  }

  /** Adds the generated builder's varargs setters (the generated ones replace from an {@code Iterable}). */
  abstract static class Builder {
    /**
     * Replaces the subnets.
     *
     * @param ids the ids
     * @return this builder
     */
    public VpcSpec.Builder subnets(String... ids) {
      return self().subnets(Arrays.asList(ids));
    }

    /**
     * Replaces the security groups.
     *
     * @param ids the ids
     * @return this builder
     */
    public VpcSpec.Builder securityGroups(String... ids) {
      return self().securityGroups(Arrays.asList(ids));
    }

    private VpcSpec.Builder self() {
      return (VpcSpec.Builder) this;
    }
  }
}
