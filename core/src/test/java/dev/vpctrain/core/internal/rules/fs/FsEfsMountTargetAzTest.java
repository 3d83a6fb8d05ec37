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

/** {@code FsEfsMountTargetAzTest}: FAIL, PASS and UNVERIFIED cases. */
class FsEfsMountTargetAzTest {
  @Test
  void azIsUnverifiedNamingTheSubnetWithoutAMountTargetInItsZone() {
    NetworkSnapshot onlyA = EfsFixtures.network(List.of(mt(MT_A, SUBNET_A, "us-east-1a", "10.20.1.20"))).build();
    Finding f = only(new FsEfsMountTargetAz(), onlyA);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).containsExactly(SUBNET_B, FS, MT_A);
    assertThat(f.message()).contains("Job subnet " + SUBNET_B + " is in us-east-1b");
    assertThat(f.remediation().orElseThrow()).contains("--subnet-id " + SUBNET_B + " --security-groups " + SG_EFS);
    // the same network passes the missing rule: the VPC has a mount target
    assertThat(only(new FsEfsMountTargetMissing(), onlyA).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void azPassesWithAMountTargetInEveryJobZoneAndIsUnverifiedWhenMountTargetsAreUnknown() {
    assertThat(only(new FsEfsMountTargetAz(), ready()).outcome()).isEqualTo(Outcome.PASS);

    List<Finding> unknown = run(new FsEfsMountTargetAz(), ready().withEfsMountTargets(Optional.empty()), "ro");
    assertThat(unknown).hasSize(2).allSatisfy(u -> {
      assertThat(u.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(u.resources()).contains(FS);
      assertThat(u.message()).contains("DescribeMountTargets");
    });
  }
}
