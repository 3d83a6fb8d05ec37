package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A NAT gateway ({@code DescribeNatGateways}). */
@Value.Immutable
abstract class AbstractNatGateway {
  /** {@return the NAT gateway id} */
  public abstract String natGatewayId();

  /** {@return the VPC id, or empty} */
  public abstract Optional<String> vpcId();

  /** {@return the subnet id, or empty} */
  public abstract Optional<String> subnetId();

  /** {@return lower-case state: {@code pending}, {@code available}, {@code deleting}, {@code deleted}, {@code failed}} */
  public abstract Optional<String> state();

  /** {@return lower-case {@code public} or {@code private}; absent means public (the API's default)} */
  public abstract Optional<String> connectivityType();

  /** {@return the public IPs of its addresses} */
  public abstract List<String> publicIps();

  /** {@return the private IPs} */
  public abstract List<String> privateIps();

  /** {@return the tags} */
  public abstract List<Tag> tags();

  /** {@return true when the NAT gateway's state is {@code available}} */
  public boolean isAvailable() {
    return state().map("available"::equalsIgnoreCase).orElse(false);
  }

  /** {@return true for a public NAT gateway (the default when the connectivity type is not given)} */
  public boolean isPublic() {
    return connectivityType().map("public"::equalsIgnoreCase).orElse(true);
  }
}
