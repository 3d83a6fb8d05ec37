package dev.vpctrain.core.network;

/** A part of the snapshot, named after the read call that fills it. */
public enum Section {
  VPCS("ec2:DescribeVpcs"),
  VPC_ATTRIBUTES("ec2:DescribeVpcAttribute"),
  DHCP_OPTIONS("ec2:DescribeDhcpOptions"),
  SUBNETS("ec2:DescribeSubnets"),
  SECURITY_GROUPS("ec2:DescribeSecurityGroups"),
  ROUTE_TABLES("ec2:DescribeRouteTables"),
  VPC_ENDPOINTS("ec2:DescribeVpcEndpoints"),
  NAT_GATEWAYS("ec2:DescribeNatGateways"),
  INTERNET_GATEWAYS("ec2:DescribeInternetGateways"),
  NETWORK_ACLS("ec2:DescribeNetworkAcls"),
  PREFIX_LISTS("ec2:DescribePrefixLists");

  private final String operation;

  Section(String operation) {
    this.operation = operation;
  }

  /** The call that fills this section, as {@code service:Operation}. */
  public String operation() {
    return operation;
  }

  /** The bundle key under {@code ec2}, for example {@code DescribeSubnets}. */
  public String bundleKey() {
    return operation.substring(operation.indexOf(':') + 1);
  }
}
