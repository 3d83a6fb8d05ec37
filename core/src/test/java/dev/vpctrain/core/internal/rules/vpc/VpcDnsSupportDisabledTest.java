package dev.vpctrain.core.internal.rules.vpc;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import org.junit.jupiter.api.Test;

class VpcDnsSupportDisabledTest {
  private static TestNetworks.Builder net() {
    return TestNetworks.ready();
  }

  private final VpcDnsSupportDisabled dns = new VpcDnsSupportDisabled();

  @Test
  void dnsPassFailUnverified() {
    assertThat(single(dns, TestJobs.job("subnet-a").build(), net().build()).outcome()).isEqualTo(Outcome.PASS);
    Finding f = single(dns, TestJobs.job("subnet-a").build(), net().vpc(v -> v.withEnableDnsSupport(false)).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly(TestNetworks.VPC);
    assertThat(f.message()).contains(TestNetworks.VPC).contains("enableDnsSupport");
    assertThat(f.remediation().get()).contains("aws ec2 modify-vpc-attribute --vpc-id " + TestNetworks.VPC + " --enable-dns-support");
    Finding u = single(dns, TestJobs.job("subnet-a").build(), net().failed(Section.VPC_ATTRIBUTES, "UnauthorizedOperation").build());
    assertThat(u.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(u.message()).contains("ec2:DescribeVpcAttribute failed during capture");
    assertThat(single(dns, TestJobs.job("subnet-a").build(), net().without(Section.VPCS).build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(single(dns, TestJobs.jobWithoutVpc().build(), net().build()).outcome()).isEqualTo(Outcome.PASS);
    assertThat(single(dns, TestJobs.job("subnet-zz").vpc(v -> v.securityGroups("sg-zz")).build(), net().build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
  }
}
