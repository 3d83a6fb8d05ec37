package dev.vpctrain.core.network;

import java.util.Locale;

/** The type of a VPC endpoint. */
public enum EndpointType {
  /** A gateway endpoint (S3, DynamoDB): a route table entry to the service's prefix list. */
  GATEWAY,
  /** An interface endpoint (PrivateLink): network interfaces in the subnets. */
  INTERFACE,
  /** A Gateway Load Balancer endpoint. */
  GATEWAY_LOAD_BALANCER,
  /** A resource endpoint (VPC Lattice). */
  RESOURCE,
  /** A service network endpoint (VPC Lattice). */
  SERVICE_NETWORK;

  /**
   * Parses the API's spelling ({@code Gateway}, {@code Interface}, {@code GatewayLoadBalancer}, …), case-insensitively.
   *
   * @param value {@code VpcEndpointType} as the API writes it
   * @return the endpoint type
   * @throws IllegalArgumentException for a spelling that is none of the five types
   */
  public static EndpointType fromApi(String value) {
    String v = value.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    switch (v) {
      case "gateway":
        return GATEWAY;
      case "interface":
        return INTERFACE;
      case "gatewayloadbalancer":
        return GATEWAY_LOAD_BALANCER;
      case "resource":
        return RESOURCE;
      case "servicenetwork":
        return SERVICE_NETWORK;
      default:
        throw new IllegalArgumentException(
            "expected one of Gateway, Interface, GatewayLoadBalancer, Resource, ServiceNetwork but was '" + value + "'");
    }
  }

  /** {@return {@code VpcEndpointType} as the EC2 API writes it, for example {@code GatewayLoadBalancer}} */
  public String apiName() {
    switch (this) {
      case GATEWAY:
        return "Gateway";
      case INTERFACE:
        return "Interface";
      case GATEWAY_LOAD_BALANCER:
        return "GatewayLoadBalancer";
      case RESOURCE:
        return "Resource";
      default:
        return "ServiceNetwork";
    }
  }
}
