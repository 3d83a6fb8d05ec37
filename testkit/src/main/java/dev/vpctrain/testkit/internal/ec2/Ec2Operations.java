package dev.vpctrain.testkit.internal.ec2;

import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.testkit.internal.sdk.AwsError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.PrefixList;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The table of the fake EC2's {@code Describe*} operations: per operation the stored section, the
 * request's id list, the supported filters (EC2's names, each a function of the SDK shape), EC2's
 * page sizes, the response, and the item's core model through {@link Ec2Mapping}, the one mapping.
 */
final class Ec2Operations {
  static final Ec2Operation<DescribeVpcsRequest, DescribeVpcsResponse, Vpc> VPCS =
      Ec2Operation.of(Section.VPCS, DescribeVpcsRequest::builder, DescribeVpcsResponse::builder,
          new Ec2Query<Vpc>("vpc", Vpc::vpcId, Vpc::tags, notFound("InvalidVpcID.NotFound", "The vpc ID '%s' does not exist"))
              .field("vpc-id", Vpc::vpcId)
              .field("cidr", Vpc::cidrBlock)
              .fields("cidr-block-association.cidr-block", v -> each(v.cidrBlockAssociationSet(), VpcCidrBlockAssociation::cidrBlock))
              .field("dhcp-options-id", Vpc::dhcpOptionsId)
              .field("owner-id", Vpc::ownerId)
              .field("state", Vpc::stateAsString)
              .field("is-default", v -> false))
          .members("VpcIds", "Vpcs")
          .answering((v, world) -> v.toBuilder().isDefault(false).cidrBlockAssociationSet(associationIds(v)).build())
          .model(Ec2Mapping::vpc, NetworkSnapshot::withVpcs);

  static final Ec2Operation<DescribeDhcpOptionsRequest, DescribeDhcpOptionsResponse, DhcpOptions> DHCP_OPTIONS =
      Ec2Operation.of(Section.DHCP_OPTIONS, DescribeDhcpOptionsRequest::builder, DescribeDhcpOptionsResponse::builder,
          new Ec2Query<DhcpOptions>("dopt", DhcpOptions::dhcpOptionsId, DhcpOptions::tags,
              notFound("InvalidDhcpOptionID.NotFound", "The dhcpOption ID '%s' does not exist"))
              .field("dhcp-options-id", DhcpOptions::dhcpOptionsId)
              .fields("key", d -> each(d.dhcpConfigurations(), c -> c.key()))
              .fields("value", d -> d.dhcpConfigurations().stream()
                  .flatMap(c -> c.values().stream().map(AttributeValue::value)).toList()))
          .members("DhcpOptionsIds", "DhcpOptions")
          .answering((d, world) -> d.toBuilder().ownerId(world.accountId()).build())
          .model(Ec2Mapping::dhcpOptions, NetworkSnapshot::withDhcpOptions);

  static final Ec2Operation<DescribeSubnetsRequest, DescribeSubnetsResponse, Subnet> SUBNETS =
      Ec2Operation.of(Section.SUBNETS, DescribeSubnetsRequest::builder, DescribeSubnetsResponse::builder,
          new Ec2Query<Subnet>("subnet", Subnet::subnetId, Subnet::tags,
              notFound("InvalidSubnetID.NotFound", "The subnet ID '%s' does not exist"))
              .field("subnet-id", Subnet::subnetId)
              .field("vpc-id", Subnet::vpcId)
              .field("cidr-block", Subnet::cidrBlock)
              .field("availability-zone", Subnet::availabilityZone)
              .field("availability-zone-id", Subnet::availabilityZoneId)
              .field("available-ip-address-count", Subnet::availableIpAddressCount)
              .field("state", Subnet::stateAsString)
              .field("map-public-ip-on-launch", Subnet::mapPublicIpOnLaunch)
              .field("owner-id", Subnet::ownerId)
              .field("default-for-az", s -> false))
          .members("SubnetIds", "Subnets")
          .answering((s, world) -> s.toBuilder().defaultForAz(false).assignIpv6AddressOnCreation(false)
              .subnetArn(s.ownerId() == null ? null
                  : "arn:aws:ec2:" + world.region() + ":" + s.ownerId() + ":subnet/" + s.subnetId())
              .build())
          .model(Ec2Mapping::subnet, NetworkSnapshot::withSubnets);

