package dev.vpctrain.aws.testing;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renders core model values as the EC2 Query API (version 2016-11-15) returns them: lower-camel
 * elements, lists as {@code <fooSet><item>…</item></fooSet>}. Element names follow the EC2 API
 * reference and the SDK's own unmarshalling names.
 */
public final class Ec2Xml {
  public static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

  private Ec2Xml() {}

  /** A whole response: {@code <ActionResponse xmlns=…><requestId/>body<nextToken/></ActionResponse>}. */
  public static String response(String action, String body, String nextToken) {
    Xml x = new Xml().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .open(action + "Response", NS)
        .el("requestId", UUID.randomUUID().toString())
        .raw(body)
        .el("nextToken", nextToken);
    return x.close(action + "Response").toString();
  }

  /** The EC2 error document (sent with a 4xx or 5xx status). */
  public static String error(String code, String message) {
    return new Xml().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .open("Response").open("Errors").open("Error")
        .el("Code", code).el("Message", message)
        .close("Error").close("Errors")
        .el("RequestID", UUID.randomUUID().toString())
        .close("Response").toString();
  }

  public static void subnet(Xml x, Subnet s) {
    x.el("subnetId", s.subnetId())
        .el("subnetArn", s.ownerId().map(o -> "arn:aws:ec2:region:" + o + ":subnet/" + s.subnetId()))
        .el("state", s.state())
        .el("ownerId", s.ownerId())
        .el("vpcId", s.vpcId())
        .el("cidrBlock", s.cidrBlock())
        .set("ipv6CidrBlockAssociationSet", List.<String>of(), (xx, v) -> { })
        .el("availableIpAddressCount", s.availableIpAddressCount())
        .el("availabilityZone", s.availabilityZone())
        .el("availabilityZoneId", s.availabilityZoneId())
        .el("defaultForAz", false)
        .el("mapPublicIpOnLaunch", s.mapPublicIpOnLaunch())
        .el("assignIpv6AddressOnCreation", false);
    tags(x, s.tags());
  }

  public static void vpc(Xml x, Vpc v) {
    x.el("vpcId", v.vpcId())
        .el("ownerId", v.ownerId())
        .el("state", v.state())
        .el("cidrBlock", v.cidrBlock())
        .set("cidrBlockAssociationSet", v.cidrBlocks(), (xx, cidr) -> xx
            .el("associationId", "vpc-cidr-assoc-" + Integer.toHexString(cidr.hashCode()))
            .el("cidrBlock", cidr)
            .open("cidrBlockState").el("state", "associated").close("cidrBlockState"))
        .el("dhcpOptionsId", v.dhcpOptionsId())
        .el("instanceTenancy", v.instanceTenancy())
        .el("isDefault", false);
    tags(x, v.tags());
  }

  public static void dhcpOptions(Xml x, DhcpOptions d) {
    x.el("dhcpOptionsId", d.dhcpOptionsId())
        .set("dhcpConfigurationSet", d.configurations().entrySet(), (xx, e) -> configuration(xx, e));
    tags(x, List.of());
  }

  private static void configuration(Xml x, Map.Entry<String, List<String>> e) {
    x.el("key", e.getKey()).set("valueSet", e.getValue(), (xx, v) -> xx.el("value", v));
  }

  public static void securityGroup(Xml x, SecurityGroup g) {
    x.el("ownerId", g.ownerId())
        .el("groupId", g.groupId())
        .el("groupName", g.groupName())
        .el("groupDescription", g.description())
        .el("vpcId", g.vpcId())
        .set("ipPermissions", g.ingress(), (xx, p) -> permission(xx, p, g))
        .set("ipPermissionsEgress", g.egress(), (xx, p) -> permission(xx, p, g));
    tags(x, g.tags());
  }

  private static void permission(Xml x, Permission p, SecurityGroup owner) {
    x.el("ipProtocol", p.ipProtocol())
        .el("fromPort", p.fromPort())
        .el("toPort", p.toPort())
        .set("groups", p.groupIds(), (xx, id) -> xx.el("userId", owner.ownerId()).el("groupId", id))
        .set("ipRanges", p.ipRanges(), (xx, cidr) -> xx.el("cidrIp", cidr))
        .set("ipv6Ranges", p.ipv6Ranges(), (xx, cidr) -> xx.el("cidrIpv6", cidr))
        .set("prefixListIds", p.prefixListIds(), (xx, id) -> xx.el("prefixListId", id));
  }

  public static void routeTable(Xml x, RouteTable t) {
    x.el("routeTableId", t.routeTableId())
        .el("vpcId", t.vpcId())
        .el("ownerId", t.ownerId())
        .set("routeSet", t.routes(), Ec2Xml::route)
        .set("associationSet", t.associations(), (xx, a) -> association(xx, a, t))
        .set("propagatingVgwSet", List.<String>of(), (xx, v) -> { });
    tags(x, t.tags());
  }

