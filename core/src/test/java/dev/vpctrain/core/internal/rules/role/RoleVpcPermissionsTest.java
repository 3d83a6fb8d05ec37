package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.doc;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.SG;
import static dev.vpctrain.core.rules.ShapeFixtures.SUBNET_A;
import static dev.vpctrain.core.rules.ShapeFixtures.SUBNET_B;
import static dev.vpctrain.core.rules.ShapeFixtures.VPC;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleVpcPermissionsTest {
  private static final String ARN = "arn:aws:ec2:us-east-1:123456789012:";
  private static final String DESCRIBE = "{\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeNetworkInterfaces\","
      + "\"ec2:DescribeVpcs\",\"ec2:DescribeDhcpOptions\",\"ec2:DescribeSubnets\",\"ec2:DescribeSecurityGroups\"],"
      + "\"Resource\":\"*\"}";
  private static final String ON_ENI = "{\"Effect\":\"Allow\",\"Action\":[\"ec2:CreateNetworkInterfacePermission\","
      + "\"ec2:DeleteNetworkInterface\",\"ec2:DeleteNetworkInterfacePermission\"],\"Resource\":\"" + ARN
      + "network-interface/*\"}";
  private static final String FULL_EC2 = "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}";

  private final RoleVpcPermissions rule = new RoleVpcPermissions();

  private List<Finding> judge(IamRole role) {
    return rule.evaluate(context(job().build(), RoleFixtures.network(role).build()));
  }

  private List<Finding> judge(String... inline) {
    return judge(role(TRUST_SAGEMAKER, inline).build());
  }

  private static String create(String resources, String condition) {
    return "{\"Sid\":\"Eni\",\"Effect\":\"Allow\",\"Action\":\"ec2:CreateNetworkInterface\",\"Resource\":" + resources
        + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
  }

  @Test
  void passesWithEc2OnEverything() {
    assertThat(judge(doc(FULL_EC2))).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.message()).contains("2 subnet(s)");
    });
  }

  @Test
  void aPolicyScopedToSubnetAndGroupArnsWithoutNetworkInterfacesFails() {
    String scoped = create("[\"" + ARN + "subnet/" + SUBNET_A + "\",\"" + ARN + "subnet/" + SUBNET_B + "\",\"" + ARN
        + "security-group/" + SG + "\"]", null);
    List<Finding> f = judge(doc(DESCRIBE, ON_ENI, scoped));
    assertThat(f).hasSize(2).allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.message()).contains("ec2:CreateNetworkInterface on " + ARN + "network-interface/*")
          .doesNotContain("on " + ARN + "subnet/");
      assertThat(x.remediation().orElseThrow()).contains("aws iam put-role-policy --role-name SageMakerTrainingRole")
          .contains(ARN + "network-interface/*").doesNotContain("AmazonSageMakerFullAccess");
    });
    assertThat(f.get(0).resources()).containsExactly(SUBNET_A, ROLE_ARN);
    assertThat(f.get(1).resources()).containsExactly(SUBNET_B, ROLE_ARN);
  }

  @Test
  void aPolicyScopedByEc2VpcToTheJobsVpcPasses() {
    String byVpc = create("[\"" + ARN + "network-interface/*\",\"" + ARN + "subnet/*\",\"" + ARN + "security-group/*\"]",
        "{\"ArnEquals\":{\"ec2:Vpc\":\"" + ARN + "vpc/" + VPC + "\"}}");
    assertThat(judge(doc(DESCRIBE, ON_ENI, byVpc))).singleElement()
        .satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
    String otherVpc = byVpc.replace(VPC, "vpc-0a1b2c3d4e5f60999");
    assertThat(judge(doc(DESCRIBE, ON_ENI, otherVpc))).hasSize(2)
        .allSatisfy(x -> assertThat(x.outcome()).isEqualTo(Outcome.FAIL));
  }

  @Test
  void anEc2SubnetConditionFailsOnlyTheSubnetItLeavesOut() {
    String oneSubnet = create("\"*\"", "{\"ArnEqualsIfExists\":{\"ec2:Subnet\":\"" + ARN + "subnet/" + SUBNET_A + "\"}}");
    String onSubnets = create("[\"" + ARN + "subnet/" + SUBNET_A + "\",\"" + ARN + "subnet/" + SUBNET_B + "\"]", null);
    List<Finding> f = judge(doc(DESCRIBE, ON_ENI, oneSubnet, onSubnets));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.resources()).containsExactly(SUBNET_B, ROLE_ARN);
    });
  }

  @Test
  void aResourceTagConditionReadsTheSubnetsTags() {
    NetworkSnapshot net = RoleFixtures.network(role(TRUST_SAGEMAKER, doc(DESCRIBE, ON_ENI,
            create("\"" + ARN + "network-interface/*\"", null),
            create("[\"" + ARN + "subnet/*\",\"" + ARN + "security-group/*\"]",
                "{\"StringEqualsIfExists\":{\"ec2:ResourceTag/team\":\"ml\"}}"))).build()).build();
    NetworkSnapshot tagged = net.withSubnets(List.of(
        dev.vpctrain.core.rules.ShapeFixtures.subnet(SUBNET_A, VPC).withTags(dev.vpctrain.core.network.Tag.of("team", "ml")),
        dev.vpctrain.core.rules.ShapeFixtures.subnet(SUBNET_B, VPC).withTags(dev.vpctrain.core.network.Tag.of("team", "web"))));
    List<Finding> f = rule.evaluate(context(job().build(), tagged));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.resources()).containsExactly(SUBNET_B, ROLE_ARN);
    });
  }

  @Test
  void aBoundaryWithoutEc2Fails() {
    String boundaryArn = "arn:aws:iam::123456789012:policy/OnlyS3";
    IamRole r = role(TRUST_SAGEMAKER, doc(FULL_EC2)).permissionsBoundaryArn(boundaryArn).build();
    NetworkSnapshot net = dev.vpctrain.core.rules.ShapeFixtures.network().iam(IamEvidence.builder().addRole(r)
        .addPolicy(ManagedPolicy.builder().arn(boundaryArn).document(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
            + "\"Resource\":\"*\"}")).build()).build()).build();
    List<Finding> f = rule.evaluate(context(job().build(), net));
    assertThat(f).isNotEmpty().allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.message()).contains("permissions boundary " + boundaryArn);
    });
  }

  @Test
  void anUncapturedAttachedPolicyIsUnverified() {
    IamRole r = role(TRUST_SAGEMAKER).attachedPolicyArns(List.of("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")).build();
    assertThat(judge(r)).isNotEmpty().allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("AmazonSageMakerFullAccess").contains("not among the snapshot's policies");
    });
  }

  @Test
  void anAuthorizedServiceConditionIsLeftToRolePolicyUndecidable() {
    String guarded = "{\"Sid\":\"Perm\",\"Effect\":\"Allow\",\"Action\":\"ec2:CreateNetworkInterfacePermission\","
        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"ec2:AuthorizedService\":\"sagemaker.amazonaws.com\"}}}";
    String rest = "{\"Effect\":\"Allow\",\"NotAction\":\"ec2:CreateNetworkInterfacePermission\",\"Resource\":\"*\"}";
    dev.vpctrain.core.rules.RuleContext ctx = context(job().build(), RoleFixtures.network(role(TRUST_SAGEMAKER, doc(rest, guarded)).build()).build());
    List<Finding> f = rule.evaluate(ctx);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.PASS);
      assertThat(x.message()).contains("role.policy.undecidable");
    });
    assertThat(RoleVpcPermissions.checks(ctx)).filteredOn(RoleCheck::isUndecidable).hasSize(2).allSatisfy(c -> {
      assertThat(c.action()).isEqualTo("ec2:CreateNetworkInterfacePermission");
      assertThat(c.decision().unknownKeys()).containsExactly("ec2:AuthorizedService");
      assertThat(c.decision().explanation()).contains("\"Perm\"");
    });
  }

  @Test
  void checksListEveryRequestInAStableOrder() {
    dev.vpctrain.core.rules.RuleContext ctx = context(job().build(), RoleFixtures.network(role(TRUST_SAGEMAKER, doc(FULL_EC2)).build()).build());
    List<RoleCheck> checks = RoleVpcPermissions.checks(ctx);
    // 5 describes, per subnet 5 calls (create on the ENI and on the subnet, three on network-interface/*), per SG one create
    int subnets = job().build().vpc().get().subnets().size();
    int groups = job().build().vpc().get().securityGroups().size();
    assertThat(checks).hasSize(5 + 5 * subnets + groups).allSatisfy(c -> assertThat(c.decision().isAllowed()).isTrue());
    assertThat(checks.get(0).action()).isEqualTo("ec2:DescribeNetworkInterfaces");
    assertThat(checks.get(5).resource()).isEqualTo(ARN + "network-interface/*");
    assertThat(checks).allSatisfy(c -> assertThat(c.rule()).isEqualTo("role.vpc.permissions"));
  }

  @Test
  void anExplicitDenyInAManagedPolicyFails() {
    String denyArn = "arn:aws:iam::123456789012:policy/NoEni";
    IamRole r = role(TRUST_SAGEMAKER, doc(FULL_EC2)).attachedPolicyArns(List.of(denyArn)).build();
    NetworkSnapshot net = dev.vpctrain.core.rules.ShapeFixtures.network().iam(IamEvidence.builder().addRole(r)
        .addPolicy(ManagedPolicy.builder().arn(denyArn).document(doc("{\"Sid\":\"NoEni\",\"Effect\":\"Deny\","
            + "\"Action\":\"ec2:CreateNetworkInterface\",\"Resource\":\"*\"}")).build()).build()).build();
    assertThat(rule.evaluate(context(job().build(), net))).hasSize(2).allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.message()).contains("explicitly denied by statement \"NoEni\"");
      assertThat(x.remediation().orElseThrow()).startsWith("Change the Deny statement");
    });
  }

  @Test
  void missingDescribesAreOneFindingOnEverything() {
    String eni = create("\"*\"", null);
    List<Finding> f = judge(doc(ON_ENI, eni));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.message()).contains("ec2:DescribeNetworkInterfaces, ec2:DescribeVpcs").contains("ec2:DescribeSecurityGroups on *");
      assertThat(x.remediation().orElseThrow()).contains("\"Resource\": \"*\"");
    });
  }

  @Test
  void passesOutsideAVpcAndWithoutAnIamSection() {
    assertThat(rule.evaluate(context(job().vpc((VpcSpec) null).build(),
        RoleFixtures.network(role(TRUST_SAGEMAKER).build()).build()))).singleElement()
        .satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
    assertThat(rule.evaluate(context(job().build()))).singleElement()
        .satisfies(x -> assertThat(x.message()).startsWith("Not evaluated"));
  }
}
