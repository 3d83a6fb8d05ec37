package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** Networks and helpers shared by the egress rule tests (built on reach's {@link TestNetworks}). */
final class EgressTesting {
  static final String ENDPOINT_SG = "sg-endpoints";

  private EgressTesting() {}

  /**
   * Private subnets {@code subnet-a} (us-east-1a) and {@code subnet-b} (us-east-1b) on
   * {@code rtb-private}: local route and S3 gateway endpoint only, no default route.
   */
  static TestNetworks.Builder noNat() {
    return TestNetworks.privateVpc()
        .subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 240)
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 240)
        .routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b"))
        .s3GatewayEndpoint("vpce-s3", "rtb-private")
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"))
        .securityGroup(endpointGroup());
  }

  /** A group admitting TCP 443 from sg-training. */
  static SecurityGroup endpointGroup() {
    return sg(ENDPOINT_SG, List.of(tcp(443, 443, "sg-training")), List.of()).withVpcId(TestNetworks.VPC);
  }

  /** An interface endpoint for {@code service} in both private subnets, guarded by sg-endpoints. */
  static TestNetworks.Builder withEndpoint(TestNetworks.Builder b, String id, String service, boolean privateDns) {
    return b.interfaceEndpoint(id, service, privateDns, "subnet-a", "subnet-b")
        .changeEndpoint(id, e -> e.withGroupIds(ENDPOINT_SG));
  }

  static TrainingJobSpec.Builder job() {
    return TestJobs.job("subnet-a", "subnet-b");
  }

  static List<Finding> run(Rule rule, TrainingJobSpec job, NetworkSnapshot n) {
    List<Finding> f = rule.evaluate(RuleContext.of(job, n));
    assertThat(f).isNotEmpty().allSatisfy(x -> assertThat(x.ruleId()).isEqualTo(rule.id()));
    return f;
  }

  static Finding only(Rule rule, TrainingJobSpec job, NetworkSnapshot n) {
    List<Finding> f = run(rule, job, n);
    assertThat(f).hasSize(1);
    return f.get(0);
  }

  static Outcome outcome(Rule rule, TrainingJobSpec job, NetworkSnapshot n) {
    return only(rule, job, n).outcome();
  }

}
