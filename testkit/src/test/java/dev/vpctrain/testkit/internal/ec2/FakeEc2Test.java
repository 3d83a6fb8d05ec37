package dev.vpctrain.testkit.internal.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.network.Section;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

class FakeEc2Test {
  private final FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
  private final Ec2Client ec2 = aws.ec2Client();

  @Test
  void describeCallsSelectByIdsAndFiltersAndCarryRequestIds() {
    DescribeSubnetsResponse byVpc = ec2.describeSubnets(r -> r.filters(filter("vpc-id", Scenarios.VPC)));
    DescribeSubnetsResponse byTag = ec2.describeSubnets(r -> r.filters(filter("tag:Name", "private-*")));
    DescribeSubnetsResponse byId = ec2.describeSubnets(r -> r.subnetIds(Scenarios.PUBLIC_SUBNET));

    assertThat(byVpc.subnets()).hasSize(3);
    assertThat(byTag.subnets()).extracting(s -> s.subnetId())
        .containsExactly(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B);
    assertThat(byId.subnets()).singleElement().satisfies(s -> {
      assertThat(s.availableIpAddressCount()).isEqualTo(250);
      assertThat(s.subnetArn()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:subnet/" + Scenarios.PUBLIC_SUBNET);
    });
    assertThat(byVpc.responseMetadata().requestId()).isNotBlank().isNotEqualTo(byTag.responseMetadata().requestId());
    assertThat(byVpc.sdkHttpResponse().statusCode()).isEqualTo(200);
    assertThat(ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", Scenarios.VPC)))
        .internetGateways()).hasSize(1);
    assertThat(ec2.describePrefixLists(r -> r.filters(filter("prefix-list-name", "com.amazonaws.us-east-1.s3")))
        .prefixLists()).singleElement().satisfies(p -> assertThat(p.prefixListId()).isEqualTo("pl-63a5400a"));
    assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.subnet-id", Scenarios.PUBLIC_SUBNET)))
        .routeTables()).singleElement().satisfies(t -> assertThat(t.routeTableId()).isEqualTo(Scenarios.PUBLIC_ROUTE_TABLE));
    assertThat(ec2.describeVpcAttribute(r -> r.vpcId(Scenarios.VPC).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
        .enableDnsSupport().value()).isTrue();
    assertThat(ec2.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
  }

  @Test
  void paginatorsWalkEveryPage() {
    aws.network(n -> {
      for (int i = 0; i < 23; i++) {
        n.subnet(String.format("subnet-%08x", i + 1), s -> s.vpc(Scenarios.VPC).cidr("10.20.200.0/28"));
      }
    });

    List<String> ids = new ArrayList<>();
    ec2.describeSubnetsPaginator(r -> r.maxResults(5).filters(filter("vpc-id", Scenarios.VPC)))
        .subnets().forEach(s -> ids.add(s.subnetId()));

    assertThat(ids).hasSize(26).doesNotHaveDuplicates();
    assertThat(aws.calls("ec2")).hasSize(6);
  }

  @Test
  void unknownIdsFiltersAndTokensAreEc2Errors() {
    assertThat(error(e -> ec2.describeSubnets(r -> r.subnetIds("subnet-0fffffffffffffff0"))))
        .satisfies(e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnetID.NotFound");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The subnet ID 'subnet-0fffffffffffffff0' does not exist");
          assertThat(e.awsErrorDetails().serviceName()).isEqualTo("Ec2");
          assertThat(e.statusCode()).isEqualTo(400);
        });
    assertThat(error(e -> ec2.describeVpcs(r -> r.filters(filter("color", "blue")))).awsErrorDetails().errorMessage())
        .isEqualTo("The filter 'color' is invalid");
    assertThat(error(e -> ec2.describeVpcs(r -> r.nextToken("garbage"))).awsErrorDetails().errorCode())
        .isEqualTo("InvalidPaginationToken");
    assertThat(error(e -> ec2.describeVpcs(r -> r.dryRun(true))).awsErrorDetails().errorCode())
        .isEqualTo("DryRunOperation");
  }

  @Test
  void aSectionTheSnapshotDidNotCaptureAnswersWithTheRecordedError() {
    aws.network(n -> n.forget(Section.NETWORK_ACLS)
        .captureError("ec2:DescribeNetworkAcls", "UnauthorizedOperation", "You are not authorized to perform this operation."));

    Ec2Exception e = error(x -> ec2.describeNetworkAcls(r -> { }));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
    assertThat(e.statusCode()).isEqualTo(403);
  }

