package dev.vpctrain.core.internal.rules.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import org.junit.jupiter.api.Test;

class SgIntercontainerEncryptionOffTest {
  private final SgIntercontainerEncryptionOff rule = new SgIntercontainerEncryptionOff();

  private Finding run(TrainingJobSpec job) {
    return rule.evaluate(RuleContext.of(job, SgFixtures.readyPrivateEndpoints())).get(0);
  }

  @Test
  void infoForDistributedJobsWithoutEncryption() {
    Finding f = run(SgFixtures.jobBuilder().enableInterContainerTrafficEncryption(false).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.remediation().orElseThrow()).contains("\"EnableInterContainerTrafficEncryption\": true");
  }

  @Test
  void passesWhenEncryptedOrSingleInstance() {
    assertThat(run(SgFixtures.job()).outcome()).isEqualTo(Outcome.PASS);
    assertThat(run(SgFixtures.jobBuilder().instanceCount(1).enableInterContainerTrafficEncryption(false).build()).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(run(SgFixtures.jobBuilder().instanceCount(null).addInstanceGroup("a", "ml.p4d.24xlarge", 1)
        .addInstanceGroup("b", "ml.p4d.24xlarge", 1).enableInterContainerTrafficEncryption(false).build()).outcome())
        .isEqualTo(Outcome.FAIL);
  }
}
