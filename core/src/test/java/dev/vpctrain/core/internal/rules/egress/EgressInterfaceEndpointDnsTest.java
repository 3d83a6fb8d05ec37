package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.internal.rules.egress.EgressTesting.job;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.noNat;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.only;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.outcome;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.withEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import org.junit.jupiter.api.Test;

class EgressInterfaceEndpointDnsTest {
  private final EgressInterfaceEndpointDns rule = new EgressInterfaceEndpointDns();
  private final TrainingJobSpec sts = job().requires(AwsService.STS).build();

  @Test
  void failsWhenPrivateDnsIsOffAndNoNatPath() {
    Finding f = only(rule, sts, withEndpoint(noNat(), "vpce-sts", "sts", false).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly("vpce-sts", "subnet-a", "subnet-b");
    assertThat(f.message()).contains("its private DNS is off").contains("no NAT path");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-sts --private-dns-enabled");
  }

  @Test
  void failsWhenTheVpcHasDnsHostnamesOff() {
    Finding f = only(rule, sts, withEndpoint(noNat(), "vpce-sts", "sts", true)
        .vpc(v -> v.withEnableDnsHostnames(false)).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("enableDnsHostnames false");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 modify-vpc-attribute --vpc-id " + TestNetworks.VPC
        + " --enable-dns-hostnames '{\"Value\":true}'");
  }

  @Test
  void passesWhenDnsWorksOrNatServesInstead() {
    assertThat(outcome(rule, sts, withEndpoint(noNat(), "vpce-sts", "sts", true).build())).isEqualTo(Outcome.PASS);
    assertThat(outcome(rule, sts, withEndpoint(TestNetworks.ready(), "vpce-sts", "sts", false).build()))
        .isEqualTo(Outcome.PASS);
    assertThat(outcome(rule, sts, noNat().build())).isEqualTo(Outcome.PASS);
  }

  @Test
  void unverifiedWhenTheDnsAttributeOrEndpointsAreUnknown() {
    assertThat(outcome(rule, sts, withEndpoint(noNat(), "vpce-sts", "sts", true).without(Section.VPC_ATTRIBUTES).build()))
        .isEqualTo(Outcome.UNVERIFIED);
    Finding f = only(rule, sts, noNat().without(Section.VPC_ENDPOINTS).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("ec2:DescribeVpcEndpoints");
  }
}
