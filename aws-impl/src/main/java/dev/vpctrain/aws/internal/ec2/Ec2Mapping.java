package dev.vpctrain.aws.internal.ec2;

import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.IgwAttachment;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Tag;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv4PrefixSpecification;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;

/**
 * The one mapping between the EC2 SDK response shapes and the core snapshot model, used by live
 * discovery and by the snapshot bundle alike (the bundle is read into and written from these SDK
 * shapes by {@code SdkJson}). Enum-like strings become lower case, as the model expects, and ACL
 * protocol names become their numbers; a required field that is missing fails the build of the
 * model value (discovery records that as a malformed response; the bundle reader checks first).
 * The {@code sdk…} methods are the inverse, for writing a model as the API's shapes.
 */
public final class Ec2Mapping {
  private Ec2Mapping() {}

  // ---- SDK shape -> model ------------------------------------------------------------------

  /**
   * A VPC. Its CIDR blocks are the associated ones of {@code CidrBlockAssociationSet}, in order;
   * without that member, the primary {@code CidrBlock}.
   */
  public static Vpc vpc(software.amazon.awssdk.services.ec2.model.Vpc v) {
    List<String> cidrs = new ArrayList<>();
    if (v.hasCidrBlockAssociationSet()) {
      for (VpcCidrBlockAssociation a : v.cidrBlockAssociationSet()) {
        String state = a.cidrBlockState() == null ? null : a.cidrBlockState().stateAsString();
        if (a.cidrBlock() != null && (state == null || state.equalsIgnoreCase("associated"))) {
          cidrs.add(a.cidrBlock());
        }
      }
    } else if (v.cidrBlock() != null) {
      cidrs.add(v.cidrBlock());
    }
    return Vpc.builder()
        .vpcId(v.vpcId())
        .cidrBlock(Optional.ofNullable(v.cidrBlock()))
        .cidrBlocks(cidrs)
        .instanceTenancy(lower(v.instanceTenancyAsString()))
        .dhcpOptionsId(Optional.ofNullable(v.dhcpOptionsId()))
        .ownerId(Optional.ofNullable(v.ownerId()))
        .state(lower(v.stateAsString()))
        .tags(tags(v.tags()))
        .build();
  }

  /**
   * {@code vpc} with the attribute one {@code DescribeVpcAttribute} output names
   * ({@code EnableDnsSupport}, else {@code EnableDnsHostnames}); unchanged when it names neither.
   */
  public static Vpc withAttribute(Vpc vpc, DescribeVpcAttributeResponse r) {
    if (r.enableDnsSupport() != null && r.enableDnsSupport().value() != null) {
      return vpc.withEnableDnsSupport(r.enableDnsSupport().value());
    }
    if (r.enableDnsHostnames() != null && r.enableDnsHostnames().value() != null) {
      return vpc.withEnableDnsHostnames(r.enableDnsHostnames().value());
    }
    return vpc;
  }

  public static DhcpOptions dhcpOptions(software.amazon.awssdk.services.ec2.model.DhcpOptions d) {
    Map<String, List<String>> config = new LinkedHashMap<>();
    for (DhcpConfiguration c : d.dhcpConfigurations()) {
      List<String> values = new ArrayList<>();
      for (AttributeValue value : c.values()) {
        if (value.value() != null) {
          values.add(value.value());
        }
      }
      config.put(c.key(), values);
    }
    return DhcpOptions.builder().dhcpOptionsId(d.dhcpOptionsId()).configurations(config).build();
  }

  public static Subnet subnet(software.amazon.awssdk.services.ec2.model.Subnet s) {
    return Subnet.builder()
        .subnetId(s.subnetId())
        .vpcId(s.vpcId())
        .cidrBlock(Optional.ofNullable(s.cidrBlock()))
        .availabilityZone(Optional.ofNullable(s.availabilityZone()))
        .availabilityZoneId(Optional.ofNullable(s.availabilityZoneId()))
        .availableIpAddressCount(Optional.ofNullable(s.availableIpAddressCount()))
        .state(lower(s.stateAsString()))
        .mapPublicIpOnLaunch(Boolean.TRUE.equals(s.mapPublicIpOnLaunch()))
        .ownerId(Optional.ofNullable(s.ownerId()))
        .tags(tags(s.tags()))
        .build();
  }

