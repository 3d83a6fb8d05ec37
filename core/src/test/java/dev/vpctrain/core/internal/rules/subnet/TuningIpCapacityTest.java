package dev.vpctrain.core.internal.rules.subnet;

import static dev.vpctrain.core.internal.rules.subnet.SubnetFixtures.net;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code subnet.ip-capacity} and {@code subnet.ip-headroom} for a tuning job (rules.md): Σ over job
 * subnets of ⌊free ÷ need⌋ must reach {@code MaxParallelTrainingJobs}; definitions sharing subnets count
 * together.
 */
class TuningIpCapacityTest {
  private final RuleEngine engine = RuleEngine.builder().rules(List.of(new SubnetIpCapacity(), new SubnetIpHeadroom())).build();

  private static TrainingJobSpec definition(String type, int count, String... subnets) {
    return TestJobs.job(subnets).instanceType(type).instanceCount(count).build();
  }

  private static TuningJobSpec tuning(int parallel, TrainingJobSpec... definitions) {
    return TuningJobSpec.builder().name("hpo").maxParallelTrainingJobs(parallel).addDefinitions(definitions).build();
  }

  private List<Finding> capacity(TuningJobSpec job, NetworkSnapshot net) {
    return engine.evaluate(job, net).findings("subnet.ip-capacity");
  }

  @Test
  void theParallelJobsMustFitTogetherAcrossTheSubnets() {
    // 16 EFA instances: 80 IPs a training job; 240 and 233 free hold 3 + 2 = 5 at once
    TrainingJobSpec d = definition("ml.p4d.24xlarge", 16, "subnet-a", "subnet-b");
    NetworkSnapshot n = net(240, 233).build();
    assertThat(capacity(tuning(5, d), n)).extracting(Finding::outcome).containsOnly(Outcome.PASS);
    List<Finding> six = capacity(tuning(6, d), n);
    Finding fail = six.stream().filter(Finding::isFail).findFirst().orElseThrow();
    assertThat(fail.severity()).isEqualTo(Severity.ERROR);
    assertThat(fail.message()).contains("up to 6 training jobs at once").contains("needing 80 IPs")
        .contains("hold only 5 at once").contains("subnet-a (us-east-1a) has 240 free IPs, room for 3")
        .contains("The parallel limit drives the need: 6 × 80 IPs");
    assertThat(fail.resources()).containsExactly("subnet-a", "subnet-b");
    assertThat(fail.remediation().orElseThrow()).contains("MaxParallelTrainingJobs to 5");
    // the single training job still fits in one subnet: that part passes
    assertThat(six).anySatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.message()).startsWith("Every job subnet can hold the job");
    });
  }

  @Test
  void aJobThatFitsNoSubnetIsReportedOnceNotAgainForTheParallelLimit() {
    TrainingJobSpec d = definition("ml.p4d.24xlarge", 16, "subnet-a", "subnet-b");
    List<Finding> out = capacity(tuning(8, d), net(40, 40).build());
    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(f.message()).startsWith("No job subnet can hold the job");
    });
  }

  @Test
  void definitionsSharingASubnetCountTogetherAndAnUndocumentedMixIsUnverified() {
    TrainingJobSpec big = definition("ml.p4d.24xlarge", 16, "subnet-a", "subnet-b"); // 80 IPs
    TrainingJobSpec small = definition("ml.m5.xlarge", 1, "subnet-a", "subnet-b"); // 2 IPs
    NetworkSnapshot n = net(240, 233).build();
    // all big: 5 at once; all small: 120 + 116. Six parallel jobs fit or not depending on the mix
    List<Finding> six = capacity(tuning(6, big, small), n);
    Finding f = six.stream().filter(x -> x.outcome() != Outcome.PASS).findFirst().orElseThrow();
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.definition()).as("the same for every definition: shown once, unlabelled").isEmpty();
    assertThat(f.message()).contains("needing 2 to 80 IPs").contains("hold 5 to 236 at once")
        .contains("which SageMaker does not document");
    // a mix that never fits: more parallel jobs than even the smallest need allows
    Finding never = capacity(tuning(300, big, small), n).stream().filter(Finding::isFail).findFirst().orElseThrow();
    assertThat(never.message()).contains("hold only 236 at once");
    // few enough for any mix
    assertThat(capacity(tuning(5, big, small), n)).extracting(Finding::outcome).containsOnly(Outcome.PASS);
  }

  @Test
  void definitionsInSeparateSubnetsAddUp() {
    TrainingJobSpec inA = definition("ml.p4d.24xlarge", 16, "subnet-a"); // 240 / 80 = 3
    TrainingJobSpec inB = definition("ml.p4d.24xlarge", 16, "subnet-b"); // 233 / 80 = 2
    assertThat(capacity(tuning(5, inA, inB), net(240, 233).build())).extracting(Finding::outcome).containsOnly(Outcome.PASS);
    assertThat(capacity(tuning(6, inA, inB), net(240, 233).build())).extracting(Finding::outcome).contains(Outcome.FAIL);
  }

  @Test
  void unknownFreeAddressesAreUnverifiedUnlessTheKnownOnesSuffice() {
    TrainingJobSpec d = definition("ml.p4d.24xlarge", 16, "subnet-a", "subnet-c");
    NetworkSnapshot n = net(240, 233).subnet(dev.vpctrain.core.network.Subnet.builder().subnetId("subnet-c")
        .vpcId(dev.vpctrain.core.fixtures.TestNetworks.VPC).availabilityZone("us-east-1c").cidrBlock("10.20.3.0/24")
        .state("available").build()).build();
    List<Finding> four = capacity(tuning(4, d), n);
    assertThat(four).anySatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(f.message()).contains("the free IPs of subnet-c are not in the snapshot");
    });
    assertThat(capacity(tuning(3, d), n)).noneMatch(f -> f.message().startsWith("The tuning job")
        && f.outcome() != Outcome.PASS);
  }

  @Test
  void headroomWarnsBelowTwiceTheParallelNeed() {
    TrainingJobSpec d = definition("ml.p4d.24xlarge", 16, "subnet-a", "subnet-b");
    NetworkSnapshot n = net(240, 233).build();
    PreflightReport four = engine.evaluate(tuning(4, d), n);
    assertThat(four.findings("subnet.ip-headroom")).anySatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("hold 5 of the tuning job's training jobs at once: enough for its 4 parallel ones");
    });
    assertThat(four.isReady()).isTrue();
    assertThat(engine.evaluate(tuning(2, d), n).findings("subnet.ip-headroom")).extracting(Finding::outcome)
        .containsOnly(Outcome.PASS);
  }

  @Test
  void aTrainingJobHasNoParallelCheck() {
    TrainingJobSpec d = definition("ml.p4d.24xlarge", 16, "subnet-a", "subnet-b");
    assertThat(engine.evaluate(d, net(240, 233).build()).findings()).noneMatch(f -> f.message().contains("tuning job"));
  }
}
