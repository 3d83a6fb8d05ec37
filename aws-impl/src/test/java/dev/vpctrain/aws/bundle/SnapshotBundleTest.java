package dev.vpctrain.aws.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.SharedExamples;
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
import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Tag;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotBundleTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final String SMALL = "{\n"
      + "  \"vpctrainSnapshot\": 1, \"region\": \"eu-west-1\", \"accountId\": \"123456789012\",\n"
      + "  \"capturedAt\": \"2026-11-29T08:00:00Z\", \"comment\": \"extra members are ignored\",\n"
      + "  \"ec2\": {\n"
      + "    \"DescribeVpcs\": {\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"InstanceTenancy\": \"Default\", \"IsDefault\": false,\n"
      + "       \"CidrBlock\": \"10.0.0.0/16\", \"CidrBlockAssociationSet\": [\n"
      + "         {\"CidrBlock\": \"10.0.0.0/16\", \"CidrBlockState\": {\"State\": \"associated\"}},\n"
      + "         {\"CidrBlock\": \"10.1.0.0/16\", \"CidrBlockState\": {\"State\": \"disassociated\"}}]}]},\n"
      + "    \"DescribeVpcAttribute\": [{\"VpcId\": \"vpc-1\", \"EnableDnsSupport\": {\"Value\": true}},\n"
      + "                               {\"VpcId\": \"vpc-1\", \"EnableDnsHostnames\": {\"Value\": false}}],\n"
      + "    \"DescribeSubnets\": {\"Subnets\": [\n"
      + "       {\"SubnetId\": \"subnet-1\", \"VpcId\": \"vpc-1\", \"State\": \"AVAILABLE\", \"AvailableIpAddressCount\": 7},\n"
      + "       {\"SubnetId\": \"subnet-2\", \"VpcId\": \"vpc-1\", \"AvailableIpAddressCount\": \"seven\"}]},\n"
      + "    \"DescribeRouteTables\": {\"RouteTables\": [{\"RouteTableId\": \"rtb-1\", \"VpcId\": \"vpc-1\",\n"
      + "       \"Associations\": [{\"Main\": true, \"AssociationState\": {\"State\": \"Associated\"}}],\n"
      + "       \"Routes\": [{\"DestinationCidrBlock\": \"0.0.0.0/0\", \"NatGatewayId\": \"nat-1\", \"State\": \"Blackhole\"}]}]},\n"
      + "    \"DescribeNetworkAcls\": {\"NetworkAcls\": [{\"NetworkAclId\": \"acl-1\", \"VpcId\": \"vpc-1\", \"Entries\": [\n"
      + "       {\"RuleNumber\": 100, \"Egress\": true, \"Protocol\": \"6\", \"RuleAction\": \"DENY\",\n"
      + "        \"CidrBlock\": \"0.0.0.0/0\", \"PortRange\": {\"From\": 443, \"To\": 443}}]}]},\n"
      + "    \"DescribeVpcEndpoints\": {\"VpcEndpoints\": []}\n"
      + "  },\n"
      + "  \"s3\": {\n"
      + "    \"us-bucket\": {\"GetBucketLocation\": {\"LocationConstraint\": null}, \"GetBucketPolicy\": null},\n"
      + "    \"eu-bucket\": {\"GetBucketLocation\": {\"LocationConstraint\": \"eu-west-1\"},\n"
      + "                  \"GetBucketPolicy\": {\"Policy\": \"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\"}},\n"
      + "    \"old-bucket\": {\"GetBucketLocation\": {\"LocationConstraint\": \"EU\"}},\n"
      + "    \"unknown-bucket\": {}\n"
      + "  },\n"
      + "  \"errors\": [{\"operation\": \"ec2:DescribeSecurityGroups\", \"code\": \"UnauthorizedOperation\", \"message\": \"denied\"},\n"
      + "             {\"operation\": \"s3:GetBucketPolicy\", \"code\": \"AccessDenied\", \"message\": \"no\", \"resource\": \"old-bucket\"}]\n"
      + "}\n";

  private static String valid() {
    return SMALL.replace("\"AvailableIpAddressCount\": \"seven\"", "\"AvailableIpAddressCount\": 250");
  }

  @Test
  void readsSectionsCaseInsensitivelyAndKeepsAbsentOperationsUnknown() {
    NetworkSnapshot s = SnapshotBundle.parse(valid(), "net.json");
    assertThat(s.region()).isEqualTo("eu-west-1");
    assertThat(s.accountId()).hasValue("123456789012");
    assertThat(s.capturedAt()).hasValue(Instant.parse("2026-11-29T08:00:00Z"));
    Vpc vpc = s.vpc("vpc-1").orElseThrow();
    assertThat(vpc.instanceTenancy()).hasValue("default");
    assertThat(vpc.cidrBlocks()).containsExactly("10.0.0.0/16");
    assertThat(vpc.enableDnsSupport()).hasValue(true);
    assertThat(vpc.enableDnsHostnames()).hasValue(false);
    assertThat(s.has(Section.VPC_ATTRIBUTES)).isTrue();
    assertThat(s.subnet("subnet-1").orElseThrow().isAvailable()).isTrue();
    assertThat(s.subnet("subnet-1").orElseThrow().availableIpAddressCount()).hasValue(7);
    Route r = s.routeTable("rtb-1").orElseThrow().routes().get(0);
    assertThat(r.isActive()).isFalse();
    assertThat(r.targetKind()).isEqualTo(RouteTargetKind.NAT_GATEWAY);
    assertThat(s.routeTable("rtb-1").orElseThrow().isMain()).isTrue();
    AclEntry e = s.networkAcls().orElseThrow().get(0).entries().get(0);
    assertThat(e.allow()).isFalse();
    assertThat(e.portFrom()).hasValue(443);
    assertThat(s.vpcEndpoints()).hasValue(List.of());
    assertThat(s.securityGroups()).isEmpty();
    assertThat(s.natGateways()).isEmpty();
    assertThat(s.prefixLists()).isEmpty();
    assertThat(s.dhcpOptions()).isEmpty();
    assertThat(s.unknownReason(Section.SECURITY_GROUPS)).contains("UnauthorizedOperation");
  }

  @Test
  void readsBucketFacts() {
    Map<String, BucketFacts> b = SnapshotBundle.parse(valid(), "net.json").buckets();
    assertThat(b.get("us-bucket").region()).hasValue("us-east-1");
    assertThat(b.get("us-bucket").policyState()).isEqualTo(PolicyState.NONE);
    assertThat(b.get("eu-bucket").region()).hasValue("eu-west-1");
    assertThat(b.get("eu-bucket").policyState()).isEqualTo(PolicyState.PRESENT);
    assertThat(b.get("eu-bucket").policy()).hasValue("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    assertThat(b.get("old-bucket").region()).hasValue("eu-west-1");
    assertThat(b.get("old-bucket").policyState()).isEqualTo(PolicyState.UNKNOWN);
    assertThat(b.get("unknown-bucket").region()).isEmpty();
    assertThat(b.get("unknown-bucket").policyState()).isEqualTo(PolicyState.UNKNOWN);
    assertThat(SnapshotBundle.parse(valid(), "net.json").errors()).extracting(CaptureError::resource)
        .containsExactly("", "old-bucket");
  }

  @Test
  void aWrongTypeNamesFilePathAndExpectation() {
    assertThatThrownBy(() -> SnapshotBundle.parse(SMALL, "net.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.file()).isEqualTo("net.json");
          assertThat(e.jsonPath()).isEqualTo("ec2.DescribeSubnets.Subnets[1].AvailableIpAddressCount");
          assertThat(e.getMessage()).isEqualTo("net.json: ec2.DescribeSubnets.Subnets[1].AvailableIpAddressCount: "
              + "expected an integer but was the string \"seven\"");
        });
  }

  @Test
  void otherMalformedInputIsRejectedWithItsPath() {
    assertError(valid().replace("\"RuleAction\": \"DENY\"", "\"RuleAction\": \"drop\""),
        "ec2.DescribeNetworkAcls.NetworkAcls[0].Entries[0].RuleAction", "expected one of allow, deny");
    assertError(valid().replace("\"SubnetId\": \"subnet-1\", ", ""),
        "ec2.DescribeSubnets.Subnets[0].SubnetId", "expected a string but the member is missing");
    assertError(valid().replace("{\"Subnets\": [", "{\"Subnet\": ["),
        "ec2.DescribeSubnets.Subnets", "expected an array");
    assertError(valid().replace("\"vpctrainSnapshot\": 1", "\"vpctrainSnapshot\": 2"), "vpctrainSnapshot",
        "expected 1");
    assertError(valid().replace("\"vpctrainSnapshot\": 1, ", ""), "vpctrainSnapshot", "not a vpctrain snapshot");
    assertError(valid().replace("\"region\": \"eu-west-1\"", "\"region\": 5"), "region", "expected a string");
    assertError(valid().replace("{\"Value\": false}", "{\"Value\": \"false\"}"),
        "ec2.DescribeVpcAttribute[1].EnableDnsHostnames.Value", "expected true or false");
    assertError(valid().replace("\"2026-11-29T08:00:00Z\"", "\"yesterday\""), "capturedAt", "ISO-8601");
    assertError(valid().replace("\"DescribeVpcEndpoints\": {\"VpcEndpoints\": []}",
        "\"DescribeVpcEndpoints\": {\"VpcEndpoints\": [{\"VpcEndpointId\": \"vpce-1\", \"VpcId\": \"vpc-1\","
            + " \"ServiceName\": \"com.amazonaws.eu-west-1.s3\", \"VpcEndpointType\": \"Tunnel\"}]}"),
        "ec2.DescribeVpcEndpoints.VpcEndpoints[0].VpcEndpointType", "Gateway, Interface");
    assertError(valid().replace("\"GetBucketPolicy\": null", "\"GetBucketPolicy\": {\"Policy\": 3}"),
        "s3.us-bucket.GetBucketPolicy.Policy", "expected a string");
    assertError("{\"vpctrainSnapshot\": 1,", "", "expected well-formed JSON at line 1");
  }

  private static void assertError(String json, String path, String expectation) {
    assertThatThrownBy(() -> SnapshotBundle.parse(json, "net.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo(path);
          assertThat(e.expectation()).contains(expectation);
          assertThat(e.getMessage()).startsWith("net.json: ");
        });
  }

  @Test
  void aMissingFileIsNoSuchFile(@TempDir Path dir) {
    assertThatThrownBy(() -> SnapshotBundle.read(dir.resolve("nope.json"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void roundTripsTheSharedExamples() throws Exception {
    for (Path dir : SharedExamples.folders()) {
      NetworkSnapshot s = SnapshotBundle.read(dir.resolve("network.json"));
      NetworkSnapshot again = SnapshotBundle.parse(SnapshotBundle.write(s), "written");
      assertThat(again).as(dir.toString()).isEqualTo(s);
      assertThat(s.has(Section.VPC_ATTRIBUTES)).isTrue();
      assertThat(s.s3PrefixList()).isPresent();
    }
  }

  @Test
  void writesTheAwsCliShape() throws Exception {
    JsonNode json = MAPPER.readTree(SnapshotBundle.write(synthetic()));
    assertThat(json.get("vpctrainSnapshot").asInt()).isEqualTo(1);
    JsonNode ec2 = json.get("ec2");
    assertThat(ec2.get("DescribeVpcs").get("Vpcs").get(0).get("CidrBlockAssociationSet").get(0)
        .get("CidrBlockState").get("State").asText()).isEqualTo("associated");
    assertThat(ec2.get("DescribeVpcAttribute").get(0).get("EnableDnsSupport").get("Value").asBoolean()).isTrue();
    assertThat(ec2.get("DescribeSecurityGroups").get("SecurityGroups").get(0).get("IpPermissions").get(0)
        .get("UserIdGroupPairs").get(0).get("GroupId").asText()).isEqualTo("sg-1");
    assertThat(ec2.get("DescribeNetworkAcls").get("NetworkAcls").get(0).get("Entries").get(0).get("PortRange")
        .get("From").asInt()).isEqualTo(1024);
    assertThat(ec2.get("DescribeNatGateways").get("NatGateways").get(0).get("NatGatewayAddresses").get(0)
        .get("PublicIp").asText()).isEqualTo("3.3.3.3");
    assertThat(ec2.get("DescribeVpcEndpoints").get("VpcEndpoints").get(0).get("VpcEndpointType").asText())
        .isEqualTo("Gateway");
    assertThat(json.get("s3").get("data").get("GetBucketLocation").get("LocationConstraint").isNull()).isTrue();
    assertThat(json.get("s3").get("data").get("GetBucketPolicy").isNull()).isTrue();
    assertThat(json.get("s3").get("out").has("GetBucketPolicy")).isFalse();
    assertThat(json.get("errors").get(0).get("operation").asText()).isEqualTo("ec2:DescribePrefixLists");
  }

  /** The bytes of a written bundle are pinned (member order, empty lists, null members): format 1 does not drift. */
  @Test
  void writesFormatOneByteForByte() throws Exception {
    assertThat(SnapshotBundle.write(synthetic())).isEqualTo(resource("synthetic.json"));
    assertThat(SnapshotBundle.write(dev.vpctrain.aws.testing.Networks.golden())).isEqualTo(resource("golden-network.json"));
  }

  private static String resource(String name) throws java.io.IOException {
    try (java.io.InputStream in = SnapshotBundleTest.class.getResourceAsStream("/bundles/written/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void roundTripsASyntheticSnapshotWithEverySection(@TempDir Path dir) throws Exception {
    NetworkSnapshot s = synthetic();
    // its errors name ec2:DescribePrefixLists: output of a failed call is incomplete and read as unknown
    NetworkSnapshot expected = s.withPrefixLists(java.util.Optional.empty());
    assertThat(SnapshotBundle.parse(SnapshotBundle.write(s), "synthetic")).isEqualTo(expected);
    Path file = dir.resolve("bundle.json");
    SnapshotBundle.write(s, file);
    assertThat(SnapshotBundle.read(file)).isEqualTo(expected);
    NetworkSnapshot complete = s.withErrors(List.of());
    assertThat(SnapshotBundle.parse(SnapshotBundle.write(complete), "synthetic")).isEqualTo(complete);
  }

  @Test
  void anEmptySnapshotStaysUnknownEverywhere() {
    NetworkSnapshot empty = NetworkSnapshot.builder().region("us-east-1").build();
    NetworkSnapshot again = SnapshotBundle.parse(SnapshotBundle.write(empty), "empty");
    assertThat(again).isEqualTo(empty);
    for (Section section : Section.values()) {
      assertThat(again.has(section)).as(section.name()).isFalse();
    }
  }

  static NetworkSnapshot synthetic() {
    return NetworkSnapshot.builder()
        .region("us-west-2")
        .accountId("111122223333")
        .capturedAt(Instant.parse("2026-01-02T03:04:05.678Z"))
        .vpcs(List.of(Vpc.builder().vpcId("vpc-1").cidrBlock("10.0.0.0/16")
            .cidrBlocks(List.of("10.0.0.0/16", "100.64.0.0/16")).instanceTenancy("default").dhcpOptionsId("dopt-1")
            .ownerId("111122223333").state("available").enableDnsSupport(true).enableDnsHostnames(false)
            .tags(List.of(Tag.of("Name", "ml"))).build(),
            Vpc.builder().vpcId("vpc-2").instanceTenancy("dedicated").build()))
        .dhcpOptions(List.of(DhcpOptions.builder().dhcpOptionsId("dopt-1")
            .putConfiguration("domain-name", List.of("us-west-2.compute.internal"))
            .putConfiguration("domain-name-servers", List.of("AmazonProvidedDNS", "10.0.0.2")).build()))
        .subnets(List.of(Subnet.builder().subnetId("subnet-1").vpcId("vpc-1").cidrBlock("10.0.1.0/24")
            .availabilityZone("us-west-2a").availabilityZoneId("usw2-az1").availableIpAddressCount(250)
            .state("available").mapPublicIpOnLaunch(true).ownerId("111122223333")
            .tags(List.of(Tag.of("Name", "a"), Tag.of("tier", ""))).build(),
            Subnet.builder().subnetId("subnet-2").vpcId("vpc-1").build()))
        .securityGroups(List.of(SecurityGroup.builder().groupId("sg-1").groupName("train").description("d")
            .vpcId("vpc-1").ownerId("111122223333")
            .addIngress(Permission.builder().ipProtocol("-1").addGroupId("sg-1").build())
            .addIngress(Permission.builder().ipProtocol("tcp").fromPort(22).toPort(22).addIpRange("10.0.0.0/8")
                .addIpv6Range("::/0").build())
            .addEgress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addPrefixListId("pl-1").build())
            .addEgress(Permission.builder().ipProtocol("icmp").fromPort(-1).toPort(-1).addIpRange("0.0.0.0/0").build())
            .build()))
        .routeTables(List.of(RouteTable.builder().routeTableId("rtb-1").vpcId("vpc-1").ownerId("111122223333")
            .addAssociation(RouteTableAssociation.builder().main(true).routeTableAssociationId("rtbassoc-1")
                .state("associated").build())
            .addAssociation(RouteTableAssociation.builder().subnetId("subnet-1").routeTableAssociationId("rtbassoc-2")
                .build())
            .addAssociation(RouteTableAssociation.builder().gatewayId("igw-1").build())
            .addRoute(Route.builder().destinationCidrBlock("10.0.0.0/16").gatewayId("local").state("active")
                .origin("CreateRouteTable").build())
            .addRoute(Route.builder().destinationPrefixListId("pl-1").gatewayId("vpce-1").build())
            .addRoute(Route.builder().destinationCidrBlock("0.0.0.0/0").natGatewayId("nat-1").build())
            .addRoute(Route.builder().destinationIpv6CidrBlock("::/0").egressOnlyInternetGatewayId("eigw-1").build())
            .addRoute(Route.builder().destinationCidrBlock("192.168.0.0/16").transitGatewayId("tgw-1").build())
            .addRoute(Route.builder().destinationCidrBlock("172.16.0.0/16").vpcPeeringConnectionId("pcx-1").build())
            .addRoute(Route.builder().destinationCidrBlock("172.17.0.0/16").networkInterfaceId("eni-1")
                .instanceId("i-1").build())
            .addRoute(Route.builder().destinationCidrBlock("172.18.0.0/16").carrierGatewayId("cagw-1").build())
            .addRoute(Route.builder().destinationCidrBlock("172.19.0.0/16").localGatewayId("lgw-1").build())
            .addRoute(Route.builder().destinationCidrBlock("172.20.0.0/16").coreNetworkArn("arn:aws:networkmanager::1:core-network/c").state("blackhole").build())
            .tags(List.of(Tag.of("Name", "private"))).build()))
        .vpcEndpoints(List.of(VpcEndpoint.builder().vpcEndpointId("vpce-1").type(EndpointType.GATEWAY).vpcId("vpc-1")
            .serviceName("com.amazonaws.us-west-2.s3").state("available").policyDocument("{\"Statement\":[]}")
            .addRouteTableId("rtb-1").ownerId("111122223333").build(),
            VpcEndpoint.builder().vpcEndpointId("vpce-2").type(EndpointType.INTERFACE).vpcId("vpc-1")
                .serviceName("com.amazonaws.us-west-2.sts").state("pendingacceptance").addSubnetId("subnet-1")
                .addGroupId("sg-1").privateDnsEnabled(true).addNetworkInterfaceId("eni-2")
                .tags(List.of(Tag.of("k", "v"))).build()))
        .natGateways(List.of(NatGateway.builder().natGatewayId("nat-1").vpcId("vpc-1").subnetId("subnet-2")
            .state("available").connectivityType("public").addPublicIp("3.3.3.3").addPrivateIp("10.0.2.5")
            .addPrivateIp("10.0.2.6").build()))
        .internetGateways(List.of(InternetGateway.builder().internetGatewayId("igw-1")
            .addAttachment(IgwAttachment.of("vpc-1", java.util.Optional.of("available")))
            .addAttachment(IgwAttachment.of("vpc-2", java.util.Optional.empty())).ownerId("111122223333").build()))
        .networkAcls(List.of(NetworkAcl.builder().networkAclId("acl-1").vpcId("vpc-1").isDefault(true)
            .addSubnetId("subnet-1").addSubnetId("subnet-2").ownerId("111122223333")
            .addEntry(AclEntry.builder().ruleNumber(100).egress(false).protocol("6").allow(true)
                .cidrBlock("0.0.0.0/0").portFrom(1024).portTo(65535).build())
            .addEntry(AclEntry.builder().ruleNumber(110).egress(true).protocol("1").allow(false)
                .ipv6CidrBlock("::/0").icmpType(8).icmpCode(0).build())
            .addEntry(AclEntry.builder().ruleNumber(32767).egress(true).protocol("-1").allow(false)
                .cidrBlock("0.0.0.0/0").build())
            .build()))
        .prefixLists(List.of(PrefixList.builder().prefixListId("pl-1").prefixListName("com.amazonaws.us-west-2.s3")
            .cidrs(List.of("52.218.128.0/17", "3.5.76.0/22")).build()))
        .putBucket("data", BucketFacts.builder().bucket("data").region("us-east-1").policyState(PolicyState.NONE).build())
        .putBucket("out", BucketFacts.builder().bucket("out").region("us-west-2").build())
        .putBucket("locked", BucketFacts.builder().bucket("locked").policy("{\"Version\":\"2012-10-17\"}").build())
        .addError(CaptureError.of("ec2:DescribePrefixLists", "Throttling", "slow down"))
        .addError(CaptureError.builder().operation("s3:GetBucketPolicy").code("AccessDenied").message("m")
            .resource("out").build())
        .build();
  }
}
