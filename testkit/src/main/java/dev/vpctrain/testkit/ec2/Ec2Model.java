package dev.vpctrain.testkit.ec2;

import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.DhcpOptions;
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
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;

/**
 * The world's network model as the EC2 API returns it: each core snapshot value to its SDK
 * response shape, field for field, so that discovery over the fake reads back what was put in.
 */
final class Ec2Model {
  private Ec2Model() {}

  static software.amazon.awssdk.services.ec2.model.Vpc vpc(Vpc v) {
    List<VpcCidrBlockAssociation> cidrs = new ArrayList<>();
    for (String c : v.cidrBlocks()) {
      cidrs.add(VpcCidrBlockAssociation.builder()
          .associationId("vpc-cidr-assoc-" + v.vpcId().substring(4) + (cidrs.isEmpty() ? "" : "-" + cidrs.size()))
          .cidrBlock(c)
          .cidrBlockState(VpcCidrBlockState.builder().state("associated").build())
          .build());
    }
    return software.amazon.awssdk.services.ec2.model.Vpc.builder()
        .vpcId(v.vpcId())
        .cidrBlock(v.cidrBlock().orElse(null))
        .cidrBlockAssociationSet(cidrs)
        .instanceTenancy(v.instanceTenancy().orElse(null))
        .dhcpOptionsId(v.dhcpOptionsId().orElse(null))
        .ownerId(v.ownerId().orElse(null))
        .state(v.state().orElse(null))
        .isDefault(false)
        .tags(tags(v.tags()))
        .build();
  }