  public static SecurityGroup securityGroup(software.amazon.awssdk.services.ec2.model.SecurityGroup g) {
    return SecurityGroup.builder()
        .groupId(g.groupId())
        .groupName(Optional.ofNullable(g.groupName()))
        .description(Optional.ofNullable(g.description()))
        .vpcId(g.vpcId())
        .ownerId(Optional.ofNullable(g.ownerId()))
        .ingress(each(g.ipPermissions(), Ec2Mapping::permission))
        .egress(each(g.ipPermissionsEgress(), Ec2Mapping::permission))
        .tags(tags(g.tags()))
        .build();
  }

  /** One rule of a security group; the protocol in lower case. */
  public static Permission permission(IpPermission p) {
    return Permission.builder()
        .ipProtocol(p.ipProtocol() == null ? null : p.ipProtocol().toLowerCase(Locale.ROOT))
        .fromPort(Optional.ofNullable(p.fromPort()))
        .toPort(Optional.ofNullable(p.toPort()))
        .ipRanges(each(p.ipRanges(), IpRange::cidrIp))
        .ipv6Ranges(each(p.ipv6Ranges(), Ipv6Range::cidrIpv6))
        .prefixListIds(each(p.prefixListIds(), PrefixListId::prefixListId))
        .groupIds(each(p.userIdGroupPairs(), UserIdGroupPair::groupId))
        .build();
  }

  public static RouteTable routeTable(software.amazon.awssdk.services.ec2.model.RouteTable t) {
    return RouteTable.builder()
        .routeTableId(t.routeTableId())
        .vpcId(t.vpcId())
        .ownerId(Optional.ofNullable(t.ownerId()))
        .tags(tags(t.tags()))
        .associations(each(t.associations(), a -> RouteTableAssociation.builder()
            .main(Boolean.TRUE.equals(a.main()))
            .routeTableAssociationId(Optional.ofNullable(a.routeTableAssociationId()))
            .subnetId(Optional.ofNullable(a.subnetId()))
            .gatewayId(Optional.ofNullable(a.gatewayId()))
            .state(a.associationState() == null ? Optional.empty() : lower(a.associationState().stateAsString()))
            .build()))
        .routes(each(t.routes(), Ec2Mapping::route))
        .build();
  }

  public static Route route(software.amazon.awssdk.services.ec2.model.Route r) {
    return Route.builder()
        .destinationCidrBlock(Optional.ofNullable(r.destinationCidrBlock()))
        .destinationIpv6CidrBlock(Optional.ofNullable(r.destinationIpv6CidrBlock()))
        .destinationPrefixListId(Optional.ofNullable(r.destinationPrefixListId()))
        .gatewayId(Optional.ofNullable(r.gatewayId()))
        .natGatewayId(Optional.ofNullable(r.natGatewayId()))
        .transitGatewayId(Optional.ofNullable(r.transitGatewayId()))
        .vpcPeeringConnectionId(Optional.ofNullable(r.vpcPeeringConnectionId()))
        .networkInterfaceId(Optional.ofNullable(r.networkInterfaceId()))
        .instanceId(Optional.ofNullable(r.instanceId()))
        .egressOnlyInternetGatewayId(Optional.ofNullable(r.egressOnlyInternetGatewayId()))
        .carrierGatewayId(Optional.ofNullable(r.carrierGatewayId()))
        .localGatewayId(Optional.ofNullable(r.localGatewayId()))
        .coreNetworkArn(Optional.ofNullable(r.coreNetworkArn()))
        .state(lower(r.stateAsString()))
        .origin(Optional.ofNullable(r.originAsString()))
        .build();
  }

