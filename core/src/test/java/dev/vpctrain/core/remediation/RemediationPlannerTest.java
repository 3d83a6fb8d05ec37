package dev.vpctrain.core.remediation;

import static dev.vpctrain.core.remediation.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.policy.JsonDocument;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemediationPlannerTest {
  @Test
  void readyReportGivesAnEmptyPlan() {
    RemediationPlan plan = RemediationPlanner.plan(job(), network().build(), report());
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.allSteps()).isEmpty();
    assertThat(plan.render()).contains("Nothing to change");
  }

  @Test
  void missingS3RouteCreatesOneGatewayEndpointForTheSubnetsRouteTable() {
    RemediationPlan plan = RemediationPlanner.plan(job(), network().build(),
        report(fail("s3.route.missing", Severity.ERROR, SUBNET_A, RTB), fail("s3.route.missing", Severity.ERROR, SUBNET_B, RTB)));
    assertThat(plan.steps()).hasSize(1);
    RemediationStep step = plan.steps().get(0);
    assertThat(step.fixes()).containsExactly("s3.route.missing");
    assertThat(step.operation()).isEqualTo("ec2:CreateVpcEndpoint");
    Change.CreateGatewayEndpoint c = (Change.CreateGatewayEndpoint) step.change();
    assertThat(c.vpcId()).isEqualTo(VPC);
    assertThat(c.serviceName()).isEqualTo("com.amazonaws.us-east-1.s3");
    assertThat(c.routeTableIds()).containsExactly(RTB);
    assertThat(Policies.hasStatement(c.policyDocument(), Policies.AL_SID)).isTrue();
    assertThat(step.command()).contains("create-vpc-endpoint", "--route-table-ids " + RTB);
  }

  @Test
  void existingEndpointGetsOnlyTheMissingRouteTables() {
    NetworkSnapshot net = network().vpcEndpoints(List.of(s3Endpoint(null, MAIN_RTB))).build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net, report(fail("s3.route.igw-only", Severity.ERROR, SUBNET_A)));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.change()).isEqualTo(new Change.AddEndpointRouteTables(VPCE, List.of(RTB)));
      assertThat(s.command()).isEqualTo("aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + VPCE + " --add-route-table-ids " + RTB);
    });
  }

  @Test
  void subnetWithoutExplicitAssociationUsesTheMainRouteTable() {
    NetworkSnapshot net = network().subnets(List.of(subnet("subnet-0a1b2c3d4e5f60199", "us-east-1c", "10.20.9.0/24"))).build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net,
        report(fail("s3.route.missing", Severity.ERROR, "subnet-0a1b2c3d4e5f60199")));
    // the VPC is known from the job's security group; the subnet has no association, so the main table gets the route
    assertThat(plan.steps()).singleElement().satisfies(s ->
        assertThat(((Change.CreateGatewayEndpoint) s.change()).routeTableIds()).containsExactly(MAIN_RTB));
  }

  @Test
  void withoutTheJobsSubnetsOrGroupsInTheSnapshotOnlyAdviceIsGiven() {
    NetworkSnapshot net = network().subnets(List.of()).securityGroups(List.of()).build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net, report(fail("s3.route.missing", Severity.ERROR, SUBNET_A)));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.isAdvice()).isTrue();
      assertThat(s.command()).isEqualTo("fix s3.route.missing");
    });
  }

  @Test
  void aDeadGatewayEndpointRouteIsLeftToAPersonButADeadNatRouteIsBypassed() {
    NetworkSnapshot deadNat = network().routeTables(List.of(RouteTable.builder().routeTableId(RTB).vpcId(VPC)
        .addAssociation(RouteTableAssociation.builder().subnetId(SUBNET_A).build())
        .addAssociation(RouteTableAssociation.builder().main(true).build())
        .addRoute(Route.builder().destinationCidrBlock("10.20.0.0/16").gatewayId("local").build())
        .addRoute(Route.builder().destinationCidrBlock("0.0.0.0/0").natGatewayId("nat-0a1b2c3d4e5f60001").state("blackhole").build())
        .build())).build();
    RemediationPlan nat = RemediationPlanner.plan(job(), deadNat, report(fail("s3.route.blackhole", Severity.ERROR, SUBNET_A, RTB)));
    assertThat(nat.steps()).singleElement().satisfies(s -> assertThat(s.change()).isInstanceOf(Change.CreateGatewayEndpoint.class));

    NetworkSnapshot deadEndpoint = network().routeTables(List.of(RouteTable.builder().routeTableId(RTB).vpcId(VPC)
        .addAssociation(RouteTableAssociation.builder().subnetId(SUBNET_A).build())
        .addAssociation(RouteTableAssociation.builder().main(true).build())
        .addRoute(Route.builder().destinationCidrBlock("10.20.0.0/16").gatewayId("local").build())
        .addRoute(Route.builder().destinationPrefixListId(S3_PL).gatewayId("vpce-0a1b2c3d4e5f6dead").state("blackhole").build())
        .build())).build();
    RemediationPlan pl = RemediationPlanner.plan(job(), deadEndpoint, report(fail("s3.route.blackhole", Severity.ERROR, SUBNET_A, RTB)));
    assertThat(pl.steps()).singleElement().satisfies(s -> assertThat(s.isAdvice()).isTrue());
  }

  @Test
  void theSameChangeNeededByTwoFindingsIsOneStepFixingBoth() {
    RemediationPlan plan = RemediationPlanner.plan(job(), network().build(), report(
        fail("sg.self-ingress.missing", Severity.ERROR, SG),
        fail("sg.efa.self-traffic", Severity.WARNING, SG)));
    assertThat(plan.steps()).extracting(RemediationStep::operation).containsExactly("ec2:AuthorizeSecurityGroupIngress");
    assertThat(plan.steps().get(0).fixes()).containsExactly("sg.self-ingress.missing", "sg.efa.self-traffic");
    assertThat(plan.recommended()).extracting(RemediationStep::operation).containsExactly("ec2:AuthorizeSecurityGroupEgress");
  }

  @Test
  void deniedEndpointPolicyGainsTheJobStatementsAndKeepsEveryExistingOne() {
    String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Other\",\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::other-bucket/*\"},"
        + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":10}}}]}";
    NetworkSnapshot net = network().vpcEndpoints(List.of(s3Endpoint(existing, RTB))).build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net,
        report(fail("s3.endpoint-policy.denies", Severity.ERROR, SUBNET_A, VPCE, "acme-ml-data")));
    Change.SetEndpointPolicy c = (Change.SetEndpointPolicy) plan.steps().get(0).change();
    assertThat(c.currentPolicy()).contains(existing);
    List<JsonNode> before = statements(existing);
    List<JsonNode> after = statements(c.newPolicy());
    assertThat(after.subList(0, before.size())).isEqualTo(before);
    assertThat(after.size()).isGreaterThan(before.size());
    assertThat(plan.render()).contains("policy change:", "+ ", "VpctrainJobObjects1");
  }

  @Test
  void anExplicitDenyOfTheJobIsAdviceNotMoreAllowStatements() {
    String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoArtifacts\",\"Effect\":\"Deny\","
        + "\"Principal\":\"*\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::acme-ml-artifacts/*\"}]}";
    NetworkSnapshot net = network().vpcEndpoints(List.of(s3Endpoint(existing, RTB))).build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net,
        report(fail("s3.endpoint-policy.denies", Severity.ERROR, SUBNET_A, VPCE, "acme-ml-artifacts")));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.isAdvice()).isTrue();
      assertThat(s.title()).contains("Lift the Deny");
      assertThat(s.command()).contains("s3:PutObject", "NoArtifacts");
    });
  }

  @Test
  void fullAccessPolicyReplacementIsOptionalHardening() {
    NetworkSnapshot net = network().vpcEndpoints(List.of(s3Endpoint(null, RTB))).build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net,
        report(fail("s3.endpoint-policy.full-access", Severity.INFO, VPCE)));
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.recommended()).singleElement().satisfies(s -> {
      assertThat(s.optional()).isTrue();
      assertThat(s.change()).isInstanceOf(Change.SetEndpointPolicy.class);
    });
    assertThat(plan.executable(false)).isEmpty();
    assertThat(plan.executable(true)).hasSize(1);
  }

  @Test
  void clusterRulesShareOneSelfReferencingRulePerDirection() {
    RemediationPlan plan = RemediationPlanner.plan(job(), network().build(), report(
        fail("sg.self-ingress.missing", Severity.ERROR, SG),
        fail("sg.efa.self-traffic", Severity.ERROR, SG)));
    assertThat(plan.steps()).extracting(RemediationStep::operation)
        .containsExactly("ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress");
    Change.AuthorizeIngress in = (Change.AuthorizeIngress) plan.steps().get(0).change();
    assertThat(in.group().groupId()).contains(SG);
    assertThat(in.rule().protocol()).isEqualTo("-1");
    assertThat(in.rule().peer().group().flatMap(Change.GroupRef::groupId)).contains(SG);
    assertThat(plan.steps().get(0).fixes()).containsExactly("sg.self-ingress.missing", "sg.efa.self-traffic");
    assertThat(plan.steps().get(0).command())
        .isEqualTo("aws ec2 authorize-security-group-ingress --group-id " + SG
            + " --ip-permissions IpProtocol=-1,UserIdGroupPairs=[{GroupId=" + SG + "}]");
  }

  @Test
  void efaEgressAlreadyPresentIsNotAddedAgain() {
    NetworkSnapshot net = network().securityGroups(List.of(SecurityGroup.builder().groupId(SG).vpcId(VPC)
        .addEgress(Permission.builder().ipProtocol("-1").addGroupId(SG).build()).build())).build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net, report(fail("sg.efa.self-traffic", Severity.ERROR, SG)));
    assertThat(plan.steps()).extracting(RemediationStep::operation).containsExactly("ec2:AuthorizeSecurityGroupIngress");
  }

  @Test
  void unreachableServiceGetsAnInterfaceEndpointWithItsOwnGroup() {
    NetworkSnapshot net = network().securityGroups(List.of(SecurityGroup.builder().groupId(SG).vpcId(VPC)
        .addEgress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addPrefixListId(S3_PL).build()).build()))
        .build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net, report(fail("egress.service.unreachable", Severity.ERROR, SUBNET_A)));
    assertThat(plan.steps()).extracting(RemediationStep::operation).containsExactly(
        "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
        "ec2:CreateVpcEndpoint");
    Change.CreateInterfaceEndpoint c = (Change.CreateInterfaceEndpoint) plan.steps().get(3).change();
    assertThat(c.serviceName()).isEqualTo("com.amazonaws.us-east-1.sts");
    assertThat(c.subnetIds()).containsExactly(SUBNET_A, SUBNET_B);
    assertThat(c.privateDns()).isTrue();
    assertThat(c.securityGroups()).singleElement().satisfies(g ->
        assertThat(g.created()).map(Change.NewSecurityGroup::name).contains(RemediationPlanner.ENDPOINT_GROUP_NAME));
  }

  @Test
  void iamHasNoEndpointSoItGetsNatAdviceBesideTheEndpointsOfTheOtherServices() {
    TrainingJobSpec job = job().toBuilder().requires(AwsService.IAM).build();
    RemediationPlan plan = RemediationPlanner.plan(job, network().build(), report(fail("egress.service.unreachable", Severity.ERROR, SUBNET_A)));
    assertThat(plan.steps()).filteredOn(RemediationStep::isAdvice).singleElement().satisfies(s -> {
      assertThat(s.title()).contains("NAT path for iam");
      assertThat(s.command()).contains("create-nat-gateway");
    });
    assertThat(plan.steps()).extracting(RemediationStep::operation).contains("ec2:CreateVpcEndpoint");
  }

  @Test
  void turningOnPrivateDnsAlsoFixesTheUnreachableServiceOfThatEndpoint() {
    String vpce = "vpce-0a1b2c3d4e5f60399";
    NetworkSnapshot net = network().vpcEndpoints(List.of(VpcEndpoint.builder().vpcEndpointId(vpce)
        .type(EndpointType.INTERFACE).vpcId(VPC).serviceName("com.amazonaws.us-east-1.sts").state("available")
        .privateDnsEnabled(false).addGroupId(SG).build())).build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net, report(
        fail("egress.service.unreachable", Severity.ERROR, SUBNET_A, vpce),
        fail("egress.interface-endpoint.dns", Severity.ERROR, vpce)));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.change()).isEqualTo(new Change.EnableEndpointPrivateDns(vpce));
      assertThat(s.fixes()).containsExactly("egress.interface-endpoint.dns", "egress.service.unreachable");
    });
  }

  @Test
  void egressToTheVpcCidrAlreadyReachesTheEndpoints() {
    NetworkSnapshot net = network().securityGroups(List.of(SecurityGroup.builder().groupId(SG).vpcId(VPC)
        .addEgress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addIpRange("10.20.0.0/16").build())
        .addEgress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addPrefixListId(S3_PL).build()).build()))
        .build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net, report(fail("egress.service.unreachable", Severity.ERROR, SUBNET_A)));
    assertThat(plan.steps()).extracting(RemediationStep::operation)
        .containsExactly("ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateVpcEndpoint");
  }

  @Test
  void recommendedStepsListWarningsThenOptionalHardeningThenAdvice() {
    NetworkSnapshot net = network().vpcEndpoints(List.of(s3Endpoint(null, RTB))).build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net, report(
        fail("s3.endpoint-policy.full-access", Severity.INFO, VPCE),
        fail("vpc.subnets.single-az", Severity.WARNING, SUBNET_A),
        fail("sg.efa.self-traffic", Severity.WARNING, SG)));
    assertThat(plan.recommended()).extracting(s -> s.isAdvice() ? "advice" : s.optional() ? "optional" : "change")
        .containsExactly("change", "change", "optional", "advice");
  }

  @Test
  void dnsSupportIsTurnedOn() {
    RemediationPlan plan = RemediationPlanner.plan(job(), network().build(),
        report(fail("vpc.dns.support-disabled", Severity.ERROR, VPC)));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.change()).isEqualTo(new Change.EnableVpcAttribute(VPC, Change.VpcAttribute.ENABLE_DNS_SUPPORT));
      assertThat(s.command()).isEqualTo("aws ec2 modify-vpc-attribute --vpc-id " + VPC + " --enable-dns-support '{\"Value\":true}'");
    });
  }

  @Test
  void whatCannotBeFixedBecomesAdviceWithTheFindingsRemediation() {
    RemediationPlan plan = RemediationPlanner.plan(job(), network().build(), report(
        fail("vpc.tenancy.dedicated", Severity.ERROR, VPC),
        fail("vpc.subnets.single-az", Severity.WARNING, SUBNET_A)));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.isAdvice()).isTrue();
      assertThat(s.command()).isEqualTo("fix vpc.tenancy.dedicated");
      assertThat(s.fixes()).containsExactly("vpc.tenancy.dedicated");
    });
    assertThat(plan.recommended()).singleElement().satisfies(s -> assertThat(s.fixes()).containsExactly("vpc.subnets.single-az"));
    assertThat(plan.executable(true)).isEmpty();
  }

  @Test
  void bucketRestrictionIsMergedIntoTheExistingPolicy() {
    String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Keep\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\"}]}";
    NetworkSnapshot net = network().vpcEndpoints(List.of(s3Endpoint(null, RTB)))
        .putBucket("acme-ml-data", dev.vpctrain.core.network.BucketFacts.builder().bucket("acme-ml-data")
            .region("us-east-1").policy(existing).build())
        .build();
    RemediationPlan plan = RemediationPlanner.plan(job(), net,
        report(fail("s3.bucket-policy.not-restricted", Severity.INFO, "acme-ml-data", VPCE)));
    Change.SetBucketPolicy c = (Change.SetBucketPolicy) plan.recommended().get(0).change();
    assertThat(Policies.hasStatement(c.newPolicy(), "Keep")).isTrue();
    assertThat(Policies.hasStatement(c.newPolicy(), Policies.RESTRICT_SID)).isTrue();
    assertThat(plan.recommended().get(0).optional()).isTrue();
  }

  @Test
  void planJsonCarriesEveryStep() {
    RemediationPlan plan = RemediationPlanner.plan(job(), network().build(),
        report(fail("s3.route.missing", Severity.ERROR, SUBNET_A), fail("vpc.tenancy.dedicated", Severity.ERROR, VPC)));
    JsonNode doc = JsonDocument.read(plan.toJson(), null);
    assertThat(doc.required("schema").textValue()).isEqualTo("vpctrain-plan/1");
    assertThat(doc.required("steps").size()).isEqualTo(2);
    assertThat(doc.required("steps").get(0).required("operation").textValue()).isEqualTo("ec2:CreateVpcEndpoint");
    assertThat(doc.required("steps").get(0).required("policyAfter").textValue()).contains("VpctrainJobObjects1");
  }

  private static List<JsonNode> statements(String policy) {
    List<JsonNode> out = new ArrayList<>();
    JsonDocument.readObject(policy, null).required("Statement").forEach(out::add);
    return out;
  }
}
