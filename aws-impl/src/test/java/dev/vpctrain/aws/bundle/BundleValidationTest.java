package dev.vpctrain.aws.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * formats.md §2: duplicates, out-of-range values and id shapes are rejected at read time with the
 * file and the JSON path; an operation named in {@code errors} is read as unknown even with output.
 */
class BundleValidationTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FILE = "net.json";

  static ObjectNode ready() {
    try (InputStream in = BundleValidationTest.class.getResourceAsStream("/bundles/ready-private-endpoints.json")) {
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NetworkSnapshot read(Consumer<ObjectNode> change) {
    ObjectNode b = ready();
    change.accept(b);
    return SnapshotBundle.parse(b.toPrettyString(), FILE);
  }

  private static InvalidInputException rejected(Consumer<ObjectNode> change) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> read(change));
    assertThat(t).isInstanceOf(InvalidInputException.class);
    InvalidInputException e = (InvalidInputException) t;
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.getMessage()).startsWith(FILE + ": ");
    return e;
  }

  private static ObjectNode ec2(ObjectNode b) {
    return (ObjectNode) b.get("ec2");
  }

  private static ArrayNode list(ObjectNode b, String operation, String key) {
    return (ArrayNode) ec2(b).get(operation).get(key);
  }

  private static ObjectNode element(ObjectNode b, String operation, String key, int i) {
    return (ObjectNode) list(b, operation, key).get(i);
  }

  @Test
  void theUnchangedBundleIsReady() {
    NetworkSnapshot s = read(b -> { });
    // every section of formats.md section 2; the optional ones of section 2a are not in this bundle (InVpcSectionsTest)
    for (Section section : java.util.EnumSet.range(Section.VPCS, Section.PREFIX_LISTS)) {
      assertThat(s.has(section)).as(section.name()).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "DescribeVpcs, Vpcs, 0",
      "DescribeDhcpOptions, DhcpOptions, 0",
      "DescribeSubnets, Subnets, 0",
      "DescribeSubnets, Subnets, 2",
      "DescribeSecurityGroups, SecurityGroups, 1",
      "DescribeRouteTables, RouteTables, 1",
      "DescribeVpcEndpoints, VpcEndpoints, 0",
      "DescribeInternetGateways, InternetGateways, 0",
      "DescribeNetworkAcls, NetworkAcls, 0",
      "DescribePrefixLists, PrefixLists, 0",
  })
  void anIdListedTwiceNamesBothPaths(String operation, String key, int index) {
    InvalidInputException e = rejected(b -> {
      ArrayNode l = list(b, operation, key);
      l.add(l.get(index).deepCopy());
    });
    int last = ready().get("ec2").get(operation).get(key).size();
    String first = "ec2." + operation + "." + key + "[" + index + "]";
    String second = "ec2." + operation + "." + key + "[" + last + "]";
    assertThat(e.jsonPath()).isEqualTo(second);
    assertThat(e.getMessage()).contains(first).contains(second).contains("listed twice");
  }

  @Test
  void aSubnetListedTwiceWithDifferentContentIsRejectedToo() {
    InvalidInputException e = rejected(b -> {
      ObjectNode copy = element(b, "DescribeSubnets", "Subnets", 0).deepCopy();
      copy.put("AvailableIpAddressCount", 0).put("CidrBlock", "10.20.9.0/24");
      list(b, "DescribeSubnets", "Subnets").insert(0, copy);
    });
    assertThat(e.getMessage()).contains("ec2.DescribeSubnets.Subnets[0]").contains("ec2.DescribeSubnets.Subnets[1]")
        .contains("subnet-0a1b2c3d4e5f60101");
  }

  @Test
  void aNatGatewayListedTwiceIsRejected() {
    InvalidInputException e = rejected(b -> {
      ObjectNode nat = MAPPER.createObjectNode().put("NatGatewayId", "nat-0a1b2c3d4e5f60901")
          .put("VpcId", "vpc-0a1b2c3d4e5f60001").put("SubnetId", "subnet-0a1b2c3d4e5f60201").put("State", "available");
      list(b, "DescribeNatGateways", "NatGateways").add(nat).add(nat.deepCopy().put("State", "failed"));
    });
    assertThat(e.getMessage()).contains("ec2.DescribeNatGateways.NatGateways[0]", "ec2.DescribeNatGateways.NatGateways[1]");
  }

  @Test
  void aVpcAttributeGivenTwiceWithDifferentValuesIsRejected() {
    InvalidInputException e = rejected(b -> {
      ArrayNode attrs = (ArrayNode) ec2(b).get("DescribeVpcAttribute");
      ObjectNode copy = attrs.get(0).deepCopy();
      ((ObjectNode) copy.get("EnableDnsSupport")).put("Value", false);
      attrs.add(copy);
    });
    assertThat(e.jsonPath()).isEqualTo("ec2.DescribeVpcAttribute[2]");
    assertThat(e.getMessage()).contains("ec2.DescribeVpcAttribute[0]").contains("EnableDnsSupport");
  }

  @Test
  void aVpcAttributeGivenTwiceWithTheSameValueIsHarmless() {
    NetworkSnapshot s = read(b -> {
      ArrayNode attrs = (ArrayNode) ec2(b).get("DescribeVpcAttribute");
      attrs.add(attrs.get(0).deepCopy());
    });
    assertThat(s.vpcs().orElseThrow().get(0).enableDnsSupport()).contains(true);
  }

  @Test
  void aSubnetInTwoRouteTablesOrTwoAclsIsAmbiguous() {
    InvalidInputException rt = rejected(b -> {
      ArrayNode assoc = (ArrayNode) element(b, "DescribeRouteTables", "RouteTables", 2).get("Associations");
      assoc.add(MAPPER.createObjectNode().put("Main", false).put("SubnetId", "subnet-0a1b2c3d4e5f60101"));
    });
    assertThat(rt.getMessage()).contains("ec2.DescribeRouteTables.RouteTables[1].Associations[0]",
        "ec2.DescribeRouteTables.RouteTables[2].Associations[1]", "subnet-0a1b2c3d4e5f60101");
    InvalidInputException acl = rejected(b -> {
      ObjectNode other = element(b, "DescribeNetworkAcls", "NetworkAcls", 0).deepCopy();
      other.put("NetworkAclId", "acl-0a1b2c3d4e5f60002").put("IsDefault", false);
      list(b, "DescribeNetworkAcls", "NetworkAcls").add(other);
    });
    assertThat(acl.getMessage()).contains("ec2.DescribeNetworkAcls.NetworkAcls[0].Associations[0]",
        "ec2.DescribeNetworkAcls.NetworkAcls[1].Associations[0]");
  }

  @Test
  void twoAclEntriesWithOneRuleNumberAndDirectionAreAmbiguous() {
    InvalidInputException e = rejected(b -> {
      ArrayNode entries = (ArrayNode) element(b, "DescribeNetworkAcls", "NetworkAcls", 0).get("Entries");
      entries.add(((ObjectNode) entries.get(0).deepCopy()).put("RuleAction", "deny"));
    });
    assertThat(e.getMessage()).contains("Entries[0]", "Entries[4]", "outbound rule 100");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.0.0.0/33|IPv4 CIDR",
      "300.0.0.0/8|IPv4 CIDR",
      "10.0.0.0/x|IPv4 CIDR",
      "10.0.0/16|IPv4 CIDR",
      "10.0.0.0|IPv4 CIDR",
      "' 10.0.0.0/16'|IPv4 CIDR",
  })
  void anInvalidSubnetCidrNamesItsPath(String cidr, String expected) {
    InvalidInputException e = rejected(b -> element(b, "DescribeSubnets", "Subnets", 1).put("CidrBlock", cidr));
    assertThat(e.jsonPath()).isEqualTo("ec2.DescribeSubnets.Subnets[1].CidrBlock");
    assertThat(e.expectation()).contains(expected).contains(cidr);
  }

  @Test
  void hostBitsBeyondThePrefixAreToleratedAsAwsDoes() {
    NetworkSnapshot s = read(b -> element(b, "DescribeSubnets", "Subnets", 1).put("CidrBlock", "10.20.2.7/24"));
    assertThat(s.subnet("subnet-0a1b2c3d4e5f60102").orElseThrow().cidrBlock()).contains("10.20.2.7/24");
  }

  @Test
  void ipv6CidrsAreCheckedFrom0To128() {
    read(b -> ipv6Range(b, "2600:1f18:abcd::/56"));
    read(b -> ipv6Range(b, "::/0"));
    read(b -> ipv6Range(b, "::ffff:10.0.0.0/104"));
    for (String bad : new String[] {"2600:1f18::/129", "2600:1f18:::/56", "2600::1f18::/56", "10.0.0.0/8", "gggg::/16",
        "1:2:3:4:5:6:7:8:9/64"}) {
      InvalidInputException e = rejected(b -> ipv6Range(b, bad));
      assertThat(e.jsonPath()).isEqualTo("ec2.DescribeSecurityGroups.SecurityGroups[1].IpPermissionsEgress[0].Ipv6Ranges[0].CidrIpv6");
      assertThat(e.expectation()).contains("IPv6 CIDR");
    }
  }

  @Test
  void cidrExpectationsAreWordForWord() {
    assertThat(rejected(b -> element(b, "DescribeSubnets", "Subnets", 1).put("CidrBlock", "2600:1f18::/56")).expectation())
        .isEqualTo("expected an IPv4 CIDR block such as 10.0.0.0/16 (four numbers 0-255 and a prefix length 0-32) "
            + "but was \"2600:1f18::/56\"");
    assertThat(rejected(b -> ipv6Range(b, "2600:1f18::")).expectation())
        .isEqualTo("expected an IPv6 CIDR block such as 2600:1f18::/56 (prefix length 0-128) but was \"2600:1f18::\"");
  }

  @Test
  void everyCidrTheBundleAdmitsIsOneTheRulesRead() {
    for (String cidr : new String[] {"10.20.2.0/024", "010.20.2.0/24", "0.0.0.0/0"}) {
      NetworkSnapshot s = read(b -> element(b, "DescribeSubnets", "Subnets", 1).put("CidrBlock", cidr));
      String read = s.subnet("subnet-0a1b2c3d4e5f60102").orElseThrow().cidrBlock().orElseThrow();
      assertThat(Cidr.tryParseIpv4(read)).as(cidr).isPresent();
    }
    for (String cidr : new String[] {"2600:1f18:abcd::/056", "::ffff:10.0.0.0/104", "1:2:3:4:5:6:1.2.3.4/128"}) {
      read(b -> ipv6Range(b, cidr));
      assertThat(Cidr.tryParse(cidr)).as(cidr).isPresent();
    }
  }

  private static void ipv6Range(ObjectNode b, String cidr) {
    ObjectNode perm = (ObjectNode) element(b, "DescribeSecurityGroups", "SecurityGroups", 1).get("IpPermissionsEgress").get(0);
    ((ArrayNode) perm.get("Ipv6Ranges")).addObject().put("CidrIpv6", cidr);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "all|IpProtocol",
      "ALL|IpProtocol",
      "tcpp|IpProtocol",
      "256|IpProtocol",
      "-2|IpProtocol",
      "''|IpProtocol",
  })
  void aSecurityGroupProtocolOutsideTheApiIsRejected(String protocol, String member) {
    InvalidInputException e = rejected(b -> sgRule(b).put("IpProtocol", protocol));
    assertThat(e.jsonPath()).isEqualTo("ec2.DescribeSecurityGroups.SecurityGroups[0].IpPermissionsEgress[1]." + member);
    assertThat(e.expectation()).contains("-1 (all), tcp, udp, icmp, icmpv6 or a protocol number 0-255");
  }

  @Test
  void securityGroupProtocolsOfTheApiAreAcceptedInAnyCase() {
    for (String p : new String[] {"-1", "TCP", "udp", "6", "0", "255", "50"}) {
      read(b -> sgRule(b).put("IpProtocol", p));
    }
    for (String p : new String[] {"Icmp", "icmpv6", "1", "58"}) {
      read(b -> sgRule(b).put("IpProtocol", p).put("FromPort", 8).put("ToPort", -1));
    }
  }

  private static ObjectNode sgRule(ObjectNode b) {
    return (ObjectNode) element(b, "DescribeSecurityGroups", "SecurityGroups", 0).get("IpPermissionsEgress").get(1);
  }

  @ParameterizedTest
  @CsvSource({
      "tcp, 0, 65536, ToPort",
      "tcp, -2, 443, FromPort",
      "tcp, 444, 443, ToPort",
      "tcp, -1, 443, ToPort",
      "icmp, 256, 0, FromPort",
      "icmp, 8, 300, ToPort",
  })
  void securityGroupPortsOutsideTheirRangeAreRejected(String protocol, int from, int to, String member) {
    InvalidInputException e = rejected(b -> sgRule(b).put("IpProtocol", protocol).put("FromPort", from).put("ToPort", to));
    assertThat(e.jsonPath()).isEqualTo("ec2.DescribeSecurityGroups.SecurityGroups[0].IpPermissionsEgress[1]." + member);
  }

  @Test
  void minusOneMeansEveryPortOrType() {
    read(b -> sgRule(b).put("IpProtocol", "icmp").put("FromPort", -1).put("ToPort", -1));
    read(b -> sgRule(b).put("IpProtocol", "tcp").put("FromPort", -1).put("ToPort", -1));
    read(b -> sgRule(b).put("IpProtocol", "tcp").put("FromPort", 0).put("ToPort", 65535));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "RuleNumber|0|rule number",
      "RuleNumber|32768|rule number",
      "Protocol|all|protocol number",
      "Protocol|x|protocol number",
      "Protocol|256|protocol number",
      "CidrBlock|0.0.0.0/33|IPv4 CIDR",
  })
  void aclEntryValuesOutsideTheApiAreRejected(String member, String value, String expected) {
    InvalidInputException e = rejected(b -> {
      ObjectNode entry = (ObjectNode) element(b, "DescribeNetworkAcls", "NetworkAcls", 0).get("Entries").get(0);
      if (member.equals("RuleNumber")) {
        entry.put(member, Integer.parseInt(value));
      } else {
        entry.put(member, value);
      }
    });
    assertThat(e.jsonPath()).isEqualTo("ec2.DescribeNetworkAcls.NetworkAcls[0].Entries[0]." + member);
    assertThat(e.expectation()).contains(expected);
  }

  @Test
  void aclPortRangesAndIcmpAreChecked() {
    InvalidInputException port = rejected(b -> aclEntry(b).put("Protocol", "6").putObject("PortRange")
        .put("From", 443).put("To", 70000));
    assertThat(port.jsonPath()).isEqualTo("ec2.DescribeNetworkAcls.NetworkAcls[0].Entries[0].PortRange.To");
    InvalidInputException order = rejected(b -> aclEntry(b).put("Protocol", "6").putObject("PortRange")
        .put("From", 444).put("To", 443));
    assertThat(order.jsonPath()).isEqualTo("ec2.DescribeNetworkAcls.NetworkAcls[0].Entries[0].PortRange.To");
    InvalidInputException icmp = rejected(b -> aclEntry(b).put("Protocol", "1").putObject("IcmpTypeCode")
        .put("Type", 300).put("Code", -1));
    assertThat(icmp.jsonPath()).isEqualTo("ec2.DescribeNetworkAcls.NetworkAcls[0].Entries[0].IcmpTypeCode.Type");
    read(b -> aclEntry(b).put("Protocol", 6).putObject("PortRange").put("From", 0).put("To", 65535));
  }

  private static ObjectNode aclEntry(ObjectNode b) {
    return (ObjectNode) element(b, "DescribeNetworkAcls", "NetworkAcls", 0).get("Entries").get(0);
  }

  @Test
  void aPrefixListEntryMustBeAnIpv4Cidr() {
    InvalidInputException e = rejected(b -> ((ArrayNode) element(b, "DescribePrefixLists", "PrefixLists", 0)
        .get("Cidrs")).add("x"));
    assertThat(e.jsonPath()).isEqualTo("ec2.DescribePrefixLists.PrefixLists[0].Cidrs[6]");
    assertThat(e.expectation()).contains("IPv4 CIDR").contains("\"x\"");
  }

  @Test
  void availableIpAddressCountIsNotNegative() {
    InvalidInputException e = rejected(b -> element(b, "DescribeSubnets", "Subnets", 0).put("AvailableIpAddressCount", -1));
    assertThat(e.jsonPath()).isEqualTo("ec2.DescribeSubnets.Subnets[0].AvailableIpAddressCount");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DescribeSubnets|Subnets|0|SubnetId|sub-0a1b2c3d|subnet-",
      "DescribeSubnets|Subnets|0|SubnetId|subnet-xyz|subnet-",
      "DescribeSubnets|Subnets|0|SubnetId|subnet-0A1B2C3D|subnet-",
      "DescribeSubnets|Subnets|0|VpcId|vpc_0a1b2c3d|vpc-",
      "DescribeSecurityGroups|SecurityGroups|0|GroupId|sg-|sg-",
      "DescribeRouteTables|RouteTables|0|RouteTableId|rtb-0a1b 2c|rtb-",
      "DescribeNetworkAcls|NetworkAcls|0|NetworkAclId|nacl-0a1b2c3d|acl-",
      "DescribeVpcEndpoints|VpcEndpoints|0|VpcEndpointId|vpc-0a1b2c3d|vpce-",
      "DescribeInternetGateways|InternetGateways|0|InternetGatewayId|igw|igw-",
      "DescribePrefixLists|PrefixLists|0|PrefixListId|prefix-63a5400a|pl-",
      "DescribeDhcpOptions|DhcpOptions|0|DhcpOptionsId|dhcp-0a1b|dopt-",
  })
  void resourceIdsHaveTheirShape(String operation, String key, int index, String member, String value, String prefix) {
    InvalidInputException e = rejected(b -> element(b, operation, key, index).put(member, value));
    assertThat(e.jsonPath()).isEqualTo("ec2." + operation + "." + key + "[" + index + "]." + member);
    assertThat(e.expectation()).contains(prefix).contains("lower-case hex");
  }

  @Test
  void routeTargetsAndReferencesHaveTheirShape() {
    InvalidInputException gw = rejected(b -> ((ObjectNode) element(b, "DescribeRouteTables", "RouteTables", 1)
        .get("Routes").get(1)).put("GatewayId", "s3-endpoint"));
    assertThat(gw.jsonPath()).isEqualTo("ec2.DescribeRouteTables.RouteTables[1].Routes[1].GatewayId");
    InvalidInputException pair = rejected(b -> ((ObjectNode) element(b, "DescribeSecurityGroups", "SecurityGroups", 0)
        .get("IpPermissions").get(0).get("UserIdGroupPairs").get(0)).put("GroupId", "self"));
    assertThat(pair.jsonPath())
        .isEqualTo("ec2.DescribeSecurityGroups.SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[0].GroupId");
    InvalidInputException rtb = rejected(b -> ((ArrayNode) element(b, "DescribeVpcEndpoints", "VpcEndpoints", 0)
        .get("RouteTableIds")).add("main"));
    assertThat(rtb.jsonPath()).isEqualTo("ec2.DescribeVpcEndpoints.VpcEndpoints[0].RouteTableIds[1]");
    read(b -> element(b, "DescribeVpcs", "Vpcs", 0).put("DhcpOptionsId", "default"));
  }

  @Test
  void theRegionAndBucketLocationsAreRegionNames() {
    InvalidInputException region = rejected(b -> b.put("region", "us east 1"));
    assertThat(region.jsonPath()).isEqualTo("region");
    InvalidInputException location = rejected(b -> ((ObjectNode) b.get("s3").get("acme-ml-data").get("GetBucketLocation"))
        .put("LocationConstraint", "mars"));
    assertThat(location.jsonPath()).isEqualTo("s3.acme-ml-data.GetBucketLocation.LocationConstraint");
  }

  @Test
  void aBucketOrOperationGivenTwiceNamesItsPathAndBothLines() {
    String text = ready().toPrettyString().replace("\"acme-ml-artifacts\" :", "\"acme-ml-data\" :");
    assertThatThrownBy(() -> SnapshotBundle.parse(text, FILE))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo("s3.acme-ml-data");
          assertThat(e.getMessage()).startsWith(FILE + ": s3.acme-ml-data: ")
              .containsPattern("given twice, at line \\d+ and at line \\d+");
        });
    String twoOps = "{\"vpctrainSnapshot\": 1, \"region\": \"us-east-1\", \"ec2\": {\n"
        + "\"DescribeSubnets\": {\"Subnets\": []},\n\"DescribeSubnets\": {\"Subnets\": [{\"SubnetId\": \"subnet-1\"}]}}}";
    assertThatThrownBy(() -> SnapshotBundle.parse(twoOps, FILE))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo("ec2.DescribeSubnets");
          assertThat(e.getMessage()).contains("at line 2 and at line 3");
        });
    String inArray = "{\"vpctrainSnapshot\": 1, \"region\": \"us-east-1\", \"ec2\": {\"DescribeSubnets\": {\"Subnets\": [\n"
        + "{\"SubnetId\": \"subnet-1\"}, {\"SubnetId\": \"subnet-2\",\n \"SubnetId\": \"subnet-3\"}]}}}";
    assertThatThrownBy(() -> SnapshotBundle.parse(inArray, FILE))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.jsonPath()).isEqualTo("ec2.DescribeSubnets.Subnets[1].SubnetId"));
  }

  @ParameterizedTest
  @CsvSource({
      "ec2:DescribeSubnets, SUBNETS",
      "ec2:describesubnets, SUBNETS",
      "ec2:DescribeRouteTables, ROUTE_TABLES",
      "ec2:DescribeNetworkAcls, NETWORK_ACLS",
      "ec2:DescribeSecurityGroups, SECURITY_GROUPS",
      "ec2:DescribeVpcEndpoints, VPC_ENDPOINTS",
      "ec2:DescribePrefixLists, PREFIX_LISTS",
      "ec2:DescribeVpcAttribute, VPC_ATTRIBUTES",
      "ec2:DescribeVpcs, VPCS",
  })
  void anOperationInErrorsIsIncompleteEvenWithOutput(String operation, Section section) {
    NetworkSnapshot s = read(b -> ((ArrayNode) b.get("errors")).addObject().put("operation", operation)
        .put("code", "UnauthorizedOperation").put("message", "denied on the second page"));
    assertThat(s.has(section)).isFalse();
    assertThat(s.unknownReason(section)).contains("failed during capture");
  }

  @Test
  void anS3CallInErrorsMakesThatBucketFactUnknown() {
    NetworkSnapshot s = read(b -> {
      ((ArrayNode) b.get("errors")).addObject().put("operation", "s3:GetBucketPolicy").put("code", "AccessDenied")
          .put("message", "no").put("resource", "acme-ml-data");
      ((ArrayNode) b.get("errors")).addObject().put("operation", "s3:GetBucketLocation").put("code", "AccessDenied")
          .put("message", "no").put("resource", "acme-ml-artifacts");
    });
    assertThat(s.buckets().get("acme-ml-data").policyState()).isEqualTo(PolicyState.UNKNOWN);
    assertThat(s.buckets().get("acme-ml-data").region()).contains("us-east-1");
    assertThat(s.buckets().get("acme-ml-artifacts").region()).isEmpty();
    assertThat(s.buckets().get("acme-ml-artifacts").policyState()).isEqualTo(PolicyState.NONE);
  }

  @Test
  void enumLikeStringsAreMatchedCaseInsensitively() {
    NetworkSnapshot s = read(b -> {
      ObjectNode endpoint = element(b, "DescribeVpcEndpoints", "VpcEndpoints", 0);
      endpoint.put("VpcEndpointType", "GATEWAY").put("State", "Available");
      element(b, "DescribeVpcs", "Vpcs", 0).put("InstanceTenancy", "DEFAULT");
      aclEntry(b).put("RuleAction", "ALLOW");
      sgRule(b).put("IpProtocol", "TCP");
      ((ObjectNode) element(b, "DescribeRouteTables", "RouteTables", 1).get("Routes").get(1)).put("State", "ACTIVE");
      ((ObjectNode) element(b, "DescribeRouteTables", "RouteTables", 1).get("Associations").get(0).get("AssociationState"))
          .put("State", "Associated");
    });
    assertThat(s.vpcEndpoint("vpce-0a1b2c3d4e5f60301").orElseThrow().isAvailable()).isTrue();
    assertThat(s.vpcEndpoint("vpce-0a1b2c3d4e5f60301").orElseThrow().type())
        .isEqualTo(dev.vpctrain.core.network.EndpointType.GATEWAY);
    assertThat(s.vpcs().orElseThrow().get(0).instanceTenancy()).contains("default");
    assertThat(s.networkAcls().orElseThrow().get(0).entries().get(0).allow()).isTrue();
    assertThat(s.securityGroups().orElseThrow().get(0).egress().get(1).ipProtocol()).isEqualTo("tcp");
    assertThat(s.routeTable("rtb-0a1b2c3d4e5f60011").orElseThrow().routes().get(1).state()).contains("active");
  }
}
