package dev.vpctrain.testkit.ec2;

import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.testkit.network.EndpointDraft;
import dev.vpctrain.testkit.network.NetworkBuilder;
import dev.vpctrain.testkit.sdk.AwsError;
import dev.vpctrain.testkit.sdk.ClientDispatch;
import dev.vpctrain.testkit.sdk.FakeClientOf;
import dev.vpctrain.testkit.sdk.Pages;
import dev.vpctrain.testkit.sdk.ServiceErrors;
import dev.vpctrain.testkit.world.World;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ServiceClientConfiguration;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * The fake EC2 service: the {@code Describe*} calls discovery makes, over the world's network, and
 * the changes remediation makes ({@code CreateVpcEndpoint}, {@code ModifyVpcEndpoint},
 * {@code CreateSecurityGroup}, {@code AuthorizeSecurityGroupIngress/Egress}, {@code ModifyVpcAttribute},
 * {@code CreateTags}),
 * applied to it. A section the world does not know (not captured) answers with its recorded
 * capture error, else {@code UnauthorizedOperation}. Public for the client proxy only.
 */
@FakeClientOf(value = Ec2Client.class, name = "FakeEc2Client")
public final class FakeEc2 {
  private static final ServiceErrors ERRORS = new ServiceErrors("Ec2", Ec2Exception::builder, Map.of());

  private final World world;

  private static final Ec2Query<Vpc> VPCS = new Ec2Query<Vpc>("vpc", Vpc::vpcId, Vpc::tags, notFound("InvalidVpcID.NotFound", "The vpc ID '%s' does not exist"))
      .field("vpc-id", Vpc::vpcId)
      .field("cidr", Vpc::cidrBlock)
      .field("cidr-block-association.cidr-block", Vpc::cidrBlocks)
      .field("dhcp-options-id", Vpc::dhcpOptionsId)
      .field("owner-id", Vpc::ownerId)
      .field("state", Vpc::state)
      .field("is-default", v -> false);

  private static final Ec2Query<dev.vpctrain.core.network.DhcpOptions> DHCP = new Ec2Query<dev.vpctrain.core.network.DhcpOptions>("dopt",
      d -> d.dhcpOptionsId(), d -> List.of(), notFound("InvalidDhcpOptionID.NotFound", "The dhcpOption ID '%s' does not exist"))
      .field("dhcp-options-id", d -> d.dhcpOptionsId())
      .fields("key", d -> d.configurations().keySet())
      .fields("value", d -> d.configurations().values().stream().flatMap(List::stream).toList());

  private static final Ec2Query<Subnet> SUBNETS = new Ec2Query<Subnet>("subnet", Subnet::subnetId, Subnet::tags,
      notFound("InvalidSubnetID.NotFound", "The subnet ID '%s' does not exist"))
      .field("subnet-id", Subnet::subnetId)
      .field("vpc-id", Subnet::vpcId)
      .field("cidr-block", Subnet::cidrBlock)
      .field("availability-zone", Subnet::availabilityZone)
      .field("availability-zone-id", Subnet::availabilityZoneId)
      .field("available-ip-address-count", Subnet::availableIpAddressCount)
      .field("state", Subnet::state)
      .field("map-public-ip-on-launch", Subnet::mapPublicIpOnLaunch)
      .field("owner-id", Subnet::ownerId)
      .field("default-for-az", s -> false);

  private static final Ec2Query<SecurityGroup> GROUPS = new Ec2Query<SecurityGroup>("sg", SecurityGroup::groupId, SecurityGroup::tags,
      notFound("InvalidGroup.NotFound", "The security group '%s' does not exist"))
      .field("group-id", SecurityGroup::groupId)
      .field("group-name", SecurityGroup::groupName)
      .field("description", SecurityGroup::description)
      .field("vpc-id", SecurityGroup::vpcId)
      .field("owner-id", SecurityGroup::ownerId)
      .fields("ip-permission.group-id", g -> g.ingress().stream().flatMap(p -> p.groupIds().stream()).toList())
      .fields("ip-permission.cidr", g -> g.ingress().stream().flatMap(p -> p.ipRanges().stream()).toList())
      .fields("egress.ip-permission.group-id", g -> g.egress().stream().flatMap(p -> p.groupIds().stream()).toList())
      .fields("egress.ip-permission.prefix-list-id",
          g -> g.egress().stream().flatMap(p -> p.prefixListIds().stream()).toList());