  /** A VPC endpoint; its type must be one {@link EndpointType#fromApi} knows. */
  public static VpcEndpoint vpcEndpoint(software.amazon.awssdk.services.ec2.model.VpcEndpoint e) {
    if (e.vpcEndpointTypeAsString() == null) {
      throw new IllegalStateException("VPC endpoint " + e.vpcEndpointId() + " has no VpcEndpointType");
    }
    return VpcEndpoint.builder()
        .vpcEndpointId(e.vpcEndpointId())
        .type(EndpointType.fromApi(e.vpcEndpointTypeAsString()))
        .vpcId(e.vpcId())
        .serviceName(e.serviceName())
        .state(lower(e.stateAsString()))
        .policyDocument(Optional.ofNullable(e.policyDocument()))
        .routeTableIds(e.routeTableIds())
        .subnetIds(e.subnetIds())
        .groupIds(each(e.groups(), SecurityGroupIdentifier::groupId))
        .privateDnsEnabled(Boolean.TRUE.equals(e.privateDnsEnabled()))
        .networkInterfaceIds(e.networkInterfaceIds())
        .ownerId(Optional.ofNullable(e.ownerId()))
        .tags(tags(e.tags()))
        .build();
  }

  public static NatGateway natGateway(software.amazon.awssdk.services.ec2.model.NatGateway n) {
    NatGateway.Builder b = NatGateway.builder()
        .natGatewayId(n.natGatewayId())
        .vpcId(Optional.ofNullable(n.vpcId()))
        .subnetId(Optional.ofNullable(n.subnetId()))
        .state(lower(n.stateAsString()))
        .connectivityType(lower(n.connectivityTypeAsString()))
        .tags(tags(n.tags()));
    for (NatGatewayAddress a : n.natGatewayAddresses()) {
      if (a.publicIp() != null) {
        b.addPublicIp(a.publicIp());
      }
      if (a.privateIp() != null) {
        b.addPrivateIp(a.privateIp());
      }
    }
    return b.build();
  }

  public static InternetGateway internetGateway(software.amazon.awssdk.services.ec2.model.InternetGateway g) {
    return InternetGateway.builder()
        .internetGatewayId(g.internetGatewayId())
        .ownerId(Optional.ofNullable(g.ownerId()))
        .tags(tags(g.tags()))
        .attachments(each(g.attachments(), a -> IgwAttachment.of(a.vpcId(), lower(a.stateAsString()))))
        .build();
  }

  public static NetworkAcl networkAcl(software.amazon.awssdk.services.ec2.model.NetworkAcl acl) {
    NetworkAcl.Builder b = NetworkAcl.builder()
        .networkAclId(acl.networkAclId())
        .vpcId(acl.vpcId())
        .isDefault(Boolean.TRUE.equals(acl.isDefault()))
        .ownerId(Optional.ofNullable(acl.ownerId()))
        .tags(tags(acl.tags()))
        .entries(each(acl.entries(), Ec2Mapping::aclEntry));
    for (NetworkAclAssociation a : acl.associations()) {
      if (a.subnetId() != null) {
        b.addSubnetId(a.subnetId());
      }
    }
    return b.build();
  }

  /** One ACL rule; the protocol as the API's number ({@code tcp} → {@code 6}, …) or {@code -1}. */
  public static AclEntry aclEntry(NetworkAclEntry e) {
    if (e.ruleNumber() == null || e.ruleActionAsString() == null) {
      throw new IllegalStateException("network ACL entry without ruleNumber or ruleAction");
    }
    AclEntry.Builder b = AclEntry.builder()
        .ruleNumber(e.ruleNumber())
        .egress(Boolean.TRUE.equals(e.egress()))
        .protocol(aclProtocol(e.protocol()))
        .allow(e.ruleActionAsString().equalsIgnoreCase("allow"))
        .cidrBlock(Optional.ofNullable(e.cidrBlock()))
        .ipv6CidrBlock(Optional.ofNullable(e.ipv6CidrBlock()));
    if (e.portRange() != null) {
      b.portFrom(Optional.ofNullable(e.portRange().from())).portTo(Optional.ofNullable(e.portRange().to()));
    }
    if (e.icmpTypeCode() != null) {
      b.icmpType(Optional.ofNullable(e.icmpTypeCode().type())).icmpCode(Optional.ofNullable(e.icmpTypeCode().code()));
    }
    return b.build();
  }

  /** An ACL protocol as the API's number: {@code tcp} → {@code 6}, {@code udp} → {@code 17}, … (else lower case). */
  public static String aclProtocol(String protocol) {
    if (protocol == null) {
      return null;
    }
    String p = protocol.toLowerCase(Locale.ROOT);
    switch (p) {
      case "tcp":
        return "6";
      case "udp":
        return "17";
      case "icmp":
        return "1";
      case "icmpv6":
        return "58";
      default:
        return p;
    }
  }

