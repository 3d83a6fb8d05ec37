package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.EFS;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.FSX;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.efsChannel;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.fsxChannel;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.job;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.lustre;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.network;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.withFileSystems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsDnsTest {
  private final FsDns rule = new FsDns();

  private static NetworkSnapshot of(TestNetworks.Builder b) {
    return withFileSystems(b.build(), "available", lustre("PERSISTENT_2", "abcdefgh").build());
  }

  private static DhcpOptions servers(String... servers) {
    return DhcpOptions.builder().dhcpOptionsId(TestNetworks.DHCP)
        .putConfiguration("domain-name", List.of("corp.example.com"))
        .putConfiguration("domain-name-servers", List.of(servers))
        .build();
  }

  @Test
  void hostnamesOnAndAmazonDnsPass() {
    Finding f = single(rule, job(efsChannel("/data"), fsxChannel("/abcdefgh")), of(network()));
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.resources()).contains(TestNetworks.VPC, EFS, FSX);
    // the VPC resolver's own address is the Amazon DNS server too
    assertThat(single(rule, job(efsChannel("/data")), of(network().dhcpOptions(servers("10.20.0.2")))).outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void hostnamesOffIsUnverifiedNeverAFail() {
    Finding f = single(rule, job(efsChannel("/data")), of(network().vpc(v -> v.withEnableDnsHostnames(false))));
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.message()).contains("enableDnsHostnames off").contains("not documented");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 modify-vpc-attribute --vpc-id " + TestNetworks.VPC
        + " --enable-dns-hostnames").contains("--accept-unverified fs.dns=" + EFS);
    assertThat(f.resources()).contains(TestNetworks.VPC, EFS);
  }

  @Test
  void customDnsServersAreUnverified() {
    Finding f = single(rule, job(fsxChannel("/abcdefgh")), of(network().dhcpOptions(servers("10.50.0.10", "AmazonProvidedDNS"))));
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("10.50.0.10");
    assertThat(f.resources()).contains(TestNetworks.DHCP, FSX);
  }

  @Test
  void missingAttributesOrDhcpOptionsAreUnverified() {
    Finding attrs = single(rule, job(efsChannel("/data")), of(network().without(Section.VPC_ATTRIBUTES)));
    assertThat(attrs.outcome()).isEqualTo(Outcome.UNVERIFIED);
    Finding dhcp = single(rule, job(efsChannel("/data")), of(network().without(Section.DHCP_OPTIONS)));
    assertThat(dhcp.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(dhcp.message()).contains("ec2:DescribeDhcpOptions");
  }
}
