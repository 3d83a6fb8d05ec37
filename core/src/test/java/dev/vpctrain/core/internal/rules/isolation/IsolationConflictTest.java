package dev.vpctrain.core.internal.rules.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import org.junit.jupiter.api.Test;

class IsolationConflictTest {
  private final IsolationConflict rule = new IsolationConflict();

  private Finding run(TrainingJobSpec job) {
    return rule.evaluate(RuleContext.of(job, SgFixtures.readyPrivateEndpoints())).get(0);
  }

  @Test
  void failsWhenAnIsolatedJobNeedsServicesOrInternet() {
    Finding f = run(SgFixtures.jobBuilder().enableNetworkIsolation(true).requires(AwsService.STS)
        .requiresInternet("pypi.org", 443).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.message()).contains("sts").contains("pypi.org:443");
  }

  @Test
  void passesWithoutIsolationOrWithoutNeeds() {
    assertThat(run(SgFixtures.jobBuilder().enableNetworkIsolation(true).build()).outcome()).isEqualTo(Outcome.PASS);
    assertThat(run(SgFixtures.jobBuilder().requires(AwsService.STS).build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
