package dev.vpctrain.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.Verdict;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shared examples {@code sg-no-self-ingress} and {@code ready-private-endpoints}, rebuilt with
 * the model builders, through the whole catalogue: the cluster, egress and isolation rules decide
 * them as {@code expect.json} says.
 */
class SecgroupsExamplesTest {
  private static final Set<String> MINE = Set.of("sg.self-ingress.missing", "sg.cluster-egress.blocked",
      "sg.efa.self-traffic", "nacl.cluster.blocked", "sg.intercontainer-encryption.off", "isolation.conflict",
      "egress.service.unreachable", "egress.interface-endpoint.dns", "egress.interface-endpoint.security-group",
      "egress.interface-endpoint.az", "egress.internet.unreachable", "egress.internet.igw-only", "egress.nat.misplaced",
      "egress.subnets.inconsistent");

  private static List<Finding> mine(PreflightReport r) {
    return r.findings().stream().filter(f -> MINE.contains(f.ruleId())).collect(Collectors.toList());
  }

  @Test
  void catalogueHoldsTheRulesInOrder() {
    List<String> ids = RuleCatalogue.standard().stream().map(Rule::id).filter(MINE::contains).collect(Collectors.toList());
    assertThat(ids).containsExactly("sg.self-ingress.missing", "sg.cluster-egress.blocked", "sg.efa.self-traffic",
        "nacl.cluster.blocked", "sg.intercontainer-encryption.off", "egress.service.unreachable",
        "egress.interface-endpoint.dns", "egress.interface-endpoint.security-group", "egress.interface-endpoint.az",
        "egress.internet.unreachable", "egress.internet.igw-only", "egress.nat.misplaced", "egress.subnets.inconsistent",
        "isolation.conflict");
  }

  @Test
  void sgNoSelfIngressFailsExactlyTheTwoExpectedErrors() {
    PreflightReport r = RuleEngine.standard().evaluate(SgFixtures.job(), SgFixtures.sgNoSelfIngress());
    List<String> errors = mine(r).stream()
        .filter(f -> f.severity() == Severity.ERROR && f.outcome() == Outcome.FAIL)
        .map(Finding::ruleId).collect(Collectors.toList());
    assertThat(errors).containsExactlyInAnyOrder("sg.self-ingress.missing", "sg.efa.self-traffic");
    assertThat(mine(r)).noneMatch(f -> f.severity() == Severity.ERROR && f.outcome() == Outcome.UNVERIFIED);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(r.failure("sg.self-ingress.missing")).get().extracting(Finding::resources)
        .isEqualTo(List.of(SgFixtures.SG_TRAINING));
  }

  @Test
  void readyPrivateEndpointsHasNoErrorFinding() {
    PreflightReport r = RuleEngine.standard().evaluate(SgFixtures.job(), SgFixtures.readyPrivateEndpoints());
    assertThat(mine(r)).noneMatch(f -> f.severity() == Severity.ERROR && f.outcome() != Outcome.PASS);
    assertThat(mine(r)).noneMatch(f -> f.outcome() != Outcome.PASS);
    assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR && f.outcome() != Outcome.PASS);
    assertThat(r.verdict()).isEqualTo(Verdict.READY);
  }
}
