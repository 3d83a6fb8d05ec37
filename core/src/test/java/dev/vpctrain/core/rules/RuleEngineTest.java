package dev.vpctrain.core.rules;

import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static dev.vpctrain.core.rules.ShapeFixtures.network;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.Verdict;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
  private static Rule rule(String id, Severity severity, Function<RuleContext, List<Finding>> body) {
    return new BaseRule(id, severity, "test rule " + id) {
      @Override
      public List<Finding> evaluate(RuleContext ctx) {
        return body.apply(ctx);
      }
    };
  }

  private static Finding f(String id, Outcome outcome) {
    return Finding.builder().ruleId(id).severity(Severity.ERROR).outcome(outcome).message(id).build();
  }

  @Test
  void standardCatalogueHasUniqueIdsInCatalogueOrder() {
    List<Rule> rules = RuleEngine.standard().rules();
    Set<String> ids = new HashSet<>();
    rules.forEach(r -> assertThat(ids.add(r.id())).as("duplicate %s", r.id()).isTrue());
    assertThat(rules).extracting(Rule::id).startsWith("request.vpc-config.absent", "request.vpc-config.partial", "request.subnets.count",
        "request.security-groups.count", "request.id.malformed", "request.instances.invalid");
    assertThat(rules).extracting(Rule::id).containsSubsequence("request.instances.invalid",
        "vpc.resource.not-found", "vpc.mixed", "vpc.tenancy.dedicated");
    assertThat(rules).extracting(Rule::id).containsSubsequence("vpc.dhcp.incomplete", "vpc.dhcp.dns-unreachable",
        "vpc.subnets.single-az");
    assertThat(RuleEngine.standard().rule("vpc.mixed")).isPresent();
    assertThat(RuleEngine.standard().rule("no.such.rule")).isEmpty();
  }

  @Test
  void everyStandardRuleReturnsFindingsOfItsOwnIdForAnEmptySnapshot() {
    PreflightReport report = RuleEngine.standard().evaluate(job().build(),
        dev.vpctrain.core.network.NetworkSnapshot.builder().region("us-east-1").build());
    assertThat(report.findings()).noneMatch(x -> x.message().contains("This is a bug in vpctrain"));
    assertThat(report.verdict()).isNotEqualTo(Verdict.READY);
  }

  @Test
  void runsACustomRuleBesideTheCatalogue() {
    RuleEngine engine = RuleEngine.builder()
        .addRule(rule("acme.tag.required", Severity.ERROR, ctx -> List.of(f("acme.tag.required", Outcome.FAIL))))
        .build();
    PreflightReport report = engine.evaluate(job().build(), network().build());
    assertThat(report.failure("acme.tag.required")).isPresent();
    assertThat(report.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(report.rulesEvaluated()).isEqualTo(RuleEngine.standard().rules().size() + 1);
  }

  @Test
  void aRuleOfTheSameIdReplacesTheBuiltIn() {
    RuleEngine engine = RuleEngine.builder()
        .addRule(rule("vpc.mixed", Severity.ERROR, ctx -> List.of(f("vpc.mixed", Outcome.FAIL)))).build();
    assertThat(engine.rules()).filteredOn(r -> r.id().equals("vpc.mixed")).hasSize(1);
    assertThat(engine.evaluate(job().build(), network().build()).failure("vpc.mixed")).isPresent();
  }

  @Test
  void suppressedRulesDoNotRunNorAppear() {
    RuleEngine engine = RuleEngine.builder()
        .rules(List.of(rule("a", Severity.ERROR, ctx -> List.of(f("a", Outcome.FAIL))),
            rule("b", Severity.ERROR, ctx -> List.of(f("b", Outcome.PASS)))))
        .suppress("a").build();
    PreflightReport report = engine.evaluate(job().build(), network().build());
    assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("b");
    assertThat(report.verdict()).isEqualTo(Verdict.READY);
    assertThat(report.rulesEvaluated()).isEqualTo(1);
    assertThat(engine.rules()).extracting(Rule::id).containsExactly("b");
  }

  @Test
  void aThrowingRuleIsUnverifiedNeverPass() {
    RuleEngine engine = RuleEngine.builder().rules(List.of(rule("boom", Severity.ERROR, ctx -> {
      throw new IllegalStateException("kaput");
    }))).build();
    PreflightReport report = engine.evaluate(job().build(), network().build());
    assertThat(report.findings()).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("kaput").contains("please report");
    });
    assertThat(report.verdict()).isEqualTo(Verdict.UNVERIFIED);
  }

  @Test
  void aRuleReturningNothingOrAnotherRulesFindingIsUnverified() {
    RuleEngine engine = RuleEngine.builder().rules(List.of(
        rule("empty", Severity.ERROR, ctx -> List.of()),
        rule("liar", Severity.WARNING, ctx -> List.of(f("someone.else", Outcome.PASS))))).build();
    PreflightReport report = engine.evaluate(job().build(), network().build());
    assertThat(report.findings()).extracting(Finding::ruleId, Finding::outcome, Finding::severity)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("empty", Outcome.UNVERIFIED, Severity.ERROR),
            org.assertj.core.groups.Tuple.tuple("liar", Outcome.UNVERIFIED, Severity.WARNING));
  }

  @Test
  void theRegionIsTheJobsWhenItNamesOne() {
    PreflightReport report = RuleEngine.standard().evaluate(job().region("eu-west-1").build(), network().build());
    assertThat(report.region()).isEqualTo("eu-west-1");
    assertThat(RuleEngine.standard().evaluate(job().build(), network().build()).region()).isEqualTo("us-east-1");
  }

  @Test
  void aValidJobInItsNetworkPassesTheShapeAndVpcRules() {
    PreflightReport report = RuleEngine.standard().evaluate(job().build(), network().build());
    for (String id : List.of("request.vpc-config.partial", "request.subnets.count", "request.security-groups.count",
        "request.id.malformed", "request.instances.invalid", "vpc.resource.not-found", "vpc.mixed",
        "vpc.tenancy.dedicated")) {
      assertThat(report.findings(id)).as(id).isNotEmpty().allMatch(x -> x.outcome() == Outcome.PASS);
    }
  }
}