  private static void route(Xml x, Route r) {
    x.el("destinationCidrBlock", r.destinationCidrBlock())
        .el("destinationIpv6CidrBlock", r.destinationIpv6CidrBlock())
        .el("destinationPrefixListId", r.destinationPrefixListId())
        .el("gatewayId", r.gatewayId())
        .el("instanceId", r.instanceId())
        .el("natGatewayId", r.natGatewayId())
        .el("transitGatewayId", r.transitGatewayId())
        .el("localGatewayId", r.localGatewayId())
        .el("carrierGatewayId", r.carrierGatewayId())
        .el("networkInterfaceId", r.networkInterfaceId())
        .el("egressOnlyInternetGatewayId", r.egressOnlyInternetGatewayId())
        .el("vpcPeeringConnectionId", r.vpcPeeringConnectionId())
        .el("coreNetworkArn", r.coreNetworkArn())
        .el("state", r.state())
        .el("origin", r.origin());
  }

  private static void association(Xml x, RouteTableAssociation a, RouteTable t) {
    x.el("routeTableAssociationId", a.routeTableAssociationId())
        .el("routeTableId", t.routeTableId())
        .el("subnetId", a.subnetId())
        .el("gatewayId", a.gatewayId())
        .el("main", a.main());
    if (a.state().isPresent()) {
      x.open("associationState").el("state", a.state()).close("associationState");
    }
  }

  public static void vpcEndpoint(Xml x, VpcEndpoint e) {
    x.el("vpcEndpointId", e.vpcEndpointId())
        .el("vpcEndpointType", e.type().apiName())
        .el("vpcId", e.vpcId())
        .el("serviceName", e.serviceName())
        .el("state", e.state())
        .el("policyDocument", e.policyDocument())
        .values("routeTableIdSet", e.routeTableIds())
        .values("subnetIdSet", e.subnetIds())
        .set("groupSet", e.groupIds(), (xx, id) -> xx.el("groupId", id).el("groupName", "group-" + id))
        .el("privateDnsEnabled", e.privateDnsEnabled())
        .el("requesterManaged", false)
        .values("networkInterfaceIdSet", e.networkInterfaceIds())
        .el("creationTimestamp", "2026-01-10T08:00:00.000Z")
        .el("ownerId", e.ownerId());
    tags(x, e.tags());
  }

  public static void natGateway(Xml x, NatGateway n) {
    int addresses = Math.max(n.publicIps().size(), n.privateIps().size());
    x.el("createTime", "2026-01-10T08:00:00.000Z")
        .open("natGatewayAddressSet");
    for (int i = 0; i < addresses; i++) {
      x.open("item")
          .el("publicIp", i < n.publicIps().size() ? n.publicIps().get(i) : null)
          .el("privateIp", i < n.privateIps().size() ? n.privateIps().get(i) : null)
          .el("isPrimary", i == 0)
          .close("item");
    }
    x.close("natGatewayAddressSet")
        .el("natGatewayId", n.natGatewayId())
        .el("state", n.state())
        .el("subnetId", n.subnetId())
        .el("vpcId", n.vpcId())
        .el("connectivityType", n.connectivityType());
    tags(x, n.tags());
  }

  public static void internetGateway(Xml x, InternetGateway g) {
    x.el("internetGatewayId", g.internetGatewayId())
        .el("ownerId", g.ownerId())
        .set("attachmentSet", g.attachments(), Ec2Xml::attachment);
    tags(x, g.tags());
  }

  private static void attachment(Xml x, IgwAttachment a) {
    x.el("vpcId", a.vpcId()).el("state", a.state());
  }

  public static void networkAcl(Xml x, NetworkAcl acl) {
    x.el("networkAclId", acl.networkAclId())
        .el("vpcId", acl.vpcId())
        .el("default", acl.isDefault())
        .set("entrySet", acl.entries(), Ec2Xml::aclEntry)
        .set("associationSet", acl.subnetIds(), (xx, subnet) -> xx
            .el("networkAclAssociationId", "aclassoc-" + subnet.substring(subnet.indexOf('-') + 1))
            .el("networkAclId", acl.networkAclId())
            .el("subnetId", subnet))
        .el("ownerId", acl.ownerId());
    tags(x, acl.tags());
  }

  private static void aclEntry(Xml x, AclEntry e) {
    x.el("ruleNumber", e.ruleNumber())
        .el("protocol", e.protocol())
        .el("ruleAction", e.allow() ? "allow" : "deny")
        .el("egress", e.egress())
        .el("cidrBlock", e.cidrBlock())
        .el("ipv6CidrBlock", e.ipv6CidrBlock());
    if (e.icmpType().isPresent() || e.icmpCode().isPresent()) {
      x.open("icmpTypeCode").el("code", e.icmpCode()).el("type", e.icmpType()).close("icmpTypeCode");
    }
    if (e.portFrom().isPresent() || e.portTo().isPresent()) {
      x.open("portRange").el("from", e.portFrom()).el("to", e.portTo()).close("portRange");
    }
  }

  public static void prefixList(Xml x, PrefixList p) {
    x.el("prefixListId", p.prefixListId())
        .el("prefixListName", p.prefixListName())
        .values("cidrSet", p.cidrs());
  }

  /** The body of {@code DescribeVpcAttribute} for one attribute. */
  public static String vpcAttribute(String vpcId, String attribute, boolean value) {
    return new Xml().el("vpcId", vpcId).open(attribute).el("value", value).close(attribute).toString();
  }

  private static void tags(Xml x, List<Tag> tags) {
    x.set("tagSet", tags, (xx, t) -> xx.el("key", t.key()).el("value", t.value()));
  }
}
