package dev.vpctrain.testkit.internal.ec2;

import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.testkit.network.EndpointDraft;
import dev.vpctrain.testkit.network.NetworkBuilder;
import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.world.World;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkPojo;
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
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Ec2Request;
import software.amazon.awssdk.services.ec2.model.Ec2Response;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.PrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The fake EC2 service: the {@code Describe*} calls discovery makes (network interfaces included), over the world's network, and
 * the changes remediation makes ({@code CreateVpcEndpoint}, {@code ModifyVpcEndpoint},
 * {@code CreateSecurityGroup}, {@code AuthorizeSecurityGroupIngress/Egress}, {@code ModifyVpcAttribute},
 * {@code CreateTags}),
 * applied to it. It stores and answers the SDK's own shapes ({@code Ec2Store}); every
 * {@code Describe*} call is one row of {@code Ec2Operations} run through the same select, page and
 * answer steps. Changes to stored resources are made on the SDK shapes and reach the world's core
 * snapshot through {@code Ec2Mapping}; new resources are made by {@link NetworkBuilder}, which
 * knows EC2's defaults. A section the world does not know (not captured) answers with its recorded
 * capture error, else {@code UnauthorizedOperation}. Public for the client proxy only.
 */
@FakeClientOf(value = Ec2Client.class, name = "FakeEc2Client")
public final class FakeEc2 {
  private static final ServiceErrors ERRORS = new ServiceErrors("Ec2", Ec2Exception::builder, Map.of());