  private static final Ec2Query<dev.vpctrain.core.network.RouteTable> ROUTE_TABLES = new Ec2Query<dev.vpctrain.core.network.RouteTable>("rtb",
      t -> t.routeTableId(), t -> t.tags(), notFound("InvalidRouteTableID.NotFound", "The routeTable ID '%s' does not exist"))
      .field("route-table-id", t -> t.routeTableId())
      .field("vpc-id", t -> t.vpcId())
      .field("owner-id", t -> t.ownerId())
      .fields("association.subnet-id", t -> t.associations().stream().flatMap(a -> a.subnetId().stream()).toList())
      .fields("association.route-table-association-id",
          t -> t.associations().stream().flatMap(a -> a.routeTableAssociationId().stream()).toList())
      .fields("association.main", t -> t.associations().stream().map(a -> a.main()).toList())
      .fields("route.gateway-id", t -> t.routes().stream().flatMap(x -> x.gatewayId().stream()).toList())
      .fields("route.nat-gateway-id", t -> t.routes().stream().flatMap(x -> x.natGatewayId().stream()).toList())
      .fields("route.destination-cidr-block",
          t -> t.routes().stream().flatMap(x -> x.destinationCidrBlock().stream()).toList())
      .fields("route.destination-prefix-list-id",
          t -> t.routes().stream().flatMap(x -> x.destinationPrefixListId().stream()).toList())
      .fields("route.state", t -> t.routes().stream().flatMap(x -> x.state().stream()).toList());

  private static final Ec2Query<VpcEndpoint> ENDPOINTS = new Ec2Query<VpcEndpoint>("vpce", VpcEndpoint::vpcEndpointId, VpcEndpoint::tags,
      notFound("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '%s' does not exist"))
      .field("vpc-endpoint-id", VpcEndpoint::vpcEndpointId)
      .field("vpc-id", VpcEndpoint::vpcId)
      .field("service-name", VpcEndpoint::serviceName)
      .field("vpc-endpoint-state", VpcEndpoint::state)
      .field("vpc-endpoint-type", e -> e.type().apiName())
      .field("owner-id", VpcEndpoint::ownerId);

  private static final Ec2Query<dev.vpctrain.core.network.NatGateway> NATS = new Ec2Query<dev.vpctrain.core.network.NatGateway>("nat",
      g -> g.natGatewayId(), g -> g.tags(), notFound("NatGatewayNotFound", "The Nat Gateway %s was not found"))
      .field("nat-gateway-id", g -> g.natGatewayId())
      .field("vpc-id", g -> g.vpcId())
      .field("subnet-id", g -> g.subnetId())
      .field("state", g -> g.state());

  private static final Ec2Query<dev.vpctrain.core.network.InternetGateway> IGWS = new Ec2Query<dev.vpctrain.core.network.InternetGateway>("igw",
      g -> g.internetGatewayId(), g -> g.tags(),
      notFound("InvalidInternetGatewayID.NotFound", "The internetGateway ID '%s' does not exist"))
      .field("internet-gateway-id", g -> g.internetGatewayId())
      .field("owner-id", g -> g.ownerId())
      .fields("attachment.vpc-id", g -> g.attachments().stream().map(a -> a.vpcId()).toList())
      .fields("attachment.state", g -> g.attachments().stream().flatMap(a -> a.state().stream()).toList());

  private static final Ec2Query<dev.vpctrain.core.network.NetworkAcl> ACLS = new Ec2Query<dev.vpctrain.core.network.NetworkAcl>("acl",
      a -> a.networkAclId(), a -> a.tags(), notFound("InvalidNetworkAclID.NotFound", "The networkAcl ID '%s' does not exist"))
      .field("network-acl-id", a -> a.networkAclId())
      .field("vpc-id", a -> a.vpcId())
      .field("default", a -> a.isDefault())
      .field("owner-id", a -> a.ownerId())
      .fields("association.subnet-id", a -> a.subnetIds());

  private static final Ec2Query<dev.vpctrain.core.network.PrefixList> PREFIX_LISTS = new Ec2Query<dev.vpctrain.core.network.PrefixList>("pl",
      p -> p.prefixListId(), p -> List.of(), notFound("InvalidPrefixListID.NotFound", "The prefix list ID '%s' does not exist"))
      .field("prefix-list-id", p -> p.prefixListId())
      .field("prefix-list-name", p -> p.prefixListName());

  private FakeEc2(World world) {
    this.world = world;
  }

  /** An {@code Ec2Client} over {@code world}. */
  public static Ec2Client client(World world) {
    return new FakeEc2Client(new ClientDispatch("ec2", "ec2", new FakeEc2(world), world, ERRORS, null));
  }

  public Ec2ServiceClientConfiguration serviceClientConfiguration() {
    return Ec2ServiceClientConfiguration.builder().region(Region.of(world.region())).build();
  }

  // ---------------------------------------------------------------- describe

  public DescribeVpcsResponse describeVpcs(DescribeVpcsRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<Vpc> q = VPCS;
    List<Vpc> all = q.select(section(n, Section.VPCS, n.vpcs()), r.vpcIds(), r.filters());
    Pages.Page<Vpc> page = page(all, r.maxResults(), r.nextToken(), "DescribeVpcs", 5, 1000);
    return DescribeVpcsResponse.builder()
        .vpcs(page.items().stream().map(Ec2Model::vpc).toList())
        .nextToken(page.nextToken())
        .build();
  }

