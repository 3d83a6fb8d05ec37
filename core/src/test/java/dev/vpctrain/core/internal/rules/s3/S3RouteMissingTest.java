package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.outcomes;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.JOB;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.all;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.assertOthersPass;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.withSubnetB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.NatSubnetAcls;
import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.JsonReport;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.SarifReport;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code s3.route.missing}, and the cases that hold for all four {@code s3.route.*} rules alike
 * (ready network, NAT path, unknown route tables, scope): missing is the family's main rule.
 */
class S3RouteMissingTest {
  private final S3RouteMissing missing = new S3RouteMissing();
  private final S3RouteIgwOnly igwOnly = new S3RouteIgwOnly();
  private final S3RouteBlackhole blackhole = new S3RouteBlackhole();
  private final S3RouteUnmodeled unmodeled = new S3RouteUnmodeled();

  @Test
  void readyNetworkPassesAll() {
    for (Rule r : all()) {
      Finding f = single(r, JOB, TestNetworks.ready().build());
      assertThat(f.outcome()).as(r.id()).isEqualTo(Outcome.PASS);
      assertThat(f.resources()).containsExactly("subnet-a", "subnet-b");
    }
  }

  @Test
  void missingNamesTheSubnetAndItsTableAndOffersTheExistingEndpoint() {
    var net = withSubnetB(rt -> { });
    Finding f = single(missing, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly("subnet-b", "rtb-b");
    assertThat(f.message()).isEqualTo("Subnet subnet-b (us-east-1b) has no route to S3, and no S3 interface endpoint with "
        + "private DNS serves the VPC: route table rtb-b has no route for S3's addresses (no gateway endpoint route for "
        + TestNetworks.S3_PL + " and no default route).");
    assertThat(f.remediation().get())
        .contains("aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-s3 --add-route-table-ids rtb-b");
    assertOthersPass(missing, net);
  }

  @Test
  void threeSubnetsBehindOneRouteTableAreOneFindingInTheReport() {
    var net = TestNetworks.privateVpc()
        .subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 100)
        .subnet("subnet-c", "us-east-1c", "10.20.3.0/24", 100)
        .routeTable("rtb-shared", rt -> rt.associate("subnet-a", "subnet-b", "subnet-c"));
    var job = TestJobs.job("subnet-a", "subnet-b", "subnet-c").build();
    assertThat(evaluate(missing, job, net.build())).hasSize(3); // the rule judges each subnet
    PreflightReport report = RuleEngine.builder().rules(List.of(missing)).build().evaluate(job, net.build());
    assertThat(report.problems()).singleElement().satisfies(f -> {
      assertThat(f.resources()).containsExactly("subnet-a", "subnet-b", "subnet-c", "rtb-shared");
      assertThat(f.message()).startsWith("Subnets subnet-a (us-east-1a), subnet-b (us-east-1b) and subnet-c (us-east-1c) "
          + "have no route to S3, and no S3 interface endpoint with private DNS serves the VPC: route table rtb-shared "
          + "has no route for S3's addresses");
      // the cause is said once
      assertThat(f.message().split("no route", -1)).hasSize(3);
      assertThat(f.remediation().orElseThrow()).contains("--route-table-ids rtb-shared").doesNotContain("subnet-");
    });
    String json = JsonReport.render(report, false);
    assertThat(json.split("\"rule\"", -1)).hasSize(2);
    assertThat(json).contains("\"resources\": [\n        \"subnet-a\",\n        \"subnet-b\",\n        \"subnet-c\",\n"
        + "        \"rtb-shared\"\n      ]");
    String sarif = SarifReport.render(report, "job.json", java.util.Map.of(), false);
    assertThat(sarif.split("\"ruleId\"", -1)).hasSize(2);
    assertThat(sarif).contains("\"name\": \"subnet-c\"").contains("\"name\": \"rtb-shared\"");
  }

