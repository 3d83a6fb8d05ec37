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
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code FsEfsMountTargetMissingTest}: FAIL, PASS and UNVERIFIED cases. */
class FsEfsMountTargetMissingTest {
  @Test
  void everyRulePassesOnTheReadyNetworkAndWithoutEfs() {
    for (Rule r : List.of(new FsEfsMountTargetMissing(), new FsEfsMountTargetAz(), new FsEfsSecurityGroup(),
        new FsEfsFileSystemPolicy())) {
      assertThat(only(r, ready()).outcome()).as(r.id()).isEqualTo(Outcome.PASS);
      assertThat(r.evaluate(RuleContext.of(SgFixtures.job(), ready()))).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("no EFS channel"));
    }
  }

  @Test
  void missingFailsWithoutAvailableMountTargetsAndIsUnverifiedWhenUnknown() {
    NetworkSnapshot none = EfsFixtures.network(List.of(mt(MT_A, SUBNET_A, "us-east-1a", "10.20.1.20")
        .withLifeCycleState("creating"))).build();
    Finding f = only(new FsEfsMountTargetMissing(), none);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains(MT_A + " is creating");
    assertThat(f.remediation().orElseThrow()).contains("aws efs create-mount-target --file-system-id " + FS
        + " --subnet-id " + SUBNET_A).contains("--subnet-id " + SUBNET_B);
    assertThat(f.resources()).contains(SUBNET_A, FS);

    Finding u = only(new FsEfsMountTargetMissing(), ready().withEfsMountTargets(Optional.empty()));
    assertThat(u.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(u.message()).contains("DescribeMountTargets");
  }
}
