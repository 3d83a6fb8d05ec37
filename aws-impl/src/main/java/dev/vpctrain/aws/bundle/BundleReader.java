package dev.vpctrain.aws.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.aws.internal.s3.S3Mapping;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.aws.job.SdkJsonException;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads a snapshot bundle document into a {@link NetworkSnapshot}: each EC2 operation's
 * output is checked (shape, range, uniqueness: what the SDK shape does not express, so that no rule
 * meets a value it cannot use), read into the SDK's {@code Describe…Response} by {@link SdkJson}
 * and mapped by {@link Ec2Mapping}, as live discovery maps the same responses; the optional
 * {@code captureFilters}, {@code efs} and {@code fsx} sections are read by
 * {@link InVpcSections} the same way. An operation named in {@code errors} is incomplete and its
 * output, if any, is not used (the section stays unknown).
 */
final class BundleReader {
  /** The AWS CLI's member names; members the SDK does not know (a newer CLI's) are passed over. */
  private static final SdkJson.Style STYLE = SdkJson.Style.MEMBER_NAMES.ignoringUnknownMembers();

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

  /** What each section's items must satisfy beyond their SDK shape. */
  private final Map<Section, Consumer<JsonInput>> checks = Map.ofEntries(
      check(Section.VPCS, BundleReader::vpc),
      check(Section.DHCP_OPTIONS, BundleReader::dhcp),
      check(Section.SUBNETS, BundleReader::subnet),
      check(Section.SECURITY_GROUPS, BundleReader::group),
      check(Section.ROUTE_TABLES, this::routeTable),
      check(Section.VPC_ENDPOINTS, BundleReader::endpoint),
      check(Section.NAT_GATEWAYS, BundleReader::nat),
      check(Section.INTERNET_GATEWAYS, BundleReader::igw),
      check(Section.NETWORK_ACLS, this::acl),
      check(Section.PREFIX_LISTS, BundleReader::prefixList),
      check(Section.NETWORK_INTERFACES, BundleReader::networkInterface));

