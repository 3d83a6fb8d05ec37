package dev.vpctrain.core.internal.rules.target;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ADDRESS;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ENI;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SG;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SUBNET;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.PCX;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.database;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.dbGroup;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.eni;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.job;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.withInterfaces;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetSecurityGroupIngressTest {
  private final TargetSecurityGroupIngress rule = new TargetSecurityGroupIngress();

  private static NetworkSnapshot admitting(String... admitted) {
    return withInterfaces(world().securityGroup(dbGroup(admitted)), eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG));
  }

  @Test
  void aDatabaseGroupAdmittingTheJobGroupPasses() {
    Finding f = single(rule, job("features=" + DB_SG + ":5432"), database());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("features");
  }

  @Test
  void aDatabaseGroupAdmittingAnotherGroupFailsPerSubnetWithTheReferencingRule() {
    List<Finding> out = evaluate(rule, job("features=" + DB_SG + ":5432"), admitting("sg-0ff00001"));
    assertThat(out).hasSize(2).allMatch(f -> f.outcome() == Outcome.FAIL);
    Finding f = out.get(0);
    assertThat(f.resources()).containsExactly("subnet-a", "features", DB_ENI, DB_SG);
    assertThat(f.message()).contains("admit no TCP 5432 from the job's security groups (sg-training)")
        .contains("10.20.1.0/24");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-ingress --group-id " + DB_SG
        + " --ip-permissions 'IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=sg-training}]'");
  }

  @Test
  void aCidrMustCoverTheWholeJobSubnet() {
    assertThat(single(rule, job(DB_SG + ":5432"), admitting("10.20.0.0/16")).outcome()).isEqualTo(Outcome.PASS);
    List<Finding> half = evaluate(rule, job(DB_SG + ":5432"), admitting("10.20.1.0/25"));
    assertThat(half).hasSize(2).allMatch(f -> f.outcome() == Outcome.FAIL);
    List<Finding> oneSubnet = evaluate(rule, job(DB_SG + ":5432"), admitting("10.20.1.0/24"));
    assertThat(oneSubnet).hasSize(1);
    assertThat(oneSubnet.get(0).resources()).startsWith("subnet-b");
  }

  @Test
  void anInterfaceWithoutGroupsHasNoSecurityGroupCheck() {
    NetworkSnapshot n = withInterfaces(world(), eni("eni-0aa00001", DB_SUBNET, "10.20.3.20"));
    Finding f = single(rule, job("10.20.3.20:443"), n);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("no security groups");
  }

  @Test
  void unknownTargetGroupsAreUnverified() {
    NetworkSnapshot filtered = withInterfaces(world(), eni("eni-0aa00001", DB_SUBNET, "10.20.3.20", DB_SG)).toBuilder()
        .captureFilters(java.util.Map.of("ec2:DescribeNetworkInterfaces", List.of(dev.vpctrain.core.network.CaptureFilter.of(
            "addresses.private-ip-address", List.of("10.20.3.20")))))
        .build();
    List<Finding> out = evaluate(rule, job("10.20.3.99:5432"), filtered);
    assertThat(out).allMatch(f -> f.outcome() == Outcome.UNVERIFIED);
    assertThat(out.get(0).message()).contains("security groups of 10.20.3.99 are unknown");
    List<Finding> missingGroup = evaluate(rule, job(DB_SG + ":5432"),
        withInterfaces(world(), eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG, "sg-0ff00001")).toBuilder().build());
    assertThat(missingGroup).allMatch(f -> f.outcome() == Outcome.PASS);
  }

  @Test
  void aTargetBeyondAPeeringConnectionLeavesItsGroupsToTargetUnmodeled() {
    NetworkSnapshot n = withInterfaces(world().routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b")
        .route("0.0.0.0/0", "nat-a").route("172.31.0.0/16", PCX)));
    Finding f = single(rule, job("features=172.31.5.10:5432"), n);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("target.unmodeled");
  }

  @Test
  void aReferenceAcrossAVpcBoundaryIsUnverified() {
    NetworkInterface peered = NetworkInterface.builder().networkInterfaceId(DB_ENI).subnetId("subnet-peer")
        .vpcId("vpc-0peer0000000000001").ownerId(TestNetworks.ACCOUNT).addPrivateIpAddresses("172.31.5.10")
        .addGroupIds(DB_SG).build();
    NetworkSnapshot n = withInterfaces(world().routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b")
        .route("0.0.0.0/0", "nat-a").route("172.31.0.0/16", PCX)), peered);
    List<Finding> out = evaluate(rule, job(DB_SG + ":5432"), n);
    assertThat(out).allMatch(f -> f.outcome() == Outcome.UNVERIFIED);
    assertThat(out.get(0).message()).contains("only by reference").contains("vpc-0peer0000000000001");
  }

  @Test
  void everyInterfaceInsideABlockMustAdmitTheJob() {
    NetworkSnapshot n = withInterfaces(world(), eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG),
        eni("eni-0aa00001", DB_SUBNET, "10.20.3.20", "sg-training"));
    assertThat(single(rule, job("10.20.3.0/24:5432"), n).outcome()).isEqualTo(Outcome.PASS);
    NetworkSnapshot other = withInterfaces(world().securityGroup(TestNetworks.selfReferencingGroup("sg-0ff00001")),
        eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG), eni("eni-0aa00001", DB_SUBNET, "10.20.3.20", "sg-0ff00001"));
    List<Finding> out = evaluate(rule, job("10.20.3.0/24:5432"), other);
    assertThat(out).hasSize(2).allMatch(f -> f.outcome() == Outcome.FAIL);
    assertThat(out.get(0).resources()).contains("eni-0aa00001").doesNotContain(DB_ENI);
  }

  @Test
  void aBlockWhoseInterfacesAreNotAllKnownIsUnverified() {
    NetworkSnapshot incomplete = world().build().toBuilder().networkInterfaces(List.of(eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG)))
        .captureFilters(java.util.Map.of("ec2:DescribeNetworkInterfaces", List.of(dev.vpctrain.core.network.CaptureFilter.of(
            "addresses.private-ip-address", List.of(DB_ADDRESS)))))
        .build();
    assertThat(evaluate(rule, job("10.20.3.0/24:5432"), incomplete)).allMatch(f -> f.outcome() == Outcome.UNVERIFIED);
  }

  @Test
  void aPeeredInterfaceWhoseGroupsAreNotInTheSnapshotIsLeftToTargetUnmodeled() {
    NetworkInterface peered = NetworkInterface.builder().networkInterfaceId(DB_ENI).subnetId("subnet-peer")
        .vpcId("vpc-0peer0000000000001").ownerId(TestNetworks.ACCOUNT).addPrivateIpAddresses("172.31.5.10")
        .addGroupIds("sg-0ee00001").build();
    NetworkSnapshot beyond = withInterfaces(world().routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b")
        .route("0.0.0.0/0", "nat-a").route("172.31.0.0/16", PCX)), peered);
    Finding f = single(rule, job("172.31.5.10:5432"), beyond);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("target.unmodeled").contains("sg-0ee00001 is not in the snapshot");
    // the same interface reached without a hop: its unknown groups are UNVERIFIED here
    NetworkSnapshot local = withInterfaces(world(), peered.withSubnetId(DB_SUBNET).withVpcId(TestNetworks.VPC)
        .withPrivateIpAddresses(DB_ADDRESS));
    assertThat(evaluate(rule, job(DB_ADDRESS + ":5432"), local)).allMatch(x -> x.outcome() == Outcome.UNVERIFIED);
  }
}
