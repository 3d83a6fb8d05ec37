package dev.vpctrain.aws.bundle;

import dev.vpctrain.core.InvalidInputException;
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
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Tag;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps a bundle document (formats.md §2) onto a {@link NetworkSnapshot}. Every value a rule uses is
 * checked here (shape, range, uniqueness), so that no rule meets a value it cannot use; an operation
 * named in {@code errors} is incomplete and its output, if any, is not used (the section stays
 * unknown).
 */
final class BundleReader {
  private static final String[] VPC = {"vpc"};
  private static final String[] SUBNET = {"subnet"};
  private static final String[] GROUP = {"sg"};

  private final JsonInput root;
  /** Lower-case {@code operation|bucket} of S3 calls named in {@code errors}; an empty bucket means every bucket. */
  private final Set<String> failedS3 = new HashSet<>();
  private final UniqueKeys subnetRouteTables = new UniqueKeys("explicit route table association of a subnet");
  private final UniqueKeys mainRouteTables = new UniqueKeys("main route table association of a VPC");
  private final UniqueKeys subnetAcls = new UniqueKeys("network ACL association of a subnet");
  private final UniqueKeys defaultAcls = new UniqueKeys("default network ACL of a VPC");

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
    NetworkSnapshot.Builder b = NetworkSnapshot.builder().region(BundleValues.region(root));
    root.optString("accountId").ifPresent(b::accountId);
    root.optString("capturedAt").ifPresent(t -> b.capturedAt(instant(root.member("capturedAt"), t)));
    List<CaptureError> errors = root.mapArray("errors", this::captureError);
    Optional<JsonInput> ec2 = root.optObject("ec2");
    if (ec2.isPresent()) {
      ec2(ec2.get(), b);
    }
    root.optObject("s3").ifPresent(s3 -> s3(s3, b));
    // an operation named in errors is incomplete: its output (validated above) is not used
    return b.errors(errors).build().withoutIncomplete();
  }

  private CaptureError captureError(JsonInput e) {
    CaptureError error = CaptureError.builder()
        .operation(e.string("operation"))
        .code(e.string("code"))
        .message(e.optString("message").orElse(""))
        .resource(e.optString("resource").orElse(""))
        .build();
    String op = error.operation().toLowerCase(Locale.ROOT);
    if (op.startsWith("s3:")) {
      failedS3.add(op + "|" + error.resource());
    }
    return error;
  }

  private boolean s3Failed(String operation, String bucket) {
    String op = operation.toLowerCase(Locale.ROOT);
    return failedS3.contains(op + "|" + bucket) || failedS3.contains(op + "|");
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

  /**
   * The list under {@code ec2.<operation>.<key>}, each element read by {@code f} and its
   * {@code idMember} unique; empty optional when the operation is absent (one named in {@code errors}
   * is dropped after reading, by {@link NetworkSnapshot#withoutIncomplete()}).
   */
  private <T> Optional<List<T>> section(JsonInput ec2, Section section, String key, String idMember, String what,
      Function<JsonInput, T> f) {
    String operation = section.bundleKey();
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
    UniqueKeys ids = new UniqueKeys(what);
    List<T> out = new ArrayList<>();
    for (JsonInput e : op.get().member(key).elements()) {
      e.requireObject();
      String id = e.string(idMember);
      ids.add(e, id, what + " " + id);
      out.add(f.apply(e));
    }
    return Optional.of(out);
  }

  private void ec2(JsonInput ec2, NetworkSnapshot.Builder b) {
    Optional<List<Vpc>> vpcs = section(ec2, Section.VPCS, "Vpcs", "VpcId", "VPC", BundleReader::vpc);
    List<Attribute> attributes = attributes(ec2);
    if (vpcs.isPresent() && ec2.has("DescribeVpcAttribute")) {
      vpcs = Optional.of(withAttributes(vpcs.get(), attributes));
    }
    b.vpcs(vpcs);
    b.dhcpOptions(section(ec2, Section.DHCP_OPTIONS, "DhcpOptions", "DhcpOptionsId", "DHCP option set",
        BundleReader::dhcp));
    b.subnets(section(ec2, Section.SUBNETS, "Subnets", "SubnetId", "subnet", BundleReader::subnet));
    b.securityGroups(section(ec2, Section.SECURITY_GROUPS, "SecurityGroups", "GroupId", "security group",
        BundleReader::group));
    b.routeTables(section(ec2, Section.ROUTE_TABLES, "RouteTables", "RouteTableId", "route table", this::routeTable));
    b.vpcEndpoints(section(ec2, Section.VPC_ENDPOINTS, "VpcEndpoints", "VpcEndpointId", "VPC endpoint",
        BundleReader::endpoint));
    b.natGateways(section(ec2, Section.NAT_GATEWAYS, "NatGateways", "NatGatewayId", "NAT gateway", BundleReader::nat));
    b.internetGateways(section(ec2, Section.INTERNET_GATEWAYS, "InternetGateways", "InternetGatewayId",
        "internet gateway", BundleReader::igw));
    b.networkAcls(section(ec2, Section.NETWORK_ACLS, "NetworkAcls", "NetworkAclId", "network ACL", this::acl));
    b.prefixLists(section(ec2, Section.PREFIX_LISTS, "PrefixLists", "PrefixListId", "prefix list",
        BundleReader::prefixList));
  }

  private static List<Tag> tags(JsonInput o) {
    return o.mapArray("Tags", t -> Tag.of(t.string("Key"), t.optString("Value").orElse("")));
  }

  private static Vpc vpc(JsonInput o) {
    Vpc.Builder v = Vpc.builder().vpcId(BundleValues.id(o, "VpcId", VPC));
    BundleValues.optCidr4(o, "CidrBlock").ifPresent(v::cidrBlock);
    List<String> cidrs = new ArrayList<>();
    for (JsonInput a : o.array("CidrBlockAssociationSet")) {
      a.requireObject();
      String state = a.optObject("CidrBlockState").flatMap(s -> s.optLower("State")).orElse("associated");
      String cidr = BundleValues.cidr4(a.member("CidrBlock"), a.string("CidrBlock"));
      if (state.equals("associated")) {
        cidrs.add(cidr);
      }
    }
    if (!o.has("CidrBlockAssociationSet")) {
      o.optString("CidrBlock").ifPresent(cidrs::add);
    }
    v.cidrBlocks(cidrs);
    o.optLower("InstanceTenancy").ifPresent(v::instanceTenancy);
    o.optString("DhcpOptionsId").ifPresent(d -> v.dhcpOptionsId(
        d.equalsIgnoreCase("default") ? d : BundleValues.idValue(o.member("DhcpOptionsId"), d, "dopt")));
    o.optString("OwnerId").ifPresent(v::ownerId);
    o.optLower("State").ifPresent(v::state);
    return v.tags(tags(o)).build();
  }

  /** One {@code DescribeVpcAttribute} output: its VPC and which attribute with which value. */
  private static final class Attribute {
    final String vpcId;
    final String name;
    final boolean value;

    Attribute(String vpcId, String name, boolean value) {
      this.vpcId = vpcId;
      this.name = name;
      this.value = value;
    }
  }

  /**
   * The {@code DescribeVpcAttribute} outputs, checked: one attribute of one VPC given twice with
   * different values is ambiguous. Empty when the member is absent or null.
   */
  private static List<Attribute> attributes(JsonInput ec2) {
    JsonInput all = ec2.member("DescribeVpcAttribute");
    List<Attribute> out = new ArrayList<>();
    if (!all.isPresent()) {
      return out;
    }
    Map<String, JsonInput> first = new LinkedHashMap<>();
    Map<String, Boolean> values = new LinkedHashMap<>();
    for (JsonInput a : all.elements()) {
      Attribute attr = attribute(a);
      String key = attr.vpcId + "|" + attr.name;
      Boolean before = values.putIfAbsent(key, attr.value);
      if (before != null && before != attr.value) {
        throw new InvalidInputException(a.file(), a.path(), "expected each attribute of a VPC once, but "
            + attr.name + " of " + attr.vpcId + " is " + before + " at " + first.get(key).path() + " and "
            + attr.value + " at " + a.path() + " (the bundle is ambiguous: remove the copy that is wrong)");
      }
      first.putIfAbsent(key, a);
      out.add(attr);
    }
    return out;
  }

  private static Attribute attribute(JsonInput a) {
    a.requireObject();
    String vpcId = BundleValues.id(a, "VpcId", VPC);
    for (String name : List.of("EnableDnsSupport", "EnableDnsHostnames")) {
      if (a.has(name)) {
        Boolean value = a.object(name).optBoolean("Value").orElseThrow(() -> new InvalidInputException(
            a.file(), a.pathOf(name) + ".Value", "expected true or false but the member is missing"));
        return new Attribute(vpcId, name, value);
      }
    }
    throw a.error("expected an EnableDnsSupport or EnableDnsHostnames member (a DescribeVpcAttribute output)");
  }

  private static List<Vpc> withAttributes(List<Vpc> vpcs, List<Attribute> attributes) {
    Map<String, Vpc> byId = new LinkedHashMap<>();
    vpcs.forEach(v -> byId.put(v.vpcId(), v));
    for (Attribute attr : attributes) {
      Vpc v = byId.get(attr.vpcId);
      if (v == null) {
        continue;
      }
      byId.put(v.vpcId(), attr.name.equals("EnableDnsSupport")
          ? v.withEnableDnsSupport(attr.value) : v.withEnableDnsHostnames(attr.value));
    }
    return new ArrayList<>(byId.values());
  }

  private static DhcpOptions dhcp(JsonInput o) {
    DhcpOptions.Builder d = DhcpOptions.builder().dhcpOptionsId(BundleValues.id(o, "DhcpOptionsId", "dopt"));
    UniqueKeys keys = new UniqueKeys("DHCP option key");
    for (JsonInput c : o.array("DhcpConfigurations")) {
      c.requireObject();
      List<String> values = c.mapArray("Values", v -> v.string("Value"));
      String key = c.string("Key");
      keys.add(c, key.toLowerCase(Locale.ROOT), key);
      d.putConfiguration(key, values);
    }
    return d.build();
  }

  private static Subnet subnet(JsonInput o) {
    Subnet.Builder s = Subnet.builder().subnetId(BundleValues.id(o, "SubnetId", SUBNET))
        .vpcId(BundleValues.id(o, "VpcId", VPC));
    BundleValues.optCidr4(o, "CidrBlock").ifPresent(s::cidrBlock);
    o.optString("AvailabilityZone").ifPresent(s::availabilityZone);
    o.optString("AvailabilityZoneId").ifPresent(s::availabilityZoneId);
    BundleValues.optIntIn(o, "AvailableIpAddressCount", 0, Integer.MAX_VALUE, "a count of free addresses")
        .ifPresent(s::availableIpAddressCount);
    o.optLower("State").ifPresent(s::state);
    o.optBoolean("MapPublicIpOnLaunch").ifPresent(s::mapPublicIpOnLaunch);
    o.optString("OwnerId").ifPresent(s::ownerId);
    return s.tags(tags(o)).build();
  }

  private static SecurityGroup group(JsonInput o) {
    SecurityGroup.Builder g = SecurityGroup.builder().groupId(BundleValues.id(o, "GroupId", GROUP))
        .vpcId(BundleValues.id(o, "VpcId", VPC));
    o.optString("GroupName").ifPresent(g::groupName);
    o.optString("Description").ifPresent(g::description);
    o.optString("OwnerId").ifPresent(g::ownerId);
    g.ingress(o.mapArray("IpPermissions", BundleReader::permission));
    g.egress(o.mapArray("IpPermissionsEgress", BundleReader::permission));
    return g.tags(tags(o)).build();
  }

  private static Permission permission(JsonInput o) {
    String protocol = BundleValues.sgProtocol(o);
    Permission.Builder p = Permission.builder().ipProtocol(protocol);
    boolean icmp = protocol.equals("icmp") || protocol.equals("icmpv6") || protocol.equals("1") || protocol.equals("58");
    boolean ports = protocol.equals("tcp") || protocol.equals("udp") || protocol.equals("6") || protocol.equals("17");
    Optional<Integer> from;
    Optional<Integer> to;
    if (icmp) {
      from = BundleValues.optIntIn(o, "FromPort", -1, 255, "an ICMP type, or -1 for every type");
      to = BundleValues.optIntIn(o, "ToPort", -1, 255, "an ICMP code, or -1 for every code");
    } else {
      from = BundleValues.optIntIn(o, "FromPort", -1, 65535, "a port, or -1 for every port");
      to = BundleValues.optIntIn(o, "ToPort", -1, 65535, "a port, or -1 for every port");
    }
    if (ports && from.isPresent() && to.isPresent()) {
      if ((from.get() == -1) != (to.get() == -1)) {
        throw o.member("ToPort").error("expected -1 in both FromPort and ToPort (every port) or a port range, but FromPort is "
            + from.get() + " and ToPort is " + to.get());
      }
      if (from.get() > to.get()) {
        throw o.member("ToPort").error("expected a port range with FromPort <= ToPort but FromPort is "
            + from.get() + " and ToPort is " + to.get());
      }
    }
    from.ifPresent(p::fromPort);
    to.ifPresent(p::toPort);
    p.ipRanges(o.mapArray("IpRanges", r -> BundleValues.cidr4(r.member("CidrIp"), r.string("CidrIp"))));
    p.ipv6Ranges(o.mapArray("Ipv6Ranges", r -> BundleValues.cidr6(r.member("CidrIpv6"), r.string("CidrIpv6"))));
    p.prefixListIds(o.mapArray("PrefixListIds", r -> BundleValues.id(r, "PrefixListId", "pl")));
    p.groupIds(o.mapArray("UserIdGroupPairs", r -> BundleValues.id(r, "GroupId", GROUP)));
    return p.build();
  }

  private RouteTable routeTable(JsonInput o) {
    String tableId = BundleValues.id(o, "RouteTableId", "rtb");
    String vpcId = BundleValues.id(o, "VpcId", VPC);
    RouteTable.Builder t = RouteTable.builder().routeTableId(tableId).vpcId(vpcId);
    t.associations(o.mapArray("Associations", a -> {
      RouteTableAssociation.Builder r = RouteTableAssociation.builder();
      Optional<Boolean> main = a.optBoolean("Main");
      main.ifPresent(r::main);
      a.optString("RouteTableAssociationId").ifPresent(r::routeTableAssociationId);
      Optional<String> subnet = BundleValues.optId(a, "SubnetId", SUBNET);
      subnet.ifPresent(r::subnetId);
      BundleValues.optId(a, "GatewayId", "igw", "vgw").ifPresent(r::gatewayId);
      Optional<String> state = a.optObject("AssociationState").flatMap(s -> s.optLower("State"));
      state.ifPresent(r::state);
      if (state.map(s -> s.equals("associated") || s.equals("associating")).orElse(true)) {
        subnet.ifPresent(s -> subnetRouteTables.add(a, s, "subnet " + s));
        if (main.orElse(false)) {
          mainRouteTables.add(a, vpcId, "the main route table of " + vpcId);
        }
      }
      return r.build();
    }));
    t.routes(o.mapArray("Routes", BundleReader::route));
    o.optString("OwnerId").ifPresent(t::ownerId);
    return t.tags(tags(o)).build();
  }

  private static Route route(JsonInput o) {
    Route.Builder r = Route.builder();
    BundleValues.optCidr4(o, "DestinationCidrBlock").ifPresent(r::destinationCidrBlock);
    BundleValues.optCidr6(o, "DestinationIpv6CidrBlock").ifPresent(r::destinationIpv6CidrBlock);
    BundleValues.optId(o, "DestinationPrefixListId", "pl").ifPresent(r::destinationPrefixListId);
    o.optString("GatewayId").ifPresent(g -> r.gatewayId(
        g.equals("local") ? g : BundleValues.idValue(o.member("GatewayId"), g, "igw", "vgw", "vpce")));
    BundleValues.optId(o, "NatGatewayId", "nat").ifPresent(r::natGatewayId);
    BundleValues.optId(o, "TransitGatewayId", "tgw").ifPresent(r::transitGatewayId);
    BundleValues.optId(o, "VpcPeeringConnectionId", "pcx").ifPresent(r::vpcPeeringConnectionId);
    BundleValues.optId(o, "NetworkInterfaceId", "eni").ifPresent(r::networkInterfaceId);
    BundleValues.optId(o, "InstanceId", "i").ifPresent(r::instanceId);
    BundleValues.optId(o, "EgressOnlyInternetGatewayId", "eigw").ifPresent(r::egressOnlyInternetGatewayId);
    BundleValues.optId(o, "CarrierGatewayId", "cagw").ifPresent(r::carrierGatewayId);
    BundleValues.optId(o, "LocalGatewayId", "lgw").ifPresent(r::localGatewayId);
    o.optString("CoreNetworkArn").ifPresent(r::coreNetworkArn);
    o.optLower("State").ifPresent(r::state);
    o.optString("Origin").ifPresent(r::origin);
    return r.build();
  }

  private static VpcEndpoint endpoint(JsonInput o) {
    VpcEndpoint.Builder e = VpcEndpoint.builder()
        .vpcEndpointId(BundleValues.id(o, "VpcEndpointId", "vpce"))
        .vpcId(BundleValues.id(o, "VpcId", VPC))
        .serviceName(o.string("ServiceName"));
    String type = o.string("VpcEndpointType");
    try {
      e.type(EndpointType.fromApi(type));
    } catch (IllegalArgumentException ex) {
      throw o.member("VpcEndpointType").error(ex.getMessage());
    }
    o.optLower("State").ifPresent(e::state);
    o.optString("PolicyDocument").ifPresent(e::policyDocument);
    e.routeTableIds(BundleValues.ids(o, "RouteTableIds", "rtb"));
    e.subnetIds(BundleValues.ids(o, "SubnetIds", SUBNET));
    e.groupIds(o.mapArray("Groups", g -> BundleValues.id(g, "GroupId", GROUP)));
    o.optBoolean("PrivateDnsEnabled").ifPresent(e::privateDnsEnabled);
    e.networkInterfaceIds(BundleValues.ids(o, "NetworkInterfaceIds", "eni"));
    o.optString("OwnerId").ifPresent(e::ownerId);
    return e.tags(tags(o)).build();
  }

  private static NatGateway nat(JsonInput o) {
    NatGateway.Builder n = NatGateway.builder().natGatewayId(BundleValues.id(o, "NatGatewayId", "nat"));
    BundleValues.optId(o, "VpcId", VPC).ifPresent(n::vpcId);
    BundleValues.optId(o, "SubnetId", SUBNET).ifPresent(n::subnetId);
    o.optLower("State").ifPresent(n::state);
    o.optLower("ConnectivityType").ifPresent(n::connectivityType);
    for (JsonInput a : o.array("NatGatewayAddresses")) {
      a.requireObject();
      BundleValues.optIpv4(a, "PublicIp").ifPresent(n::addPublicIp);
      BundleValues.optIpv4(a, "PrivateIp").ifPresent(n::addPrivateIp);
    }
    return n.tags(tags(o)).build();
  }

  private static InternetGateway igw(JsonInput o) {
    InternetGateway.Builder g = InternetGateway.builder()
        .internetGatewayId(BundleValues.id(o, "InternetGatewayId", "igw"));
    g.attachments(o.mapArray("Attachments", a -> IgwAttachment.of(BundleValues.id(a, "VpcId", VPC), a.optLower("State"))));
    o.optString("OwnerId").ifPresent(g::ownerId);
    return g.tags(tags(o)).build();
  }

  private NetworkAcl acl(JsonInput o) {
    String vpcId = BundleValues.id(o, "VpcId", VPC);
    NetworkAcl.Builder a = NetworkAcl.builder().networkAclId(BundleValues.id(o, "NetworkAclId", "acl")).vpcId(vpcId);
    Optional<Boolean> isDefault = o.optBoolean("IsDefault");
    isDefault.ifPresent(a::isDefault);
    if (isDefault.orElse(false)) {
      defaultAcls.add(o, vpcId, "the default network ACL of " + vpcId);
    }
    a.subnetIds(o.mapArray("Associations", s -> {
      String subnet = BundleValues.id(s, "SubnetId", SUBNET);
      subnetAcls.add(s, subnet, "subnet " + subnet);
      return subnet;
    }));
    UniqueKeys numbers = new UniqueKeys("rule number of a direction");
    a.entries(o.mapArray("Entries", e -> {
      AclEntry entry = aclEntry(e);
      String dir = entry.egress() ? "outbound" : "inbound";
      numbers.add(e, dir + entry.ruleNumber(), dir + " rule " + entry.ruleNumber());
      return entry;
    }));
    o.optString("OwnerId").ifPresent(a::ownerId);
    return a.tags(tags(o)).build();
  }

  private static AclEntry aclEntry(JsonInput o) {
    int number = BundleValues.optIntIn(o, "RuleNumber", 1, 32767,
            "a rule number (32767 is the default entry \"*\")")
        .orElseThrow(() -> new InvalidInputException(o.file(), o.pathOf("RuleNumber"),
            "expected an integer but the member is missing"));
    AclEntry.Builder e = AclEntry.builder()
        .ruleNumber(number)
        .egress(o.optBoolean("Egress").orElseThrow(() -> new InvalidInputException(o.file(),
            o.pathOf("Egress"), "expected true or false but the member is missing")));
    e.protocol(BundleValues.aclProtocol(o));
    String action = JsonInput.oneOf(o.member("RuleAction"), o.string("RuleAction"), List.of("allow", "deny"));
    e.allow(action.equals("allow"));
    BundleValues.optCidr4(o, "CidrBlock").ifPresent(e::cidrBlock);
    BundleValues.optCidr6(o, "Ipv6CidrBlock").ifPresent(e::ipv6CidrBlock);
    o.optObject("PortRange").ifPresent(p -> {
      Optional<Integer> from = BundleValues.optIntIn(p, "From", 0, 65535, "a port");
      Optional<Integer> to = BundleValues.optIntIn(p, "To", 0, 65535, "a port");
      if (from.isPresent() && to.isPresent() && from.get() > to.get()) {
        throw p.member("To").error("expected a port range with From <= To but From is " + from.get()
            + " and To is " + to.get());
      }
      from.ifPresent(e::portFrom);
      to.ifPresent(e::portTo);
    });
    o.optObject("IcmpTypeCode").ifPresent(i -> {
      BundleValues.optIntIn(i, "Type", -1, 255, "an ICMP type, or -1 for every type").ifPresent(e::icmpType);
      BundleValues.optIntIn(i, "Code", -1, 255, "an ICMP code, or -1 for every code").ifPresent(e::icmpCode);
    });
    return e.build();
  }

  private static PrefixList prefixList(JsonInput o) {
    List<String> cidrs = new ArrayList<>();
    for (JsonInput c : o.array("Cidrs")) {
      cidrs.add(BundleValues.cidr4(c, c.asString()));
    }
    return PrefixList.builder()
        .prefixListId(BundleValues.id(o, "PrefixListId", "pl"))
        .prefixListName(o.string("PrefixListName"))
        .cidrs(cidrs)
        .build();
  }

  private void s3(JsonInput s3, NetworkSnapshot.Builder b) {
    for (String bucket : s3.memberNames()) {
      JsonInput o = s3.member(bucket).requireObject();
      BucketFacts.Builder f = BucketFacts.builder().bucket(bucket);
      if (o.has("GetBucketLocation") && o.isNull("GetBucketLocation")) {
        throw o.member("GetBucketLocation").error("expected an object such as {\"LocationConstraint\": null} but was null");
      }
      Optional<String> region = o.optObject("GetBucketLocation").map(BundleReader::region);
      if (!s3Failed("s3:GetBucketLocation", bucket)) {
        region.ifPresent(f::region);
      }
      PolicyState state = PolicyState.UNKNOWN;
      Optional<String> policy = Optional.empty();
      if (o.has("GetBucketPolicy")) {
        policy = o.optObject("GetBucketPolicy").map(p -> p.string("Policy"));
        state = policy.isPresent() ? PolicyState.PRESENT : PolicyState.NONE;
      }
      if (s3Failed("s3:GetBucketPolicy", bucket)) {
        state = PolicyState.UNKNOWN; // a failed call: whatever output there is may be incomplete
        policy = Optional.empty();
      }
      f.policyState(state).policy(policy);
      b.putBucket(bucket, f.build());
    }
  }

  /** {@code LocationConstraint}: null or empty means us-east-1, the legacy {@code EU} means eu-west-1. */
  private static String region(JsonInput location) {
    Optional<String> c = location.optString("LocationConstraint");
    if (c.isEmpty() || c.get().isEmpty()) {
      return "us-east-1";
    }
    if (c.get().equals("EU")) {
      return "eu-west-1";
    }
    if (!BundleValues.isRegion(c.get())) {
      throw location.member("LocationConstraint").error("expected a region name such as eu-west-1, null (us-east-1) "
          + "or EU but was \"" + c.get() + "\"");
    }
    return c.get();
  }
}