  public static PrefixList prefixList(software.amazon.awssdk.services.ec2.model.PrefixList p) {
    return PrefixList.builder()
        .prefixListId(p.prefixListId())
        .prefixListName(p.prefixListName())
        .cidrs(p.cidrs())
        .build();
  }

  /**
   * A network interface. Its addresses: the primary {@code PrivateIpAddress} first, then the others of
   * {@code PrivateIpAddresses}, each once; {@code InterfaceType} kept as the API spells it (any value).
   */
  public static NetworkInterface networkInterface(software.amazon.awssdk.services.ec2.model.NetworkInterface n) {
    Set<String> addresses = new LinkedHashSet<>();
    if (n.privateIpAddress() != null) {
      addresses.add(n.privateIpAddress());
    }
    for (NetworkInterfacePrivateIpAddress a : n.privateIpAddresses()) {
      if (a.privateIpAddress() != null && Boolean.TRUE.equals(a.primary()) && addresses.isEmpty()) {
        addresses.add(a.privateIpAddress());
      }
    }
    for (NetworkInterfacePrivateIpAddress a : n.privateIpAddresses()) {
      if (a.privateIpAddress() != null) {
        addresses.add(a.privateIpAddress());
      }
    }
    List<Cidr> prefixes = new ArrayList<>();
    for (Ipv4PrefixSpecification p : n.ipv4Prefixes()) {
      if (p.ipv4Prefix() != null) {
        prefixes.add(Cidr.parseIpv4(p.ipv4Prefix()));
      }
    }
    List<String> groups = new ArrayList<>();
    for (GroupIdentifier g : n.groups()) {
      if (g.groupId() != null) {
        groups.add(g.groupId());
      }
    }
    return NetworkInterface.builder()
        .networkInterfaceId(n.networkInterfaceId())
        .subnetId(n.subnetId())
        .vpcId(n.vpcId())
        .availabilityZone(Optional.ofNullable(n.availabilityZone()))
        .availabilityZoneId(Optional.ofNullable(n.availabilityZoneId()))
        .ownerId(Optional.ofNullable(n.ownerId()))
        .privateIpAddresses(addresses)
        .ipv4Prefixes(prefixes)
        .groupIds(groups)
        .interfaceType(Optional.ofNullable(n.interfaceTypeAsString()))
        .status(lower(n.statusAsString()))
        .requesterManaged(Optional.ofNullable(n.requesterManaged()))
        .description(Optional.ofNullable(n.description()))
        .build();
  }

  /** One filter a call was captured with ({@code captureFilters}). */
  public static CaptureFilter captureFilter(Filter f) {
    return CaptureFilter.of(f.name(), f.values());
  }

  /** The tags with a key; a missing value is the empty string. */
  public static List<Tag> tags(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
    List<Tag> out = new ArrayList<>(tags.size());
    for (software.amazon.awssdk.services.ec2.model.Tag t : tags) {
      if (t.key() != null) {
        out.add(Tag.of(t.key(), t.value() == null ? "" : t.value()));
      }
    }
    return out;
  }

  // ---- model -> SDK shape (for writing a snapshot as the API's output) ------------------------

  public static software.amazon.awssdk.services.ec2.model.Vpc sdkVpc(Vpc v) {
    return software.amazon.awssdk.services.ec2.model.Vpc.builder()
        .cidrBlock(v.cidrBlock().orElse(null))
        .dhcpOptionsId(v.dhcpOptionsId().orElse(null))
        .state(v.state().orElse(null))
        .vpcId(v.vpcId())
        .ownerId(v.ownerId().orElse(null))
        .instanceTenancy(v.instanceTenancy().orElse(null))
        .cidrBlockAssociationSet(each(v.cidrBlocks(), c -> VpcCidrBlockAssociation.builder().cidrBlock(c)
            .cidrBlockState(VpcCidrBlockState.builder().state("associated").build()).build()))
        .tags(sdkTags(v.tags()))
        .build();
  }

