package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.doc;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.iam.IdentityDecision;
import dev.vpctrain.core.iam.RoleRequest;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.rules.RoleRequests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The requests {@code --simulate} hands to IAM's simulator, decided by the identity side alone. */
class RoleRequestsTest {
  private static final String EC2 = "{\"Sid\":\"Ec2\",\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}";

  private static List<RoleRequest> requests(NetworkSnapshot n) {
    return RoleRequests.of(job().build(), n);
  }

  @Test
  void everyVpcRequestIsAllowedByAnEc2AllowWithTheStatementThatDecidedAndTheKnownContext() {
    List<RoleRequest> all = requests(RoleFixtures.network(role(TRUST_SAGEMAKER, doc(EC2)).build()).build());
    // every ERROR role rule's requests, in catalogue order: the VPC ones first, then S3 and the image pull
    assertThat(all).extracting(RoleRequest::rule).containsSubsequence("role.vpc.permissions", "role.s3.access",
        "role.ecr.pull");
    List<RoleRequest> r = all.stream().filter(q -> q.rule().equals("role.vpc.permissions")).toList();
    assertThat(all).filteredOn(q -> !q.rule().equals("role.vpc.permissions"))
        .allSatisfy(q -> assertThat(q.decision()).isEqualTo(IdentityDecision.DENY));
    assertThat(r).isNotEmpty().allSatisfy(q -> {
      assertThat(q.decision()).isEqualTo(IdentityDecision.ALLOW);
      assertThat(q.statement()).isPresent();
      // condition keys are case-insensitive; the simulator takes them as spelled
      assertThat(q.context()).anySatisfy((k, v) -> {
        assertThat(k).isEqualToIgnoringCase("aws:PrincipalArn");
        assertThat(v).containsExactly(ROLE_ARN);
      });
    });
    assertThat(r).extracting(RoleRequest::action).contains("ec2:CreateNetworkInterface", "ec2:DescribeSubnets");
    assertThat(r).extracting(RoleRequest::resource).anyMatch(s -> s.endsWith(":network-interface/*"));
    // one per (action, resource)
    assertThat(r).extracting(q -> q.action() + " " + q.resource()).doesNotHaveDuplicates();
  }

  @Test
  void aDenyIsDenyAndAMissingAllowIsDenyToo() {
    String deny = "{\"Effect\":\"Deny\",\"Action\":\"ec2:DeleteNetworkInterface\",\"Resource\":\"*\"}";
    List<RoleRequest> r = requests(RoleFixtures.network(role(TRUST_SAGEMAKER, doc(EC2, deny)).build()).build());
    assertThat(r).filteredOn(q -> q.action().equals("ec2:DeleteNetworkInterface"))
        .allSatisfy(q -> assertThat(q.decision()).isEqualTo(IdentityDecision.DENY));
    List<RoleRequest> none = requests(RoleFixtures.network(role(TRUST_SAGEMAKER,
        doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}")).build()).build());
    assertThat(none).filteredOn(q -> q.rule().equals("role.vpc.permissions")).isNotEmpty()
        .allSatisfy(q -> assertThat(q.decision()).isEqualTo(IdentityDecision.DENY));
    assertThat(none).filteredOn(q -> q.action().equals("s3:GetObject")).isNotEmpty()
        .allSatisfy(q -> assertThat(q.decision()).isEqualTo(IdentityDecision.ALLOW));
  }

  @Test
  void noRoleNoRequests() {
    assertThat(requests(dev.vpctrain.core.rules.ShapeFixtures.network().build())).isEmpty();
  }
}