  private static Map.Entry<Section, Consumer<JsonInput>> check(Section section, Consumer<JsonInput> check) {
    return Map.entry(section, check);
  }

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
    InVpcSections.read(root, b);
    RoleSections.read(root, b);
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
   * {@code ec2.<operation>} of {@code s}: empty when the operation is absent (one named in
   * {@code errors} is dropped after reading, by {@link NetworkSnapshot#withoutIncomplete()}). Each
   * item of its list is checked and its id must be unique; then the operation's output is read into
   * the SDK response by {@link SdkJson} and its items mapped by {@link Ec2Mapping}.
   */
  private <S, M> Optional<List<M>> section(JsonInput ec2, Ec2Section<S, M> s) {
    String operation = s.section().bundleKey();
    Optional<JsonInput> op = ec2.optObject(operation);
    if (op.isEmpty()) {
      return Optional.empty();
    }
    String key = s.listField().memberName();
    if (!op.get().has(key)) {
      throw new InvalidInputException(ec2.file(), op.get().pathOf(key),
          "expected an array (the " + operation + " output has a " + key + " list) but the member is missing");
    }
    if (!op.get().member(key).isPresent()) {
      throw op.get().member(key).error("expected an array but was null");
    }
    UniqueKeys ids = new UniqueKeys(s.what());
    Consumer<JsonInput> check = checks.get(s.section());
    for (JsonInput e : op.get().member(key).elements()) {
      e.requireObject();
      String id = e.string(s.idMember());
      ids.add(e, id, s.what() + " " + id);
      check.accept(e);
    }
    SdkPojo response = sdk(s.response(), op.get());
    return Optional.of(s.items(response));
  }

  /**
   * {@code node}, a normalised copy of the value at {@code at} (policy documents as text), as the SDK
   * shape {@code shape}; a value the shape cannot hold names its path in {@code at}'s file.
   */
  static <R> R sdk(Supplier<? extends SdkBuilder<?, ? extends R>> shape, JsonNode node, JsonInput at) {
    try {
      return SdkJson.read(shape, node, at.path(), STYLE);
    } catch (SdkJsonException e) {
      throw new InvalidInputException(at.file(), e.path(), e.problem());
    }
  }

  /** {@code json} (checked) as the SDK shape {@code shape}; a value the shape cannot hold names its path. */
  static <R> R sdk(Supplier<? extends SdkBuilder<?, ? extends R>> shape, JsonInput json) {
    try {
      return SdkJson.read(shape, json.node(), json.path(), STYLE);
    } catch (SdkJsonException e) {
      throw new InvalidInputException(json.file(), e.path(), e.problem());
    }
  }

  private void ec2(JsonInput ec2, NetworkSnapshot.Builder b) {
    Optional<List<Vpc>> vpcs = section(ec2, Ec2Section.VPCS);
    List<DescribeVpcAttributeResponse> attributes = attributes(ec2);
    if (vpcs.isPresent() && ec2.has(Section.VPC_ATTRIBUTES.bundleKey())) {
      vpcs = Optional.of(withAttributes(vpcs.get(), attributes));
    }
    b.vpcs(vpcs);
    for (Ec2Section<?, ?> s : Ec2Section.ALL) {
      if (s.section() != Section.VPCS) {
        read(ec2, s, b);
      }
    }
  }

  private <S, M> void read(JsonInput ec2, Ec2Section<S, M> s, NetworkSnapshot.Builder b) {
    s.put(b, section(ec2, s));
  }

  // The checks below are what the SDK shapes do not express (id shapes, CIDRs, ranges, required
  // members, uniqueness); they run before the section is read into its SDK shape.

  private static void tags(JsonInput o) {
    o.mapArray("Tags", t -> {
      t.string("Key");
      return t.optString("Value");
    });
  }

  private static void vpc(JsonInput o) {
    BundleValues.id(o, "VpcId", VPC);
    BundleValues.optCidr4(o, "CidrBlock");
    for (JsonInput a : o.array("CidrBlockAssociationSet")) {
      a.requireObject();
      a.optObject("CidrBlockState").ifPresent(s -> s.optLower("State"));
      BundleValues.cidr4(a.member("CidrBlock"), a.string("CidrBlock"));
    }
    o.optLower("InstanceTenancy");
    o.optString("DhcpOptionsId").ifPresent(d -> {
      if (!d.equalsIgnoreCase("default")) {
        BundleValues.idValue(o.member("DhcpOptionsId"), d, "dopt");
      }
    });
    o.optString("OwnerId");
    o.optLower("State");
    tags(o);
  }

  /**
   * The {@code DescribeVpcAttribute} outputs, checked: one attribute of one VPC given twice with
   * different values is ambiguous. Empty when the member is absent or null.
   */
  private static List<DescribeVpcAttributeResponse> attributes(JsonInput ec2) {
    JsonInput all = ec2.member(Section.VPC_ATTRIBUTES.bundleKey());
    List<DescribeVpcAttributeResponse> out = new ArrayList<>();
    if (!all.isPresent()) {
      return out;
    }
    Map<String, JsonInput> first = new LinkedHashMap<>();
    Map<String, Boolean> values = new LinkedHashMap<>();
    for (JsonInput a : all.elements()) {
      String vpcId = attribute(a);
      DescribeVpcAttributeResponse attr = sdk(DescribeVpcAttributeResponse::builder, a);
      String name = attr.enableDnsSupport() != null ? "EnableDnsSupport" : "EnableDnsHostnames";
      boolean value = attr.enableDnsSupport() != null ? attr.enableDnsSupport().value()
          : attr.enableDnsHostnames().value();
      String key = vpcId + "|" + name;
      Boolean before = values.putIfAbsent(key, value);
      if (before != null && before != value) {
        throw new InvalidInputException(a.file(), a.path(), "expected each attribute of a VPC once, but "
            + name + " of " + vpcId + " is " + before + " at " + first.get(key).path() + " and "
            + value + " at " + a.path() + " (the bundle is ambiguous: remove the copy that is wrong)");
      }
      first.putIfAbsent(key, a);
      out.add(attr);
    }
    return out;
  }

  /** Checks one {@code DescribeVpcAttribute} output; returns its VPC id. */
  private static String attribute(JsonInput a) {
    a.requireObject();
    String vpcId = BundleValues.id(a, "VpcId", VPC);
    for (String name : List.of("EnableDnsSupport", "EnableDnsHostnames")) {
      if (a.has(name)) {
        if (a.object(name).optBoolean("Value").isEmpty()) {
          throw new InvalidInputException(a.file(), a.pathOf(name) + ".Value",
              "expected true or false but the member is missing");
        }
        return vpcId;
      }
    }
    throw a.error("expected an EnableDnsSupport or EnableDnsHostnames member (a DescribeVpcAttribute output)");
  }

  private static List<Vpc> withAttributes(List<Vpc> vpcs, List<DescribeVpcAttributeResponse> attributes) {
    Map<String, Vpc> byId = new LinkedHashMap<>();
    vpcs.forEach(v -> byId.put(v.vpcId(), v));
    for (DescribeVpcAttributeResponse attr : attributes) {
      byId.computeIfPresent(attr.vpcId(), (id, v) -> Ec2Mapping.withAttribute(v, attr));
    }
    return new ArrayList<>(byId.values());
  }

  private static void dhcp(JsonInput o) {
    BundleValues.id(o, "DhcpOptionsId", "dopt");
    UniqueKeys keys = new UniqueKeys("DHCP option key");
    for (JsonInput c : o.array("DhcpConfigurations")) {
      c.requireObject();
      c.mapArray("Values", v -> v.string("Value"));
      String key = c.string("Key");
      keys.add(c, key.toLowerCase(Locale.ROOT), key);
    }
  }

  private static void subnet(JsonInput o) {
    BundleValues.id(o, "SubnetId", SUBNET);
    BundleValues.id(o, "VpcId", VPC);
    BundleValues.optCidr4(o, "CidrBlock");
    o.optString("AvailabilityZone");
    o.optString("AvailabilityZoneId");
    BundleValues.optIntIn(o, "AvailableIpAddressCount", 0, Integer.MAX_VALUE, "a count of free addresses");
    o.optLower("State");
    o.optBoolean("MapPublicIpOnLaunch");
    o.optString("OwnerId");
    tags(o);
  }

  private static void group(JsonInput o) {
    BundleValues.id(o, "GroupId", GROUP);
    BundleValues.id(o, "VpcId", VPC);
    o.optString("GroupName");
    o.optString("Description");
    o.optString("OwnerId");
    o.mapArray("IpPermissions", BundleReader::permission);
    o.mapArray("IpPermissionsEgress", BundleReader::permission);
    tags(o);
  }

  private static String permission(JsonInput o) {
    String protocol = BundleValues.sgProtocol(o);
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
    o.mapArray("IpRanges", r -> BundleValues.cidr4(r.member("CidrIp"), r.string("CidrIp")));
    o.mapArray("Ipv6Ranges", r -> BundleValues.cidr6(r.member("CidrIpv6"), r.string("CidrIpv6")));
    o.mapArray("PrefixListIds", r -> BundleValues.id(r, "PrefixListId", "pl"));
    o.mapArray("UserIdGroupPairs", r -> BundleValues.id(r, "GroupId", GROUP));
    return protocol;
  }

  private void routeTable(JsonInput o) {
    BundleValues.id(o, "RouteTableId", "rtb");
    String vpcId = BundleValues.id(o, "VpcId", VPC);
    o.mapArray("Associations", a -> {
      Optional<Boolean> main = a.optBoolean("Main");
      a.optString("RouteTableAssociationId");
      Optional<String> subnet = BundleValues.optId(a, "SubnetId", SUBNET);
      BundleValues.optId(a, "GatewayId", "igw", "vgw");
      Optional<String> state = a.optObject("AssociationState").flatMap(s -> s.optLower("State"));
      if (state.map(s -> s.equals("associated") || s.equals("associating")).orElse(true)) {
        subnet.ifPresent(s -> subnetRouteTables.add(a, s, "subnet " + s));
        if (main.orElse(false)) {
          mainRouteTables.add(a, vpcId, "the main route table of " + vpcId);
        }
      }
      return state;
    });
    o.mapArray("Routes", BundleReader::route);
    o.optString("OwnerId");
    tags(o);
  }

  private static Optional<String> route(JsonInput o) {
    BundleValues.optCidr4(o, "DestinationCidrBlock");
    BundleValues.optCidr6(o, "DestinationIpv6CidrBlock");
    BundleValues.optId(o, "DestinationPrefixListId", "pl");
    o.optString("GatewayId").ifPresent(g -> {
      if (!g.equals("local")) {
        BundleValues.idValue(o.member("GatewayId"), g, "igw", "vgw", "vpce");
      }
    });
    BundleValues.optId(o, "NatGatewayId", "nat");
    BundleValues.optId(o, "TransitGatewayId", "tgw");
    BundleValues.optId(o, "VpcPeeringConnectionId", "pcx");
    BundleValues.optId(o, "NetworkInterfaceId", "eni");
    BundleValues.optId(o, "InstanceId", "i");
    BundleValues.optId(o, "EgressOnlyInternetGatewayId", "eigw");
    BundleValues.optId(o, "CarrierGatewayId", "cagw");
    BundleValues.optId(o, "LocalGatewayId", "lgw");
    o.optString("CoreNetworkArn");
    o.optLower("State");
    return o.optString("Origin");
  }

  private static void endpoint(JsonInput o) {
    BundleValues.id(o, "VpcEndpointId", "vpce");
    BundleValues.id(o, "VpcId", VPC);
    o.string("ServiceName");
    String type = o.string("VpcEndpointType");
    try {
      EndpointType.fromApi(type);
    } catch (IllegalArgumentException ex) {
      throw o.member("VpcEndpointType").error(ex.getMessage());
    }
    o.optLower("State");
    o.optString("PolicyDocument");
    BundleValues.ids(o, "RouteTableIds", "rtb");
    BundleValues.ids(o, "SubnetIds", SUBNET);
    o.mapArray("Groups", g -> BundleValues.id(g, "GroupId", GROUP));
    o.optBoolean("PrivateDnsEnabled");
    BundleValues.ids(o, "NetworkInterfaceIds", "eni");
    o.optString("OwnerId");
    tags(o);
  }

  private static void nat(JsonInput o) {
    BundleValues.id(o, "NatGatewayId", "nat");
    BundleValues.optId(o, "VpcId", VPC);
    BundleValues.optId(o, "SubnetId", SUBNET);
    o.optLower("State");
    o.optLower("ConnectivityType");
    for (JsonInput a : o.array("NatGatewayAddresses")) {
      a.requireObject();
      BundleValues.optIpv4(a, "PublicIp");
      BundleValues.optIpv4(a, "PrivateIp");
    }
    tags(o);
  }

  private static void igw(JsonInput o) {
    BundleValues.id(o, "InternetGatewayId", "igw");
    o.mapArray("Attachments", a -> {
      BundleValues.id(a, "VpcId", VPC);
      return a.optLower("State");
    });
    o.optString("OwnerId");
    tags(o);
  }

  private void acl(JsonInput o) {
    String vpcId = BundleValues.id(o, "VpcId", VPC);
    BundleValues.id(o, "NetworkAclId", "acl");
    if (o.optBoolean("IsDefault").orElse(false)) {
      defaultAcls.add(o, vpcId, "the default network ACL of " + vpcId);
    }
    o.mapArray("Associations", s -> {
      String subnet = BundleValues.id(s, "SubnetId", SUBNET);
      subnetAcls.add(s, subnet, "subnet " + subnet);
      return subnet;
    });
    UniqueKeys numbers = new UniqueKeys("rule number of a direction");
    o.mapArray("Entries", e -> {
      int number = aclEntry(e);
      String dir = e.optBoolean("Egress").orElseThrow() ? "outbound" : "inbound";
      numbers.add(e, dir + number, dir + " rule " + number);
      return number;
    });
    o.optString("OwnerId");
    tags(o);
  }

  /** Checks one ACL entry; returns its rule number. A protocol given as a JSON number is kept as the API's string. */
  private static int aclEntry(JsonInput o) {
    int number = BundleValues.optIntIn(o, "RuleNumber", 1, 32767,
            "a rule number (32767 is the default entry \"*\")")
        .orElseThrow(() -> new InvalidInputException(o.file(), o.pathOf("RuleNumber"),
            "expected an integer but the member is missing"));
    if (o.optBoolean("Egress").isEmpty()) {
      throw new InvalidInputException(o.file(), o.pathOf("Egress"), "expected true or false but the member is missing");
    }
    BundleValues.aclProtocol(o);
    if (o.member("Protocol").node().isIntegralNumber()) {
      ((ObjectNode) o.node()).put("Protocol", o.member("Protocol").node().asText());
    }
    JsonInput.oneOf(o.member("RuleAction"), o.string("RuleAction"), List.of("allow", "deny"));
    BundleValues.optCidr4(o, "CidrBlock");
    BundleValues.optCidr6(o, "Ipv6CidrBlock");
    o.optObject("PortRange").ifPresent(p -> {
      Optional<Integer> from = BundleValues.optIntIn(p, "From", 0, 65535, "a port");
      Optional<Integer> to = BundleValues.optIntIn(p, "To", 0, 65535, "a port");
      if (from.isPresent() && to.isPresent() && from.get() > to.get()) {
        throw p.member("To").error("expected a port range with From <= To but From is " + from.get()
            + " and To is " + to.get());
      }
    });
    o.optObject("IcmpTypeCode").ifPresent(i -> {
      BundleValues.optIntIn(i, "Type", -1, 255, "an ICMP type, or -1 for every type");
      BundleValues.optIntIn(i, "Code", -1, 255, "an ICMP code, or -1 for every code");
    });
    return number;
  }

  private static void networkInterface(JsonInput o) {
    BundleValues.id(o, "NetworkInterfaceId", "eni");
    BundleValues.id(o, "SubnetId", SUBNET);
    BundleValues.id(o, "VpcId", VPC);
    o.optString("AvailabilityZone");
    o.optString("AvailabilityZoneId");
    o.optString("OwnerId");
    BundleValues.optIpv4(o, "PrivateIpAddress");
    o.mapArray("PrivateIpAddresses", a -> {
      a.optBoolean("Primary");
      return BundleValues.ipv4(a, "PrivateIpAddress");
    });
    o.mapArray("Ipv4Prefixes", p -> BundleValues.cidr4(p.member("Ipv4Prefix"), p.string("Ipv4Prefix")));
    o.mapArray("Groups", g -> BundleValues.id(g, "GroupId", GROUP));
    o.optString("InterfaceType");
    o.optLower("Status");
    o.optBoolean("RequesterManaged");
    o.optString("Description");
  }

  private static void prefixList(JsonInput o) {
    for (JsonInput c : o.array("Cidrs")) {
      BundleValues.cidr4(c, c.asString());
    }
    BundleValues.id(o, "PrefixListId", "pl");
    o.string("PrefixListName");
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
        policy = o.optObject("GetBucketPolicy").map(p -> {
          p.string("Policy");
          return S3Mapping.policy(sdk(GetBucketPolicyResponse::builder, p));
        });
        state = policy.isPresent() ? PolicyState.PRESENT : PolicyState.NONE;
      }
      if (s3Failed("s3:GetBucketPolicy", bucket)) {
        state = PolicyState.UNKNOWN; // a failed call: whatever output there is may be incomplete
        policy = Optional.empty();
      }
      f.policyState(state).policy(policy);
      if (o.has("GetBucketEncryption") && !s3Failed("s3:GetBucketEncryption", bucket)) {
        JsonInput enc = o.member("GetBucketEncryption").requireObject();
        enc.object("ServerSideEncryptionConfiguration").array("Rules").forEach(r -> r.requireObject()
            .optObject("ApplyServerSideEncryptionByDefault").ifPresent(d -> {
              d.string("SSEAlgorithm");
              d.optString("KMSMasterKeyID");
            }));
        GetBucketEncryptionResponse r = sdk(GetBucketEncryptionResponse::builder, enc);
        f.defaultEncryption(S3Mapping.encryptionAlgorithm(r)).defaultEncryptionKeyId(S3Mapping.encryptionKeyId(r));
      }
      b.putBucket(bucket, f.build());
    }
  }

  /** {@code LocationConstraint} (checked: null, empty, {@code EU} or a region name) as the bucket's region. */
  private static String region(JsonInput location) {
    Optional<String> c = location.optString("LocationConstraint");
    if (c.isPresent() && !c.get().isEmpty() && !c.get().equals("EU") && !BundleValues.isRegion(c.get())) {
      throw location.member("LocationConstraint").error("expected a region name such as eu-west-1, null (us-east-1) "
          + "or EU but was \"" + c.get() + "\"");
    }
    return S3Mapping.region(sdk(GetBucketLocationResponse::builder, location));
  }

}
