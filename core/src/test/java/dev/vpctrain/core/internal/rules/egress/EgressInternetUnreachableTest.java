package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.fixtures.SgFixtures.entry;
import static dev.vpctrain.core.fixtures.SgFixtures.ports;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.job;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.noNat;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.only;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressInternetUnreachableTest {
  private final EgressInternetUnreachable rule = new EgressInternetUnreachable();
  private final TrainingJobSpec pypi = job().requiresInternet("pypi.org", 443).build();

  @Test
  void passesThroughAHealthyNat() {
    assertThat(outcome(rule, pypi, TestNetworks.ready().build())).isEqualTo(Outcome.PASS);
    assertThat(outcome(rule, job().build(), noNat().build())).isEqualTo(Outcome.PASS);
  }

  @Test
  void failsWithoutNatPath() {
    Finding f = only(rule, pypi, noNat().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).contains("subnet-a", "subnet-b", "rtb-private");
    assertThat(f.message()).contains("pypi.org:443").contains("no NAT path");
    assertThat(f.remediation().orElseThrow())
        .contains("aws ec2 create-route --route-table-id rtb-private --destination-cidr-block 0.0.0.0/0");
  }

  @Test
  void failsWhenSecurityGroupEgressBlocksThePort() {
    Finding f = only(rule, pypi, TestNetworks.ready()
        .securityGroup(sg("sg-training", List.of(), List.of(tcp(443, 443, TestNetworks.S3_PL)))).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("allow no outbound TCP 443 to public addresses");
    assertThat(f.resources()).contains("sg-training");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-egress --group-id sg-training "
        + "--ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0}]'");
  }

  @Test
  void failsWhenTheAclDropsTheReplies() {
    NetworkAcl acl = NetworkAcl.builder().networkAclId("acl-private").vpcId(TestNetworks.VPC)
        .addSubnetIds("subnet-a", "subnet-b")
        .addEntries(entry(100, true, "-1", true, "0.0.0.0/0", null),
            entry(100, false, "6", true, "10.20.0.0/16", ports(0, 65535)))
        .build();
    Finding f = only(rule, pypi, TestNetworks.ready().networkAcl(acl).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).contains("acl-private");
    assertThat(f.message()).contains("network ACL acl-private denies inbound TCP 1024-65535 from pypi.org");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 create-network-acl-entry --network-acl-id acl-private "
        + "--ingress --rule-number 110 --protocol tcp --port-range From=1024,To=65535 --cidr-block 0.0.0.0/0 --rule-action allow");
  }

  @Test
  void unverifiedWhenEgressCoversOnlySomePublicAddresses() {
    Finding f = only(rule, pypi, TestNetworks.ready()
        .securityGroup(sg("sg-training", List.of(), List.of(tcp(443, 443, "151.101.0.0/16")))).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("pypi.org");
  }

  @Test
  void unverifiedWhenNatGatewaysAreUnknown() {
    Finding f = only(rule, pypi, TestNetworks.ready().without(Section.NAT_GATEWAYS).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("ec2:DescribeNatGateways");
  }
}