  static final Ec2Operation<DescribeSecurityGroupsRequest, DescribeSecurityGroupsResponse, SecurityGroup> SECURITY_GROUPS =
      Ec2Operation.of(Section.SECURITY_GROUPS, DescribeSecurityGroupsRequest::builder, DescribeSecurityGroupsResponse::builder,
          new Ec2Query<SecurityGroup>("sg", SecurityGroup::groupId, SecurityGroup::tags,
              notFound("InvalidGroup.NotFound", "The security group '%s' does not exist"))
              .field("group-id", SecurityGroup::groupId)
              .field("group-name", SecurityGroup::groupName)
              .field("description", SecurityGroup::description)
              .field("vpc-id", SecurityGroup::vpcId)
              .field("owner-id", SecurityGroup::ownerId)
              .fields("ip-permission.group-id", g -> peers(g.ipPermissions(), p -> each(p.userIdGroupPairs(), UserIdGroupPair::groupId)))
              .fields("ip-permission.cidr", g -> peers(g.ipPermissions(), p -> each(p.ipRanges(), r -> r.cidrIp())))
              .fields("egress.ip-permission.group-id",
                  g -> peers(g.ipPermissionsEgress(), p -> each(p.userIdGroupPairs(), UserIdGroupPair::groupId)))
              .fields("egress.ip-permission.prefix-list-id",
                  g -> peers(g.ipPermissionsEgress(), p -> each(p.prefixListIds(), x -> x.prefixListId()))))
          .members("GroupIds", "SecurityGroups")
          .answering((g, world) -> g.toBuilder().ipPermissions(withOwner(g.ipPermissions(), g.ownerId()))
              .ipPermissionsEgress(withOwner(g.ipPermissionsEgress(), g.ownerId())).build())
          .model(Ec2Mapping::securityGroup, NetworkSnapshot::withSecurityGroups);

  static final Ec2Operation<DescribeRouteTablesRequest, DescribeRouteTablesResponse, RouteTable> ROUTE_TABLES =
      Ec2Operation.of(Section.ROUTE_TABLES, DescribeRouteTablesRequest::builder, DescribeRouteTablesResponse::builder,
          new Ec2Query<RouteTable>("rtb", RouteTable::routeTableId, RouteTable::tags,
              notFound("InvalidRouteTableID.NotFound", "The routeTable ID '%s' does not exist"))
              .field("route-table-id", RouteTable::routeTableId)
              .field("vpc-id", RouteTable::vpcId)
              .field("owner-id", RouteTable::ownerId)
              .fields("association.subnet-id", t -> each(t.associations(), RouteTableAssociation::subnetId))
              .fields("association.route-table-association-id",
                  t -> each(t.associations(), RouteTableAssociation::routeTableAssociationId))
              .fields("association.main", t -> each(t.associations(), RouteTableAssociation::main))
              .fields("route.gateway-id", t -> each(t.routes(), Route::gatewayId))
              .fields("route.nat-gateway-id", t -> each(t.routes(), Route::natGatewayId))
              .fields("route.destination-cidr-block", t -> each(t.routes(), Route::destinationCidrBlock))
              .fields("route.destination-prefix-list-id", t -> each(t.routes(), Route::destinationPrefixListId))
              .fields("route.state", t -> each(t.routes(), Route::stateAsString)))
          .members("RouteTableIds", "RouteTables")
          .pageSizes(5, 100)
          .model(Ec2Mapping::routeTable, NetworkSnapshot::withRouteTables);

  static final Ec2Operation<DescribeVpcEndpointsRequest, DescribeVpcEndpointsResponse, VpcEndpoint> VPC_ENDPOINTS =
      Ec2Operation.of(Section.VPC_ENDPOINTS, DescribeVpcEndpointsRequest::builder, DescribeVpcEndpointsResponse::builder,
          new Ec2Query<VpcEndpoint>("vpce", VpcEndpoint::vpcEndpointId, VpcEndpoint::tags,
              notFound("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '%s' does not exist"))
              .field("vpc-endpoint-id", VpcEndpoint::vpcEndpointId)
              .field("vpc-id", VpcEndpoint::vpcId)
              .field("service-name", VpcEndpoint::serviceName)
              .field("vpc-endpoint-state", VpcEndpoint::stateAsString)
              .field("vpc-endpoint-type", VpcEndpoint::vpcEndpointTypeAsString)
              .field("owner-id", VpcEndpoint::ownerId))
          .members("VpcEndpointIds", "VpcEndpoints")
          .pageSizes(1, 1000)
          .answering((e, world) -> e.toBuilder().requesterManaged(false).build())
          .model(Ec2Mapping::vpcEndpoint, NetworkSnapshot::withVpcEndpoints);