  /** The {@code DescribeVpcAttribute} outputs of the DNS attributes {@code v} knows, support first. */
  public static List<DescribeVpcAttributeResponse> sdkVpcAttributes(Vpc v) {
    List<DescribeVpcAttributeResponse> out = new ArrayList<>();
    v.enableDnsSupport().ifPresent(b -> out.add(DescribeVpcAttributeResponse.builder().vpcId(v.vpcId())
        .enableDnsSupport(AttributeBooleanValue.builder().value(b).build()).build()));
    v.enableDnsHostnames().ifPresent(b -> out.add(DescribeVpcAttributeResponse.builder().vpcId(v.vpcId())
        .enableDnsHostnames(AttributeBooleanValue.builder().value(b).build()).build()));
    return out;
  }

  public static software.amazon.awssdk.services.ec2.model.DhcpOptions sdkDhcpOptions(DhcpOptions d) {
    List<DhcpConfiguration> configs = new ArrayList<>();
    d.configurations().forEach((key, values) -> configs.add(DhcpConfiguration.builder().key(key)
        .values(each(values, v -> AttributeValue.builder().value(v).build())).build()));
    return software.amazon.awssdk.services.ec2.model.DhcpOptions.builder()
        .dhcpConfigurations(configs).dhcpOptionsId(d.dhcpOptionsId()).build();
  }

  public static software.amazon.awssdk.services.ec2.model.Subnet sdkSubnet(Subnet s) {
    return software.amazon.awssdk.services.ec2.model.Subnet.builder()
        .availabilityZone(s.availabilityZone().orElse(null))
        .availabilityZoneId(s.availabilityZoneId().orElse(null))
        .availableIpAddressCount(s.availableIpAddressCount().orElse(null))
        .cidrBlock(s.cidrBlock().orElse(null))
        .mapPublicIpOnLaunch(s.mapPublicIpOnLaunch())
        .state(s.state().orElse(null))
        .subnetId(s.subnetId())
        .vpcId(s.vpcId())
        .ownerId(s.ownerId().orElse(null))
        .tags(sdkTags(s.tags()))
        .build();
  }

  public static software.amazon.awssdk.services.ec2.model.SecurityGroup sdkSecurityGroup(SecurityGroup g) {
    return software.amazon.awssdk.services.ec2.model.SecurityGroup.builder()
        .description(g.description().orElse(null))
        .groupName(g.groupName().orElse(null))
        .ipPermissions(each(g.ingress(), Ec2Mapping::sdkPermission))
        .ownerId(g.ownerId().orElse(null))
        .groupId(g.groupId())
        .ipPermissionsEgress(each(g.egress(), Ec2Mapping::sdkPermission))
        .tags(sdkTags(g.tags()))
        .vpcId(g.vpcId())
        .build();
  }

  public static IpPermission sdkPermission(Permission p) {
    return IpPermission.builder()
        .fromPort(p.fromPort().orElse(null))
        .ipProtocol(p.ipProtocol())
        .ipRanges(each(p.ipRanges(), c -> IpRange.builder().cidrIp(c).build()))
        .ipv6Ranges(each(p.ipv6Ranges(), c -> Ipv6Range.builder().cidrIpv6(c).build()))
        .prefixListIds(each(p.prefixListIds(), c -> PrefixListId.builder().prefixListId(c).build()))
        .toPort(p.toPort().orElse(null))
        .userIdGroupPairs(each(p.groupIds(), c -> UserIdGroupPair.builder().groupId(c).build()))
        .build();
  }

  public static software.amazon.awssdk.services.ec2.model.RouteTable sdkRouteTable(RouteTable t) {
    return software.amazon.awssdk.services.ec2.model.RouteTable.builder()
        .associations(each(t.associations(), a -> software.amazon.awssdk.services.ec2.model.RouteTableAssociation
            .builder().main(a.main()).routeTableAssociationId(a.routeTableAssociationId().orElse(null))
            .routeTableId(t.routeTableId()).subnetId(a.subnetId().orElse(null)).gatewayId(a.gatewayId().orElse(null))
            .associationState(a.state().map(st -> RouteTableAssociationState.builder().state(st).build()).orElse(null))
            .build()))
        .propagatingVgws(List.of())
        .routeTableId(t.routeTableId())
        .routes(each(t.routes(), Ec2Mapping::sdkRoute))
        .tags(sdkTags(t.tags()))
        .vpcId(t.vpcId())
        .ownerId(t.ownerId().orElse(null))
        .build();
  }

