package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.SgFixtures.SG_TRAINING;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_A;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_B;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.FS;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.MT_A;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.SG_EFS;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.job;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.mt;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.only;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.ready;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code FsEfsSecurityGroupTest}: FAIL, PASS and UNVERIFIED cases. */
class FsEfsSecurityGroupTest {
  @Test
  void securityGroupFailsWhenTheMountTargetAdmitsAnotherGroup() {
    NetworkSnapshot n = EfsFixtures.network(List.of(mt(MT_A, SUBNET_A, "us-east-1a", "10.20.1.20"),
        mt(EfsFixtures.MT_B, SUBNET_B, "us-east-1b", "10.20.2.20"))).build();
    n = n.withSecurityGroups(List.of(EfsFixtures.trainingGroup(), SgFixtures.endpointGroup(),
        EfsFixtures.efsGroup("sg-0a1b2c3d4e5f60499")));
    List<Finding> f = run(new FsEfsSecurityGroup(), n, "ro");
    assertThat(f).hasSize(2).allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.resources()).contains(FS, SG_EFS);
      assertThat(x.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-ingress --group-id " + SG_EFS
          + " --ip-permissions 'IpProtocol=tcp,FromPort=2049,ToPort=2049,UserIdGroupPairs=[{GroupId=" + SG_TRAINING + "}]'");
    });
    assertThat(f.get(0).resources()).startsWith(SUBNET_A, FS, MT_A);
  }

  @Test
  void securityGroupAcceptsACidrCoveringTheSubnetAndFailsOnMissingEgress() {
    NetworkSnapshot cidr = ready().withSecurityGroups(List.of(EfsFixtures.trainingGroup(), SgFixtures.endpointGroup(),
        EfsFixtures.efsGroup("10.20.0.0/16")));
    assertThat(only(new FsEfsSecurityGroup(), cidr).outcome()).isEqualTo(Outcome.PASS);
    NetworkSnapshot noEgress = ready().withSecurityGroups(List.of(SgFixtures.readyTrainingGroup(), SgFixtures.endpointGroup(),
        EfsFixtures.efsGroup(SG_TRAINING)));
    List<Finding> f = run(new FsEfsSecurityGroup(), noEgress, "ro");
    assertThat(f).allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.remediation().orElseThrow()).contains("authorize-security-group-egress --group-id " + SG_TRAINING);
    });
  }

  @Test
  void securityGroupIsUnverifiedWithoutTheMountTargetsGroups() {
    NetworkSnapshot n = EfsFixtures.network(List.of(mt(MT_A, SUBNET_A, "us-east-1a", "10.20.1.20"),
        mt(EfsFixtures.MT_B, SUBNET_B, "us-east-1b", "10.20.2.20"))).efsMountTargetSecurityGroups(java.util.Map.of()).build();
    List<Finding> f = run(new FsEfsSecurityGroup(), n, "ro");
    assertThat(f).isNotEmpty().allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("DescribeMountTargetSecurityGroups has no entry");
    });
  }
}