  static final Ec2Operation<DescribeNatGatewaysRequest, DescribeNatGatewaysResponse, NatGateway> NAT_GATEWAYS =
      Ec2Operation.of(Section.NAT_GATEWAYS, DescribeNatGatewaysRequest::builder, DescribeNatGatewaysResponse::builder,
          new Ec2Query<NatGateway>("nat", NatGateway::natGatewayId, NatGateway::tags,
              notFound("NatGatewayNotFound", "The Nat Gateway %s was not found"))
              .field("nat-gateway-id", NatGateway::natGatewayId)
              .field("vpc-id", NatGateway::vpcId)
              .field("subnet-id", NatGateway::subnetId)
              .field("state", NatGateway::stateAsString))
          .members("NatGatewayIds", "NatGateways")
          .filtersMember("Filter")
          .model(Ec2Mapping::natGateway, NetworkSnapshot::withNatGateways);

  static final Ec2Operation<DescribeInternetGatewaysRequest, DescribeInternetGatewaysResponse, InternetGateway>
      INTERNET_GATEWAYS = Ec2Operation.of(Section.INTERNET_GATEWAYS, DescribeInternetGatewaysRequest::builder,
          DescribeInternetGatewaysResponse::builder,
          new Ec2Query<InternetGateway>("igw", InternetGateway::internetGatewayId, InternetGateway::tags,
              notFound("InvalidInternetGatewayID.NotFound", "The internetGateway ID '%s' does not exist"))
              .field("internet-gateway-id", InternetGateway::internetGatewayId)
              .field("owner-id", InternetGateway::ownerId)
              .fields("attachment.vpc-id", g -> each(g.attachments(), a -> a.vpcId()))
              .fields("attachment.state", g -> each(g.attachments(), a -> a.stateAsString())))
          .members("InternetGatewayIds", "InternetGateways")
          .model(Ec2Mapping::internetGateway, NetworkSnapshot::withInternetGateways);

  static final Ec2Operation<DescribeNetworkAclsRequest, DescribeNetworkAclsResponse, NetworkAcl> NETWORK_ACLS =
      Ec2Operation.of(Section.NETWORK_ACLS, DescribeNetworkAclsRequest::builder, DescribeNetworkAclsResponse::builder,
          new Ec2Query<NetworkAcl>("acl", NetworkAcl::networkAclId, NetworkAcl::tags,
              notFound("InvalidNetworkAclID.NotFound", "The networkAcl ID '%s' does not exist"))
              .field("network-acl-id", NetworkAcl::networkAclId)
              .field("vpc-id", NetworkAcl::vpcId)
              .field("default", NetworkAcl::isDefault)
              .field("owner-id", NetworkAcl::ownerId)
              .fields("association.subnet-id", a -> each(a.associations(), NetworkAclAssociation::subnetId)))
          .members("NetworkAclIds", "NetworkAcls")
          .pageSizes(5, 100)
          .answering((a, world) -> a.toBuilder().associations(associationIds(a)).build())
          .model(Ec2Mapping::networkAcl, NetworkSnapshot::withNetworkAcls);

  static final Ec2Operation<DescribePrefixListsRequest, DescribePrefixListsResponse, PrefixList> PREFIX_LISTS =
      Ec2Operation.of(Section.PREFIX_LISTS, DescribePrefixListsRequest::builder, DescribePrefixListsResponse::builder,
          new Ec2Query<PrefixList>("pl", PrefixList::prefixListId, p -> List.of(),
              notFound("InvalidPrefixListID.NotFound", "The prefix list ID '%s' does not exist"))
              .field("prefix-list-id", PrefixList::prefixListId)
              .field("prefix-list-name", PrefixList::prefixListName))
          .members("PrefixListIds", "PrefixLists")
          .pageSizes(1, 1000)
          .model(Ec2Mapping::prefixList, NetworkSnapshot::withPrefixLists);

