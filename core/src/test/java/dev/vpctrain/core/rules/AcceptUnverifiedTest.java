package dev.vpctrain.core.rules;

import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static dev.vpctrain.core.rules.ShapeFixtures.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Acceptance;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Acceptances on the job builder, applied by the rule engine. */
class AcceptUnverifiedTest {
  /** An engine with two custom rules: one UNVERIFIED per subnet, and one FAIL. */
  private static RuleEngine engine() {
    return RuleEngine.builder().rules(List.of(
        new BaseRule("acme.tgw.unmodeled", Severity.ERROR, "transit gateway path") {
          @Override
          public List<Finding> evaluate(RuleContext ctx) {
            return List.of(unverified("subnet-1 routes through tgw-1", "confirm tgw-1", "subnet-1", "tgw-1"),
                unverified("subnet-2 routes through tgw-2", "confirm tgw-2", "subnet-2", "tgw-2"));
          }
        },
        new BaseRule("acme.always.fails", Severity.ERROR, "always fails") {
          @Override
          public List<Finding> evaluate(RuleContext ctx) {
            return List.of(fail("it fails", "fix it", "subnet-1"));
          }
        })).suppress("acme.always.fails").build();
  }

  @Test
  void theBuilderKeepsAcceptancesInOrderWithoutDuplicates() {
    TrainingJobSpec spec = job().acceptUnverified("acme.tgw.unmodeled", "subnet-1")
        .acceptUnverified("vpc.dhcp.dns-unreachable").acceptUnverified("acme.tgw.unmodeled", "subnet-1").build();
    assertThat(spec.acceptedUnverified()).containsExactly(Acceptance.of("acme.tgw.unmodeled", "subnet-1"),
        Acceptance.of("vpc.dhcp.dns-unreachable"));
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
    assertThat(spec.toBuilder().acceptedUnverified(List.of()).build().acceptedUnverified()).isEmpty();
    assertThat(spec).isNotEqualTo(job().build());
    assertThat(spec.toString()).contains("acceptedUnverified=[acme.tgw.unmodeled=subnet-1, vpc.dhcp.dns-unreachable]");
    assertThat(job().build().acceptedUnverified()).isEmpty();
  }

  @Test
  void theBuilderRejectsAMalformedAcceptance() {
    assertThatThrownBy(() -> job().acceptUnverified(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> job().acceptUnverified("s3.route.unmodeled", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutAcceptancesTheVerdictIsUnverified() {
    PreflightReport r = engine().evaluate(job().build(), network().build());
    assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(r.accepted()).isEmpty();
  }

  @Test
  void aBareRuleIdAcceptsEveryUnverifiedFindingOfTheRule() {
    PreflightReport r = engine().evaluate(job().acceptUnverified("acme.tgw.unmodeled").build(), network().build());
    assertThat(r.verdict()).isEqualTo(Verdict.READY);
    assertThat(r.findings("acme.tgw.unmodeled")).hasSize(2)
        .allMatch(f -> f.accepted() && f.outcome() == Outcome.UNVERIFIED);
  }

  @Test
  void aRuleAndResourceAcceptsOnlyTheFindingsNamingIt() {
    PreflightReport one = engine().evaluate(job().acceptUnverified("acme.tgw.unmodeled", "tgw-1").build(),
        network().build());
    assertThat(one.verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(one.accepted()).extracting(f -> f.resources().get(0)).containsExactly("subnet-1");
    PreflightReport both = engine().evaluate(job().acceptUnverified("acme.tgw.unmodeled", "tgw-1")
        .acceptUnverified("acme.tgw.unmodeled", "subnet-2").build(), network().build());
    assertThat(both.verdict()).isEqualTo(Verdict.READY);
  }

  @Test
  void aFailIsNeverAcceptedByTheEngine() {
    RuleEngine engine = RuleEngine.builder().rules(engine().rules()).addRule(new BaseRule("acme.always.fails",
        Severity.ERROR, "always fails") {
      @Override
      public List<Finding> evaluate(RuleContext ctx) {
        return List.of(fail("it fails", "fix it", "subnet-1"));
      }
    }).build();
    PreflightReport r = engine.evaluate(job().acceptUnverified("acme.always.fails")
        .acceptUnverified("acme.tgw.unmodeled").build(), network().build());
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(r.failure("acme.always.fails")).get().extracting(Finding::accepted).isEqualTo(false);
    assertThat(r.unmatchedAcceptances()).containsExactly(Acceptance.of("acme.always.fails"));
  }

  @Test
  void anUnknownRuleIdIsRejectedAndASuppressedOneIsHarmless() {
    assertThatThrownBy(() -> engine().evaluate(job().acceptUnverified("acme.tgw.unmodeld").build(),
        network().build())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'acme.tgw.unmodeld'").hasMessageContaining("no rule of that id");
    PreflightReport r = engine().evaluate(job().acceptUnverified("acme.always.fails").build(), network().build());
    assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(r.unmatchedAcceptances()).containsExactly(Acceptance.of("acme.always.fails"));
  }

  @Test
  void theStandardCatalogueKnowsTheRulesThatCanBeUndecided() {
    TrainingJobSpec spec = job().acceptUnverified("s3.route.unmodeled").acceptUnverified("vpc.dhcp.incomplete")
        .build();
    PreflightReport r = RuleEngine.standard().evaluate(spec, network().build());
    assertThat(r.acceptances()).hasSize(2);
    assertThat(r.findings()).filteredOn(Finding::accepted).allMatch(Finding::isUnverified);
  }
}
