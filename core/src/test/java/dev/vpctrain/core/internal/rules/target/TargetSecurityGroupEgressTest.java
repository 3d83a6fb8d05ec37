package dev.vpctrain.core.internal.rules.target;

import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ADDRESS;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ENI;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SG;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SUBNET;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.database;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.eni;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.job;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.withInterfaces;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetSecurityGroupEgressTest {
  private final TargetSecurityGroupEgress rule = new TargetSecurityGroupEgress();

  private static NetworkSnapshot jobEgress(Permission... egress) {
    return withInterfaces(world().securityGroup(sg("sg-training", List.of(all("sg-training")), List.of(egress))),
        eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG));
  }

  @Test
  void allEgressPasses() {
    Finding f = single(rule, job("db=" + DB_SG + ":5432"), database());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void egressOnlyToHttpsFailsOncePerTargetWithAReferenceToTheTargetGroup() {
    Finding f = single(rule, job("db=" + DB_SG + ":5432"), jobEgress(tcp(443, 443, "0.0.0.0/0")));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).startsWith("db").contains("sg-training");
    assertThat(f.message()).contains("allow no outbound TCP 5432 to " + DB_ENI);
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-egress --group-id sg-training "
        + "--ip-permissions 'IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=" + DB_SG + "}]'");
  }

  @Test
  void aReferenceToTheTargetGroupOrACoveringCidrPasses() {
    assertThat(single(rule, job(DB_SG + ":5432"), jobEgress(tcp(5432, 5432, DB_SG))).outcome()).isEqualTo(Outcome.PASS);
    assertThat(single(rule, job(DB_SG + ":5432"), jobEgress(tcp(5000, 6000, "10.20.3.0/24"))).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(single(rule, job(DB_SG + ":5432-5433"), jobEgress(tcp(5432, 5432, DB_SG))).outcome())
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void udpIsItsOwnProtocol() {
    Finding f = single(rule, job("dns=10.20.3.15:53/udp"), jobEgress(tcp(53, 53, "10.20.0.0/16")));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.remediation().orElseThrow()).contains("IpProtocol=udp,FromPort=53,ToPort=53");
    assertThat(single(rule, job("dns=10.20.3.15:53/udp"), jobEgress(SgFixtures.perm("udp", 53, 53, "10.20.0.0/16")))
        .outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anAddressOutsideTheVpcGetsACidrRule() {
    Finding f = single(rule, job("10.99.0.5:443"), jobEgress(tcp(5432, 5432, DB_SG)));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.remediation().orElseThrow()).contains("IpRanges=[{CidrIp=10.99.0.5/32}]");
  }

  @Test
  void aGroupReferenceMayCoverAnAddressOfUnknownGroupsSoItIsUnverified() {
    Finding f = single(rule, job("10.99.0.5:443"), jobEgress(tcp(443, 443, "sg-0ff00001")));
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).startsWith("10.99.0.5");
  }
}
