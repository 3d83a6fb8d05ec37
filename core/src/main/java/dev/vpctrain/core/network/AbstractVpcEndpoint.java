package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A VPC endpoint of any type ({@code DescribeVpcEndpoints}). */
@Value.Immutable
abstract class AbstractVpcEndpoint {
  /** {@return {@code VpcEndpointId}, for example {@code vpce-0123456789abcdef0}} */
  public abstract String vpcEndpointId();

  /** {@return {@code VpcEndpointType}: gateway, interface, …} */
  public abstract EndpointType type();

  /** {@return {@code VpcId}} */
  public abstract String vpcId();

  /**
   * For example {@code com.amazonaws.us-east-1.s3}.
   *
   * @return the service name, for example {@code com.amazonaws.us-east-1.s3}
   */
  public abstract String serviceName();

  /** {@return lower-case state, {@code available} when usable} */
  public abstract Optional<String> state();

  /** {@return the endpoint policy JSON; absent when the endpoint type has none or it was not captured} */
  public abstract Optional<String> policyDocument();

  /** {@return for a gateway endpoint, the route tables it adds its prefix-list route to} */
  public abstract List<String> routeTableIds();

  /** {@return for an interface endpoint, the subnets it has a network interface in} */
  public abstract List<String> subnetIds();

  /** {@return for an interface endpoint, its security groups} */
  public abstract List<String> groupIds();

  /** {@return whether the interface endpoint resolves the service's default DNS name (false when not given)} */
  @Value.Default
  public boolean privateDnsEnabled() {
    return false;
  }

  /** {@return {@code NetworkInterfaceIds}: an interface endpoint's network interfaces, one per subnet} */
  public abstract List<String> networkInterfaceIds();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return {@code Tags}; empty when it has none} */
  public abstract List<Tag> tags();

  /** {@return true when the state is {@code available}} */
  public boolean isAvailable() {
    return state().map("available"::equalsIgnoreCase).orElse(false);
  }

  /**
   * {@return the service suffix after {@code com.amazonaws.<region>.}, for example {@code s3} or {@code ecr.dkr};
   * the full service name when it does not have that form}
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
