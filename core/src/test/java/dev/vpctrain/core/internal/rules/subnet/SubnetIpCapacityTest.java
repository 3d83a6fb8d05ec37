package dev.vpctrain.core.internal.rules.subnet;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.subnet.SubnetFixtures.job;
import static dev.vpctrain.core.internal.rules.subnet.SubnetFixtures.net;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubnetIpCapacityTest {
  private final SubnetIpCapacity capacity = new SubnetIpCapacity();

  @Test
  void needIsTwoPerInstanceOrFiveWithEfa() {
    assertThat(IpNeed.of(job("ml.m5.xlarge", 4))).isEqualTo(8);
    assertThat(IpNeed.of(job("ml.p4d.24xlarge", 4))).isEqualTo(20);
    assertThat(IpNeed.of(job("ml.m5.xlarge", 4).toBuilder().efa(true).build())).isEqualTo(20);
    assertThat(IpNeed.of(job("ml.p4d.24xlarge", 4).toBuilder().efa(false).build())).isEqualTo(8);
    TrainingJobSpec groups = TestJobs.job("subnet-a").instanceType(null).instanceCount(null)
        .addInstanceGroup("a", "ml.p4d.24xlarge", 2).addInstanceGroup("b", "ml.m5.xlarge", 3).build();
    assertThat(IpNeed.of(groups)).isEqualTo(2 * 5 + 3 * 2);
  }

  @Test
  void aHugeInstanceCountNeverWrapsAroundToAFittingNeed() {
    // Integer.MAX_VALUE × 2 wraps to -2 in int arithmetic, which every subnet "holds"
    TrainingJobSpec huge = job("ml.m5.xlarge", Integer.MAX_VALUE);
    assertThat(IpNeed.of(huge)).isEqualTo(2L * Integer.MAX_VALUE);
    Finding f = single(capacity, huge, net(250, 250).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.message()).contains("needs 4294967294 IPs in one subnet (2147483647 instances × 2 IPs)");
    // 858993460 × 5 wraps to 4 in int arithmetic
    TrainingJobSpec efa = job("ml.p4d.24xlarge", 858_993_460);
    assertThat(IpNeed.of(efa)).isEqualTo(4_294_967_300L);
    assertThat(single(capacity, efa, net(250, 250).build()).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void hugeInstanceGroupsNeitherOverflowTheNeedNorTheTotal() {
    TrainingJobSpec groups = TestJobs.job("subnet-a", "subnet-b").instanceType(null).instanceCount(null)
        .addInstanceGroup("a", "ml.m5.xlarge", Integer.MAX_VALUE).addInstanceGroup("b", "ml.m5.xlarge", Integer.MAX_VALUE)
        .build();
    assertThat(groups.totalInstanceCount()).isEqualTo(Integer.MAX_VALUE);
    assertThat(groups.isDistributed()).isTrue();
    assertThat(IpNeed.of(groups)).isEqualTo(4L * Integer.MAX_VALUE);
    Finding f = single(capacity, groups, net(250, 250).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("4294967294 instances in 2 instance groups");
  }

  @Test
  void errorWhenNoSubnetHoldsTheJob() {
    Finding f = single(capacity, job("ml.p4d.24xlarge", 4), net(19, 3).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly("subnet-a", "subnet-b");
    assertThat(f.message()).contains("needs 20 IPs in one subnet (4 instances × 5 IPs with EFA)")
        .contains("subnet-a (us-east-1a) has 19 free IPs").contains("subnet-b (us-east-1b) has 3 free IPs");
    assertThat(f.remediation().get()).contains("aws ec2 create-subnet --vpc-id " + TestNetworks.VPC);
  }

  @Test
  void warningNamingEachSubnetThatCannotHoldTheJobWhileAnotherCan() {
    List<Finding> out = evaluate(capacity, job("ml.p4d.24xlarge", 4), net(20, 3).build());
    assertThat(out).hasSize(1);
    Finding w = out.get(0);
    assertThat(w.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(w.severity()).isEqualTo(Severity.WARNING);
    assertThat(w.resources()).containsExactly("subnet-b");
    assertThat(w.message()).contains("subnet-b (us-east-1b) has 3 free IPs, fewer than the 20 IPs in one subnet").contains("subnet-a (us-east-1a) can hold");
  }

  @Test
  void passWhenEverySubnetHoldsTheJob() {
    assertThat(single(capacity, job("ml.m5.xlarge", 2), net(4, 100).build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aSubnetNotAvailableCountsAsZero() {
    var pending = net(240, 240).changeSubnet("subnet-a", s -> s.withState("pending")).changeSubnet("subnet-b", s -> s.withState("pending"));
    Finding f = single(capacity, job("ml.m5.xlarge", 2), pending.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("state pending (counts as 0 free IPs)");
  }

  @Test
  void unknownCountsAreUnverifiedUnlessAnotherSubnetDecides() {
    var unknownB = net(3, 0).changeSubnet("subnet-b", s -> s.withAvailableIpAddressCount(Optional.empty()));
    assertThat(single(capacity, job("ml.m5.xlarge", 2), unknownB.build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
    var holdsA = net(100, 0).changeSubnet("subnet-b", s -> s.withAvailableIpAddressCount(Optional.empty()));
    Finding w = single(capacity, job("ml.m5.xlarge", 2), holdsA.build());
    assertThat(w.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(w.severity()).isEqualTo(Severity.WARNING);
    assertThat(single(capacity, job("ml.m5.xlarge", 2), net(1, 1).without(Section.SUBNETS).build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void notInVpcPasses() {
    assertThat(single(capacity, TestJobs.jobWithoutVpc().build(), net(0, 0).build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