  /**
   * The network interfaces: the filters discovery and the in-VPC rules select them by (VPC, subnet,
   * group, address, id) and the usual others. {@code addresses.private-ip-address} matches the
   * addresses only, not the delegated prefixes, as EC2's filter does.
   */
  static final Ec2Operation<DescribeNetworkInterfacesRequest, DescribeNetworkInterfacesResponse, NetworkInterface>
      NETWORK_INTERFACES = Ec2Operation.of(Section.NETWORK_INTERFACES, DescribeNetworkInterfacesRequest::builder,
          DescribeNetworkInterfacesResponse::builder,
          new Ec2Query<NetworkInterface>("eni", NetworkInterface::networkInterfaceId, NetworkInterface::tagSet,
              notFound("InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '%s' does not exist"))
              .field("network-interface-id", NetworkInterface::networkInterfaceId)
              .field("vpc-id", NetworkInterface::vpcId)
              .field("subnet-id", NetworkInterface::subnetId)
              .fields("group-id", n -> each(n.groups(), g -> g.groupId()))
              .fields("group-name", n -> each(n.groups(), g -> g.groupName()))
              .fields("addresses.private-ip-address", n -> each(n.privateIpAddresses(), NetworkInterfacePrivateIpAddress::privateIpAddress))
              .fields("addresses.primary", n -> each(n.privateIpAddresses(), NetworkInterfacePrivateIpAddress::primary))
              .field("private-ip-address", NetworkInterface::privateIpAddress)
              .fields("ipv4-prefix", n -> each(n.ipv4Prefixes(), p -> p.ipv4Prefix()))
              .field("availability-zone", NetworkInterface::availabilityZone)
              .field("interface-type", NetworkInterface::interfaceTypeAsString)
              .field("status", NetworkInterface::statusAsString)
              .field("requester-managed", NetworkInterface::requesterManaged)
              .field("owner-id", NetworkInterface::ownerId)
              .field("description", NetworkInterface::description))
          .members("NetworkInterfaceIds", "NetworkInterfaces")
          .pageSizes(5, 1000)
          .model(Ec2Mapping::networkInterface, NetworkSnapshot::withNetworkInterfaces);

  /** Every row, in the order of the snapshot's sections. */
  static final List<Ec2Operation<?, ?, ?>> ALL = List.of(VPCS, DHCP_OPTIONS, SUBNETS, SECURITY_GROUPS, ROUTE_TABLES,
      VPC_ENDPOINTS, NAT_GATEWAYS, INTERNET_GATEWAYS, NETWORK_ACLS, PREFIX_LISTS, NETWORK_INTERFACES);

  /** The rows whose resources take tags ({@code CreateTags}), in the order EC2's id prefixes are tried. */
  static final List<Ec2Operation<?, ?, ?>> TAGGABLE = List.of(VPCS, SUBNETS, SECURITY_GROUPS, ROUTE_TABLES,
      VPC_ENDPOINTS, NAT_GATEWAYS, INTERNET_GATEWAYS, NETWORK_ACLS);

  private Ec2Operations() {}

  static Function<String, AwsError> notFound(String code, String format) {
    return id -> AwsError.client(code, String.format(format, id));
  }

  private static <A, B> List<B> each(List<A> items, Function<A, B> value) {
    List<B> out = new ArrayList<>(items.size());
    items.forEach(a -> out.add(value.apply(a)));
    return out;
  }

  private static List<String> peers(List<IpPermission> permissions, Function<IpPermission, List<String>> peer) {
    return permissions.stream().flatMap(p -> peer.apply(p).stream()).toList();
  }

  /** The CIDR associations with the ids EC2 shows ({@code vpc-cidr-assoc-…}). */
  private static List<VpcCidrBlockAssociation> associationIds(Vpc v) {
    List<VpcCidrBlockAssociation> out = new ArrayList<>();
    for (VpcCidrBlockAssociation a : v.cidrBlockAssociationSet()) {
      String id = "vpc-cidr-assoc-" + v.vpcId().substring(4) + (out.isEmpty() ? "" : "-" + out.size());
      out.add(a.associationId() != null ? a : a.toBuilder().associationId(id).build());
    }
    return out;
  }

  /** The subnet associations with the ids EC2 shows ({@code aclassoc-…}). */
  private static List<NetworkAclAssociation> associationIds(NetworkAcl acl) {
    return acl.associations().stream()
        .map(a -> a.networkAclAssociationId() != null || a.subnetId() == null ? a : a.toBuilder()
            .networkAclAssociationId("aclassoc-" + Integer.toHexString((acl.networkAclId() + a.subnetId()).hashCode()))
            .build())
        .toList();
  }

  /** Group pairs name the group's owner as EC2 shows them. */
  private static List<IpPermission> withOwner(List<IpPermission> permissions, String owner) {
    return each(permissions, p -> p.toBuilder().userIdGroupPairs(each(p.userIdGroupPairs(),
        pair -> pair.userId() != null ? pair : pair.toBuilder().userId(owner).build())).build());
  }
}
