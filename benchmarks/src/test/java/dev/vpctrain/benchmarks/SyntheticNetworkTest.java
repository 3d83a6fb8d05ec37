package dev.vpctrain.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import org.junit.jupiter.api.Test;

/** The benchmark's network has the announced size and every rule decides on it without an internal error. */
class SyntheticNetworkTest {
  @Test
  void referenceSizes() {
    SyntheticNetwork n = SyntheticNetwork.of(1);
    assertThat(n.network().subnets().get()).hasSize(1000);
    assertThat(n.network().routeTables().get()).hasSize(1000).allMatch(t -> t.routes().size() == 20);
    assertThat(n.network().securityGroups().get()).hasSize(2000).allMatch(g -> g.ingress().size() + g.egress().size() >= 25);
    assertThat(n.network().vpcEndpoints().get()).hasSize(100);
    assertThat(n.job().vpc().get().subnets()).hasSize(16);
    assertThat(n.job().vpc().get().securityGroups()).hasSize(5);
    assertThat(n.job().buckets()).hasSize(10);
    assertThat(n.job().inputChannels()).filteredOn(c -> c.isFileSystem()).hasSize(4);
    assertThat(n.job().requiredInVpc()).hasSize(10);
    assertThat(n.network().networkInterfaces().get()).hasSizeGreaterThan(1000);
    n.job().inputChannels().stream().filter(c -> c.isFileSystem()).forEach(c -> assertThat(
        n.network().efsFileSystem(c.fileSystemId().get()).isPresent() || n.network().fsxFileSystem(c.fileSystemId().get())
            .isPresent()).as(c.name()).isTrue());
  }

  @Test
  void everyRuleDecidesWithoutAnInternalError() {
    SyntheticNetwork n = SyntheticNetwork.of(0.25);
    PreflightReport r = RuleEngine.standard().evaluate(n.job(), n.network());
    assertThat(r.findings()).noneMatch(f -> f.message().contains("This is a bug in vpctrain"));
    assertThat(r.findings()).anyMatch(f -> f.ruleId().equals("s3.route.missing") && f.outcome() == dev.vpctrain.core.report.Outcome.PASS);
    // the role is judged, and passes: the benchmark measures the role rules' real evaluation
    for (String role : java.util.List.of("role.not-found", "role.trust.sagemaker", "role.vpc.permissions",
        "role.logs.access", "role.fs.describe")) {
      assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(role)).singleElement().satisfies(f -> {
        assertThat(f.outcome()).as(role + ": " + f.message()).isEqualTo(dev.vpctrain.core.report.Outcome.PASS);
        assertThat(f.message()).doesNotStartWith("Not evaluated");
      });
    }
  }
}
