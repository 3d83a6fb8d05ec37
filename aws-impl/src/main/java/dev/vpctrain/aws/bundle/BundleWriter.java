package dev.vpctrain.aws.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.json.JsonOutput;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.IgwAttachment;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Tag;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Writes a {@link NetworkSnapshot} as a bundle in the AWS CLI v2 output shape (formats.md §2). */
final class BundleWriter {
  private BundleWriter() {}

  static ObjectNode write(NetworkSnapshot s) {
    ObjectNode root = JsonOutput.object();
    root.put("vpctrainSnapshot", 1);
    root.put("region", s.region());
    s.accountId().ifPresent(a -> root.put("accountId", a));
    s.capturedAt().ifPresent(t -> root.put("capturedAt", t.toString()));
    ObjectNode ec2 = root.putObject("ec2");
    section(ec2, "DescribeVpcs", "Vpcs", s.vpcs(), BundleWriter::vpc);
    s.vpcs().ifPresent(vpcs -> {
      ArrayNode attrs = JsonOutput.array();
      for (Vpc v : vpcs) {
        v.enableDnsSupport().ifPresent(b -> attrs.addObject().put("VpcId", v.vpcId())
            .putObject("EnableDnsSupport").put("Value", b));
        v.enableDnsHostnames().ifPresent(b -> attrs.addObject().put("VpcId", v.vpcId())
            .putObject("EnableDnsHostnames").put("Value", b));
      }
      if (!attrs.isEmpty()) {
        ec2.set("DescribeVpcAttribute", attrs);
      }
    });
    section(ec2, "DescribeDhcpOptions", "DhcpOptions", s.dhcpOptions(), BundleWriter::dhcp);
    section(ec2, "DescribeSubnets", "Subnets", s.subnets(), BundleWriter::subnet);
    section(ec2, "DescribeSecurityGroups", "SecurityGroups", s.securityGroups(), BundleWriter::group);
    section(ec2, "DescribeRouteTables", "RouteTables", s.routeTables(), BundleWriter::routeTable);
    section(ec2, "DescribeVpcEndpoints", "VpcEndpoints", s.vpcEndpoints(), BundleWriter::endpoint);
    section(ec2, "DescribeNatGateways", "NatGateways", s.natGateways(), BundleWriter::nat);
    section(ec2, "DescribeInternetGateways", "InternetGateways", s.internetGateways(), BundleWriter::igw);
    section(ec2, "DescribeNetworkAcls", "NetworkAcls", s.networkAcls(), BundleWriter::acl);
    section(ec2, "DescribePrefixLists", "PrefixLists", s.prefixLists(), BundleWriter::prefixList);
    ObjectNode s3 = root.putObject("s3");
    for (Map.Entry<String, BucketFacts> e : s.buckets().entrySet()) {
      ObjectNode bucket = s3.putObject(e.getKey());
      BucketFacts f = e.getValue();
      f.region().ifPresent(r -> {
        ObjectNode loc = bucket.putObject("GetBucketLocation");
        if (r.equals("us-east-1")) {
          loc.putNull("LocationConstraint");
        } else {
          loc.put("LocationConstraint", r);
        }
      });
      if (f.policyState() == PolicyState.NONE) {
        bucket.putNull("GetBucketPolicy");
      } else if (f.policyState() == PolicyState.PRESENT) {
        bucket.putObject("GetBucketPolicy").put("Policy", f.policy().orElseThrow());
      }
    }
    ArrayNode errors = root.putArray("errors");
    for (CaptureError e : s.errors()) {
      ObjectNode o = errors.addObject().put("operation", e.operation()).put("code", e.code())
          .put("message", e.message());
      if (!e.resource().isEmpty()) {
        o.put("resource", e.resource());
      }
    }
    return root;
  }

  private static <T> void section(ObjectNode ec2, String operation, String key, Optional<List<T>> items,
      BiConsumer<ObjectNode, T> write) {
    items.ifPresent(list -> {
      ArrayNode array = ec2.putObject(operation).putArray(key);
      list.forEach(item -> write.accept(array.addObject(), item));
    });
  }

  private static void tags(ObjectNode o, List<Tag> tags) {
    ArrayNode a = o.putArray("Tags");
    tags.forEach(t -> a.addObject().put("Key", t.key()).put("Value", t.value()));
  }

  private static void strings(ObjectNode o, String name, List<String> values) {
    ArrayNode a = o.putArray(name);
    values.forEach(a::add);
  }

  private static void opt(ObjectNode o, String name, Optional<String> value) {
    value.ifPresent(v -> o.put(name, v));
  }

