package dev.vpctrain.aws.bundle;

import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * One list-valued EC2 section of the bundle ({@code ec2.DescribeSubnets.Subnets}, …): its SDK
 * response shape, the member that identifies an item, and the {@link Ec2Mapping} functions in both
 * directions. The reader and the writer both go through this table, so a new section is one entry.
 *
 * @param <S> the SDK item shape, for example {@code ec2.model.Subnet}
 * @param <M> the core model type, for example {@code network.Subnet}
 */
record Ec2Section<S, M>(Section section, String idMember, String what,
    Supplier<? extends SdkBuilder<?, ? extends SdkPojo>> response, Function<S, M> toModel, Function<M, S> toSdk,
    Function<NetworkSnapshot, Optional<List<M>>> get, BiConsumer<NetworkSnapshot.Builder, Optional<List<M>>> set) {

  /** The VPCs, which {@code DescribeVpcAttribute} completes. */
  static final Ec2Section<software.amazon.awssdk.services.ec2.model.Vpc, Vpc> VPCS = new Ec2Section<>(Section.VPCS,
      "VpcId", "VPC", DescribeVpcsResponse::builder, Ec2Mapping::vpc, Ec2Mapping::sdkVpc, NetworkSnapshot::vpcs,
      NetworkSnapshot.Builder::vpcs);

  /**
   * Every list-valued EC2 section, in bundle order ({@code DescribeVpcAttribute} follows the VPCs;
   * {@code DescribeNetworkInterfaces}, optional, comes last).
   */
  static final List<Ec2Section<?, ?>> ALL = List.of(VPCS,
      new Ec2Section<>(Section.DHCP_OPTIONS, "DhcpOptionsId", "DHCP option set", DescribeDhcpOptionsResponse::builder,
          Ec2Mapping::dhcpOptions, Ec2Mapping::sdkDhcpOptions, NetworkSnapshot::dhcpOptions,
          NetworkSnapshot.Builder::dhcpOptions),
      new Ec2Section<>(Section.SUBNETS, "SubnetId", "subnet", DescribeSubnetsResponse::builder, Ec2Mapping::subnet,
          Ec2Mapping::sdkSubnet, NetworkSnapshot::subnets, NetworkSnapshot.Builder::subnets),
      new Ec2Section<>(Section.SECURITY_GROUPS, "GroupId", "security group", DescribeSecurityGroupsResponse::builder,
          Ec2Mapping::securityGroup, Ec2Mapping::sdkSecurityGroup, NetworkSnapshot::securityGroups,
          NetworkSnapshot.Builder::securityGroups),
      new Ec2Section<>(Section.ROUTE_TABLES, "RouteTableId", "route table", DescribeRouteTablesResponse::builder,
          Ec2Mapping::routeTable, Ec2Mapping::sdkRouteTable, NetworkSnapshot::routeTables,
          NetworkSnapshot.Builder::routeTables),
      new Ec2Section<>(Section.VPC_ENDPOINTS, "VpcEndpointId", "VPC endpoint", DescribeVpcEndpointsResponse::builder,
          Ec2Mapping::vpcEndpoint, Ec2Mapping::sdkVpcEndpoint, NetworkSnapshot::vpcEndpoints,
          NetworkSnapshot.Builder::vpcEndpoints),
      new Ec2Section<>(Section.NAT_GATEWAYS, "NatGatewayId", "NAT gateway", DescribeNatGatewaysResponse::builder,
          Ec2Mapping::natGateway, Ec2Mapping::sdkNatGateway, NetworkSnapshot::natGateways,
          NetworkSnapshot.Builder::natGateways),
      new Ec2Section<>(Section.INTERNET_GATEWAYS, "InternetGatewayId", "internet gateway",
          DescribeInternetGatewaysResponse::builder, Ec2Mapping::internetGateway, Ec2Mapping::sdkInternetGateway,
          NetworkSnapshot::internetGateways, NetworkSnapshot.Builder::internetGateways),
      new Ec2Section<>(Section.NETWORK_ACLS, "NetworkAclId", "network ACL", DescribeNetworkAclsResponse::builder,
          Ec2Mapping::networkAcl, Ec2Mapping::sdkNetworkAcl, NetworkSnapshot::networkAcls,
          NetworkSnapshot.Builder::networkAcls),
      new Ec2Section<>(Section.PREFIX_LISTS, "PrefixListId", "prefix list", DescribePrefixListsResponse::builder,
          Ec2Mapping::prefixList, Ec2Mapping::sdkPrefixList, NetworkSnapshot::prefixLists,
          NetworkSnapshot.Builder::prefixLists),
      new Ec2Section<>(Section.NETWORK_INTERFACES, "NetworkInterfaceId", "network interface",
          DescribeNetworkInterfacesResponse::builder, Ec2Mapping::networkInterface, Ec2Mapping::sdkNetworkInterface,
          NetworkSnapshot::networkInterfaces, NetworkSnapshot.Builder::networkInterfaces));

  /** The response's list member ({@code Subnets}): the one member of the response shape that is a list. */
  SdkField<?> listField() {
    return response.get().build().sdkFields().stream()
        .filter(f -> f.marshallingType().getKnownType() == MarshallingKnownType.LIST)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(section + " has no list member"));
  }

  /** The model items of {@code response}, mapped by {@link Ec2Mapping}. */
  @SuppressWarnings("unchecked") // the list member of this section's response holds S (see ALL)
  List<M> items(SdkPojo response) {
    List<M> out = new ArrayList<>();
    ((List<S>) listField().getValueOrDefault(response)).forEach(s -> out.add(toModel.apply(s)));
    return out;
  }

  /** The SDK response holding {@code items}, mapped by {@link Ec2Mapping}. */
  SdkPojo responseOf(List<M> items) {
    List<S> sdk = new ArrayList<>(items.size());
    items.forEach(m -> sdk.add(toSdk.apply(m)));
    SdkBuilder<?, ? extends SdkPojo> b = response.get();
    listField().set(b, sdk);
    return b.build();
  }

  /** Writes the model's section into {@code snapshot} (the reader's side). */
  void put(NetworkSnapshot.Builder snapshot, Optional<List<M>> items) {
    set.accept(snapshot, items);
  }
}
