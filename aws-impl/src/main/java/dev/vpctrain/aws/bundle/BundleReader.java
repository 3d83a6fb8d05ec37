package dev.vpctrain.aws.bundle;

import dev.vpctrain.aws.InvalidInputException;
import dev.vpctrain.aws.json.JsonInput;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.EndpointType;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Maps a bundle document (formats.md §2) onto a {@link NetworkSnapshot}. */
final class BundleReader {
  private final JsonInput root;

  BundleReader(JsonInput root) {
    this.root = root.requireObject();
  }

  NetworkSnapshot read() {
    JsonInput version = root.member("vpctrainSnapshot");
    if (!version.isPresent()) {
      throw new InvalidInputException(root.file(), "vpctrainSnapshot",
          "expected 1 (this file is not a vpctrain snapshot bundle: the member is missing)");
    }
    int v = root.optInt("vpctrainSnapshot").orElseThrow();
    if (v != 1) {
      throw version.error("expected 1 but was " + v + " (a bundle of a newer vpctrain?)");
    }
    NetworkSnapshot.Builder b = NetworkSnapshot.builder().region(root.string("region"));
    root.optString("accountId").ifPresent(b::accountId);
    root.optString("capturedAt").ifPresent(t -> b.capturedAt(instant(root.member("capturedAt"), t)));
    Optional<JsonInput> ec2 = root.optObject("ec2");
    if (ec2.isPresent()) {
      ec2(ec2.get(), b);
    }
    root.optObject("s3").ifPresent(s3 -> s3(s3, b));
    b.errors(root.mapArray("errors", e -> CaptureError.builder()
        .operation(e.string("operation"))
        .code(e.string("code"))
        .message(e.optString("message").orElse(""))
        .resource(e.optString("resource").orElse(""))
        .build()));
    return b.build();
  }