  private static void vpc(ObjectNode o, Vpc v) {
    opt(o, "CidrBlock", v.cidrBlock());
    opt(o, "DhcpOptionsId", v.dhcpOptionsId());
    opt(o, "State", v.state());
    o.put("VpcId", v.vpcId());
    opt(o, "OwnerId", v.ownerId());
    opt(o, "InstanceTenancy", v.instanceTenancy());
    ArrayNode cidrs = o.putArray("CidrBlockAssociationSet");
    v.cidrBlocks().forEach(c -> cidrs.addObject().put("CidrBlock", c)
        .putObject("CidrBlockState").put("State", "associated"));
    tags(o, v.tags());
  }

  private static void dhcp(ObjectNode o, DhcpOptions d) {
    ArrayNode configs = o.putArray("DhcpConfigurations");
    d.configurations().forEach((key, values) -> {
      ObjectNode c = configs.addObject().put("Key", key);
      ArrayNode vs = c.putArray("Values");
      values.forEach(v -> vs.addObject().put("Value", v));
    });
    o.put("DhcpOptionsId", d.dhcpOptionsId());
  }

  private static void subnet(ObjectNode o, Subnet s) {
    opt(o, "AvailabilityZone", s.availabilityZone());
    opt(o, "AvailabilityZoneId", s.availabilityZoneId());
    s.availableIpAddressCount().ifPresent(n -> o.put("AvailableIpAddressCount", n));
    opt(o, "CidrBlock", s.cidrBlock());
    o.put("MapPublicIpOnLaunch", s.mapPublicIpOnLaunch());
    opt(o, "State", s.state());
    o.put("SubnetId", s.subnetId());
    o.put("VpcId", s.vpcId());
    opt(o, "OwnerId", s.ownerId());
    tags(o, s.tags());
  }

  private static void group(ObjectNode o, SecurityGroup g) {
    opt(o, "Description", g.description());
    opt(o, "GroupName", g.groupName());
    ArrayNode in = o.putArray("IpPermissions");
    g.ingress().forEach(p -> permission(in.addObject(), p));
    opt(o, "OwnerId", g.ownerId());
    o.put("GroupId", g.groupId());
    ArrayNode out = o.putArray("IpPermissionsEgress");
    g.egress().forEach(p -> permission(out.addObject(), p));
    tags(o, g.tags());
    o.put("VpcId", g.vpcId());
  }

  private static void permission(ObjectNode o, Permission p) {
    p.fromPort().ifPresent(n -> o.put("FromPort", n));
    o.put("IpProtocol", p.ipProtocol());
    ArrayNode ranges = o.putArray("IpRanges");
    p.ipRanges().forEach(c -> ranges.addObject().put("CidrIp", c));
    ArrayNode v6 = o.putArray("Ipv6Ranges");
    p.ipv6Ranges().forEach(c -> v6.addObject().put("CidrIpv6", c));
    ArrayNode lists = o.putArray("PrefixListIds");
    p.prefixListIds().forEach(c -> lists.addObject().put("PrefixListId", c));
    p.toPort().ifPresent(n -> o.put("ToPort", n));
    ArrayNode pairs = o.putArray("UserIdGroupPairs");
    p.groupIds().forEach(c -> pairs.addObject().put("GroupId", c));
  }

  private static void routeTable(ObjectNode o, RouteTable t) {
    ArrayNode assocs = o.putArray("Associations");
    for (RouteTableAssociation a : t.associations()) {
      ObjectNode n = assocs.addObject().put("Main", a.main());
      opt(n, "RouteTableAssociationId", a.routeTableAssociationId());
      n.put("RouteTableId", t.routeTableId());
      opt(n, "SubnetId", a.subnetId());
      opt(n, "GatewayId", a.gatewayId());
      a.state().ifPresent(st -> n.putObject("AssociationState").put("State", st));
    }
    o.putArray("PropagatingVgws");
    o.put("RouteTableId", t.routeTableId());
    ArrayNode routes = o.putArray("Routes");
    t.routes().forEach(r -> route(routes.addObject(), r));
    tags(o, t.tags());
    o.put("VpcId", t.vpcId());
    opt(o, "OwnerId", t.ownerId());
  }

