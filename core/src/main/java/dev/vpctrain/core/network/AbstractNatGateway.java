package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A NAT gateway ({@code DescribeNatGateways}). */
@Value.Immutable
abstract class AbstractNatGateway {
  public abstract String natGatewayId();

  public abstract Optional<String> vpcId();

  public abstract Optional<String> subnetId();

  /** Lower-case state: {@code pending}, {@code available}, {@code deleting}, {@code deleted}, {@code failed}. */
  public abstract Optional<String> state();

  /** Lower-case {@code public} or {@code private}; absent means public (the API's default). */
  public abstract Optional<String> connectivityType();

  /** The public IPs of its addresses. */
  public abstract List<String> publicIps();

  public abstract List<String> privateIps();

  public abstract List<Tag> tags();

  public boolean isAvailable() {
    return state().map("available"::equalsIgnoreCase).orElse(false);
  }

  public boolean isPublic() {
    return connectivityType().map("public"::equalsIgnoreCase).orElse(true);
  }
}
