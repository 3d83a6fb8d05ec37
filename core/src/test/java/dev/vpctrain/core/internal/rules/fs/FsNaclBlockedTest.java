package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.SgFixtures.ACL;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_PUBLIC;
import static dev.vpctrain.core.fixtures.SgFixtures.acl;
import static dev.vpctrain.core.fixtures.SgFixtures.allowAllEntries;
import static dev.vpctrain.core.fixtures.SgFixtures.entry;
import static dev.vpctrain.core.fixtures.SgFixtures.ports;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.ACL_FS;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.EFS;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.FSX;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SUBNET_A;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SUBNET_B;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SUBNET_FS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FsNaclBlockedTest {
  private static final String ACL_JOB = "acl-0a1b2c3d4e5f60003";
  private final FsNaclBlocked rule = new FsNaclBlocked();

  private List<Finding> run(TrainingJobSpec job, NetworkSnapshot n) {
    return rule.evaluate(RuleContext.of(job, n));
  }

  /** A custom ACL on subnet A: everything out; in, only TCP 1024-65535 (the usual "return traffic" entry) and HTTPS. */
  private static List<AclEntry> returnsOnHighPortsOnly() {
    return List.of(
        entry(100, true, "-1", true, "0.0.0.0/0", null),
        entry(32767, true, "-1", false, "0.0.0.0/0", null),
        entry(100, false, "6", true, "0.0.0.0/0", ports(1024, 65535)),
        entry(32767, false, "-1", false, "0.0.0.0/0", null));
  }

  private static NetworkSnapshot withJobAcl(List<AclEntry> jobEntries) {
    return FsxFixtures.network().networkAcls(List.of(
        acl(ACL, true, List.of(SUBNET_B, SUBNET_PUBLIC, SUBNET_FS), allowAllEntries()),
        acl(ACL_JOB, false, List.of(SUBNET_A), jobEntries))).build();
  }

  private static NetworkSnapshot withFsAcl(List<AclEntry> fsEntries) {
    return FsxFixtures.network().networkAcls(List.of(
        acl(ACL, true, List.of(SUBNET_A, SUBNET_B, SUBNET_PUBLIC), allowAllEntries()),
        acl(ACL_FS, false, List.of(SUBNET_FS), fsEntries))).build();
  }

  @Test
  void passesWithTheDefaultAcl() {
    assertThat(run(FsxFixtures.lustreJob().addInputChannel(FsxFixtures.efsChannel()).build(), FsxFixtures.ready()))
        .singleElement().extracting(Finding::outcome).isEqualTo(Outcome.PASS);
  }

  @Test
  void lustreFailsWhenTheJobAclPassesReturnsOnlyOnHighPorts() {
    List<Finding> f = run(FsxFixtures.lustreJobInA().build(), withJobAcl(returnsOnHighPortsOnly()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.resources()).startsWith(SUBNET_A, FSX).contains(ACL_JOB, FsxFixtures.ENI_1, FsxFixtures.ENI_2);
      assertThat(x.message()).contains("network ACL " + ACL_JOB).contains("inbound TCP 1021-1023")
          .contains("inbound TCP 988").contains("below 1024");
      // the final * rule denies: each entry gets its own number above the existing ones
      assertThat(x.remediation().orElseThrow()).contains("aws ec2 create-network-acl-entry --network-acl-id " + ACL_JOB
          + " --ingress --rule-number 110 --protocol tcp --port-range From=988,To=988 --cidr-block 10.20.3.0/24 --rule-action allow")
          .contains("--ingress --rule-number 120 --protocol tcp --port-range From=1021,To=1023 --cidr-block 10.20.3.0/24")
          .contains("--ingress --rule-number 130 --protocol tcp --port-range From=1018,To=1020");
    });
  }

  @Test
  void efsPassesTheSameAclBecauseNfsRepliesUseHighPorts() {
    assertThat(run(FsxFixtures.efsJob().vpc(v -> v.subnets(SUBNET_A)).build(), withJobAcl(returnsOnHighPortsOnly())))
        .singleElement().extracting(Finding::outcome).isEqualTo(Outcome.PASS);
  }

  @Test
  void efsFailsWhenTheMountTargetSubnetDropsNfs() {
    List<AclEntry> entries = new ArrayList<>(allowAllEntries());
    entries.add(entry(50, false, "6", false, "0.0.0.0/0", ports(2049, 2049)));
    List<Finding> f = run(FsxFixtures.efsJob().vpc(v -> v.subnets(SUBNET_A)).build(), withFsAcl(entries));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.resources()).containsExactly(SUBNET_A, EFS, FsxFixtures.MT, ACL_FS);
      assertThat(x.message()).contains("rule 50 denies inbound TCP 2049");
      assertThat(x.remediation().orElseThrow()).contains("--network-acl-id " + ACL_FS + " --ingress --rule-number 49")
          .contains("--cidr-block 10.20.1.0/24");
    });
  }

  @Test
  void onlyPorts1018To1020BlockedIsAWarning() {
    List<AclEntry> entries = new ArrayList<>(allowAllEntries());
    entries.add(entry(50, false, "6", false, "10.20.0.0/16", ports(1018, 1020)));
    List<Finding> f = run(FsxFixtures.lustreJobInA().build(), withFsAcl(entries));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.message()).contains("1018-1020");
    });
  }

  @Test
  void theFileSystemSubnetAclMustLetServersConnectToClients() {
    List<AclEntry> entries = new ArrayList<>(allowAllEntries());
    entries.add(entry(60, true, "6", false, "10.20.1.0/24", ports(988, 988)));
    List<Finding> f = run(FsxFixtures.lustreJobInA().build(), withFsAcl(entries));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("rule 60 denies outbound TCP 988");
    });
  }

  @Test
  void noAclWithinOneSubnet() {
    NetworkSnapshot n = FsxFixtures.network()
        .networkInterfaces(List.of(FsxFixtures.eni(FsxFixtures.ENI_1, "10.20.1.10", SUBNET_A, FsxFixtures.SG_FSX),
            FsxFixtures.eni(FsxFixtures.ENI_2, "10.20.1.11", SUBNET_A, FsxFixtures.SG_FSX)))
        .networkAcls(List.of(acl(ACL, true, List.of(SUBNET_B, SUBNET_PUBLIC, SUBNET_FS), allowAllEntries()),
            acl(ACL_JOB, false, List.of(SUBNET_A), returnsOnHighPortsOnly()))).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), n)).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void unverifiedWhenTheAclsAreUnknown() {
    NetworkSnapshot n = FsxFixtures.network().networkAcls(Optional.<List<NetworkAcl>>empty()).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), n)).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("DescribeNetworkAcls");
    });
  }

  @Test
  void unverifiedWhenTheEndpointsAreUnknown() {
    NetworkSnapshot n = FsxFixtures.network().efsMountTargets(Optional.empty()).build();
    assertThat(run(FsxFixtures.efsJob().build(), n)).allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("mount targets");
    });
  }

  @Test
  void passesWithoutFileSystemChannels() {
    assertThat(run(dev.vpctrain.core.fixtures.SgFixtures.job(), FsxFixtures.ready())).singleElement()
        .extracting(Finding::message).isEqualTo("The job has no EFS or FSx for Lustre channel.");
  }
  @Test
  void efsCandidatesInOtherZonesSomeBlockedIsUnverifiedAllBlockedFails() {
    // no mount target in subnet B's zone (use1-az2): both mount targets in use1-az1 are candidates
    dev.vpctrain.core.network.EfsMountTarget second = dev.vpctrain.core.network.EfsMountTarget.builder()
        .mountTargetId("fsmt-0a1b2c3d4e5f60602").fileSystemId(EFS).subnetId(SUBNET_PUBLIC).vpcId(dev.vpctrain.core.fixtures.SgFixtures.VPC)
        .availabilityZoneId("use1-az1").lifeCycleState("available").ipAddress("10.20.101.20").build();
    List<AclEntry> blockNfs = new ArrayList<>(allowAllEntries());
    blockNfs.add(entry(50, false, "6", false, "0.0.0.0/0", ports(2049, 2049)));
    NetworkSnapshot oneBlocked = FsxFixtures.network()
        .efsMountTargets(List.of(FsxFixtures.network().build().efsMountTargets().orElseThrow().get(0), second))
        .networkAcls(List.of(acl(ACL, true, List.of(SUBNET_A, SUBNET_B, SUBNET_PUBLIC), allowAllEntries()),
            acl(ACL_FS, false, List.of(SUBNET_FS), blockNfs))).build();
    TrainingJobSpec inB = FsxFixtures.efsJob().vpc(v -> v.subnets(SUBNET_B)).build();
    assertThat(run(inB, oneBlocked)).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("Which mount target SageMaker uses is not documented");
    });
    NetworkSnapshot bothBlocked = NetworkSnapshot.builder().from(oneBlocked)
        .networkAcls(List.of(acl(ACL, true, List.of(SUBNET_A, SUBNET_PUBLIC), allowAllEntries()),
            acl(ACL_FS, false, List.of(SUBNET_FS), blockNfs),
            acl(ACL_JOB, false, List.of(SUBNET_B), blockNfs.stream().map(e -> e.ruleNumber() == 50
                ? entry(50, true, "6", false, "0.0.0.0/0", ports(2049, 2049)) : e).toList()))).build();
    assertThat(run(inB, bothBlocked)).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.resources()).contains(FsxFixtures.MT, "fsmt-0a1b2c3d4e5f60602", ACL_JOB);
    });
  }

  @Test
  void anFsxFileSystemOfAnotherTypeIsLeftToFsNotFound() {
    NetworkSnapshot n = FsxFixtures.network().fsxFileSystems(List.of(FsxFixtures.fsx().fileSystemType("ONTAP").build()))
        .networkAcls(List.of(acl(ACL, true, List.of(SUBNET_B, SUBNET_PUBLIC, SUBNET_FS), allowAllEntries()),
            acl(ACL_JOB, false, List.of(SUBNET_A), returnsOnHighPortsOnly()))).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), n)).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
  }
}
