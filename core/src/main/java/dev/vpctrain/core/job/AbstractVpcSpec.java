package dev.vpctrain.core.job;

import java.util.Arrays;
import java.util.List;
import org.immutables.value.Value;

/**
 * The job's {@code VpcConfig}: subnets and security groups, in the order given. Build with
 * {@code VpcSpec.builder()} or edit in place with {@link TrainingJobSpec.Builder#vpc(java.util.function.Consumer)}.
 */
@Value.Immutable
abstract class AbstractVpcSpec {
  /** {@return {@code VpcConfig.Subnets}: subnet ids, as given (SageMaker takes 1 to 16)} */
  public abstract List<String> subnets();

  /** {@return {@code VpcConfig.SecurityGroupIds}: security group ids, as given (SageMaker takes 1 to 5)} */
  public abstract List<String> securityGroups();

  /** {@return a builder holding this config's values} */
  public VpcSpec.Builder toBuilder() {
    return VpcSpec.builder().from(this);
  }

  /** Adds the generated builder's varargs setters (the generated ones replace from an {@code Iterable}). */
  abstract static class Builder {
    /**
     * Replaces {@code VpcConfig.Subnets}.
     *
     * @param ids subnet ids, for example {@code subnet-0a1b2c3d4e5f60718}
     * @return this builder
     */
    public VpcSpec.Builder subnets(String... ids) {
      return self().subnets(Arrays.asList(ids));
    }

    /**
     * Replaces {@code VpcConfig.SecurityGroupIds}.
     *
     * @param ids security group ids, for example {@code sg-0123456789abcdef0}
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
