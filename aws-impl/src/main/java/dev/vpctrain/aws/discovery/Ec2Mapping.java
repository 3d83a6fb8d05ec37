package dev.vpctrain.aws.discovery;

import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.IgwAttachment;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
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
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;

/**
 * Maps EC2 SDK response items to the core snapshot model. Enum-like strings become lower case, as
 * the model expects; a required field that is missing fails the build of the model value (the
 * caller records that as a malformed response).
 */
public final class Ec2Mapping {
  private Ec2Mapping() {}

  public static Vpc vpc(software.amazon.awssdk.services.ec2.model.Vpc v) {
    Set<String> cidrs = new LinkedHashSet<>();
    if (v.cidrBlock() != null) {
      cidrs.add(v.cidrBlock());
    }
    for (VpcCidrBlockAssociation a : v.cidrBlockAssociationSet()) {
      String state = a.cidrBlockState() == null ? null : a.cidrBlockState().stateAsString();
      if (a.cidrBlock() != null && (state == null || state.equalsIgnoreCase("associated"))) {
        cidrs.add(a.cidrBlock());
      }
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
    List<Permission> ingress = new ArrayList<>();
    g.ipPermissions().forEach(p -> ingress.add(permission(p)));
    List<Permission> egress = new ArrayList<>();
    g.ipPermissionsEgress().forEach(p -> egress.add(permission(p)));
    return SecurityGroup.builder()
        .groupId(g.groupId())
        .groupName(Optional.ofNullable(g.groupName()))
        .description(Optional.ofNullable(g.description()))
        .vpcId(g.vpcId())
        .ownerId(Optional.ofNullable(g.ownerId()))
        .ingress(ingress)
        .egress(egress)
        .tags(tags(g.tags()))
        .build();
  }

  static Permission permission(IpPermission p) {
    Permission.Builder b = Permission.builder()
        .ipProtocol(p.ipProtocol())
        .fromPort(Optional.ofNullable(p.fromPort()))
        .toPort(Optional.ofNullable(p.toPort()));
    for (IpRange r : p.ipRanges()) {
      b.addIpRange(r.cidrIp());
    }
    for (Ipv6Range r : p.ipv6Ranges()) {
      b.addIpv6Range(r.cidrIpv6());
    }
    for (PrefixListId pl : p.prefixListIds()) {
      b.addPrefixListId(pl.prefixListId());
    }
    for (UserIdGroupPair pair : p.userIdGroupPairs()) {
      b.addGroupId(pair.groupId());
    }
    return b.build();
  }

  public static RouteTable routeTable(software.amazon.awssdk.services.ec2.model.RouteTable t) {
    RouteTable.Builder b = RouteTable.builder()
        .routeTableId(t.routeTableId())
        .vpcId(t.vpcId())
        .ownerId(Optional.ofNullable(t.ownerId()))
        .tags(tags(t.tags()));
    for (software.amazon.awssdk.services.ec2.model.RouteTableAssociation a : t.associations()) {
      b.addAssociation(RouteTableAssociation.builder()
          .main(Boolean.TRUE.equals(a.main()))
          .routeTableAssociationId(Optional.ofNullable(a.routeTableAssociationId()))
          .subnetId(Optional.ofNullable(a.subnetId()))
          .gatewayId(Optional.ofNullable(a.gatewayId()))
          .state(a.associationState() == null ? Optional.empty() : lower(a.associationState().stateAsString()))
          .build());
    }
    for (software.amazon.awssdk.services.ec2.model.Route r : t.routes()) {
      b.addRoute(route(r));
    }
    return b.build();
  }

  static Route route(software.amazon.awssdk.services.ec2.model.Route r) {
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

  public static VpcEndpoint vpcEndpoint(software.amazon.awssdk.services.ec2.model.VpcEndpoint e) {
    if (e.vpcEndpointTypeAsString() == null) {
      throw new IllegalStateException("VPC endpoint " + e.vpcEndpointId() + " has no VpcEndpointType");
    }
    List<String> groups = new ArrayList<>();
    for (SecurityGroupIdentifier g : e.groups()) {
      groups.add(g.groupId());
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
        .groupIds(groups)
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
    InternetGateway.Builder b = InternetGateway.builder()
        .internetGatewayId(g.internetGatewayId())
        .ownerId(Optional.ofNullable(g.ownerId()))
        .tags(tags(g.tags()));
    for (InternetGatewayAttachment a : g.attachments()) {
      b.addAttachment(IgwAttachment.of(a.vpcId(), lower(a.stateAsString())));
    }
    return b.build();
  }

  public static NetworkAcl networkAcl(software.amazon.awssdk.services.ec2.model.NetworkAcl acl) {
    NetworkAcl.Builder b = NetworkAcl.builder()
        .networkAclId(acl.networkAclId())
        .vpcId(acl.vpcId())
        .isDefault(Boolean.TRUE.equals(acl.isDefault()))
        .ownerId(Optional.ofNullable(acl.ownerId()))
        .tags(tags(acl.tags()));
    for (NetworkAclAssociation a : acl.associations()) {
      if (a.subnetId() != null) {
        b.addSubnetId(a.subnetId());
      }
    }
    for (NetworkAclEntry e : acl.entries()) {
      b.addEntry(aclEntry(e));
    }
    return b.build();
  }

  static AclEntry aclEntry(NetworkAclEntry e) {
    if (e.ruleNumber() == null || e.ruleActionAsString() == null) {
      throw new IllegalStateException("network ACL entry without ruleNumber or ruleAction");
    }
    AclEntry.Builder b = AclEntry.builder()
        .ruleNumber(e.ruleNumber())
        .egress(Boolean.TRUE.equals(e.egress()))
        .protocol(e.protocol())
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

  public static PrefixList prefixList(software.amazon.awssdk.services.ec2.model.PrefixList p) {
    return PrefixList.builder()
        .prefixListId(p.prefixListId())
        .prefixListName(p.prefixListName())
        .cidrs(p.cidrs())
        .build();
  }

  static List<Tag> tags(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
    List<Tag> out = new ArrayList<>(tags.size());
    for (software.amazon.awssdk.services.ec2.model.Tag t : tags) {
      if (t.key() != null) {
        out.add(Tag.of(t.key(), t.value() == null ? "" : t.value()));
      }
    }
    return out;
  }

  private static Optional<String> lower(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value.toLowerCase(Locale.ROOT));
  }
}
