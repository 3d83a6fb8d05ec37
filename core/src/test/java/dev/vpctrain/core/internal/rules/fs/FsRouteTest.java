package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.EFS;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.FSX;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.FSX_ENI;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.MT_A;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.efsChannel;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.fsxChannel;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.job;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.lustre;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.mountTarget;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.network;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.snapshot;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.withFileSystems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import java.util.Optional;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import org.junit.jupiter.api.Test;

class FsRouteTest {
  private final FsRoute rule = new FsRoute();

  private static NetworkSnapshot of(TestNetworks.Builder b) {
    return withFileSystems(b.build(), "available", lustre("PERSISTENT_2", "abcdefgh").build());
  }

  /** EFS whose only mount targets are {@code targets}. */
  private static NetworkSnapshot efsWith(TestNetworks.Builder b, EfsMountTarget... targets) {
    return of(b).withEfsMountTargets(List.of(targets));
  }

  private static EfsMountTarget elsewhere(String id, String address) {
    return EfsMountTarget.builder().mountTargetId(id).fileSystemId(EFS).subnetId("subnet-0other0000000001")
        .vpcId("vpc-0other0000000001").availabilityZoneName("us-east-1a").lifeCycleState("available").ipAddress(address).build();
  }

  @Test
  void localRoutesAndTheSameSubnetPass() {
    Finding f = single(rule, job(efsChannel("/data"), fsxChannel("/abcdefgh")), snapshot());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.resources()).containsExactly(EFS, FSX);
  }

  @Test
  void aBlackholeToTheFileSystemSubnetFailsNamingTheRouteTable() {
    NetworkSnapshot n = of(network().routeTable("rtb-private", rt -> rt.blackhole("10.20.3.0/24", "eni-0dead000000000001")));
    List<Finding> out = evaluate(rule, job(fsxChannel("/abcdefgh")), n);
    assertThat(out).hasSize(2).allMatch(f -> f.outcome() == Outcome.FAIL && f.severity() == Severity.ERROR);
    Finding a = out.get(0);
    assertThat(a.resources()).startsWith("subnet-a", FSX).contains(FSX_ENI, "rtb-private");
    assertThat(a.message()).contains("10.20.3.30").contains("blackhole").contains("rtb-private").contains("TCP 988");
    assertThat(a.remediation().orElseThrow()).contains("aws ec2 delete-route --route-table-id rtb-private --destination-cidr-block 10.20.3.0/24");
    assertThat(out.get(1).resources()).startsWith("subnet-b", FSX);
    // both subnets share rtb-private and its fix: one finding in the report
    PreflightReport report = RuleEngine.builder().rules(List.of(rule)).build().evaluate(job(fsxChannel("/abcdefgh")), n);
    assertThat(report.problems()).singleElement().satisfies(f -> {
      assertThat(f.message()).startsWith("From job subnets subnet-a and subnet-b, ");
      assertThat(f.resources()).startsWith("subnet-a", "subnet-b").contains(FSX, "rtb-private");
    });
    // the EFS mount targets sit in the job subnets themselves: no route table is crossed
    assertThat(single(rule, job(efsChannel("/data")), n).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aBlackholeOnTheWayBackFails() {
    NetworkSnapshot n = of(network().routeTable("rtb-fsx", rt -> rt.associate("subnet-fsx")
        .blackhole("10.20.1.0/24", "eni-0dead000000000001")));
    List<Finding> out = evaluate(rule, job(fsxChannel("/abcdefgh")), n);
    assertThat(out).hasSize(1);
    Finding f = out.get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).startsWith("subnet-a", FSX).contains("rtb-fsx");
    assertThat(f.message()).contains("on the way back");
    assertThat(f.remediation().orElseThrow()).contains("--route-table-id rtb-fsx --destination-cidr-block 10.20.1.0/24");
  }

  @Test
  void anApplianceInsideTheVpcIsUnverifiedNamingIt() {
    NetworkSnapshot n = of(network().routeTable("rtb-private", rt -> rt.route("10.20.3.0/24", "eni-0fw00000000000001")));
    List<Finding> out = evaluate(rule, job(fsxChannel("/abcdefgh")), n);
    assertThat(out).hasSize(2).allMatch(f -> f.outcome() == Outcome.UNVERIFIED);
    assertThat(out.get(0).resources()).contains("eni-0fw00000000000001", "rtb-private");
    assertThat(out.get(0).message()).contains("eni-0fw00000000000001");
    assertThat(out.get(0).remediation().orElseThrow()).contains("--accept-unverified fs.route=eni-0fw00000000000001");
    PreflightReport report = RuleEngine.builder().rules(List.of(rule)).build().evaluate(job(fsxChannel("/abcdefgh")), n);
    assertThat(report.problems()).singleElement().satisfies(f -> {
      assertThat(f.message()).startsWith("Whether job subnets subnet-a and subnet-b reach ");
      assertThat(f.remediation().orElseThrow()).contains("between the job subnets named above and the file system");
    });
  }

  @Test
  void mountTargetsInAnotherVpcNeedARouteThere() {
    EfsMountTarget far = elsewhere("fsmt-0c000000000000001", "10.30.1.20");
    // the default route leads to a NAT gateway whose subnet sends it to the internet
    Finding nat = evaluate(rule, job(efsChannel("/data")), efsWith(network(), far)).get(0);
    assertThat(nat.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(nat.message()).contains("10.30.1.20").contains("nat-a");
    assertThat(nat.resources()).contains("fsmt-0c000000000000001");
    // peering: beyond the snapshot
    Finding pcx = evaluate(rule, job(efsChannel("/data")), efsWith(network().routeTable("rtb-private",
        rt -> rt.route("10.30.0.0/16", "pcx-0a0000000000000001")), far)).get(0);
    assertThat(pcx.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(pcx.resources()).contains("pcx-0a0000000000000001");
    // no route at all
    Finding none = evaluate(rule, TestJobs.job("subnet-a").addInputChannel(efsChannel("/data")).build(),
        efsWith(network().routeTable("rtb-private", TestNetworks.RouteTableSpec::clearRoutes), far)).get(0);
    assertThat(none.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(none.message()).contains("has no route for 10.30.1.20");
    assertThat(none.remediation().orElseThrow()).contains("aws ec2 create-route --route-table-id rtb-private");
  }

  @Test
  void severalCandidateMountTargetsSomeUnreachableIsUnverified() {
    // no mount target in us-east-1b: subnet-b may mount either of the others
    EfsMountTarget near = mountTarget(MT_A, "subnet-a", "us-east-1a", "10.20.1.20");
    EfsMountTarget far = elsewhere("fsmt-0c000000000000001", "10.30.1.20");
    NetworkSnapshot n = efsWith(network(), near, far);
    Finding f = single(rule, TestJobs.job("subnet-b").addInputChannel(efsChannel("/data")).build(), n);
    // the in-VPC mount target is the only candidate when the VPC has one
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    EfsMountTarget farToo = elsewhere("fsmt-0d000000000000001", "10.31.1.20");
    NetworkSnapshot two = efsWith(network().routeTable("rtb-private", rt -> rt.route("10.31.0.0/16", "pcx-0a0000000000000001")),
        far, farToo);
    Finding g = single(rule, TestJobs.job("subnet-b").addInputChannel(efsChannel("/data")).build(), two);
    assertThat(g.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(g.message()).contains("10.30.1.20").contains("10.31.1.20");
  }

  @Test
  void unknownEndpointsAreUnverifiedNamingWhy() {
    Finding f = evaluate(rule, job(fsxChannel("/abcdefgh")), snapshot().withNetworkInterfaces(Optional.empty())).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("ec2:DescribeNetworkInterfaces");
    Finding mts = evaluate(rule, job(efsChannel("/data")), snapshot().withEfsMountTargets(Optional.empty())).get(0);
    assertThat(mts.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(mts.message()).contains("DescribeMountTargets");
    Finding none = evaluate(rule, job(efsChannel("/data")), snapshot().withEfsMountTargets(List.of(
        EfsMountTarget.builder().from(mountTarget(MT_A, "subnet-a", "us-east-1a", "10.20.1.20")).lifeCycleState("deleting").build())))
        .get(0);
    assertThat(none.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(none.message()).contains("fs.efs.mount-target.missing");
  }
}