  // tag::endpoint[]
  @Test
  void createVpcEndpointRoutesS3AndTheWorldSeesIt() {
    FakeAws broken = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());

    var created = broken.ec2Client().createVpcEndpoint(r -> r.vpcId(Scenarios.VPC)
        .serviceName("com.amazonaws.us-east-1.s3").routeTableIds(Scenarios.PRIVATE_ROUTE_TABLE));

    String id = created.vpcEndpoint().vpcEndpointId();
    assertThat(id).matches("vpce-[0-9a-f]{17}");
    assertThat(created.vpcEndpoint().stateAsString()).isEqualTo("available");
    List<Route> routes = broken.ec2Client().describeRouteTables(r -> r.routeTableIds(Scenarios.PRIVATE_ROUTE_TABLE))
        .routeTables().get(0).routes();
    assertThat(routes).anySatisfy(r -> {
      assertThat(r.destinationPrefixListId()).isEqualTo("pl-63a5400a");
      assertThat(r.gatewayId()).isEqualTo(id);
    });
    assertThat(broken.preflight(Scenarios.privateVpcWithoutS3Endpoint().job()).failure("s3.route.missing")).isEmpty();
    assertThat(error(e -> broken.ec2Client().createVpcEndpoint(r -> r.vpcId(Scenarios.VPC)
        .serviceName("com.amazonaws.us-east-1.s3").routeTableIds(Scenarios.PRIVATE_ROUTE_TABLE))).awsErrorDetails().errorCode())
        .isEqualTo("RouteAlreadyExists");
  }
  // end::endpoint[]

  @Test
  void modifyVpcEndpointMovesTheRouteAndThePolicy() {
    ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(Scenarios.S3_ENDPOINT).removeRouteTableIds(Scenarios.PRIVATE_ROUTE_TABLE)
        .addRouteTableIds(Scenarios.PUBLIC_ROUTE_TABLE).resetPolicy(true));

    var endpoint = ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(Scenarios.S3_ENDPOINT)).vpcEndpoints().get(0);
    assertThat(endpoint.routeTableIds()).containsExactly(Scenarios.PUBLIC_ROUTE_TABLE);
    assertThat(endpoint.policyDocument()).contains("\"Action\":\"*\"");
    assertThat(aws.snapshot().routeTable(Scenarios.PRIVATE_ROUTE_TABLE).orElseThrow().routes())
        .noneMatch(r -> r.destinationPrefixListId().isPresent());
  }

  // tag::duplicate[]
  @Test
  void authorizingARuleTwiceIsInvalidPermissionDuplicate() {
    FakeAws broken = FakeAws.create().load(Scenarios.securityGroupWithoutSelfIngress());
    IpPermission self = IpPermission.builder().ipProtocol("-1")
        .userIdGroupPairs(UserIdGroupPair.builder().groupId(Scenarios.TRAINING_GROUP).build()).build();

    var first = broken.ec2Client().authorizeSecurityGroupIngress(r -> r.groupId(Scenarios.TRAINING_GROUP).ipPermissions(self));
    Ec2Exception again = error(e -> broken.ec2Client()
        .authorizeSecurityGroupIngress(r -> r.groupId(Scenarios.TRAINING_GROUP).ipPermissions(self)));

    assertThat(first.returnValue()).isTrue();
    assertThat(first.securityGroupRules()).singleElement().satisfies(rule -> {
      assertThat(rule.securityGroupRuleId()).startsWith("sgr-");
      assertThat(rule.referencedGroupInfo().groupId()).isEqualTo(Scenarios.TRAINING_GROUP);
    });
    assertThat(again.awsErrorDetails().errorCode()).isEqualTo("InvalidPermission.Duplicate");
    assertThat(again.awsErrorDetails().errorMessage())
        .isEqualTo("the specified rule \"peer: " + Scenarios.TRAINING_GROUP + ", ALL, ALLOW\" already exists");
    assertThat(broken.preflight(Scenarios.securityGroupWithoutSelfIngress().job()).failure("sg.self-ingress.missing")).isEmpty();
  }
  // end::duplicate[]

  @Test
  void egressOnTheSamePortsJoinsTheExistingPermissionAsEc2ShowsIt() {
    ec2.authorizeSecurityGroupEgress(r -> r.groupId(Scenarios.TRAINING_GROUP).ipPermissions(https("10.30.0.0/16")));

    var egress = ec2.describeSecurityGroups(r -> r.groupIds(Scenarios.TRAINING_GROUP)).securityGroups().get(0)
        .ipPermissionsEgress();
    assertThat(egress).hasSize(3);
    assertThat(egress.get(1).ipRanges()).extracting(x -> x.cidrIp()).containsExactly("10.30.0.0/16");
    assertThat(egress.get(1).prefixListIds()).extracting(x -> x.prefixListId()).containsExactly("pl-63a5400a");
    assertThat(error(e -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(Scenarios.TRAINING_GROUP)
        .ipPermissions(https("10.20.0.0/16")))).awsErrorDetails().errorMessage())
        .isEqualTo("the specified rule \"peer: 10.20.0.0/16, TCP, from port: 443, to port: 443, ALLOW\" already exists");
  }

  @Test
  void modifyVpcAttributeAndCreateTagsChangeTheWorld() {
    ec2.modifyVpcAttribute(r -> r.vpcId(Scenarios.VPC).enableDnsSupport(b -> b.value(false)));
    ec2.createTags(r -> r.resources(Scenarios.PRIVATE_SUBNET_A, Scenarios.TRAINING_GROUP).tags(t -> t.key("team").value("ml")));

    assertThat(aws.snapshot().vpc(Scenarios.VPC).orElseThrow().enableDnsSupport()).contains(false);
    assertThat(aws.snapshot().subnet(Scenarios.PRIVATE_SUBNET_A).orElseThrow().tags())
        .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=ml"));
    assertThat(aws.preflight(Scenarios.readyPrivateEndpoints().job()).failure("vpc.dns.support-disabled")).isPresent();
    assertThat(error(e -> ec2.modifyVpcAttribute(r -> r.vpcId(Scenarios.VPC).enableDnsSupport(b -> b.value(true))
        .enableDnsHostnames(b -> b.value(true)))).awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
    assertThat(error(e -> ec2.createTags(r -> r.resources("subnet-0fffffffffffffff0").tags(t -> t.key("k").value("v"))))
        .awsErrorDetails().errorCode()).isEqualTo("InvalidSubnetID.NotFound");
  }

  private static IpPermission https(String cidr) {
    return IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
        .ipRanges(software.amazon.awssdk.services.ec2.model.IpRange.builder().cidrIp(cidr).build()).build();
  }

  private static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }

  private static Ec2Exception error(Consumer<Void> call) {
    try {
      call.accept(null);
    } catch (Ec2Exception e) {
      return e;
    }
    throw new AssertionError("expected an Ec2Exception");
  }

  @Test
  void createSecurityGroupMakesAGroupWithEc2sDefaultsOncePerVpcAndName() {
    String id = ec2.createSecurityGroup(r -> r.vpcId(Scenarios.VPC).groupName("endpoints").description("for endpoints"))
        .groupId();

    assertThat(id).startsWith("sg-");
    assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", Scenarios.VPC), filter("group-name", "endpoints")))
        .securityGroups()).singleElement().satisfies(g -> {
          assertThat(g.groupId()).isEqualTo(id);
          assertThat(g.description()).isEqualTo("for endpoints");
          assertThat(g.ipPermissions()).isEmpty();
          assertThat(g.ipPermissionsEgress()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.ipRanges()).extracting(x -> x.cidrIp()).containsExactly("0.0.0.0/0");
          });
        });
    assertThat(aws.snapshot().securityGroup(id)).isPresent();
    assertThat(error(e -> ec2.createSecurityGroup(r -> r.vpcId(Scenarios.VPC).groupName("endpoints").description("again")))
        .awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.Duplicate");
    assertThat(error(e -> ec2.createSecurityGroup(r -> r.vpcId(Scenarios.VPC).groupName("x").description("d").dryRun(true)))
        .statusCode()).isEqualTo(412);
    assertThat(error(e -> ec2.createSecurityGroup(r -> r.groupName("x").description("d"))).awsErrorDetails().errorCode())
        .isEqualTo("VPCIdNotSpecified");
    assertThat(error(e -> ec2.createSecurityGroup(r -> r.vpcId(Scenarios.VPC).groupName("sg-1").description("d")))
        .awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    assertThat(aws.snapshot().securityGroups().orElseThrow()).filteredOn(g -> g.groupName().map("x"::equals).orElse(false))
        .isEmpty();
  }

  @Test
  void errorsAreThrownAsEc2Exceptions() {
    assertThatThrownBy(() -> ec2.describeVpcs(r -> r.vpcIds("vpc-0fffffffffffffff0")))
        .isInstanceOf(Ec2Exception.class)
        .hasMessageContaining("The vpc ID 'vpc-0fffffffffffffff0' does not exist")
        .hasMessageContaining("Service: Ec2")
        .hasMessageContaining("Status Code: 400");
  }
}