  public DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    if (r.vpcId() == null) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter vpcId");
    }
    Vpc vpc = section(n, Section.VPCS, n.vpcs()).stream().filter(v -> v.vpcId().equals(r.vpcId())).findFirst()
        .orElseThrow(() -> notFound("InvalidVpcID.NotFound", "The vpc ID '%s' does not exist").apply(r.vpcId()));
    String attribute = r.attributeAsString();
    DescribeVpcAttributeResponse.Builder b = DescribeVpcAttributeResponse.builder().vpcId(vpc.vpcId());
    if ("enableDnsSupport".equals(attribute)) {
      b.enableDnsSupport(bool(vpc.enableDnsSupport().orElseThrow(this::attributeUnknown)));
    } else if ("enableDnsHostnames".equals(attribute)) {
      b.enableDnsHostnames(bool(vpc.enableDnsHostnames().orElseThrow(this::attributeUnknown)));
    } else if ("enableNetworkAddressUsageMetrics".equals(attribute)) {
      b.enableNetworkAddressUsageMetrics(bool(false));
    } else {
      throw AwsError.client("InvalidParameterValue", "Value (" + attribute + ") for parameter attribute is invalid. "
          + "Expecting one of enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics.");
    }
    return b.build();
  }

  public DescribeDhcpOptionsResponse describeDhcpOptions(DescribeDhcpOptionsRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<dev.vpctrain.core.network.DhcpOptions> q = DHCP;
    List<dev.vpctrain.core.network.DhcpOptions> all =
        q.select(section(n, Section.DHCP_OPTIONS, n.dhcpOptions()), r.dhcpOptionsIds(), r.filters());
    Pages.Page<dev.vpctrain.core.network.DhcpOptions> page = page(all, r.maxResults(), r.nextToken(), "DescribeDhcpOptions", 5, 1000);
    return DescribeDhcpOptionsResponse.builder()
        .dhcpOptions(page.items().stream().map(d -> Ec2Model.dhcpOptions(d, world.accountId())).toList())
        .nextToken(page.nextToken())
        .build();
  }

  public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<Subnet> q = SUBNETS;
    List<Subnet> all = q.select(section(n, Section.SUBNETS, n.subnets()), r.subnetIds(), r.filters());
    Pages.Page<Subnet> page = page(all, r.maxResults(), r.nextToken(), "DescribeSubnets", 5, 1000);
    return DescribeSubnetsResponse.builder()
        .subnets(page.items().stream().map(s -> Ec2Model.subnet(s, world.region())).toList())
        .nextToken(page.nextToken())
        .build();
  }

  public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<SecurityGroup> q = GROUPS;
    List<SecurityGroup> all = q.select(section(n, Section.SECURITY_GROUPS, n.securityGroups()), r.groupIds(), r.filters());
    if (r.hasGroupNames() && !r.groupNames().isEmpty()) {
      Set<String> names = new HashSet<>(r.groupNames());
      for (String name : names) {
        if (all.stream().noneMatch(g -> g.groupName().map(name::equals).orElse(false))) {
          throw AwsError.client("InvalidGroup.NotFound", "The security group '" + name + "' does not exist in default VPC");
        }
      }
      all = all.stream().filter(g -> g.groupName().map(names::contains).orElse(false)).toList();
    }
    Pages.Page<SecurityGroup> page = page(all, r.maxResults(), r.nextToken(), "DescribeSecurityGroups", 5, 1000);
    return DescribeSecurityGroupsResponse.builder()
        .securityGroups(page.items().stream().map(Ec2Model::securityGroup).toList())
        .nextToken(page.nextToken())
        .build();
  }

  public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<dev.vpctrain.core.network.RouteTable> q = ROUTE_TABLES;
    List<dev.vpctrain.core.network.RouteTable> all =
        q.select(section(n, Section.ROUTE_TABLES, n.routeTables()), r.routeTableIds(), r.filters());
    Pages.Page<dev.vpctrain.core.network.RouteTable> page = page(all, r.maxResults(), r.nextToken(), "DescribeRouteTables", 5, 100);
    return DescribeRouteTablesResponse.builder()
        .routeTables(page.items().stream().map(Ec2Model::routeTable).toList())
        .nextToken(page.nextToken())
        .build();
  }

  public DescribeVpcEndpointsResponse describeVpcEndpoints(DescribeVpcEndpointsRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<VpcEndpoint> q = ENDPOINTS;
    List<VpcEndpoint> all = q.select(section(n, Section.VPC_ENDPOINTS, n.vpcEndpoints()), r.vpcEndpointIds(), r.filters());
    Pages.Page<VpcEndpoint> page = page(all, r.maxResults(), r.nextToken(), "DescribeVpcEndpoints", 1, 1000);
    return DescribeVpcEndpointsResponse.builder()
        .vpcEndpoints(page.items().stream().map(Ec2Model::vpcEndpoint).toList())
        .nextToken(page.nextToken())
        .build();
  }

  public DescribeNatGatewaysResponse describeNatGateways(DescribeNatGatewaysRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<dev.vpctrain.core.network.NatGateway> q = NATS;
    List<dev.vpctrain.core.network.NatGateway> all =
        q.select(section(n, Section.NAT_GATEWAYS, n.natGateways()), r.natGatewayIds(), r.filter());
    Pages.Page<dev.vpctrain.core.network.NatGateway> page = page(all, r.maxResults(), r.nextToken(), "DescribeNatGateways", 5, 1000);
    return DescribeNatGatewaysResponse.builder()
        .natGateways(page.items().stream().map(Ec2Model::natGateway).toList())
        .nextToken(page.nextToken())
        .build();
  }

  public DescribeInternetGatewaysResponse describeInternetGateways(DescribeInternetGatewaysRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<dev.vpctrain.core.network.InternetGateway> q = IGWS;
    List<dev.vpctrain.core.network.InternetGateway> all =
        q.select(section(n, Section.INTERNET_GATEWAYS, n.internetGateways()), r.internetGatewayIds(), r.filters());
    Pages.Page<dev.vpctrain.core.network.InternetGateway> page =
        page(all, r.maxResults(), r.nextToken(), "DescribeInternetGateways", 5, 1000);
    return DescribeInternetGatewaysResponse.builder()
        .internetGateways(page.items().stream().map(Ec2Model::internetGateway).toList())
        .nextToken(page.nextToken())
        .build();
  }

  public DescribeNetworkAclsResponse describeNetworkAcls(DescribeNetworkAclsRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<dev.vpctrain.core.network.NetworkAcl> q = ACLS;
    List<dev.vpctrain.core.network.NetworkAcl> all =
        q.select(section(n, Section.NETWORK_ACLS, n.networkAcls()), r.networkAclIds(), r.filters());
    Pages.Page<dev.vpctrain.core.network.NetworkAcl> page = page(all, r.maxResults(), r.nextToken(), "DescribeNetworkAcls", 5, 100);
    return DescribeNetworkAclsResponse.builder()
        .networkAcls(page.items().stream().map(Ec2Model::networkAcl).toList())
        .nextToken(page.nextToken())
        .build();
  }

  public DescribePrefixListsResponse describePrefixLists(DescribePrefixListsRequest r) {
    dryRun(r.dryRun());
    NetworkSnapshot n = world.network();
    Ec2Query<dev.vpctrain.core.network.PrefixList> q = PREFIX_LISTS;
    List<dev.vpctrain.core.network.PrefixList> all =
        q.select(section(n, Section.PREFIX_LISTS, n.prefixLists()), r.prefixListIds(), r.filters());
    Pages.Page<dev.vpctrain.core.network.PrefixList> page = page(all, r.maxResults(), r.nextToken(), "DescribePrefixLists", 1, 1000);
    return DescribePrefixListsResponse.builder()
        .prefixLists(page.items().stream().map(Ec2Model::prefixList).toList())
        .nextToken(page.nextToken())
        .build();
  }

  // ---------------------------------------------------------------- change

  public CreateVpcEndpointResponse createVpcEndpoint(CreateVpcEndpointRequest r) {
    dryRun(r.dryRun());
    String[] created = new String[1];
    world.updateNetwork(n -> {
      Vpc vpc = vpc(n, r.vpcId());
      String type = r.vpcEndpointTypeAsString() == null ? "Gateway" : r.vpcEndpointTypeAsString();
      EndpointType endpointType;
      try {
        endpointType = EndpointType.fromApi(type);
      } catch (IllegalArgumentException e) {
        throw AwsError.client("InvalidParameterValue", "Value (" + type + ") for parameter vpcEndpointType is invalid.");
      }
      String service = r.serviceName();
      String prefix = "com.amazonaws." + n.region() + ".";
      if (service == null || !service.startsWith(prefix) || service.length() == prefix.length()) {
        throw AwsError.client("InvalidServiceName", "The Vpc Endpoint Service '" + service + "' does not exist");
      }
      String suffix = service.substring(prefix.length());
      if (endpointType == EndpointType.GATEWAY && !suffix.equals("s3") && !suffix.equals("dynamodb")) {
        throw AwsError.client("InvalidParameter", "The service " + service + " does not support gateway endpoints.");
      }
      String id = world.ids().next("vpce");
      created[0] = id;
      NetworkBuilder b = NetworkBuilder.from(n).ids(world.ids());
      if (endpointType == EndpointType.GATEWAY) {
        for (String rtb : r.routeTableIds()) {
          checkRouteTable(n, vpc, rtb);
          Optional<String> pl = n.prefixLists().orElse(List.of()).stream()
              .filter(p -> p.prefixListName().equals(service)).map(p -> p.prefixListId()).findFirst();
          if (pl.isPresent() && routeTable(n, rtb).routes().stream()
              .anyMatch(x -> x.destinationPrefixListId().map(pl.get()::equals).orElse(false))) {
            throw AwsError.client("RouteAlreadyExists", "route table " + rtb
                + " already has a route with destination-prefix-list-id " + pl.get());
          }
        }
        b.gatewayEndpoint(id, suffix, e -> {
          e.vpc(vpc.vpcId()).routeTables(r.routeTableIds().toArray(String[]::new));
          policy(e, r.policyDocument());
        });
      } else {
        boolean privateDns = r.privateDnsEnabled() == null || r.privateDnsEnabled();
        if (privateDns && !(vpc.enableDnsSupport().orElse(true) && vpc.enableDnsHostnames().orElse(true))) {
          throw AwsError.client("InvalidParameter", "Enabling private DNS requires both enableDnsSupport and "
              + "enableDnsHostnames VPC attributes set to true for " + vpc.vpcId());
        }
        Set<String> zones = new HashSet<>();
        for (String s : r.subnetIds()) {
          Subnet subnet = subnet(n, s);
          if (!subnet.vpcId().equals(vpc.vpcId())) {
            throw AwsError.client("InvalidParameter", "The subnet " + s + " does not belong to " + vpc.vpcId());
          }
          if (!zones.add(subnet.availabilityZone().orElse(s))) {
            throw AwsError.client("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the availability zone of "
                + s + ". VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.");
          }
        }
        r.securityGroupIds().forEach(g -> group(n, g));
        b.interfaceEndpoint(id, suffix, e -> {
          e.vpc(vpc.vpcId()).subnets(r.subnetIds().toArray(String[]::new))
              .securityGroups(r.securityGroupIds().toArray(String[]::new)).privateDns(privateDns);
          policy(e, r.policyDocument());
        });
      }
      return b.build();
    });
    VpcEndpoint e = world.network().vpcEndpoint(created[0]).orElseThrow();
    return CreateVpcEndpointResponse.builder().vpcEndpoint(Ec2Model.vpcEndpoint(e)).clientToken(r.clientToken()).build();
  }

  public ModifyVpcEndpointResponse modifyVpcEndpoint(ModifyVpcEndpointRequest r) {
    dryRun(r.dryRun());
    world.updateNetwork(n -> {
      VpcEndpoint e = n.vpcEndpoint(r.vpcEndpointId() == null ? "" : r.vpcEndpointId())
          .orElseThrow(() -> notFound("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '%s' does not exist")
              .apply(r.vpcEndpointId()));
      Vpc vpc = vpc(n, e.vpcId());
      for (String rtb : r.addRouteTableIds()) {
        checkRouteTable(n, vpc, rtb);
      }
      for (String s : r.addSubnetIds()) {
        subnet(n, s);
      }
      r.addSecurityGroupIds().forEach(g -> group(n, g));
      if (Boolean.TRUE.equals(r.resetPolicy()) && r.policyDocument() != null) {
        throw AwsError.client("InvalidParameterCombination", "The parameter PolicyDocument cannot be used with ResetPolicy");
      }
      NetworkBuilder b = NetworkBuilder.from(n).ids(world.ids());
      for (String rtb : r.removeRouteTableIds()) {
        b.routeTable(rtb, t -> t.removeRoute(prefixListOf(n, e.serviceName())));
      }
      b.endpoint(e.vpcEndpointId(), d -> {
        d.routeTables(r.addRouteTableIds().toArray(String[]::new));
        r.removeRouteTableIds().forEach(d::removeRouteTable);
        d.subnets(r.addSubnetIds().toArray(String[]::new));
        d.securityGroups(r.addSecurityGroupIds().toArray(String[]::new));
        if (r.policyDocument() != null) {
          d.policy(r.policyDocument());
        }
        if (Boolean.TRUE.equals(r.resetPolicy())) {
          d.policy(EndpointDraft.FULL_ACCESS_POLICY);
        }
        if (r.privateDnsEnabled() != null) {
          d.privateDns(r.privateDnsEnabled());
        }
      });
      return b.build();
    });
    return ModifyVpcEndpointResponse.builder().returnValue(true).build();
  }

  /**
   * A new group in a VPC: no inbound rule, all outbound traffic allowed (EC2's default). Names are
   * unique per VPC ({@code InvalidGroup.Duplicate}); without a VPC id EC2 would use the default VPC,
   * which the fake world does not have ({@code VPCIdNotSpecified}).
   */
  public CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest r) {
    dryRun(r.dryRun());
    if (r.groupName() == null || r.groupName().isEmpty()) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter GroupName");
    }
    if (r.description() == null || r.description().isEmpty()) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter GroupDescription");
    }
    if (r.groupName().startsWith("sg-")) {
      throw AwsError.client("InvalidParameterValue", "Group names may not be in the format sg-*.");
    }
    if (r.groupName().length() > 255 || r.description().length() > 255) {
      throw AwsError.client("InvalidParameterValue", "Group names and descriptions have at most 255 characters.");
    }
    if (r.vpcId() == null) {
      throw AwsError.client("VPCIdNotSpecified", "No default VPC for this user");
    }
    String[] created = new String[1];
    world.updateNetwork(n -> {
      Vpc vpc = vpc(n, r.vpcId());
      boolean taken = n.securityGroups().orElse(List.of()).stream()
          .anyMatch(g -> g.vpcId().equals(vpc.vpcId()) && g.groupName().map(r.groupName()::equals).orElse(false));
      if (taken) {
        throw AwsError.client("InvalidGroup.Duplicate",
            "The security group '" + r.groupName() + "' already exists for VPC '" + vpc.vpcId() + "'");
      }
      String id = world.ids().next("sg");
      created[0] = id;
      return NetworkBuilder.from(n).ids(world.ids()).securityGroup(id, g -> g.vpc(vpc.vpcId()).name(r.groupName())
          .description(r.description()).owner(world.accountId())).build();
    });
    return CreateSecurityGroupResponse.builder().groupId(created[0])
        .securityGroupArn("arn:aws:ec2:" + world.region() + ":" + world.accountId() + ":security-group/" + created[0])
        .build();
  }

  public AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest r) {
    dryRun(r.dryRun());
    List<IpPermission> perms = new ArrayList<>(r.ipPermissions());
    if (perms.isEmpty() && r.ipProtocol() != null) {
      IpPermission.Builder p = IpPermission.builder().ipProtocol(r.ipProtocol()).fromPort(r.fromPort()).toPort(r.toPort());
      if (r.cidrIp() != null) {
        p.ipRanges(IpRange.builder().cidrIp(r.cidrIp()).build());
      }
      perms.add(p.build());
    }
    List<SecurityGroupRule> rules = authorize(r.groupId(), perms, false);
    return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true).securityGroupRules(rules).build();
  }

  public AuthorizeSecurityGroupEgressResponse authorizeSecurityGroupEgress(AuthorizeSecurityGroupEgressRequest r) {
    dryRun(r.dryRun());
    List<IpPermission> perms = new ArrayList<>(r.ipPermissions());
    if (perms.isEmpty() && r.ipProtocol() != null) {
      IpPermission.Builder p = IpPermission.builder().ipProtocol(r.ipProtocol()).fromPort(r.fromPort()).toPort(r.toPort());
      if (r.cidrIp() != null) {
        p.ipRanges(IpRange.builder().cidrIp(r.cidrIp()).build());
      }
      perms.add(p.build());
    }
    List<SecurityGroupRule> rules = authorize(r.groupId(), perms, true);
    return AuthorizeSecurityGroupEgressResponse.builder().returnValue(true).securityGroupRules(rules).build();
  }

  public ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest r) {
    int given = (r.enableDnsSupport() != null ? 1 : 0) + (r.enableDnsHostnames() != null ? 1 : 0)
        + (r.enableNetworkAddressUsageMetrics() != null ? 1 : 0);
    if (given != 1) {
      throw AwsError.client(given == 0 ? "MissingParameter" : "InvalidParameterCombination", given == 0
          ? "The request must contain one of the parameters enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics"
          : "Fields for multiple attribute types specified: enableDnsSupport, enableDnsHostnames");
    }
    world.updateNetwork(n -> {
      Vpc vpc = vpc(n, r.vpcId());
      if (r.enableDnsHostnames() != null && Boolean.TRUE.equals(r.enableDnsHostnames().value())
          && !vpc.enableDnsSupport().orElse(true)) {
        throw AwsError.client("InvalidParameterValue",
            "Cannot enable DNS hostnames while DNS support is disabled for " + vpc.vpcId());
      }
      return NetworkBuilder.from(n).ids(world.ids()).vpc(vpc.vpcId(), v -> {
        if (r.enableDnsSupport() != null) {
          v.dnsSupport(Boolean.TRUE.equals(r.enableDnsSupport().value()));
        }
        if (r.enableDnsHostnames() != null) {
          v.dnsHostnames(Boolean.TRUE.equals(r.enableDnsHostnames().value()));
        }
      }).build();
    });
    return ModifyVpcAttributeResponse.builder().build();
  }

  public CreateTagsResponse createTags(CreateTagsRequest r) {
    dryRun(r.dryRun());
    world.updateNetwork(n -> {
      NetworkBuilder b = NetworkBuilder.from(n).ids(world.ids());
      for (String id : r.resources()) {
        for (software.amazon.awssdk.services.ec2.model.Tag t : r.tags()) {
          tag(n, b, id, t.key(), t.value() == null ? "" : t.value());
        }
      }
      return b.build();
    });
    return CreateTagsResponse.builder().build();
  }

  // ---------------------------------------------------------------- helpers

  private List<SecurityGroupRule> authorize(String groupId, List<IpPermission> perms, boolean egress) {
    if (groupId == null) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter groupId");
    }
    if (perms.isEmpty()) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter ipPermissions");
    }
    List<SecurityGroupRule> rules = new ArrayList<>();
    world.updateNetwork(n -> {
      SecurityGroup g = group(n, groupId);
      List<Permission> current = new ArrayList<>(egress ? g.egress() : g.ingress());
      for (IpPermission p : perms) {
        String protocol = protocol(p.ipProtocol());
        boolean all = protocol.equals("-1");
        Integer from = all ? null : p.fromPort();
        Integer to = all ? null : p.toPort();
        if (!all && (protocol.equals("tcp") || protocol.equals("udp")) && (from == null || to == null)) {
          throw AwsError.client("InvalidParameterValue", "Invalid value 'null' for portRange. Must specify both from and to ports with TCP/UDP.");
        }
        List<String> peers = new ArrayList<>();
        p.ipRanges().forEach(x -> peers.add(x.cidrIp()));
        p.ipv6Ranges().forEach(x -> peers.add(x.cidrIpv6()));
        p.prefixListIds().forEach(x -> peers.add(x.prefixListId()));
        for (UserIdGroupPair pair : p.userIdGroupPairs()) {
          group(n, pair.groupId());
          peers.add(pair.groupId());
        }
        if (peers.isEmpty()) {
          throw AwsError.client("MissingParameter", "The request must contain a source or destination: CIDR, prefix list or security group");
        }
        for (String peer : peers) {
          if (covers(current, protocol, from, to, peer)) {
            throw AwsError.client("InvalidPermission.Duplicate",
                "the specified rule \"peer: " + peer + ", " + describe(protocol, from, to) + ", ALLOW\" already exists");
          }
          current = add(current, protocol, from, to, peer);
          rules.add(rule(groupId, egress, protocol, from, to, peer));
        }
      }
      List<Permission> result = current;
      return NetworkBuilder.from(n).ids(world.ids()).securityGroup(groupId, d -> {
        if (egress) {
          d.clearEgress();
          result.forEach(d::egress);
        } else {
          d.clearIngress();
          result.forEach(d::ingress);
        }
      }).build();
    });
    return rules;
  }

  private SecurityGroupRule rule(String groupId, boolean egress, String protocol, Integer from, Integer to, String peer) {
    SecurityGroupRule.Builder b = SecurityGroupRule.builder()
        .securityGroupRuleId(world.ids().next("sgr"))
        .groupId(groupId)
        .groupOwnerId(world.accountId())
        .isEgress(egress)
        .ipProtocol(protocol)
        .fromPort(from == null ? -1 : from)
        .toPort(to == null ? -1 : to);
    if (peer.startsWith("sg-")) {
      b.referencedGroupInfo(ReferencedSecurityGroup.builder().groupId(peer).userId(world.accountId()).build());
    } else if (peer.startsWith("pl-")) {
      b.prefixListId(peer);
    } else if (peer.contains(":")) {
      b.cidrIpv6(peer);
    } else {
      b.cidrIpv4(peer);
    }
    return b.build();
  }

  private static boolean covers(List<Permission> current, String protocol, Integer from, Integer to, String peer) {
    for (Permission p : current) {
      if (p.ipProtocol().equals(protocol) && Objects.equals(p.fromPort().orElse(null), from)
          && Objects.equals(p.toPort().orElse(null), to)) {
        if (p.ipRanges().contains(peer) || p.ipv6Ranges().contains(peer) || p.prefixListIds().contains(peer)
            || p.groupIds().contains(peer)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Adds a peer as EC2 shows it: into the permission of the same protocol and ports, else a new one. */
  private static List<Permission> add(List<Permission> current, String protocol, Integer from, Integer to, String peer) {
    List<Permission> out = new ArrayList<>(current);
    for (int i = 0; i < out.size(); i++) {
      Permission p = out.get(i);
      if (p.ipProtocol().equals(protocol) && Objects.equals(p.fromPort().orElse(null), from)
          && Objects.equals(p.toPort().orElse(null), to)) {
        out.set(i, withPeer(Permission.builder().from(p), peer).build());
        return out;
      }
    }
    Permission.Builder b = Permission.builder().ipProtocol(protocol);
    if (from != null) {
      b.fromPort(from).toPort(to);
    }
    out.add(withPeer(b, peer).build());
    return out;
  }

  private static Permission.Builder withPeer(Permission.Builder b, String peer) {
    if (peer.startsWith("sg-")) {
      return b.addGroupId(peer);
    }
    if (peer.startsWith("pl-")) {
      return b.addPrefixListId(peer);
    }
    if (peer.contains(":")) {
      return b.addIpv6Range(peer);
    }
    return b.addIpRange(peer);
  }

  private static String protocol(String p) {
    if (p == null) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter ipProtocol");
    }
    switch (p.toLowerCase(java.util.Locale.ROOT)) {
      case "-1":
      case "all":
        return "-1";
      case "6":
      case "tcp":
        return "tcp";
      case "17":
      case "udp":
        return "udp";
      case "1":
      case "icmp":
        return "icmp";
      case "58":
      case "icmpv6":
        return "icmpv6";
      default:
        if (p.matches("\\d{1,3}")) {
          return p;
        }
        throw AwsError.client("InvalidParameterValue", "Invalid value '" + p + "' for IP protocol. Unknown protocol.");
    }
  }

  private static String describe(String protocol, Integer from, Integer to) {
    if (protocol.equals("-1")) {
      return "ALL";
    }
    return protocol.toUpperCase(java.util.Locale.ROOT) + ", from port: " + from + ", to port: " + to;
  }

  private void tag(NetworkSnapshot n, NetworkBuilder b, String id, String key, String value) {
    if (id.startsWith("vpc-") && n.vpc(id).isPresent()) {
      b.vpc(id, v -> v.tag(key, value));
    } else if (id.startsWith("subnet-") && n.subnet(id).isPresent()) {
      b.subnet(id, s -> s.tag(key, value));
    } else if (id.startsWith("sg-") && n.securityGroup(id).isPresent()) {
      b.securityGroup(id, g -> g.tag(key, value));
    } else if (id.startsWith("rtb-") && n.routeTable(id).isPresent()) {
      b.routeTable(id, t -> t.tag(key, value));
    } else if (id.startsWith("vpce-") && n.vpcEndpoint(id).isPresent()) {
      b.endpoint(id, e -> e.tag(key, value));
    } else if (id.startsWith("nat-") && n.natGateway(id).isPresent()) {
      b.natGateway(id, g -> g.tag(key, value));
    } else if (id.startsWith("igw-") && n.internetGateways().orElse(List.of()).stream().anyMatch(g -> g.internetGatewayId().equals(id))) {
      b.internetGateway(id, g -> g.tag(key, value));
    } else if (id.startsWith("acl-") && n.networkAcls().orElse(List.of()).stream().anyMatch(a -> a.networkAclId().equals(id))) {
      b.networkAcl(id, a -> a.tag(key, value));
    } else {
      String kind = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
      switch (kind) {
        case "vpc":
          throw notFound("InvalidVpcID.NotFound", "The vpc ID '%s' does not exist").apply(id);
        case "subnet":
          throw notFound("InvalidSubnetID.NotFound", "The subnet ID '%s' does not exist").apply(id);
        case "sg":
          throw notFound("InvalidGroup.NotFound", "The security group '%s' does not exist").apply(id);
        default:
          throw AwsError.client("InvalidID", "The ID '" + id + "' is not valid");
      }
    }
  }

  private static void policy(EndpointDraft e, String policy) {
    if (policy != null) {
      if (!policy.trim().startsWith("{")) {
        throw AwsError.client("MalformedPolicyDocument", "Policy document is malformed: it must be a JSON object");
      }
      e.policy(policy);
    }
  }

  private static String prefixListOf(NetworkSnapshot n, String serviceName) {
    return n.prefixLists().orElse(List.of()).stream().filter(p -> p.prefixListName().equals(serviceName))
        .map(p -> p.prefixListId()).findFirst().orElse("pl-unknown");
  }

  private void checkRouteTable(NetworkSnapshot n, Vpc vpc, String rtb) {
    dev.vpctrain.core.network.RouteTable t = routeTable(n, rtb);
    if (!t.vpcId().equals(vpc.vpcId())) {
      throw AwsError.client("InvalidParameter", "Route table " + rtb + " does not belong to " + vpc.vpcId());
    }
  }

  private dev.vpctrain.core.network.RouteTable routeTable(NetworkSnapshot n, String rtb) {
    return n.routeTable(rtb).orElseThrow(() ->
        notFound("InvalidRouteTableID.NotFound", "The routeTable ID '%s' does not exist").apply(rtb));
  }

  private Vpc vpc(NetworkSnapshot n, String vpcId) {
    if (vpcId == null) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter vpcId");
    }
    return n.vpc(vpcId).orElseThrow(() -> notFound("InvalidVpcID.NotFound", "The vpc ID '%s' does not exist").apply(vpcId));
  }

  private Subnet subnet(NetworkSnapshot n, String subnetId) {
    return n.subnet(subnetId).orElseThrow(() ->
        notFound("InvalidSubnetID.NotFound", "The subnet ID '%s' does not exist").apply(subnetId));
  }

  private SecurityGroup group(NetworkSnapshot n, String groupId) {
    return n.securityGroup(groupId).orElseThrow(() ->
        notFound("InvalidGroup.NotFound", "The security group '%s' does not exist").apply(groupId));
  }

  private <T> List<T> section(NetworkSnapshot n, Section section, Optional<List<T>> items) {
    if (items.isPresent()) {
      return items.get();
    }
    throw unknown(n, section);
  }

  private AwsError attributeUnknown() {
    return unknown(world.network(), Section.VPC_ATTRIBUTES);
  }

  private static AwsError unknown(NetworkSnapshot n, Section section) {
    Optional<CaptureError> e = n.errorFor(section);
    if (e.isPresent()) {
      String code = e.get().code();
      return new AwsError(code, e.get().message(), code.contains("Unauthorized") || code.contains("AccessDenied") ? 403 : 400);
    }
    return new AwsError("UnauthorizedOperation", "You are not authorized to perform this operation. (The fake world "
        + "does not know " + section.operation() + ": the snapshot it was loaded from did not capture it.)", 403);
  }

  private static <T> Pages.Page<T> page(List<T> all, Integer maxResults, String token, String operation, int min, int max) {
    if (maxResults != null && (maxResults < min || maxResults > max)) {
      throw AwsError.client("InvalidParameterValue", "Value ( " + maxResults + " ) for parameter maxResults is invalid. "
          + "Expecting a value between " + min + " and " + max + ".");
    }
    return Pages.slice(all, maxResults, token, operation,
        t -> AwsError.client("InvalidPaginationToken", "Invalid pagination token: " + t));
  }

  private static Function<String, AwsError> notFound(String code, String format) {
    return id -> AwsError.client(code, String.format(format, id));
  }

  private static AttributeBooleanValue bool(boolean value) {
    return AttributeBooleanValue.builder().value(value).build();
  }

  private static void dryRun(Boolean dryRun) {
    if (Boolean.TRUE.equals(dryRun)) {
      throw new AwsError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    }
  }
}