  public static software.amazon.awssdk.services.ec2.model.Route sdkRoute(Route r) {
    software.amazon.awssdk.services.ec2.model.Route.Builder b = software.amazon.awssdk.services.ec2.model.Route.builder();
    r.destinationCidrBlock().ifPresent(b::destinationCidrBlock);
    r.destinationIpv6CidrBlock().ifPresent(b::destinationIpv6CidrBlock);
    r.destinationPrefixListId().ifPresent(b::destinationPrefixListId);
    r.gatewayId().ifPresent(b::gatewayId);
    r.natGatewayId().ifPresent(b::natGatewayId);
    r.transitGatewayId().ifPresent(b::transitGatewayId);
    r.vpcPeeringConnectionId().ifPresent(b::vpcPeeringConnectionId);
    r.networkInterfaceId().ifPresent(b::networkInterfaceId);
    r.instanceId().ifPresent(b::instanceId);
    r.egressOnlyInternetGatewayId().ifPresent(b::egressOnlyInternetGatewayId);
    r.carrierGatewayId().ifPresent(b::carrierGatewayId);
    r.localGatewayId().ifPresent(b::localGatewayId);
    r.coreNetworkArn().ifPresent(b::coreNetworkArn);
    r.origin().ifPresent(b::origin);
    r.state().ifPresent(b::state);
    return b.build();
  }

  public static software.amazon.awssdk.services.ec2.model.VpcEndpoint sdkVpcEndpoint(VpcEndpoint e) {
    return software.amazon.awssdk.services.ec2.model.VpcEndpoint.builder()
        .vpcEndpointId(e.vpcEndpointId())
        .vpcEndpointType(e.type().apiName())
        .vpcId(e.vpcId())
        .serviceName(e.serviceName())
        .state(e.state().orElse(null))
        .policyDocument(e.policyDocument().orElse(null))
        .routeTableIds(e.routeTableIds())
        .subnetIds(e.subnetIds())
        .groups(each(e.groupIds(), g -> SecurityGroupIdentifier.builder().groupId(g).build()))
        .privateDnsEnabled(e.privateDnsEnabled())
        .networkInterfaceIds(e.networkInterfaceIds())
        .ownerId(e.ownerId().orElse(null))
        .tags(sdkTags(e.tags()))
        .build();
  }

  /** A NAT gateway; its i-th private and i-th public address share one address entry. */
  public static software.amazon.awssdk.services.ec2.model.NatGateway sdkNatGateway(NatGateway n) {
    List<NatGatewayAddress> addresses = new ArrayList<>();
    for (int i = 0; i < Math.max(n.publicIps().size(), n.privateIps().size()); i++) {
      addresses.add(NatGatewayAddress.builder()
          .privateIp(i < n.privateIps().size() ? n.privateIps().get(i) : null)
          .publicIp(i < n.publicIps().size() ? n.publicIps().get(i) : null)
          .build());
    }
    return software.amazon.awssdk.services.ec2.model.NatGateway.builder()
        .natGatewayAddresses(addresses)
        .natGatewayId(n.natGatewayId())
        .state(n.state().orElse(null))
        .subnetId(n.subnetId().orElse(null))
        .vpcId(n.vpcId().orElse(null))
        .tags(sdkTags(n.tags()))
        .connectivityType(n.connectivityType().orElse(null))
        .build();
  }

  public static software.amazon.awssdk.services.ec2.model.InternetGateway sdkInternetGateway(InternetGateway g) {
    return software.amazon.awssdk.services.ec2.model.InternetGateway.builder()
        .attachments(each(g.attachments(), a -> InternetGatewayAttachment.builder()
            .state(a.state().orElse(null)).vpcId(a.vpcId()).build()))
        .internetGatewayId(g.internetGatewayId())
        .ownerId(g.ownerId().orElse(null))
        .tags(sdkTags(g.tags()))
        .build();
  }