  private static void route(ObjectNode o, Route r) {
    opt(o, "DestinationCidrBlock", r.destinationCidrBlock());
    opt(o, "DestinationIpv6CidrBlock", r.destinationIpv6CidrBlock());
    opt(o, "DestinationPrefixListId", r.destinationPrefixListId());
    opt(o, "GatewayId", r.gatewayId());
    opt(o, "NatGatewayId", r.natGatewayId());
    opt(o, "TransitGatewayId", r.transitGatewayId());
    opt(o, "VpcPeeringConnectionId", r.vpcPeeringConnectionId());
    opt(o, "NetworkInterfaceId", r.networkInterfaceId());
    opt(o, "InstanceId", r.instanceId());
    opt(o, "EgressOnlyInternetGatewayId", r.egressOnlyInternetGatewayId());
    opt(o, "CarrierGatewayId", r.carrierGatewayId());
    opt(o, "LocalGatewayId", r.localGatewayId());
    opt(o, "CoreNetworkArn", r.coreNetworkArn());
    opt(o, "Origin", r.origin());
    opt(o, "State", r.state());
  }

  private static void endpoint(ObjectNode o, VpcEndpoint e) {
    o.put("VpcEndpointId", e.vpcEndpointId());
    o.put("VpcEndpointType", e.type().apiName());
    o.put("VpcId", e.vpcId());
    o.put("ServiceName", e.serviceName());
    opt(o, "State", e.state());
    opt(o, "PolicyDocument", e.policyDocument());
    strings(o, "RouteTableIds", e.routeTableIds());
    strings(o, "SubnetIds", e.subnetIds());
    ArrayNode groups = o.putArray("Groups");
    e.groupIds().forEach(g -> groups.addObject().put("GroupId", g));
    o.put("PrivateDnsEnabled", e.privateDnsEnabled());
    strings(o, "NetworkInterfaceIds", e.networkInterfaceIds());
    opt(o, "OwnerId", e.ownerId());
    tags(o, e.tags());
  }

  private static void nat(ObjectNode o, NatGateway n) {
    ArrayNode addresses = o.putArray("NatGatewayAddresses");
    int count = Math.max(n.publicIps().size(), n.privateIps().size());
    for (int i = 0; i < count; i++) {
      ObjectNode a = addresses.addObject();
      if (i < n.privateIps().size()) {
        a.put("PrivateIp", n.privateIps().get(i));
      }
      if (i < n.publicIps().size()) {
        a.put("PublicIp", n.publicIps().get(i));
      }
    }
    o.put("NatGatewayId", n.natGatewayId());
    opt(o, "State", n.state());
    opt(o, "SubnetId", n.subnetId());
    opt(o, "VpcId", n.vpcId());
    tags(o, n.tags());
    opt(o, "ConnectivityType", n.connectivityType());
  }

  private static void igw(ObjectNode o, InternetGateway g) {
    ArrayNode attachments = o.putArray("Attachments");
    for (IgwAttachment a : g.attachments()) {
      ObjectNode n = attachments.addObject();
      a.state().ifPresent(st -> n.put("State", st));
      n.put("VpcId", a.vpcId());
    }
    o.put("InternetGatewayId", g.internetGatewayId());
    opt(o, "OwnerId", g.ownerId());
    tags(o, g.tags());
  }

  private static void acl(ObjectNode o, NetworkAcl a) {
    ArrayNode assocs = o.putArray("Associations");
    a.subnetIds().forEach(s -> assocs.addObject().put("NetworkAclId", a.networkAclId()).put("SubnetId", s));
    ArrayNode entries = o.putArray("Entries");
    a.entries().forEach(e -> aclEntry(entries.addObject(), e));
    o.put("IsDefault", a.isDefault());
    o.put("NetworkAclId", a.networkAclId());
    tags(o, a.tags());
    o.put("VpcId", a.vpcId());
    opt(o, "OwnerId", a.ownerId());
  }

  private static void aclEntry(ObjectNode o, AclEntry e) {
    opt(o, "CidrBlock", e.cidrBlock());
    o.put("Egress", e.egress());
    if (e.icmpType().isPresent() || e.icmpCode().isPresent()) {
      ObjectNode icmp = o.putObject("IcmpTypeCode");
      e.icmpCode().ifPresent(c -> icmp.put("Code", c));
      e.icmpType().ifPresent(t -> icmp.put("Type", t));
    }
    opt(o, "Ipv6CidrBlock", e.ipv6CidrBlock());
    if (e.portFrom().isPresent() || e.portTo().isPresent()) {
      ObjectNode ports = o.putObject("PortRange");
      e.portFrom().ifPresent(p -> ports.put("From", p));
      e.portTo().ifPresent(p -> ports.put("To", p));
    }
    o.put("Protocol", e.protocol());
    o.put("RuleAction", e.allow() ? "allow" : "deny");
    o.put("RuleNumber", e.ruleNumber());
  }

  private static void prefixList(ObjectNode o, PrefixList p) {
    strings(o, "Cidrs", p.cidrs());
    o.put("PrefixListId", p.prefixListId());
    o.put("PrefixListName", p.prefixListName());
  }
}
