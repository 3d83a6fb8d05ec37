package dev.vpctrain.core.remediation;

import static dev.vpctrain.core.remediation.PlanFixtures.MAIN_RTB;
import static dev.vpctrain.core.remediation.PlanFixtures.RTB;
import static dev.vpctrain.core.remediation.PlanFixtures.SUBNET_A;
import static dev.vpctrain.core.remediation.PlanFixtures.VPC;
import static dev.vpctrain.core.remediation.PlanFixtures.job;
import static dev.vpctrain.core.remediation.PlanFixtures.network;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An accepted UNVERIFIED finding is the user's word that it works: the plan neither changes nor asks to check it. */
class AcceptedPlanTest {
  private static final String TGW = "tgw-0a1b2c3d4e5f60901";

  /** The fixture VPC, its subnets' default route into a transit gateway: S3 is unmodeled, not missing. */
  private static NetworkSnapshot viaTransitGateway() {
    return network().routeTables(List.of(
        RouteTable.builder().routeTableId(MAIN_RTB).vpcId(VPC)
            .addAssociation(RouteTableAssociation.builder().main(true).build())
            .addRoute(Route.builder().destinationCidrBlock("10.20.0.0/16").gatewayId("local").build()).build(),
        RouteTable.builder().routeTableId(RTB).vpcId(VPC)
            .addAssociation(RouteTableAssociation.builder().subnetId(SUBNET_A).build())
            .addAssociation(RouteTableAssociation.builder().subnetId(PlanFixtures.SUBNET_B).build())
            .addRoute(Route.builder().destinationCidrBlock("10.20.0.0/16").gatewayId("local").build())
            .addRoute(Route.builder().destinationCidrBlock("0.0.0.0/0").transitGatewayId(TGW).build()).build()))
        .build();
  }

  private static List<RemediationStep> stepsFixing(RemediationPlan plan, String ruleId) {
    return plan.allSteps().stream().filter(s -> s.fixes().contains(ruleId)).toList();
  }

  @Test
  void anUnacceptedUnverifiedFindingIsACheckStep() {
    NetworkSnapshot net = viaTransitGateway();
    PreflightReport report = RuleEngine.standard().evaluate(job(), net);
    assertThat(report.findings("s3.route.unmodeled")).anyMatch(Finding::isUnverified);
    List<RemediationStep> steps = stepsFixing(RemediationPlanner.plan(job(), net, report), "s3.route.unmodeled");
    assertThat(steps).isNotEmpty();
    assertThat(steps).allMatch(RemediationStep::isAdvice);
    assertThat(steps.get(0).title()).startsWith("Check s3.route.unmodeled");
  }

  @Test
  void anAcceptedOneGetsNoStep() {
    NetworkSnapshot net = viaTransitGateway();
    TrainingJobSpec accepted = job().toBuilder().acceptUnverified("s3.route.unmodeled").build();
    PreflightReport report = RuleEngine.standard().evaluate(accepted, net);
    assertThat(report.findings("s3.route.unmodeled")).isNotEmpty().allMatch(Finding::accepted);
    RemediationPlan plan = RemediationPlanner.plan(accepted, net, report);
    assertThat(stepsFixing(plan, "s3.route.unmodeled")).isEmpty();
    assertThat(plan.render()).doesNotContain("Check s3.route.unmodeled");
  }
}
