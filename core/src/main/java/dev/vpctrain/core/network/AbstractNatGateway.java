package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A NAT gateway ({@code DescribeNatGateways}). */
@Value.Immutable
abstract class AbstractNatGateway {
  /** {@return {@code NatGatewayId}, for example {@code nat-0123456789abcdef0}} */
  public abstract String natGatewayId();

  /** {@return {@code VpcId}; empty when not captured} */
  public abstract Optional<String> vpcId();

  /** {@return {@code SubnetId}: the subnet the gateway sits in; empty when not captured} */
  public abstract Optional<String> subnetId();

  /** {@return lower-case state: {@code pending}, {@code available}, {@code deleting}, {@code deleted}, {@code failed}} */
  public abstract Optional<String> state();

  /** {@return lower-case {@code public} or {@code private}; absent means public (the API's default)} */
  public abstract Optional<String> connectivityType();

  /** {@return the {@code PublicIp} of each of its {@code NatGatewayAddresses}} */
  public abstract List<String> publicIps();

  /** {@return the {@code PrivateIp} of each of its {@code NatGatewayAddresses}} */
  public abstract List<String> privateIps();

  /** {@return {@code Tags}; empty when it has none} */
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
