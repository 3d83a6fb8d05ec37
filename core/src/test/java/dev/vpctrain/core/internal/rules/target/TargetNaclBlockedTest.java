package dev.vpctrain.core.internal.rules.target;

import static dev.vpctrain.core.fixtures.SgFixtures.acl;
import static dev.vpctrain.core.fixtures.SgFixtures.entry;
import static dev.vpctrain.core.fixtures.SgFixtures.ports;
import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ADDRESS;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ENI;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SG;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SUBNET;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.PCX;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.database;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.eni;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.job;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.withInterfaces;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetNaclBlockedTest {
  private final TargetNaclBlocked rule = new TargetNaclBlocked();

  /** The database subnet's ACL admits 5432 from the VPC and lets only 5432 out (no replies on 1024-65535). */
  private static NetworkSnapshot dbAclWithoutReplies() {
    return withInterfaces(world().networkAcl(acl("acl-db", false, List.of(DB_SUBNET), List.of(
            entry(100, false, "tcp", true, TestNetworks.VPC_CIDR, ports(5432, 5432)),
            entry(100, true, "tcp", true, TestNetworks.VPC_CIDR, ports(5432, 5432)),
            entry(32767, false, "-1", false, "0.0.0.0/0", null),
            entry(32767, true, "-1", false, "0.0.0.0/0", null)))),
        eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG));
  }

  @Test
  void allowAllAclsPass() {
    assertThat(single(rule, job("db=" + DB_SG + ":5432"), database()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aTargetSubnetAclWithoutReturnPortsFailsPerSubnetWithTheEntry() {
    List<Finding> out = evaluate(rule, job("db=" + DB_SG + ":5432"), dbAclWithoutReplies());
    assertThat(out).hasSize(2).allMatch(f -> f.outcome() == Outcome.FAIL);
    Finding f = out.get(0);
    assertThat(f.resources()).containsExactly("subnet-a", "db", "acl-db");
    assertThat(f.message()).contains("target subnet subnet-db").contains("outbound TCP 1024-65535");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 create-network-acl-entry --network-acl-id acl-db --egress "
        + "--rule-number 110 --protocol tcp --port-range From=1024,To=65535 --cidr-block 10.20.1.0/24 --rule-action allow");
    assertThat(out.get(1).remediation().orElseThrow()).contains("--cidr-block 10.20.2.0/24");
  }

  @Test
  void aJobSubnetAclWithoutThePortFails() {
    NetworkSnapshot n = withInterfaces(world().networkAcl(acl("acl-job", false, List.of("subnet-a"), List.of(
            entry(100, true, "tcp", true, "0.0.0.0/0", ports(443, 443)),
            entry(100, false, "tcp", true, "0.0.0.0/0", ports(1024, 65535)),
            entry(32767, false, "-1", false, "0.0.0.0/0", null),
            entry(32767, true, "-1", false, "0.0.0.0/0", null)))),
        eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG));
    Finding f = single(rule, job(DB_SG + ":5432"), n);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).startsWith("subnet-a", DB_SG).contains("acl-job");
    assertThat(f.remediation().orElseThrow()).contains("--network-acl-id acl-job --egress").contains("--cidr-block 10.20.3.15/32");
  }

  @Test
  void aTargetInTheJobSubnetCrossesNoAcl() {
    NetworkSnapshot n = withInterfaces(world().networkAcl(acl("acl-job", false, List.of("subnet-a"), List.of(
            entry(32767, false, "-1", false, "0.0.0.0/0", null),
            entry(32767, true, "-1", false, "0.0.0.0/0", null)))),
        eni(DB_ENI, "subnet-a", "10.20.1.50", DB_SG));
    Finding f = single(rule, TestJobsShim.inA(DB_SG + ":5432"), n);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("no network ACL applies");
  }

  @Test
  void aTargetSubnetOutsideTheSnapshotIsUnverifiedUnlessBeyondAHop() {
    // 10.20.200.9: inside the VPC CIDR, in no known subnet, the interface list filtered by address
    NetworkSnapshot n = world().build().toBuilder().networkInterfaces(List.of())
        .captureFilters(java.util.Map.of("ec2:DescribeNetworkInterfaces", List.of(dev.vpctrain.core.network.CaptureFilter.of(
            "addresses.private-ip-address", List.of("10.20.200.9")))))
        .build();
    List<Finding> out = evaluate(rule, job("10.20.200.9:443"), n);
    assertThat(out).allMatch(f -> f.outcome() == Outcome.UNVERIFIED);
    assertThat(out.get(0).message()).contains("not in the snapshot");
    NetworkSnapshot peered = withInterfaces(world().routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b")
        .route("0.0.0.0/0", "nat-a").route("172.31.0.0/16", PCX)));
    assertThat(single(rule, job("172.31.5.10:443"), peered).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aPeeredInterfaceWhoseSubnetAclIsUnknownIsLeftToTargetUnmodeled() {
    dev.vpctrain.core.network.NetworkInterface peered = dev.vpctrain.core.network.NetworkInterface.builder()
        .networkInterfaceId(DB_ENI).subnetId("subnet-peer").vpcId("vpc-0peer0000000000001").ownerId(TestNetworks.ACCOUNT)
        .addPrivateIpAddresses("172.31.5.10").addGroupIds(DB_SG).build();
    NetworkSnapshot n = withInterfaces(world().routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b")
        .route("0.0.0.0/0", "nat-a").route("172.31.0.0/16", PCX)), peered);
    Finding f = single(rule, job(DB_SG + ":5432"), n);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("subnet-peer is part of what target.unmodeled leaves to you");
  }

  /** Jobs in subnet-a only. */
  static final class TestJobsShim {
    static dev.vpctrain.core.job.TrainingJobSpec inA(String target) {
      return dev.vpctrain.core.fixtures.TestJobs.job("subnet-a")
          .requiresInVpc(dev.vpctrain.core.job.VpcTarget.parse(target)).build();
    }
  }
}
