package dev.vpctrain.core.internal.rules.target;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ADDRESS;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ENI;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SG;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SUBNET;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.database;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.eni;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.job;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.with;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.withInterfaces;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetNotFoundTest {
  private final TargetNotFound rule = new TargetNotFound();

  @Test
  void noDeclaredTargetPasses() {
    Finding f = single(rule, job(), database());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("declares no in-VPC target");
  }

  @Test
  void aGroupAnAddressAndAnInterfaceThatExistPass() {
    Finding f = single(rule, job("db=" + DB_SG + ":5432", DB_ADDRESS + ":5432", DB_ENI + ":5432"), database());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("db (" + DB_SG + ":5432)").contains(DB_ENI);
  }

  @Test
  void anAddressNoInterfaceHoldsFailsWhenTheListIsCompleteForTheVpc() {
    Finding f = single(rule, job("features=10.20.3.99:5432"), database());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly("features", DB_SUBNET, TestNetworks.VPC);
    assertThat(f.message()).contains("no network interface in the snapshot holds 10.20.3.99");
    assertThat(f.remediation().orElseThrow()).contains("addresses.private-ip-address,Values=10.20.3.99");
  }

  @Test
  void anAddressNoInterfaceHoldsIsUnverifiedWhenTheListIsFilteredByAddressOrFailedOrAbsent() {
    NetworkSnapshot byAddress = with(database(), b -> b.captureFilters(java.util.Map.of("ec2:DescribeNetworkInterfaces", List.of(CaptureFilter.of("addresses.private-ip-address", List.of(DB_ADDRESS))))));
    Finding f = single(rule, job("features=10.20.3.99:5432"), byAddress);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("addresses.private-ip-address=" + DB_ADDRESS);
    assertThat(f.remediation().orElseThrow()).contains("--accept-unverified target.not-found=features");
    NetworkSnapshot failed = with(database(), b -> b.addErrors(
        CaptureError.of("ec2:DescribeNetworkInterfaces", "UnauthorizedOperation", "denied")));
    assertThat(single(rule, job("10.20.3.99:5432"), failed).outcome()).isEqualTo(Outcome.UNVERIFIED);
    Finding absent = single(rule, job("10.20.3.99:5432"), world().build());
    assertThat(absent.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(absent.message()).contains("ec2:DescribeNetworkInterfaces");
  }

  @Test
  void anAddressInASharedVpcIsUnverified() {
    NetworkSnapshot shared = withInterfaces(world().vpc(v -> v.withOwnerId("210987654321")),
        eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG));
    Finding f = single(rule, job("10.20.3.99:5432"), shared);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("shared");
  }

  @Test
  void anAddressOutsideTheVpcIsNotLookedUp() {
    Finding f = single(rule, job("10.99.0.5:5432"), database());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("outside every CIDR").contains("the route decides");
  }

  @Test
  void anAddressInASecondaryCidrIsInsideTheVpc() {
    NetworkSnapshot n = withInterfaces(world().vpc(v -> v.withCidrBlocks(TestNetworks.VPC_CIDR, "10.21.0.0/16")));
    assertThat(single(rule, job("10.21.0.5:5432"), n).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void aGroupAbsentFromTheSnapshotOrCarriedByNoInterfaceFails() {
    Finding absent = single(rule, job("sg-0ee00001:6379"), database());
    assertThat(absent.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(absent.message()).contains("security group sg-0ee00001 is not in the snapshot");
    Finding stopped = single(rule, job("db=" + DB_SG + ":5432"), withInterfaces(world()));
    assertThat(stopped.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(stopped.message()).contains("no network interface in the snapshot carries security group " + DB_SG)
        .contains("stopped");
    assertThat(stopped.resources()).contains("db", DB_SG, TestNetworks.VPC);
  }

  @Test
  void aGroupCarriedByNoInterfaceOfAnIncompleteListIsUnverified() {
    NetworkSnapshot filtered = with(withInterfaces(world()), b -> b.captureFilters(java.util.Map.of("ec2:DescribeNetworkInterfaces", List.of(CaptureFilter.of("network-interface-id", List.of("eni-0aa00001"))))));
    assertThat(single(rule, job(DB_SG + ":5432"), filtered).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void anInterfaceAbsentFromACompleteListFailsAndFromAnIncompleteOneIsUnverified() {
    Finding f = single(rule, job("eni-0ee00001:5432"), database());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.remediation().orElseThrow()).contains("--network-interface-ids eni-0ee00001");
    NetworkSnapshot byId = with(database(), b -> b.captureFilters(java.util.Map.of("ec2:DescribeNetworkInterfaces", List.of(CaptureFilter.of("network-interface-id", List.of(DB_ENI))))));
    assertThat(single(rule, job("eni-0ee00001:5432"), byId).outcome()).isEqualTo(Outcome.UNVERIFIED);
    NetworkSnapshot byTheId = with(database(), b -> b.captureFilters(java.util.Map.of("ec2:DescribeNetworkInterfaces", List.of(CaptureFilter.of("network-interface-id", List.of("eni-0ee00001"))))));
    assertThat(single(rule, job("eni-0ee00001:5432"), byTheId).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void oneFindingPerMissingTarget() {
    List<Finding> out = evaluate(rule, job("a=10.20.3.98:5432", "b=10.20.3.99:5432", DB_SG + ":5432"), database());
    assertThat(out).hasSize(2).allMatch(x -> x.outcome() == Outcome.FAIL);
    assertThat(out.get(0).resources()).startsWith("a");
    assertThat(out.get(1).resources()).startsWith("b");
  }

  @Test
  void aBlockIsNeverNotFound() {
    assertThat(single(rule, job("10.20.3.0/24:5432"), withInterfaces(world())).outcome()).isEqualTo(Outcome.PASS);
  }

}
