package dev.vpctrain.core.internal.rules.request;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.core.rules.RuleEngine;
import org.junit.jupiter.api.Test;

class RequestVpcConfigAbsentTest {
  private final RequestVpcConfigAbsent rule = new RequestVpcConfigAbsent();

  @Test
  void aJobWithoutVpcConfigGetsTheInfo() {
    Finding f = single(rule, TestJobs.jobWithoutVpc().build(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.message()).contains("no VpcConfig").contains("SageMaker's own network").contains("none of the VPC rules apply");
    assertThat(f.remediation().orElseThrow()).contains("\"VpcConfig\"");
  }

  @Test
  void aJobWithVpcConfigPasses() {
    Finding f = single(rule, TestJobs.job("subnet-a").build(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    Finding partial = single(rule, TestJobs.job().build(), TestNetworks.ready().build());
    assertThat(partial.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void theWholeCatalogueLeavesAJobWithoutVpcConfigReadyWithTheInfoOnly() {
    // No VPC data at all, only the buckets' regions (input data must be in the job's region, VPC or not).
    NetworkSnapshot buckets = TestNetworks.ready().bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "us-east-1").build();
    NetworkSnapshot empty = NetworkSnapshot.builder().region("us-east-1").accountId(TestNetworks.ACCOUNT)
        .putAllBuckets(buckets.buckets()).build();
    for (NetworkSnapshot net : new NetworkSnapshot[] {empty, buckets}) {
      PreflightReport r = RuleEngine.standard().evaluate(TestJobs.jobWithoutVpc().build(), net);
      assertThat(r.verdict()).as(r.findings().stream().filter(f -> f.outcome() != Outcome.PASS).map(Object::toString).collect(java.util.stream.Collectors.joining("\n"))).isEqualTo(Verdict.READY);
      assertThat(r.findings()).filteredOn(f -> f.outcome() != Outcome.PASS)
          .as("only the INFO finding")
          .singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("request.vpc-config.absent");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
          });
    }
  }

  @Test
  void aRequestRuleStillDecidesTheVerdict() {
    PreflightReport r = RuleEngine.standard().evaluate(TestJobs.jobWithoutVpc().trainingImage("ghcr.io/org/img:1").build(),
        TestNetworks.ready().build());
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_READY);
    PreflightReport vpcMode = RuleEngine.standard().evaluate(TestJobs.jobWithoutVpc().trainingImage("ghcr.io/org/img:1")
        .repositoryAccessMode(RepositoryAccessMode.VPC).build(), TestNetworks.ready().build());
    assertThat(vpcMode.verdict()).isEqualTo(Verdict.NOT_READY);
  }
}