  static software.amazon.awssdk.services.ec2.model.DhcpOptions dhcpOptions(DhcpOptions d, String owner) {
    List<DhcpConfiguration> config = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : d.configurations().entrySet()) {
      List<AttributeValue> values = new ArrayList<>();
      e.getValue().forEach(v -> values.add(AttributeValue.builder().value(v).build()));
      config.add(DhcpConfiguration.builder().key(e.getKey()).values(values).build());
    }
    return software.amazon.awssdk.services.ec2.model.DhcpOptions.builder()
        .dhcpOptionsId(d.dhcpOptionsId())
        .dhcpConfigurations(config)
        .ownerId(owner)
        .build();
  }

  static software.amazon.awssdk.services.ec2.model.Subnet subnet(Subnet s, String region) {
    return software.amazon.awssdk.services.ec2.model.Subnet.builder()
        .subnetId(s.subnetId())
        .vpcId(s.vpcId())
        .cidrBlock(s.cidrBlock().orElse(null))
        .availabilityZone(s.availabilityZone().orElse(null))
        .availabilityZoneId(s.availabilityZoneId().orElse(null))
        .availableIpAddressCount(s.availableIpAddressCount().orElse(null))
        .state(s.state().orElse(null))
        .mapPublicIpOnLaunch(s.mapPublicIpOnLaunch())
        .defaultForAz(false)
        .assignIpv6AddressOnCreation(false)
        .ownerId(s.ownerId().orElse(null))
        .subnetArn(s.ownerId().map(o -> "arn:aws:ec2:" + region + ":" + o + ":subnet/" + s.subnetId()).orElse(null))
        .tags(tags(s.tags()))
        .build();
  }

  static software.amazon.awssdk.services.ec2.model.SecurityGroup securityGroup(SecurityGroup g) {
    List<IpPermission> in = new ArrayList<>();
    g.ingress().forEach(p -> in.add(permission(p, g.ownerId().orElse(null))));
    List<IpPermission> out = new ArrayList<>();
    g.egress().forEach(p -> out.add(permission(p, g.ownerId().orElse(null))));
    return software.amazon.awssdk.services.ec2.model.SecurityGroup.builder()
        .groupId(g.groupId())
        .groupName(g.groupName().orElse(null))
        .description(g.description().orElse(null))
        .vpcId(g.vpcId())
        .ownerId(g.ownerId().orElse(null))
        .ipPermissions(in)
        .ipPermissionsEgress(out)
        .tags(tags(g.tags()))
        .build();
  }

  static IpPermission permission(Permission p, String owner) {
    List<IpRange> v4 = new ArrayList<>();
    p.ipRanges().forEach(c -> v4.add(IpRange.builder().cidrIp(c).build()));
    List<Ipv6Range> v6 = new ArrayList<>();
    p.ipv6Ranges().forEach(c -> v6.add(Ipv6Range.builder().cidrIpv6(c).build()));
    List<PrefixListId> pls = new ArrayList<>();
    p.prefixListIds().forEach(id -> pls.add(PrefixListId.builder().prefixListId(id).build()));
    List<UserIdGroupPair> pairs = new ArrayList<>();
    p.groupIds().forEach(id -> pairs.add(UserIdGroupPair.builder().groupId(id).userId(owner).build()));
    return IpPermission.builder()
        .ipProtocol(p.ipProtocol())
        .fromPort(p.fromPort().orElse(null))
        .toPort(p.toPort().orElse(null))
        .ipRanges(v4)
        .ipv6Ranges(v6)
        .prefixListIds(pls)
        .userIdGroupPairs(pairs)
        .build();
  }

  static software.amazon.awssdk.services.ec2.model.RouteTable routeTable(RouteTable t) {
    List<software.amazon.awssdk.services.ec2.model.RouteTableAssociation> assocs = new ArrayList<>();
    for (RouteTableAssociation a : t.associations()) {
      assocs.add(software.amazon.awssdk.services.ec2.model.RouteTableAssociation.builder()
          .main(a.main())
          .routeTableAssociationId(a.routeTableAssociationId().orElse(null))
          .routeTableId(t.routeTableId())
          .subnetId(a.subnetId().orElse(null))
          .gatewayId(a.gatewayId().orElse(null))
          .associationState(a.state().map(s -> RouteTableAssociationState.builder().state(s).build()).orElse(null))
          .build());
    }
    List<software.amazon.awssdk.services.ec2.model.Route> routes = new ArrayList<>();
    t.routes().forEach(r -> routes.add(route(r)));
    return software.amazon.awssdk.services.ec2.model.RouteTable.builder()
        .routeTableId(t.routeTableId())
        .vpcId(t.vpcId())
        .ownerId(t.ownerId().orElse(null))
        .associations(assocs)
        .routes(routes)
        .propagatingVgws(List.of())
        .tags(tags(t.tags()))
        .build();
  }

  static software.amazon.awssdk.services.ec2.model.Route route(Route r) {
    return software.amazon.awssdk.services.ec2.model.Route.builder()
        .destinationCidrBlock(r.destinationCidrBlock().orElse(null))
        .destinationIpv6CidrBlock(r.destinationIpv6CidrBlock().orElse(null))
        .destinationPrefixListId(r.destinationPrefixListId().orElse(null))
        .gatewayId(r.gatewayId().orElse(null))
        .natGatewayId(r.natGatewayId().orElse(null))
        .transitGatewayId(r.transitGatewayId().orElse(null))
        .vpcPeeringConnectionId(r.vpcPeeringConnectionId().orElse(null))
        .networkInterfaceId(r.networkInterfaceId().orElse(null))
        .instanceId(r.instanceId().orElse(null))
        .egressOnlyInternetGatewayId(r.egressOnlyInternetGatewayId().orElse(null))
        .carrierGatewayId(r.carrierGatewayId().orElse(null))
        .localGatewayId(r.localGatewayId().orElse(null))
        .coreNetworkArn(r.coreNetworkArn().orElse(null))
        .state(r.state().orElse(null))
        .origin(r.origin().orElse(null))
        .build();
  }

  static software.amazon.awssdk.services.ec2.model.VpcEndpoint vpcEndpoint(VpcEndpoint e) {
    List<SecurityGroupIdentifier> groups = new ArrayList<>();
    e.groupIds().forEach(g -> groups.add(SecurityGroupIdentifier.builder().groupId(g).build()));
    return software.amazon.awssdk.services.ec2.model.VpcEndpoint.builder()
        .vpcEndpointId(e.vpcEndpointId())
        .vpcEndpointType(e.type().apiName())
        .vpcId(e.vpcId())
        .serviceName(e.serviceName())
        .state(e.state().orElse(null))
        .policyDocument(e.policyDocument().orElse(null))
        .routeTableIds(e.routeTableIds())
        .subnetIds(e.subnetIds())
        .groups(groups)
        .privateDnsEnabled(e.privateDnsEnabled())
        .requesterManaged(false)
        .networkInterfaceIds(e.networkInterfaceIds())
        .ownerId(e.ownerId().orElse(null))
        .tags(tags(e.tags()))
        .build();
  }

  static software.amazon.awssdk.services.ec2.model.NatGateway natGateway(NatGateway n) {
    List<NatGatewayAddress> addresses = new ArrayList<>();
    int count = Math.max(n.publicIps().size(), n.privateIps().size());
    for (int i = 0; i < count; i++) {
      addresses.add(NatGatewayAddress.builder()
          .publicIp(i < n.publicIps().size() ? n.publicIps().get(i) : null)
          .privateIp(i < n.privateIps().size() ? n.privateIps().get(i) : null)
          .build());
    }
    return software.amazon.awssdk.services.ec2.model.NatGateway.builder()
        .natGatewayId(n.natGatewayId())
        .vpcId(n.vpcId().orElse(null))
        .subnetId(n.subnetId().orElse(null))
        .state(n.state().orElse(null))
        .connectivityType(n.connectivityType().orElse(null))
        .natGatewayAddresses(addresses)
        .tags(tags(n.tags()))
        .build();
  }

  static software.amazon.awssdk.services.ec2.model.InternetGateway internetGateway(InternetGateway g) {
    List<InternetGatewayAttachment> attachments = new ArrayList<>();
    for (IgwAttachment a : g.attachments()) {
      attachments.add(InternetGatewayAttachment.builder().vpcId(a.vpcId()).state(a.state().orElse(null)).build());
    }
    return software.amazon.awssdk.services.ec2.model.InternetGateway.builder()
        .internetGatewayId(g.internetGatewayId())
        .attachments(attachments)
        .ownerId(g.ownerId().orElse(null))
        .tags(tags(g.tags()))
        .build();
  }

  static software.amazon.awssdk.services.ec2.model.NetworkAcl networkAcl(NetworkAcl acl) {
    List<NetworkAclAssociation> assocs = new ArrayList<>();
    for (String s : acl.subnetIds()) {
      assocs.add(NetworkAclAssociation.builder()
          .networkAclAssociationId("aclassoc-" + Integer.toHexString((acl.networkAclId() + s).hashCode()))
          .networkAclId(acl.networkAclId())
          .subnetId(s)
          .build());
    }
    List<NetworkAclEntry> entries = new ArrayList<>();
    acl.entries().forEach(e -> entries.add(aclEntry(e)));
    return software.amazon.awssdk.services.ec2.model.NetworkAcl.builder()
        .networkAclId(acl.networkAclId())
        .vpcId(acl.vpcId())
        .isDefault(acl.isDefault())
        .associations(assocs)
        .entries(entries)
        .ownerId(acl.ownerId().orElse(null))
        .tags(tags(acl.tags()))
        .build();
  }

  static NetworkAclEntry aclEntry(AclEntry e) {
    NetworkAclEntry.Builder b = NetworkAclEntry.builder()
        .ruleNumber(e.ruleNumber())
        .egress(e.egress())
        .protocol(e.protocol())
        .ruleAction(e.allow() ? "allow" : "deny")
        .cidrBlock(e.cidrBlock().orElse(null))
        .ipv6CidrBlock(e.ipv6CidrBlock().orElse(null));
    if (e.portFrom().isPresent() || e.portTo().isPresent()) {
      b.portRange(PortRange.builder().from(e.portFrom().orElse(null)).to(e.portTo().orElse(null)).build());
    }
    if (e.icmpType().isPresent() || e.icmpCode().isPresent()) {
      b.icmpTypeCode(IcmpTypeCode.builder().type(e.icmpType().orElse(null)).code(e.icmpCode().orElse(null)).build());
    }
    return b.build();
  }

  static software.amazon.awssdk.services.ec2.model.PrefixList prefixList(PrefixList p) {
    return software.amazon.awssdk.services.ec2.model.PrefixList.builder()
        .prefixListId(p.prefixListId())
        .prefixListName(p.prefixListName())
        .cidrs(p.cidrs())
        .build();
  }

  static List<software.amazon.awssdk.services.ec2.model.Tag> tags(List<Tag> tags) {
    List<software.amazon.awssdk.services.ec2.model.Tag> out = new ArrayList<>();
    tags.forEach(t -> out.add(software.amazon.awssdk.services.ec2.model.Tag.builder().key(t.key()).value(t.value()).build()));
    return out;
  }
}
