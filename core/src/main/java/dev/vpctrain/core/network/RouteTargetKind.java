package dev.vpctrain.core.network;

/** What a route sends traffic to ({@link Route#targetKind()}), named by the target's id prefix. */
public enum RouteTargetKind {
  /** The VPC's own CIDR ({@code GatewayId = local}). */
  LOCAL,
  /** A gateway VPC endpoint ({@code GatewayId = vpce-…}). */
  GATEWAY_ENDPOINT,
  /** An internet gateway ({@code igw-…}). */
  INTERNET_GATEWAY,
  /** An egress-only internet gateway ({@code eigw-…}, IPv6). */
  EGRESS_ONLY_INTERNET_GATEWAY,
  /** A virtual private gateway ({@code vgw-…}). */
  VPN_GATEWAY,
  /** A NAT gateway ({@code nat-…}). */
  NAT_GATEWAY,
  /** A transit gateway ({@code tgw-…}). */
  TRANSIT_GATEWAY,
  /** A VPC peering connection ({@code pcx-…}). */
  PEERING_CONNECTION,
  /** A network interface ({@code eni-…}). */
  NETWORK_INTERFACE,
  /** An instance ({@code i-…}), for example a NAT instance. */
  INSTANCE,
  /** Anything else: carrier, local or core-network gateways, Gateway Load Balancer endpoints. */
  OTHER
}
