package dev.vpctrain.core.internal.rules.egress;

import java.util.List;
import java.util.Optional;

/** AWS CLI commands the egress remediations print. */
final class EgressCommands {
  private EgressCommands() {}

  static String createInterfaceEndpoint(String vpcId, String serviceName, List<String> subnets, List<String> groups) {
    return "aws ec2 create-vpc-endpoint --vpc-id " + vpcId + " --vpc-endpoint-type Interface --service-name "
        + serviceName + " --subnet-ids " + String.join(" ", subnets) + " --security-group-ids "
        + String.join(" ", groups) + " --private-dns-enabled";
  }

  /** Sends {@code routeTableId}'s default route to a NAT gateway ({@code replace} when one exists). */
  static String natRoute(String routeTableId, boolean replace, Optional<String> natGatewayId) {
    String nat = natGatewayId.orElse("<nat-gateway-id>");
    String cmd = "aws ec2 " + (replace ? "replace-route" : "create-route") + " --route-table-id " + routeTableId
        + " --destination-cidr-block 0.0.0.0/0 --nat-gateway-id " + nat;
    if (natGatewayId.isEmpty()) {
      cmd = "aws ec2 create-nat-gateway --subnet-id <public-subnet-id> --allocation-id <eipalloc-id>, then " + cmd;
    }
    return cmd;
  }
}
