package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.internal.rules.egress.EgressTesting.job;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.noNat;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.only;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.outcome;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.withEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import org.junit.jupiter.api.Test;

class EgressInterfaceEndpointAzTest {
  private final EgressInterfaceEndpointAz rule = new EgressInterfaceEndpointAz();
  private final TrainingJobSpec logs = job().requires(AwsService.LOGS).build();

  @Test
  void infoWhenTheEndpointMissesAJobSubnetsZone() {
    Finding f = only(rule, logs, noNat().interfaceEndpoint("vpce-logs", "logs", true, "subnet-a").build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.resources()).containsExactly("vpce-logs", "subnet-b");
    assertThat(f.message()).contains("us-east-1b");
    assertThat(f.remediation().orElseThrow())
        .contains("aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-logs --add-subnet-ids subnet-b");
  }

  @Test
  void passesWhenEveryZoneIsServed() {
    assertThat(outcome(rule, logs, withEndpoint(noNat(), "vpce-logs", "logs", true).build())).isEqualTo(Outcome.PASS);
  }

  @Test
  void unverifiedWhenSubnetsOrEndpointsAreUnknown() {
    assertThat(outcome(rule, logs, withEndpoint(noNat(), "vpce-logs", "logs", true).without(Section.SUBNETS).build()))
        .isEqualTo(Outcome.UNVERIFIED);
    assertThat(outcome(rule, logs, noNat().without(Section.VPC_ENDPOINTS).build())).isEqualTo(Outcome.UNVERIFIED);
  }
}
