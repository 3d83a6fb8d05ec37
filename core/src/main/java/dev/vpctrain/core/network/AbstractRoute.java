package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One route. Exactly one destination (IPv4 CIDR, IPv6 CIDR or prefix list) and one target, as in
 * the EC2 API; {@link #targetKind()} and {@link #targetId()} are derived from the target fields.
 */
@Value.Immutable
abstract class AbstractRoute {
  /** {@return the destination CIDR block, or empty} */
  public abstract Optional<String> destinationCidrBlock();

  /** {@return the destination IPv6 CIDR block, or empty} */
  public abstract Optional<String> destinationIpv6CidrBlock();

  /** {@return the destination prefix list id, or empty} */
  public abstract Optional<String> destinationPrefixListId();

  /** {@return {@code local}, {@code igw-…}, {@code vpce-…} or {@code vgw-…}} */
  public abstract Optional<String> gatewayId();

  /** {@return the NAT gateway id, or empty} */
  public abstract Optional<String> natGatewayId();

  /** {@return the transit gateway id, or empty} */
  public abstract Optional<String> transitGatewayId();

  /** {@return the VPC peering connection id, or empty} */
  public abstract Optional<String> vpcPeeringConnectionId();

  /** {@return the network interface id, or empty} */
  public abstract Optional<String> networkInterfaceId();

  /** {@return the instance id, or empty} */
  public abstract Optional<String> instanceId();

  /** {@return the egress only internet gateway id, or empty} */
  public abstract Optional<String> egressOnlyInternetGatewayId();

  /** {@return the carrier gateway id, or empty} */
  public abstract Optional<String> carrierGatewayId();

  /** {@return the local gateway id, or empty} */
  public abstract Optional<String> localGatewayId();

  /** {@return the core network ARN, or empty} */
  public abstract Optional<String> coreNetworkArn();

  /** {@return lower-case {@code active} or {@code blackhole}; absent means active} */
  public abstract Optional<String> state();

  /** {@return the origin, or empty} */
  public abstract Optional<String> origin();

  /** {@return true unless the state is {@code blackhole}} */
  public boolean isActive() {
    return !state().map("blackhole"::equalsIgnoreCase).orElse(false);
  }

  /** {@return the id of the target ({@code local} for the local route)} */
  @Value.Derived
  public String targetId() {
    return natGatewayId()
        .or(this::transitGatewayId)
        .or(this::vpcPeeringConnectionId)
        .or(this::egressOnlyInternetGatewayId)
        .or(this::carrierGatewayId)
        .or(this::localGatewayId)
        .or(this::coreNetworkArn)
        .or(this::gatewayId)
        .or(this::instanceId)
        .or(this::networkInterfaceId)
        .orElse("");
  }

  /** {@return the kind of the target} */
  @Value.Derived
  public RouteTargetKind targetKind() {
    if (natGatewayId().isPresent()) {
      return RouteTargetKind.NAT_GATEWAY;
    }
    if (transitGatewayId().isPresent()) {
      return RouteTargetKind.TRANSIT_GATEWAY;
    }
    if (vpcPeeringConnectionId().isPresent()) {
      return RouteTargetKind.PEERING_CONNECTION;
    }
    if (egressOnlyInternetGatewayId().isPresent()) {
      return RouteTargetKind.EGRESS_ONLY_INTERNET_GATEWAY;
    }
    if (carrierGatewayId().isPresent() || localGatewayId().isPresent() || coreNetworkArn().isPresent()) {
      return RouteTargetKind.OTHER;
    }
    if (gatewayId().isPresent()) {
      String g = gatewayId().get();
      if (g.equals("local")) {
        return RouteTargetKind.LOCAL;
      }
      if (g.startsWith("igw-")) {
        return RouteTargetKind.INTERNET_GATEWAY;
      }
      if (g.startsWith("vpce-")) {
        return RouteTargetKind.GATEWAY_ENDPOINT;
      }
      if (g.startsWith("vgw-")) {
        return RouteTargetKind.VPN_GATEWAY;
      }
      return RouteTargetKind.OTHER;
    }
    if (instanceId().isPresent()) {
      return RouteTargetKind.INSTANCE;
    }
    if (networkInterfaceId().isPresent()) {
      return RouteTargetKind.NETWORK_INTERFACE;
    }
    return RouteTargetKind.OTHER;
  }
}
