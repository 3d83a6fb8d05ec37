package dev.vpctrain.core.internal.rules.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.core.internal.rules.egress.InterfaceEndpointPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy rules on the shared example bundles: none of them FAILs or is UNVERIFIED as an ERROR. */
class ExamplesPolicyRulesTest {
  private static final List<Rule> RULES = List.of(new S3EndpointPolicyDenies(), new S3BucketPolicyDenies(), new S3PolicyUndecidable(),
      new S3EndpointPolicyFullAccess(), new S3BucketPolicyNotRestricted(), new S3PackagesNotBlocked(), new InterfaceEndpointPolicy());

  @ParameterizedTest
  @ValueSource(strings = {"ready-private-endpoints", "dedicated-tenancy", "no-s3-endpoint", "public-subnet-igw",
      "sg-no-self-ingress", "subnet-out-of-ips"})
  void policyRulesRaiseNoErrorOnTheExamples(String example) throws Exception {
    Path dir = ExampleBundles.folder().get().resolve(example);
    TrainingJobSpec job = ExampleBundles.job(dir);
    NetworkSnapshot network = ExampleBundles.network(dir);
    PreflightReport report = RuleEngine.builder().rules(RULES).build().evaluate(job, network);
    List<Finding> errors = report.findings().stream()
        .filter(f -> f.severity() == Severity.ERROR && f.outcome() != Outcome.PASS).toList();
    assertThat(errors).as(example).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ready-private-endpoints"})
  void theReadyExampleIsHardened(String example) throws Exception {
    Path dir = ExampleBundles.folder().get().resolve(example);
    PreflightReport report = RuleEngine.builder().rules(RULES).build().evaluate(ExampleBundles.job(dir), ExampleBundles.network(dir));
    assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("s3.endpoint-policy.denies"))
        .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
            "The policy of vpce-0a1b2c3d4e5f60301 allows every S3 request of the job."));
    assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("s3.bucket-policy.denies"))
        .singleElement().satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
    assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("s3.endpoint-policy.full-access"))
        .singleElement().satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
    assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("s3.packages.not-blocked"))
        .singleElement().satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
    // acme-ml-data is restricted to the endpoint; acme-ml-artifacts has no bucket policy (INFO advice).
    assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("s3.bucket-policy.not-restricted"))
        .extracting(Finding::outcome).containsExactlyInAnyOrder(Outcome.PASS, Outcome.FAIL);
  }
}