  private static Instant instant(JsonInput at, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        throw at.error("expected an ISO-8601 timestamp such as 2026-11-29T08:00:00Z but was \"" + text + "\"");
      }
    }
  }

  /** The list under {@code ec2.<operation>.<key>}; empty optional when the operation is absent. */
  private static <T> Optional<List<T>> section(JsonInput ec2, String operation, String key,
      Function<JsonInput, T> f) {
    Optional<JsonInput> op = ec2.optObject(operation);
    if (op.isEmpty()) {
      return Optional.empty();
    }
    if (!op.get().has(key)) {
      throw new InvalidInputException(ec2.file(), op.get().pathOf(key),
          "expected an array (the " + operation + " output has a " + key + " list) but the member is missing");
    }
    if (!op.get().member(key).isPresent()) {
      throw op.get().member(key).error("expected an array but was null");
    }
    return Optional.of(op.get().mapArray(key, f));
  }

  private void ec2(JsonInput ec2, NetworkSnapshot.Builder b) {
    Optional<List<Vpc>> vpcs = section(ec2, "DescribeVpcs", "Vpcs", BundleReader::vpc);
    if (vpcs.isPresent() && ec2.has("DescribeVpcAttribute")) {
      vpcs = Optional.of(withAttributes(vpcs.get(), ec2.member("DescribeVpcAttribute")));
    } else if (ec2.has("DescribeVpcAttribute") && ec2.member("DescribeVpcAttribute").isPresent()) {
      ec2.member("DescribeVpcAttribute").elements().forEach(BundleReader::attribute);
    }
    b.vpcs(vpcs);
    b.dhcpOptions(section(ec2, "DescribeDhcpOptions", "DhcpOptions", BundleReader::dhcp));
    b.subnets(section(ec2, "DescribeSubnets", "Subnets", BundleReader::subnet));
    b.securityGroups(section(ec2, "DescribeSecurityGroups", "SecurityGroups", BundleReader::group));
    b.routeTables(section(ec2, "DescribeRouteTables", "RouteTables", BundleReader::routeTable));
    b.vpcEndpoints(section(ec2, "DescribeVpcEndpoints", "VpcEndpoints", BundleReader::endpoint));
    b.natGateways(section(ec2, "DescribeNatGateways", "NatGateways", BundleReader::nat));
    b.internetGateways(section(ec2, "DescribeInternetGateways", "InternetGateways", BundleReader::igw));
    b.networkAcls(section(ec2, "DescribeNetworkAcls", "NetworkAcls", BundleReader::acl));
    b.prefixLists(section(ec2, "DescribePrefixLists", "PrefixLists", BundleReader::prefixList));
  }

  private static List<Tag> tags(JsonInput o) {
    return o.mapArray("Tags", t -> Tag.of(t.string("Key"), t.optString("Value").orElse("")));
  }

  private static Vpc vpc(JsonInput o) {
    Vpc.Builder v = Vpc.builder().vpcId(o.string("VpcId"));
    o.optString("CidrBlock").ifPresent(v::cidrBlock);
    List<String> cidrs = new ArrayList<>();
    for (JsonInput a : o.array("CidrBlockAssociationSet")) {
      a.requireObject();
      String state = a.optObject("CidrBlockState").flatMap(s -> s.optLower("State")).orElse("associated");
      if (state.equals("associated")) {
        cidrs.add(a.string("CidrBlock"));
      }
    }
    if (!o.has("CidrBlockAssociationSet")) {
      o.optString("CidrBlock").ifPresent(cidrs::add);
    }
    v.cidrBlocks(cidrs);
    o.optLower("InstanceTenancy").ifPresent(v::instanceTenancy);
    o.optString("DhcpOptionsId").ifPresent(v::dhcpOptionsId);
    o.optString("OwnerId").ifPresent(v::ownerId);
    o.optLower("State").ifPresent(v::state);
    return v.tags(tags(o)).build();
  }

  /** One {@code DescribeVpcAttribute} output: its VPC and which attribute with which value. */
  private static Map.Entry<String, Map.Entry<String, Boolean>> attribute(JsonInput a) {
    a.requireObject();
    String vpcId = a.string("VpcId");
    for (String name : List.of("EnableDnsSupport", "EnableDnsHostnames")) {
      if (a.has(name)) {
        Boolean value = a.object(name).optBoolean("Value").orElseThrow(() -> new InvalidInputException(
            a.file(), a.pathOf(name) + ".Value", "expected true or false but the member is missing"));
        return Map.entry(vpcId, Map.entry(name, value));
      }
    }
    throw a.error("expected an EnableDnsSupport or EnableDnsHostnames member (a DescribeVpcAttribute output)");
  }

  private static List<Vpc> withAttributes(List<Vpc> vpcs, JsonInput attributes) {
    Map<String, Vpc> byId = new LinkedHashMap<>();
    vpcs.forEach(v -> byId.put(v.vpcId(), v));
    if (attributes.isPresent()) {
      for (JsonInput a : attributes.elements()) {
        Map.Entry<String, Map.Entry<String, Boolean>> attr = attribute(a);
        Vpc v = byId.get(attr.getKey());
        if (v == null) {
          continue;
        }
        boolean value = attr.getValue().getValue();
        byId.put(v.vpcId(), attr.getValue().getKey().equals("EnableDnsSupport")
            ? v.withEnableDnsSupport(value) : v.withEnableDnsHostnames(value));
      }
    }
    return new ArrayList<>(byId.values());
  }

  private static DhcpOptions dhcp(JsonInput o) {
    DhcpOptions.Builder d = DhcpOptions.builder().dhcpOptionsId(o.string("DhcpOptionsId"));
    for (JsonInput c : o.array("DhcpConfigurations")) {
      c.requireObject();
      List<String> values = c.mapArray("Values", v -> v.string("Value"));
      d.putConfiguration(c.string("Key"), values);
    }
    return d.build();
  }

  private static Subnet subnet(JsonInput o) {
    Subnet.Builder s = Subnet.builder().subnetId(o.string("SubnetId")).vpcId(o.string("VpcId"));
    o.optString("CidrBlock").ifPresent(s::cidrBlock);
    o.optString("AvailabilityZone").ifPresent(s::availabilityZone);
    o.optString("AvailabilityZoneId").ifPresent(s::availabilityZoneId);
    o.optInt("AvailableIpAddressCount").ifPresent(s::availableIpAddressCount);
    o.optLower("State").ifPresent(s::state);
    o.optBoolean("MapPublicIpOnLaunch").ifPresent(s::mapPublicIpOnLaunch);
    o.optString("OwnerId").ifPresent(s::ownerId);
    return s.tags(tags(o)).build();
  }

  private static SecurityGroup group(JsonInput o) {
    SecurityGroup.Builder g = SecurityGroup.builder().groupId(o.string("GroupId")).vpcId(o.string("VpcId"));
    o.optString("GroupName").ifPresent(g::groupName);
    o.optString("Description").ifPresent(g::description);
    o.optString("OwnerId").ifPresent(g::ownerId);
    g.ingress(o.mapArray("IpPermissions", BundleReader::permission));
    g.egress(o.mapArray("IpPermissionsEgress", BundleReader::permission));
    return g.tags(tags(o)).build();
  }

  private static Permission permission(JsonInput o) {
    Permission.Builder p = Permission.builder().ipProtocol(o.string("IpProtocol"));
    o.optInt("FromPort").ifPresent(p::fromPort);
    o.optInt("ToPort").ifPresent(p::toPort);
    p.ipRanges(o.mapArray("IpRanges", r -> r.string("CidrIp")));
    p.ipv6Ranges(o.mapArray("Ipv6Ranges", r -> r.string("CidrIpv6")));
    p.prefixListIds(o.mapArray("PrefixListIds", r -> r.string("PrefixListId")));
    p.groupIds(o.mapArray("UserIdGroupPairs", r -> r.string("GroupId")));
    return p.build();
  }

  private static RouteTable routeTable(JsonInput o) {
    RouteTable.Builder t = RouteTable.builder().routeTableId(o.string("RouteTableId")).vpcId(o.string("VpcId"));
    t.associations(o.mapArray("Associations", a -> {
      RouteTableAssociation.Builder r = RouteTableAssociation.builder();
      a.optBoolean("Main").ifPresent(r::main);
      a.optString("RouteTableAssociationId").ifPresent(r::routeTableAssociationId);
      a.optString("SubnetId").ifPresent(r::subnetId);
      a.optString("GatewayId").ifPresent(r::gatewayId);
      a.optObject("AssociationState").flatMap(s -> s.optLower("State")).ifPresent(r::state);
      return r.build();
    }));
    t.routes(o.mapArray("Routes", BundleReader::route));
    o.optString("OwnerId").ifPresent(t::ownerId);
    return t.tags(tags(o)).build();
  }

  private static Route route(JsonInput o) {
    Route.Builder r = Route.builder();
    o.optString("DestinationCidrBlock").ifPresent(r::destinationCidrBlock);
    o.optString("DestinationIpv6CidrBlock").ifPresent(r::destinationIpv6CidrBlock);
    o.optString("DestinationPrefixListId").ifPresent(r::destinationPrefixListId);
    o.optString("GatewayId").ifPresent(r::gatewayId);
    o.optString("NatGatewayId").ifPresent(r::natGatewayId);
    o.optString("TransitGatewayId").ifPresent(r::transitGatewayId);
    o.optString("VpcPeeringConnectionId").ifPresent(r::vpcPeeringConnectionId);
    o.optString("NetworkInterfaceId").ifPresent(r::networkInterfaceId);
    o.optString("InstanceId").ifPresent(r::instanceId);
    o.optString("EgressOnlyInternetGatewayId").ifPresent(r::egressOnlyInternetGatewayId);
    o.optString("CarrierGatewayId").ifPresent(r::carrierGatewayId);
    o.optString("LocalGatewayId").ifPresent(r::localGatewayId);
    o.optString("CoreNetworkArn").ifPresent(r::coreNetworkArn);
    o.optLower("State").ifPresent(r::state);
    o.optString("Origin").ifPresent(r::origin);
    return r.build();
  }

  private static VpcEndpoint endpoint(JsonInput o) {
    VpcEndpoint.Builder e = VpcEndpoint.builder()
        .vpcEndpointId(o.string("VpcEndpointId"))
        .vpcId(o.string("VpcId"))
        .serviceName(o.string("ServiceName"));
    String type = o.string("VpcEndpointType");
    try {
      e.type(EndpointType.fromApi(type));
    } catch (IllegalArgumentException ex) {
      throw o.member("VpcEndpointType").error(ex.getMessage());
    }
    o.optLower("State").ifPresent(e::state);
    o.optString("PolicyDocument").ifPresent(e::policyDocument);
    e.routeTableIds(o.strings("RouteTableIds"));
    e.subnetIds(o.strings("SubnetIds"));
    e.groupIds(o.mapArray("Groups", g -> g.string("GroupId")));
    o.optBoolean("PrivateDnsEnabled").ifPresent(e::privateDnsEnabled);
    e.networkInterfaceIds(o.strings("NetworkInterfaceIds"));
    o.optString("OwnerId").ifPresent(e::ownerId);
    return e.tags(tags(o)).build();
  }

  private static NatGateway nat(JsonInput o) {
    NatGateway.Builder n = NatGateway.builder().natGatewayId(o.string("NatGatewayId"));
    o.optString("VpcId").ifPresent(n::vpcId);
    o.optString("SubnetId").ifPresent(n::subnetId);
    o.optLower("State").ifPresent(n::state);
    o.optLower("ConnectivityType").ifPresent(n::connectivityType);
    for (JsonInput a : o.array("NatGatewayAddresses")) {
      a.requireObject();
      a.optString("PublicIp").ifPresent(n::addPublicIp);
      a.optString("PrivateIp").ifPresent(n::addPrivateIp);
    }
    return n.tags(tags(o)).build();
  }

  private static InternetGateway igw(JsonInput o) {
    InternetGateway.Builder g = InternetGateway.builder().internetGatewayId(o.string("InternetGatewayId"));
    g.attachments(o.mapArray("Attachments", a -> IgwAttachment.of(a.string("VpcId"), a.optLower("State"))));
    o.optString("OwnerId").ifPresent(g::ownerId);
    return g.tags(tags(o)).build();
  }

  private static NetworkAcl acl(JsonInput o) {
    NetworkAcl.Builder a = NetworkAcl.builder().networkAclId(o.string("NetworkAclId")).vpcId(o.string("VpcId"));
    o.optBoolean("IsDefault").ifPresent(a::isDefault);
    a.subnetIds(o.mapArray("Associations", s -> s.string("SubnetId")));
    a.entries(o.mapArray("Entries", BundleReader::aclEntry));
    o.optString("OwnerId").ifPresent(a::ownerId);
    return a.tags(tags(o)).build();
  }

  private static AclEntry aclEntry(JsonInput o) {
    AclEntry.Builder e = AclEntry.builder()
        .ruleNumber(o.optInt("RuleNumber").orElseThrow(() -> new InvalidInputException(o.file(),
            o.pathOf("RuleNumber"), "expected an integer but the member is missing")))
        .egress(o.optBoolean("Egress").orElseThrow(() -> new InvalidInputException(o.file(),
            o.pathOf("Egress"), "expected true or false but the member is missing")));
    JsonInput protocol = o.member("Protocol");
    if (protocol.isPresent() && protocol.node().isIntegralNumber()) {
      e.protocol(protocol.node().asText());
    } else {
      e.protocol(o.string("Protocol"));
    }
    String action = JsonInput.oneOf(o.member("RuleAction"), o.string("RuleAction"), List.of("allow", "deny"));
    e.allow(action.equals("allow"));
    o.optString("CidrBlock").ifPresent(e::cidrBlock);
    o.optString("Ipv6CidrBlock").ifPresent(e::ipv6CidrBlock);
    o.optObject("PortRange").ifPresent(p -> {
      p.optInt("From").ifPresent(e::portFrom);
      p.optInt("To").ifPresent(e::portTo);
    });
    o.optObject("IcmpTypeCode").ifPresent(i -> {
      i.optInt("Type").ifPresent(e::icmpType);
      i.optInt("Code").ifPresent(e::icmpCode);
    });
    return e.build();
  }

  private static PrefixList prefixList(JsonInput o) {
    return PrefixList.builder()
        .prefixListId(o.string("PrefixListId"))
        .prefixListName(o.string("PrefixListName"))
        .cidrs(o.strings("Cidrs"))
        .build();
  }

  private void s3(JsonInput s3, NetworkSnapshot.Builder b) {
    for (String bucket : s3.memberNames()) {
      JsonInput o = s3.member(bucket).requireObject();
      BucketFacts.Builder f = BucketFacts.builder().bucket(bucket);
      o.optObject("GetBucketLocation").ifPresent(l -> f.region(region(l)));
      if (o.has("GetBucketLocation") && o.isNull("GetBucketLocation")) {
        throw o.member("GetBucketLocation").error("expected an object such as {\"LocationConstraint\": null} but was null");
      }
      if (o.has("GetBucketPolicy")) {
        if (o.isNull("GetBucketPolicy")) {
          f.policyState(PolicyState.NONE);
        } else {
          f.policyState(PolicyState.PRESENT).policy(o.object("GetBucketPolicy").string("Policy"));
        }
      } else {
        f.policyState(PolicyState.UNKNOWN);
      }
      b.putBucket(bucket, f.build());
    }
  }

  /** {@code LocationConstraint}: null or empty means us-east-1, the legacy {@code EU} means eu-west-1. */
  private static String region(JsonInput location) {
    Optional<String> c = location.optString("LocationConstraint");
    if (c.isEmpty() || c.get().isEmpty()) {
      return "us-east-1";
    }
    return c.get().equals("EU") ? "eu-west-1" : c.get();
  }
}
