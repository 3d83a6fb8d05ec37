package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A VPC endpoint of any type ({@code DescribeVpcEndpoints}). */
@Value.Immutable
abstract class AbstractVpcEndpoint {
  public abstract String vpcEndpointId();

  public abstract EndpointType type();

  public abstract String vpcId();

  /** For example {@code com.amazonaws.us-east-1.s3}. */
  public abstract String serviceName();

  /** Lower-case state, {@code available} when usable. */
  public abstract Optional<String> state();

  /** The endpoint policy JSON; absent when the endpoint type has none or it was not captured. */
  public abstract Optional<String> policyDocument();

  /** Gateway endpoints: the route tables it adds its prefix-list route to. */
  public abstract List<String> routeTableIds();

  /** Interface endpoints: the subnets it has a network interface in. */
  public abstract List<String> subnetIds();

  /** Interface endpoints: its security groups. */
  public abstract List<String> groupIds();

  @Value.Default
  public boolean privateDnsEnabled() {
    return false;
  }

  public abstract List<String> networkInterfaceIds();

  public abstract Optional<String> ownerId();

  public abstract List<Tag> tags();

  /** True when the state is {@code available}. */
  public boolean isAvailable() {
    return state().map("available"::equalsIgnoreCase).orElse(false);
  }

  /**
   * The service suffix after {@code com.amazonaws.<region>.}, for example {@code s3} or {@code ecr.dkr};
   * the full service name when it does not have that form.
   */
  public String serviceSuffix() {
    String name = serviceName();
    if (name.startsWith("com.amazonaws.")) {
      String rest = name.substring("com.amazonaws.".length());
      int dot = rest.indexOf('.');
      if (dot > 0) {
        return rest.substring(dot + 1);
      }
    }
    return name;
  }
}