  public static software.amazon.awssdk.services.ec2.model.NetworkAcl sdkNetworkAcl(NetworkAcl a) {
    return software.amazon.awssdk.services.ec2.model.NetworkAcl.builder()
        .associations(each(a.subnetIds(), s -> NetworkAclAssociation.builder()
            .networkAclId(a.networkAclId()).subnetId(s).build()))
        .entries(each(a.entries(), Ec2Mapping::sdkAclEntry))
        .isDefault(a.isDefault())
        .networkAclId(a.networkAclId())
        .tags(sdkTags(a.tags()))
        .vpcId(a.vpcId())
        .ownerId(a.ownerId().orElse(null))
        .build();
  }

  public static NetworkAclEntry sdkAclEntry(AclEntry e) {
    NetworkAclEntry.Builder b = NetworkAclEntry.builder()
        .cidrBlock(e.cidrBlock().orElse(null))
        .egress(e.egress())
        .ipv6CidrBlock(e.ipv6CidrBlock().orElse(null))
        .protocol(e.protocol())
        .ruleAction(e.allow() ? "allow" : "deny")
        .ruleNumber(e.ruleNumber());
    if (e.icmpType().isPresent() || e.icmpCode().isPresent()) {
      b.icmpTypeCode(IcmpTypeCode.builder().code(e.icmpCode().orElse(null)).type(e.icmpType().orElse(null)).build());
    }
    if (e.portFrom().isPresent() || e.portTo().isPresent()) {
      b.portRange(PortRange.builder().from(e.portFrom().orElse(null)).to(e.portTo().orElse(null)).build());
    }
    return b.build();
  }

  public static software.amazon.awssdk.services.ec2.model.PrefixList sdkPrefixList(PrefixList p) {
    return software.amazon.awssdk.services.ec2.model.PrefixList.builder()
        .cidrs(p.cidrs()).prefixListId(p.prefixListId()).prefixListName(p.prefixListName()).build();
  }

  /** A network interface; its first address is the primary one. */
  public static software.amazon.awssdk.services.ec2.model.NetworkInterface sdkNetworkInterface(NetworkInterface n) {
    List<NetworkInterfacePrivateIpAddress> addresses = new ArrayList<>();
    for (int i = 0; i < n.privateIpAddresses().size(); i++) {
      addresses.add(NetworkInterfacePrivateIpAddress.builder()
          .primary(i == 0).privateIpAddress(n.privateIpAddresses().get(i)).build());
    }
    return software.amazon.awssdk.services.ec2.model.NetworkInterface.builder()
        .availabilityZone(n.availabilityZone().orElse(null))
        .description(n.description().orElse(null))
        .groups(each(n.groupIds(), g -> GroupIdentifier.builder().groupId(g).build()))
        .interfaceType(n.interfaceType().orElse(null))
        .networkInterfaceId(n.networkInterfaceId())
        .ownerId(n.ownerId().orElse(null))
        .privateIpAddress(n.privateIpAddresses().isEmpty() ? null : n.privateIpAddresses().get(0))
        .privateIpAddresses(addresses)
        .ipv4Prefixes(each(n.ipv4Prefixes(), p -> Ipv4PrefixSpecification.builder().ipv4Prefix(p.toString()).build()))
        .requesterManaged(n.requesterManaged().orElse(null))
        .status(n.status().orElse(null))
        .subnetId(n.subnetId())
        .vpcId(n.vpcId())
        .availabilityZoneId(n.availabilityZoneId().orElse(null))
        .build();
  }

  public static Filter sdkFilter(CaptureFilter f) {
    return Filter.builder().name(f.name()).values(f.values()).build();
  }

  private static List<software.amazon.awssdk.services.ec2.model.Tag> sdkTags(List<Tag> tags) {
    return each(tags, t -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(t.key()).value(t.value()).build());
  }

  private static <A, B> List<B> each(List<A> items, Function<A, B> f) {
    List<B> out = new ArrayList<>(items.size());
    items.forEach(i -> out.add(f.apply(i)));
    return out;
  }

  /** {@code value} in lower case; empty when absent. */
  private static Optional<String> lower(String value) {
    return value == null ? Optional.empty() : Optional.of(value.toLowerCase(Locale.ROOT));
  }
}
