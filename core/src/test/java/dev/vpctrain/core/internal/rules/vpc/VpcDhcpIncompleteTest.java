package dev.vpctrain.core.internal.rules.vpc;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class VpcDhcpIncompleteTest {
  private static TestNetworks.Builder net() {
    return TestNetworks.ready();
  }

  private final VpcDhcpIncomplete dhcp = new VpcDhcpIncomplete();

  @Test
  void dhcpComplete() {
    Finding f = single(dhcp, TestJobs.job("subnet-a").build(), net().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void dhcpMissingKeys() {
    var incomplete = DhcpOptions.builder().dhcpOptionsId(TestNetworks.DHCP)
        .putConfiguration("domain-name-servers", List.of("10.0.0.2")).build();
    Finding f = single(dhcp, TestJobs.job("subnet-a").build(), net().dhcpOptions(incomplete).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains(TestNetworks.DHCP).contains("lacks domain-name:");
    assertThat(f.resources()).containsExactly(TestNetworks.VPC, TestNetworks.DHCP);
    assertThat(f.remediation().get()).contains("aws ec2 create-dhcp-options").contains("ec2.internal")
        .contains("aws ec2 associate-dhcp-options --vpc-id " + TestNetworks.VPC);
    var empty = DhcpOptions.builder().dhcpOptionsId(TestNetworks.DHCP).build();
    assertThat(single(dhcp, TestJobs.job("subnet-a").build(), net().dhcpOptions(empty).build()).message())
        .contains("lacks domain-name and domain-name-servers");
  }

  @Test
  void dhcpDefaultMeansNone() {
    Finding f = single(dhcp, TestJobs.job("subnet-a").build(), net().vpc(v -> v.withDhcpOptionsId("default")).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("no DHCP option set");
  }

  @Test
  void dhcpUnknown() {
    Finding f = single(dhcp, TestJobs.job("subnet-a").build(), net().without(Section.DHCP_OPTIONS).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("ec2:DescribeDhcpOptions was not captured");
    Finding missing = single(dhcp, TestJobs.job("subnet-a").build(), net().dhcpOptions().build());
    assertThat(missing.outcome()).isEqualTo(Outcome.UNVERIFIED);
  }
}