  @Test
  void missingWithoutAnyEndpointSuggestsCreatingOne() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100);
    Finding f = single(missing, TestJobs.job("subnet-a").build(), net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).endsWith("It is the VPC's main route table, which applies to every subnet without an "
        + "explicit association.");
    assertThat(f.resources()).containsExactly("subnet-a", TestNetworks.MAIN_RTB);
    assertThat(f.remediation().get()).contains("aws ec2 create-vpc-endpoint --vpc-id " + TestNetworks.VPC
        + " --vpc-endpoint-type Gateway --service-name com.amazonaws.us-east-1.s3 --route-table-ids " + TestNetworks.MAIN_RTB);
  }

  @Test
  void missingWhenTheNatIsMisplaced() {
    var net = withSubnetB(rt -> rt.route("0.0.0.0/0", "nat-bad"))
        .natGateway("nat-bad", "subnet-b", "available", "198.51.100.1");
    Finding f = single(missing, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("nat-bad").contains("gives no internet path");
    assertThat(f.resources()).contains("subnet-b", "rtb-b", "nat-bad");
  }

  @Test
  void natPathPasses() {
    var net = withSubnetB(rt -> rt.route("0.0.0.0/0", "nat-a"));
    for (Rule r : all()) {
      assertThat(outcomes(evaluate(r, JOB, net.build()))).as(r.id()).containsOnly(Outcome.PASS);
    }
  }

  @Test
  void unknownRouteTablesAreUnverifiedEverywhere() {
    var net = TestNetworks.ready().failed(Section.ROUTE_TABLES, "UnauthorizedOperation");
    for (Rule r : all()) {
      List<Finding> out = evaluate(r, JOB, net.build());
      assertThat(outcomes(out)).as(r.id()).containsOnly(Outcome.UNVERIFIED);
      assertThat(out.get(0).message()).contains("ec2:DescribeRouteTables failed during capture");
    }
  }

  @Test
  void subnetsBehindOneNatGatewayWhoseAclBlocksS3AreOneFinding() {
    var net = NatSubnetAcls.natOnly().networkAcl(NatSubnetAcls.hardened(NatSubnetAcls.Gap.OUTBOUND_TO_DESTINATION));
    assertThat(evaluate(missing, JOB, net.build())).hasSize(2); // the rule judges each subnet
    PreflightReport report = RuleEngine.builder().rules(List.of(missing)).build().evaluate(JOB, net.build());
    assertThat(report.problems()).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo("Subnets subnet-a (us-east-1a) and subnet-b (us-east-1b) have no working route "
          + "to S3: their route table rtb-private has no S3 gateway endpoint route and sends S3's addresses to NAT gateway "
          + "nat-a, but network ACL " + NatSubnetAcls.ACL_PUBLIC + " of NAT gateway nat-a's subnet subnet-public blocks "
          + "what the gateway forwards for them to S3; see egress.nat.nacl-blocked.");
      assertThat(f.resources()).containsExactly("subnet-a", "subnet-b", "rtb-private", "nat-a", NatSubnetAcls.ACL_PUBLIC);
      assertThat(f.remediation().orElseThrow()).contains("--route-table-ids rtb-private").doesNotContain("subnet-a");
    });
    // one subnet alone keeps the message that names it and what its traffic meets
    var one = TestJobs.job("subnet-a").build();
    Finding alone = single(missing, one, net.build());
    assertThat(alone.message()).startsWith("Subnet subnet-a (us-east-1a) has no working route to S3: its route table "
        + "rtb-private").contains("subnet-a").contains(NatSubnetAcls.ACL_PUBLIC);
  }

  @Test
  void subnetsWhoseRouteTablesAreUnknownForOneReasonAreOneFinding() {
    var net = TestNetworks.ready().subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 240)
        .failed(Section.ROUTE_TABLES, "UnauthorizedOperation");
    PreflightReport report = RuleEngine.builder().rules(all()).build().evaluate(JOB, net.build());
    assertThat(report.findings()).hasSize(4).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(f.resources()).contains("subnet-a", "subnet-b");
    });
    Finding f = report.findings().stream().filter(x -> x.ruleId().equals("s3.route.missing")).findFirst().orElseThrow();
    assertThat(f.message()).isEqualTo("The S3 path of subnets subnet-a (us-east-1a) and subnet-b (us-east-1b) cannot be "
        + "decided: their route tables are unknown: ec2:DescribeRouteTables failed during capture with "
        + "UnauthorizedOperation: You are not authorized to perform this operation.");
    // one subnet alone: its own sentence
    assertThat(single(missing, TestJobs.job("subnet-b").build(), net.build()).message())
        .startsWith("The S3 path of subnet subnet-b (us-east-1b) cannot be decided: ");
  }

  @Test
  void unknownNatHealthLeavesOnlyMissingUndecided() {
    var net = withSubnetB(rt -> rt.route("0.0.0.0/0", "nat-a")).without(Section.NAT_GATEWAYS);
    assertThat(outcomes(evaluate(missing, JOB, net.build()))).containsExactly(Outcome.UNVERIFIED);
    assertThat(outcomes(evaluate(igwOnly, JOB, net.build()))).containsExactly(Outcome.PASS);
    assertThat(outcomes(evaluate(blackhole, JOB, net.build()))).containsExactly(Outcome.PASS);
    assertThat(outcomes(evaluate(unmodeled, JOB, net.build()))).containsExactly(Outcome.PASS);
  }

  @Test
  void notInVpcOrNoS3PassAndMissingSubnetsAreLeftToNotFound() {
    for (Rule r : all()) {
      assertThat(single(r, TestJobs.jobWithoutVpc().build(), TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
      assertThat(single(r, TestJobs.job("subnet-zz").build(), TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(single(r, TestJobs.job("subnet-a", "subnet-zz").build(), TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
    }
  }

  @Test
  void bucketsAllInAnotherRegionAreLeftToOtherRegion() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .bucket("acme-ml-data", "eu-west-1").bucket("acme-ml-artifacts", "eu-west-1");
    assertThat(single(missing, TestJobs.job("subnet-a").build(), net.build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