  private final World world;
  private NetworkSnapshot storedFor;
  private Ec2Store stored;

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
    return describe(Ec2Operations.VPCS, r);
  }

  public DescribeDhcpOptionsResponse describeDhcpOptions(DescribeDhcpOptionsRequest r) {
    return describe(Ec2Operations.DHCP_OPTIONS, r);
  }

  public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest r) {
    return describe(Ec2Operations.SUBNETS, r);
  }

  public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest r) {
    return describe(Ec2Operations.ROUTE_TABLES, r);
  }

  public DescribeVpcEndpointsResponse describeVpcEndpoints(DescribeVpcEndpointsRequest r) {
    return describe(Ec2Operations.VPC_ENDPOINTS, r);
  }

  public DescribeNatGatewaysResponse describeNatGateways(DescribeNatGatewaysRequest r) {
    return describe(Ec2Operations.NAT_GATEWAYS, r);
  }

  public DescribeInternetGatewaysResponse describeInternetGateways(DescribeInternetGatewaysRequest r) {
    return describe(Ec2Operations.INTERNET_GATEWAYS, r);
  }

  public DescribeNetworkAclsResponse describeNetworkAcls(DescribeNetworkAclsRequest r) {
    return describe(Ec2Operations.NETWORK_ACLS, r);
  }

  public DescribePrefixListsResponse describePrefixLists(DescribePrefixListsRequest r) {
    return describe(Ec2Operations.PREFIX_LISTS, r);
  }

  public DescribeNetworkInterfacesResponse describeNetworkInterfaces(DescribeNetworkInterfacesRequest r) {
    return describe(Ec2Operations.NETWORK_INTERFACES, r);
  }

  /** Also selects by group name ({@code GroupNames}), each of which must exist. */
  public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest r) {
    dryRun(r.dryRun());
    Ec2Operation<DescribeSecurityGroupsRequest, DescribeSecurityGroupsResponse, SecurityGroup> op =
        Ec2Operations.SECURITY_GROUPS;
    List<SecurityGroup> all = op.select(r, section(op));
    if (r.hasGroupNames() && !r.groupNames().isEmpty()) {
      Set<String> names = new HashSet<>(r.groupNames());
      for (String name : names) {
        if (all.stream().noneMatch(g -> name.equals(g.groupName()))) {
          throw AwsError.client("InvalidGroup.NotFound", "The security group '" + name + "' does not exist in default VPC");
        }
      }
      all = all.stream().filter(g -> names.contains(g.groupName())).toList();
    }
    return op.answer(r, all, world);
  }

  public DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest r) {
    dryRun(r.dryRun());
    if (r.vpcId() == null) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter vpcId");
    }
    Ec2Store store = store();
    Vpc vpc = section(Ec2Operations.VPCS).stream().filter(v -> v.vpcId().equals(r.vpcId())).findFirst()
        .orElseThrow(() -> Ec2Operations.VPCS.query.notFound(r.vpcId()));
    String attribute = r.attributeAsString();
    DescribeVpcAttributeResponse.Builder b = DescribeVpcAttributeResponse.builder().vpcId(vpc.vpcId());
    if ("enableDnsSupport".equals(attribute)) {
      b.enableDnsSupport(bool(store.attribute(vpc.vpcId(), DescribeVpcAttributeResponse::enableDnsSupport)
          .orElseThrow(this::attributeUnknown)));
    } else if ("enableDnsHostnames".equals(attribute)) {
      b.enableDnsHostnames(bool(store.attribute(vpc.vpcId(), DescribeVpcAttributeResponse::enableDnsHostnames)
          .orElseThrow(this::attributeUnknown)));
    } else if ("enableNetworkAddressUsageMetrics".equals(attribute)) {
      b.enableNetworkAddressUsageMetrics(bool(false));
    } else {
      throw AwsError.client("InvalidParameterValue", "Value (" + attribute + ") for parameter attribute is invalid. "
          + "Expecting one of enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics.");
    }
    return b.build();
  }

  /** The one {@code Describe*} mechanism: the section, selected by ids and filters, one page of it. */
  private <Q extends Ec2Request, R extends Ec2Response, T extends SdkPojo> R describe(Ec2Operation<Q, R, T> op, Q r) {
    dryRun((Boolean) Ec2Operation.member(r, "DryRun"));
    return op.answer(r, op.select(r, section(op)), world);
  }

  /** The stored items of {@code op}'s section, or the error of a section the world does not know. */
  private <T extends SdkPojo> List<T> section(Ec2Operation<?, ?, T> op) {
    NetworkSnapshot n = world.network();
    return store(n).items(op).orElseThrow(() -> unknown(n, op.section));
  }

  // ---------------------------------------------------------------- change

  public CreateVpcEndpointResponse createVpcEndpoint(CreateVpcEndpointRequest r) {
    dryRun(r.dryRun());
    String[] created = new String[1];
    world.updateNetwork(n -> {
      Ec2Store s = store(n);
      Vpc vpc = vpc(s, r.vpcId());
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
        Optional<String> pl = prefixListOf(s, service);
        for (String rtb : r.routeTableIds()) {
          checkRouteTable(s, vpc, rtb);
          if (pl.isPresent() && routeTable(s, rtb).routes().stream().anyMatch(x -> pl.get().equals(x.destinationPrefixListId()))) {
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
        if (privateDns && !(dnsSupport(s, vpc) && s.attribute(vpc.vpcId(), DescribeVpcAttributeResponse::enableDnsHostnames)
            .orElse(true))) {
          throw AwsError.client("InvalidParameter", "Enabling private DNS requires both enableDnsSupport and "
              + "enableDnsHostnames VPC attributes set to true for " + vpc.vpcId());
        }
        Set<String> zones = new HashSet<>();
        for (String id2 : r.subnetIds()) {
          Subnet subnet = subnet(s, id2);
          if (!subnet.vpcId().equals(vpc.vpcId())) {
            throw AwsError.client("InvalidParameter", "The subnet " + id2 + " does not belong to " + vpc.vpcId());
          }
          if (!zones.add(subnet.availabilityZone() == null ? id2 : subnet.availabilityZone())) {
            throw AwsError.client("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the availability zone of "
                + id2 + ". VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.");
          }
        }
        r.securityGroupIds().forEach(g -> group(s, g));
        b.interfaceEndpoint(id, suffix, e -> {
          e.vpc(vpc.vpcId()).subnets(r.subnetIds().toArray(String[]::new))
              .securityGroups(r.securityGroupIds().toArray(String[]::new)).privateDns(privateDns);
          policy(e, r.policyDocument());
        });
      }
      return b.build();
    });
    VpcEndpoint e = store().find(Ec2Operations.VPC_ENDPOINTS, created[0]).orElseThrow();
    return CreateVpcEndpointResponse.builder().vpcEndpoint(Ec2Operations.VPC_ENDPOINTS.answer(e, world))
        .clientToken(r.clientToken()).build();
  }

  public ModifyVpcEndpointResponse modifyVpcEndpoint(ModifyVpcEndpointRequest r) {
    dryRun(r.dryRun());
    world.updateNetwork(n -> {
      Ec2Store s = store(n);
      VpcEndpoint e = s.find(Ec2Operations.VPC_ENDPOINTS, r.vpcEndpointId() == null ? "" : r.vpcEndpointId())
          .orElseThrow(() -> Ec2Operations.VPC_ENDPOINTS.query.notFound(r.vpcEndpointId()));
      Vpc vpc = vpc(s, e.vpcId());
      for (String rtb : r.addRouteTableIds()) {
        checkRouteTable(s, vpc, rtb);
      }
      for (String id : r.addSubnetIds()) {
        subnet(s, id);
      }
      r.addSecurityGroupIds().forEach(g -> group(s, g));
      if (Boolean.TRUE.equals(r.resetPolicy()) && r.policyDocument() != null) {
        throw AwsError.client("InvalidParameterCombination", "The parameter PolicyDocument cannot be used with ResetPolicy");
      }
      NetworkBuilder b = NetworkBuilder.from(n).ids(world.ids());
      String pl = prefixListOf(s, e.serviceName()).orElse("pl-unknown");
      for (String rtb : r.removeRouteTableIds()) {
        b.routeTable(rtb, t -> t.removeRoute(pl));
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
      Ec2Store s = store(n);
      Vpc vpc = vpc(s, r.vpcId());
      boolean taken = s.items(Ec2Operations.SECURITY_GROUPS).orElse(List.of()).stream()
          .anyMatch(g -> g.vpcId().equals(vpc.vpcId()) && r.groupName().equals(g.groupName()));
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
    List<SecurityGroupRule> rules = authorize(r.groupId(),
        permissions(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp()), false);
    return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true).securityGroupRules(rules).build();
  }

  public AuthorizeSecurityGroupEgressResponse authorizeSecurityGroupEgress(AuthorizeSecurityGroupEgressRequest r) {
    dryRun(r.dryRun());
    List<SecurityGroupRule> rules = authorize(r.groupId(),
        permissions(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp()), true);
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
    change(s -> {
      Vpc vpc = vpc(s, r.vpcId());
      if (r.enableDnsHostnames() != null && Boolean.TRUE.equals(r.enableDnsHostnames().value()) && !dnsSupport(s, vpc)) {
        throw AwsError.client("InvalidParameterValue",
            "Cannot enable DNS hostnames while DNS support is disabled for " + vpc.vpcId());
      }
      if (r.enableDnsSupport() != null) {
        return s.withAttribute(DescribeVpcAttributeResponse.builder().vpcId(vpc.vpcId())
            .enableDnsSupport(bool(Boolean.TRUE.equals(r.enableDnsSupport().value()))).build());
      }
      if (r.enableDnsHostnames() != null) {
        return s.withAttribute(DescribeVpcAttributeResponse.builder().vpcId(vpc.vpcId())
            .enableDnsHostnames(bool(Boolean.TRUE.equals(r.enableDnsHostnames().value()))).build());
      }
      return s;
    }, Ec2Operations.VPCS);
    return ModifyVpcAttributeResponse.builder().build();
  }

  public CreateTagsResponse createTags(CreateTagsRequest r) {
    dryRun(r.dryRun());
    Set<Ec2Operation<?, ?, ?>> touched = new LinkedHashSet<>();
    world.updateNetwork(n -> {
      Ec2Store s = store(n);
      for (String id : r.resources()) {
        for (Tag t : r.tags()) {
          Ec2Operation<?, ?, ?> op = taggable(s, id);
          s = tag(s, op, id, t.key(), t.value() == null ? "" : t.value());
          touched.add(op);
        }
      }
      return commit(n, s, touched);
    });
    return CreateTagsResponse.builder().build();
  }

  // ---------------------------------------------------------------- helpers

  private Ec2Store store() {
    return store(world.network());
  }

  /** The SDK shapes of {@code network}, read again only when the world's network was replaced. */
  @SuppressWarnings("ReferenceEquality") // identity on purpose: every change of the world replaces its snapshot
  private synchronized Ec2Store store(NetworkSnapshot network) {
    if (network != storedFor) {
      stored = Ec2Store.of(network);
      storedFor = network;
    }
    return stored;
  }

  /** Applies a change of stored shapes to the world: the changed sections' core model via {@code Ec2Mapping}. */
  private void change(UnaryOperator<Ec2Store> change, Ec2Operation<?, ?, ?> section) {
    world.updateNetwork(n -> commit(n, change.apply(store(n)), List.of(section)));
  }

  private synchronized NetworkSnapshot commit(NetworkSnapshot n, Ec2Store s, Iterable<Ec2Operation<?, ?, ?>> changed) {
    NetworkSnapshot out = n;
    for (Ec2Operation<?, ?, ?> op : changed) {
      out = s.applyTo(out, op);
    }
    stored = s;
    storedFor = out;
    return out;
  }

  /** The row of the resource {@code id} names, if the world has it; else EC2's error for the id. */
  private static Ec2Operation<?, ?, ?> taggable(Ec2Store s, String id) {
    for (Ec2Operation<?, ?, ?> op : Ec2Operations.TAGGABLE) {
      if (id.startsWith(op.query.idPrefix() + "-") && s.find(op, id).isPresent()) {
        return op;
      }
    }
    String kind = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
    switch (kind) {
      case "vpc":
        throw Ec2Operations.VPCS.query.notFound(id);
      case "subnet":
        throw Ec2Operations.SUBNETS.query.notFound(id);
      case "sg":
        throw Ec2Operations.SECURITY_GROUPS.query.notFound(id);
      default:
        throw AwsError.client("InvalidID", "The ID '" + id + "' is not valid");
    }
  }

  /** {@code s} with tag {@code key} of resource {@code id} set to {@code value} (in place when the key is there). */
  private static <T extends SdkPojo> Ec2Store tag(Ec2Store s, Ec2Operation<?, ?, T> op, String id, String key, String value) {
    List<T> items = new ArrayList<>();
    for (T item : s.items(op).orElseThrow()) {
      if (!op.query.idOf(item).equals(id)) {
        items.add(item);
        continue;
      }
      List<Tag> tags = new ArrayList<>(op.tags(item));
      Tag tag = Tag.builder().key(key).value(value).build();
      int at = -1;
      for (int i = 0; i < tags.size() && at < 0; i++) {
        at = key.equals(tags.get(i).key()) ? i : -1;
      }
      if (at >= 0) {
        tags.set(at, tag);
      } else {
        tags.add(tag);
      }
      items.add(op.withTags(item, tags));
    }
    return s.with(op, items);
  }

  /** The permissions of an authorize request: its list, else the old single-rule parameters. */
  private static List<IpPermission> permissions(List<IpPermission> given, String protocol, Integer from, Integer to,
      String cidr) {
    List<IpPermission> perms = new ArrayList<>(given);
    if (perms.isEmpty() && protocol != null) {
      IpPermission.Builder p = IpPermission.builder().ipProtocol(protocol).fromPort(from).toPort(to);
      if (cidr != null) {
        p.ipRanges(IpRange.builder().cidrIp(cidr).build());
      }
      perms.add(p.build());
    }
    return perms;
  }

  private List<SecurityGroupRule> authorize(String groupId, List<IpPermission> perms, boolean egress) {
    if (groupId == null) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter groupId");
    }
    if (perms.isEmpty()) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter ipPermissions");
    }
    List<SecurityGroupRule> rules = new ArrayList<>();
    change(s -> {
      SecurityGroup g = group(s, groupId);
      List<IpPermission> current = new ArrayList<>(egress ? g.ipPermissionsEgress() : g.ipPermissions());
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
          group(s, pair.groupId());
          peers.add(pair.groupId());
        }
        if (peers.isEmpty()) {
          throw AwsError.client("MissingParameter", "The request must contain a source or destination: CIDR, prefix list or security group");
        }
        for (String peer : peers) {
          if (current.stream().anyMatch(x -> samePorts(x, protocol, from, to) && peersOf(x).contains(peer))) {
            throw AwsError.client("InvalidPermission.Duplicate",
                "the specified rule \"peer: " + peer + ", " + describe(protocol, from, to) + ", ALLOW\" already exists");
          }
          current = add(current, protocol, from, to, peer);
          rules.add(rule(groupId, egress, protocol, from, to, peer));
        }
      }
      SecurityGroup changed = egress ? g.toBuilder().ipPermissionsEgress(current).build()
          : g.toBuilder().ipPermissions(current).build();
      List<SecurityGroup> groups = new ArrayList<>();
      s.items(Ec2Operations.SECURITY_GROUPS).orElseThrow()
          .forEach(x -> groups.add(x.groupId().equals(groupId) ? changed : x));
      return s.with(Ec2Operations.SECURITY_GROUPS, groups);
    }, Ec2Operations.SECURITY_GROUPS);
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

  private static boolean samePorts(IpPermission p, String protocol, Integer from, Integer to) {
    return p.ipProtocol().equals(protocol) && Objects.equals(p.fromPort(), from) && Objects.equals(p.toPort(), to);
  }

  private static List<String> peersOf(IpPermission p) {
    List<String> out = new ArrayList<>();
    p.ipRanges().forEach(x -> out.add(x.cidrIp()));
    p.ipv6Ranges().forEach(x -> out.add(x.cidrIpv6()));
    p.prefixListIds().forEach(x -> out.add(x.prefixListId()));
    p.userIdGroupPairs().forEach(x -> out.add(x.groupId()));
    return out;
  }

  /** Adds a peer as EC2 shows it: into the permission of the same protocol and ports, else a new one. */
  private static List<IpPermission> add(List<IpPermission> current, String protocol, Integer from, Integer to, String peer) {
    List<IpPermission> out = new ArrayList<>(current);
    for (int i = 0; i < out.size(); i++) {
      IpPermission p = out.get(i);
      if (samePorts(p, protocol, from, to)) {
        out.set(i, withPeer(p, peer));
        return out;
      }
    }
    IpPermission.Builder b = IpPermission.builder().ipProtocol(protocol)
        .ipRanges(List.of()).ipv6Ranges(List.of()).prefixListIds(List.of()).userIdGroupPairs(List.of());
    if (from != null) {
      b.fromPort(from).toPort(to);
    }
    out.add(withPeer(b.build(), peer));
    return out;
  }

  private static IpPermission withPeer(IpPermission p, String peer) {
    if (peer.startsWith("sg-")) {
      return p.toBuilder().userIdGroupPairs(plus(p.userIdGroupPairs(), UserIdGroupPair.builder().groupId(peer).build())).build();
    }
    if (peer.startsWith("pl-")) {
      return p.toBuilder().prefixListIds(plus(p.prefixListIds(), PrefixListId.builder().prefixListId(peer).build())).build();
    }
    if (peer.contains(":")) {
      return p.toBuilder().ipv6Ranges(plus(p.ipv6Ranges(), Ipv6Range.builder().cidrIpv6(peer).build())).build();
    }
    return p.toBuilder().ipRanges(plus(p.ipRanges(), IpRange.builder().cidrIp(peer).build())).build();
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static String protocol(String p) {
    if (p == null) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter ipProtocol");
    }
    switch (p.toLowerCase(Locale.ROOT)) {
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
    return protocol.toUpperCase(Locale.ROOT) + ", from port: " + from + ", to port: " + to;
  }

  private static void policy(EndpointDraft e, String policy) {
    if (policy != null) {
      if (!policy.trim().startsWith("{")) {
        throw AwsError.client("MalformedPolicyDocument", "Policy document is malformed: it must be a JSON object");
      }
      e.policy(policy);
    }
  }

  private static Optional<String> prefixListOf(Ec2Store s, String serviceName) {
    return s.items(Ec2Operations.PREFIX_LISTS).orElse(List.of()).stream()
        .filter(p -> p.prefixListName().equals(serviceName)).map(PrefixList::prefixListId).findFirst();
  }

  private static void checkRouteTable(Ec2Store s, Vpc vpc, String rtb) {
    if (!routeTable(s, rtb).vpcId().equals(vpc.vpcId())) {
      throw AwsError.client("InvalidParameter", "Route table " + rtb + " does not belong to " + vpc.vpcId());
    }
  }

  /** {@code EnableDnsSupport} of the VPC, true when unknown (EC2's default). */
  private static boolean dnsSupport(Ec2Store s, Vpc vpc) {
    return s.attribute(vpc.vpcId(), DescribeVpcAttributeResponse::enableDnsSupport).orElse(true);
  }

  private static RouteTable routeTable(Ec2Store s, String rtb) {
    return existing(s, Ec2Operations.ROUTE_TABLES, rtb);
  }

  private static Vpc vpc(Ec2Store s, String vpcId) {
    if (vpcId == null) {
      throw AwsError.client("MissingParameter", "The request must contain the parameter vpcId");
    }
    return existing(s, Ec2Operations.VPCS, vpcId);
  }

  private static Subnet subnet(Ec2Store s, String subnetId) {
    return existing(s, Ec2Operations.SUBNETS, subnetId);
  }

  private static SecurityGroup group(Ec2Store s, String groupId) {
    return existing(s, Ec2Operations.SECURITY_GROUPS, groupId);
  }

  private static <T extends SdkPojo> T existing(Ec2Store s, Ec2Operation<?, ?, T> op, String id) {
    return s.find(op, id).orElseThrow(() -> op.query.notFound(id));
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

  private static AttributeBooleanValue bool(boolean value) {
    return AttributeBooleanValue.builder().value(value).build();
  }

  private static void dryRun(Boolean dryRun) {
    if (Boolean.TRUE.equals(dryRun)) {
      throw new AwsError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    }
  }
}
