package dev.vpctrain.core.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The job's {@code VpcConfig}: subnets and security groups, in the order given. */
public final class VpcSpec {
  private final List<String> subnets;
  private final List<String> securityGroups;

  private VpcSpec(Builder b) {
    this.subnets = List.copyOf(b.subnets);
    this.securityGroups = List.copyOf(b.securityGroups);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().subnets(subnets).securityGroups(securityGroups);
  }

  /** {@code VpcConfig.Subnets}. */
  public List<String> subnets() {
    return subnets;
  }

  /** {@code VpcConfig.SecurityGroupIds}. */
  public List<String> securityGroups() {
    return securityGroups;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VpcSpec
        && ((VpcSpec) o).subnets.equals(subnets)
        && ((VpcSpec) o).securityGroups.equals(securityGroups);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subnets, securityGroups);
  }

  @Override
  public String toString() {
    return "VpcSpec{subnets=" + subnets + ", securityGroups=" + securityGroups + "}";
  }

  /** Builds a {@link VpcSpec}; setters replace, {@code add*} append. */
  public static final class Builder {
    private final List<String> subnets = new ArrayList<>();
    private final List<String> securityGroups = new ArrayList<>();

    private Builder() {}

    public Builder subnets(String... ids) {
      return subnets(Arrays.asList(ids));
    }

    public Builder subnets(Collection<String> ids) {
      subnets.clear();
      ids.forEach(id -> subnets.add(Objects.requireNonNull(id, "subnet id")));
      return this;
    }

    public Builder addSubnet(String id) {
      subnets.add(Objects.requireNonNull(id, "subnet id"));
      return this;
    }

    public Builder securityGroups(String... ids) {
      return securityGroups(Arrays.asList(ids));
    }

    public Builder securityGroups(Collection<String> ids) {
      securityGroups.clear();
      ids.forEach(id -> securityGroups.add(Objects.requireNonNull(id, "security group id")));
      return this;
    }

    public Builder addSecurityGroup(String id) {
      securityGroups.add(Objects.requireNonNull(id, "security group id"));
      return this;
    }

    public VpcSpec build() {
      return new VpcSpec(this);
    }
  }
}
