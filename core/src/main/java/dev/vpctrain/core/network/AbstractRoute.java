package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One route. Exactly one destination (IPv4 CIDR, IPv6 CIDR or prefix list) and one target, as in
 * the EC2 API; {@link #targetKind()} and {@link #targetId()} are derived from the target fields.
 */
@Value.Immutable
abstract class AbstractRoute {
  /** {@return {@code DestinationCidrBlock}; empty for an IPv6 or prefix-list route} */
  public abstract Optional<String> destinationCidrBlock();

  /** {@return {@code DestinationIpv6CidrBlock}; empty for an IPv4 or prefix-list route} */
  public abstract Optional<String> destinationIpv6CidrBlock();

  /** {@return {@code DestinationPrefixListId}, for example the S3 gateway endpoint's {@code pl-…}; empty otherwise} */
  public abstract Optional<String> destinationPrefixListId();

  /** {@return {@code GatewayId}: {@code local}, {@code igw-…}, {@code vpce-…} or {@code vgw-…}; empty for a route with another target} */
  public abstract Optional<String> gatewayId();

  /** {@return {@code NatGatewayId} when the route targets a NAT gateway; empty otherwise} */
  public abstract Optional<String> natGatewayId();

  /** {@return {@code TransitGatewayId} when the route targets a transit gateway; empty otherwise} */
  public abstract Optional<String> transitGatewayId();

  /** {@return {@code VpcPeeringConnectionId} when the route targets a peering connection; empty otherwise} */
  public abstract Optional<String> vpcPeeringConnectionId();

  /** {@return {@code NetworkInterfaceId} when the route targets a network interface; empty otherwise} */
  public abstract Optional<String> networkInterfaceId();

  /** {@return {@code InstanceId} when the route targets an instance; empty otherwise} */
  public abstract Optional<String> instanceId();

  /** {@return {@code EgressOnlyInternetGatewayId} when the route targets one (IPv6 only); empty otherwise} */
  public abstract Optional<String> egressOnlyInternetGatewayId();

  /** {@return {@code CarrierGatewayId} when the route targets a carrier gateway; empty otherwise} */
  public abstract Optional<String> carrierGatewayId();

  /** {@return {@code LocalGatewayId} when the route targets an Outposts local gateway; empty otherwise} */
  public abstract Optional<String> localGatewayId();

  /** {@return {@code CoreNetworkArn} when the route targets a Cloud WAN core network; empty otherwise} */
  public abstract Optional<String> coreNetworkArn();

  /** {@return lower-case {@code active} or {@code blackhole}; absent means active} */
  public abstract Optional<String> state();

  /** {@return {@code Origin}: {@code CreateRouteTable}, {@code CreateRoute} or {@code EnableVgwRoutePropagation}; empty when not captured} */
  public abstract Optional<String> origin();

  /** {@return true unless the state is {@code blackhole}} */
  public boolean isActive() {
    return !state().map("blackhole"::equalsIgnoreCase).orElse(false);
  }

  /** {@return the id of the target: the first target field that is set ({@code local} for the local route); empty text when none is} */
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

  /** {@return the kind of {@link #targetId()}, from the target field that is set} */
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
