package dev.vpctrain.core.remediation;

import static dev.vpctrain.core.remediation.PlanFixtures.SG;
import static dev.vpctrain.core.remediation.PlanFixtures.SUBNET_A;
import static dev.vpctrain.core.remediation.PlanFixtures.SUBNET_B;
import static dev.vpctrain.core.remediation.PlanFixtures.VPC;
import static dev.vpctrain.core.remediation.PlanFixtures.fail;
import static dev.vpctrain.core.remediation.PlanFixtures.report;
import static dev.vpctrain.core.remediation.PlanFixtures.subnet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The file-system part of the plan: security-group rules and ACL entries derived from the snapshot
 * for {@code fs.efs.security-group}, {@code fs.fsx.security-group} and {@code fs.nacl.blocked}
 * findings; and, applied to the snapshot, the changes leave nothing more to plan.
 */
class FileSystemFixesTest {
  static final String FS_SUBNET = "subnet-0a1b2c3d4e5f60103";
  static final String EFS = "fs-0a1b2c3d4e5f60901";
  static final String FSX = "fs-0a1b2c3d4e5f60902";
  static final String MT = "fsmt-0a1b2c3d4e5f60911";
  static final String MT_ENI = "eni-0a1b2c3d4e5f60911";
  static final String FSX_ENI = "eni-0a1b2c3d4e5f60921";
  static final String EFS_SG = "sg-0a1b2c3d4e5f60491";
  static final String FSX_SG = "sg-0a1b2c3d4e5f60492";
  static final String JOB_ACL = "acl-0a1b2c3d4e5f60701";
  static final String FS_ACL = "acl-0a1b2c3d4e5f60702";

  // ---- fixtures --------------------------------------------------------------------------------

  static TrainingJobSpec job(String type, String fileSystemId) {
    return TrainingJobSpec.builder()
        .name("resnet50")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311")
        .instanceType("ml.p4d.24xlarge").instanceCount(2)
        .vpc(v -> v.subnets(SUBNET_A).securityGroups(SG))
        .addInputChannel(InputChannel.builder().name("train").fileSystemId(fileSystemId).fileSystemType(type)
            .directoryPath("/abcdefgh/train").fileSystemAccessMode("ro").build())
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .build();
  }

  static TrainingJobSpec efsJob() {
    return job("EFS", EFS);
  }

  static TrainingJobSpec fsxJob() {
    return job("FSxLustre", FSX);
  }

  static Permission all() {
    return Permission.builder().ipProtocol("-1").addIpRange("0.0.0.0/0").build();
  }

  static Permission tcp(int from, int to, String group) {
    return Permission.builder().ipProtocol("tcp").fromPort(from).toPort(to).addGroupId(group).build();
  }

  static Permission tcpCidr(int from, int to, String cidr) {
    return Permission.builder().ipProtocol("tcp").fromPort(from).toPort(to).addIpRange(cidr).build();
  }

  static SecurityGroup group(String id, List<Permission> ingress, List<Permission> egress) {
    return SecurityGroup.builder().groupId(id).groupName(id).vpcId(VPC).ingress(ingress).egress(egress).build();
  }

  static AclEntry entry(int number, boolean egress, String protocol, Integer from, Integer to, boolean allow) {
    AclEntry.Builder b = AclEntry.builder().ruleNumber(number).egress(egress).protocol(protocol).allow(allow)
        .cidrBlock("0.0.0.0/0");
    if (from != null) {
      b.portFrom(from).portTo(to);
    }
    return b.build();
  }

  static NetworkAcl acl(String id, String subnet, AclEntry... entries) {
    return NetworkAcl.builder().networkAclId(id).vpcId(VPC).addSubnetId(subnet).entries(List.of(entries)).build();
  }

  /** Allows everything both ways, as a default ACL does. */
  static NetworkAcl open(String id, String subnet) {
    return acl(id, subnet, entry(100, false, "-1", null, null, true), entry(100, true, "-1", null, null, true),
        entry(32767, false, "-1", null, null, false), entry(32767, true, "-1", null, null, false));
  }

  /**
   * Job subnet A (10.20.1.0/24) and file-system subnet 10.20.3.0/24 in us-east-1a; an EFS mount
   * target and an FSx interface there; every ACL open; the job group sends everything and admits
   * itself; the file-system groups admit nothing.
   */
  static NetworkSnapshot.Builder network() {
    return PlanFixtures.network()
        .subnets(List.of(subnet(SUBNET_A, "us-east-1a", "10.20.1.0/24"), subnet(SUBNET_B, "us-east-1b", "10.20.2.0/24"),
            subnet(FS_SUBNET, "us-east-1a", "10.20.3.0/24")))
        .securityGroups(List.of(
            group(SG, List.of(Permission.builder().ipProtocol("-1").addGroupId(SG).build()), List.of(all())),
            group(EFS_SG, List.of(), List.of(all())),
            group(FSX_SG, List.of(), List.of(all()))))
        .networkAcls(List.of(open(JOB_ACL, SUBNET_A), open(FS_ACL, FS_SUBNET)))
        .networkInterfaces(List.of(
            NetworkInterface.builder().networkInterfaceId(MT_ENI).subnetId(FS_SUBNET).vpcId(VPC)
                .privateIpAddresses(List.of("10.20.3.20")).addGroupId(EFS_SG).build(),
            NetworkInterface.builder().networkInterfaceId(FSX_ENI).subnetId(FS_SUBNET).vpcId(VPC)
                .privateIpAddresses(List.of("10.20.3.30")).addGroupId(FSX_SG).build()))
        .efsFileSystems(List.of(EfsFileSystem.builder().fileSystemId(EFS).lifeCycleState("available").build()))
        .efsMountTargets(List.of(EfsMountTarget.builder().mountTargetId(MT).fileSystemId(EFS).subnetId(FS_SUBNET)
            .vpcId(VPC).availabilityZoneName("us-east-1a").lifeCycleState("available").ipAddress("10.20.3.20")
            .networkInterfaceId(MT_ENI).build()))
        .putEfsMountTargetSecurityGroup(MT, List.of(EFS_SG))
        .fsxFileSystems(List.of(fsx(false)));
  }

  static FsxFileSystem fsx(boolean efa) {
    return FsxFileSystem.builder().fileSystemId(FSX).fileSystemType("LUSTRE").lifecycle("AVAILABLE").vpcId(VPC)
        .addSubnetId(FS_SUBNET).addNetworkInterfaceId(FSX_ENI).lustreDeploymentType("PERSISTENT_2").mountName("abcdefgh")
        .efaEnabled(efa).build();
  }

  static List<Change> changes(RemediationPlan plan) {
    return plan.allSteps().stream().filter(s -> !s.isAdvice()).map(RemediationStep::change).toList();
  }

  static GroupRef g(String id) {
    return GroupRef.existing(id);
  }

  // ---- EFS -------------------------------------------------------------------------------------

  @Test
  void efsMountTargetGroupGetsNfsIngressFromTheJobGroupOnlyWhatIsMissing() {
    Finding f = fail("fs.efs.security-group", Severity.ERROR, SUBNET_A, EFS, MT, EFS_SG);
    RemediationPlan plan = RemediationPlanner.plan(efsJob(), network().build(), report(f));

    // the job group already sends everything: only the mount target's ingress is missing
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.change()).isEqualTo(new Change.AuthorizeIngress(g(EFS_SG), Rule.tcp(2049, Peer.group(g(SG)))));
      assertThat(s.fixes()).containsExactly("fs.efs.security-group");
      assertThat(s.command()).isEqualTo("aws ec2 authorize-security-group-ingress --group-id " + EFS_SG
          + " --ip-permissions IpProtocol=tcp,FromPort=2049,ToPort=2049,UserIdGroupPairs=[{GroupId=" + SG + "}]");
    });
    assertThat(plan.recommended()).isEmpty();
  }

  @Test
  void efsEgressIsAddedWhenTheJobGroupCannotSendNfsAndACoveringCidrRuleCountsAsIngress() {
    NetworkSnapshot net = network().securityGroups(List.of(
        group(SG, List.of(), List.of(tcpCidr(443, 443, "0.0.0.0/0"))),
        group(EFS_SG, List.of(tcpCidr(2049, 2049, "10.20.0.0/16")), List.of()))).build();
    Finding f = fail("fs.efs.security-group", Severity.ERROR, SUBNET_A, EFS, MT, SG);
    RemediationPlan plan = RemediationPlanner.plan(efsJob(), net, report(f));
    assertThat(changes(plan)).containsExactly(new Change.AuthorizeEgress(g(SG), Rule.tcp(2049, Peer.group(g(EFS_SG)))));
  }

  @Test
  void unknownMountTargetGroupsGiveTheFindingsAdvice() {
    NetworkSnapshot net = network().efsMountTargetSecurityGroups(Map.of()).networkInterfaces(List.of()).build();
    Finding f = fail("fs.efs.security-group", Severity.ERROR, SUBNET_A, EFS, MT);
    RemediationPlan plan = RemediationPlanner.plan(efsJob(), net, report(f));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.isAdvice()).isTrue();
      assertThat(s.command()).isEqualTo("fix fs.efs.security-group");
    });
  }

  // ---- FSx for Lustre --------------------------------------------------------------------------

  @Test
  void fsxGroupWithoutPort988GetsItFromItselfAndTheJobAndTheJobGroupAdmitsTheServers() {
    NetworkSnapshot net = network().securityGroups(List.of(
        group(SG, List.of(Permission.builder().ipProtocol("-1").addGroupId(SG).build()), List.of(all())),
        group(FSX_SG, List.of(tcp(1018, 1023, FSX_SG), tcp(1018, 1023, SG)), List.of(all())))).build();
    Finding f = fail("fs.fsx.security-group", Severity.ERROR, SUBNET_A, FSX, FSX_SG, SG);
    RemediationPlan plan = RemediationPlanner.plan(fsxJob(), net, report(f));

    assertThat(changes(plan)).containsExactly(
        new Change.AuthorizeIngress(g(FSX_SG), Rule.tcp(988, Peer.group(g(FSX_SG)))),
        new Change.AuthorizeIngress(g(FSX_SG), Rule.tcp(988, Peer.group(g(SG)))),
        new Change.AuthorizeIngress(g(SG), Rule.tcp(988, Peer.group(g(FSX_SG)))),
        new Change.AuthorizeIngress(g(SG), Rule.tcp(1018, 1023, Peer.group(g(FSX_SG)))));
    assertThat(plan.steps()).hasSize(4).allSatisfy(s -> assertThat(s.fixes()).containsExactly("fs.fsx.security-group"));
    assertThat(plan.steps().get(3).command()).endsWith("IpProtocol=tcp,FromPort=1018,ToPort=1023,UserIdGroupPairs=[{GroupId="
        + FSX_SG + "}]");
    assertThat(plan.steps().get(3).title()).contains("TCP 1018-1023", "Lustre servers also connect to clients");
  }

  @Test
  void aWarningFindingGivesRecommendedStepsOnly() {
    NetworkSnapshot net = network().securityGroups(List.of(
        group(SG, List.of(Permission.builder().ipProtocol("-1").addGroupId(SG).build(), tcp(988, 988, FSX_SG),
            tcp(1021, 1023, FSX_SG), tcp(1018, 1020, FSX_SG)), List.of(all())),
        group(FSX_SG, List.of(tcp(988, 988, FSX_SG), tcp(988, 988, SG), tcp(1021, 1023, FSX_SG), tcp(1021, 1023, SG)),
            List.of(all())))).build();
    Finding f = fail("fs.fsx.security-group", Severity.WARNING, SUBNET_A, FSX, FSX_SG);
    RemediationPlan plan = RemediationPlanner.plan(fsxJob(), net, report(f));
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.recommended()).extracting(RemediationStep::change).containsExactly(
        new Change.AuthorizeIngress(g(FSX_SG), Rule.tcp(1018, 1023, Peer.group(g(FSX_SG)))),
        new Change.AuthorizeIngress(g(FSX_SG), Rule.tcp(1018, 1023, Peer.group(g(SG)))));
    assertThat(plan.recommended()).allSatisfy(s -> assertThat(s.optional()).isFalse());
  }

  @Test
  void efaEnabledFileSystemsGetAllTrafficBetweenTheGroupsAsTheEfaGroupFixes() {
    NetworkSnapshot net = network().securityGroups(List.of(
        group(SG, List.of(Permission.builder().ipProtocol("-1").addGroupId(SG).build()), List.of(all())),
        group(FSX_SG, List.of(tcp(988, 988, FSX_SG), tcp(1018, 1023, FSX_SG)),
            List.of(tcp(988, 988, FSX_SG), tcp(1018, 1023, FSX_SG)))))
        .fsxFileSystems(List.of(fsx(true))).build();
    Finding f = fail("fs.fsx.security-group", Severity.ERROR, SUBNET_A, FSX, FSX_SG, SG);
    RemediationPlan plan = RemediationPlanner.plan(fsxJob(), net, report(f));
    // the job group's egress (0.0.0.0/0, all protocols) is not a group reference: EFA needs one
    assertThat(changes(plan)).containsExactly(
        new Change.AuthorizeIngress(g(FSX_SG), Rule.allTraffic(Peer.group(g(SG)))),
        new Change.AuthorizeEgress(g(FSX_SG), Rule.allTraffic(Peer.group(g(SG)))),
        new Change.AuthorizeIngress(g(SG), Rule.allTraffic(Peer.group(g(FSX_SG)))),
        new Change.AuthorizeEgress(g(SG), Rule.allTraffic(Peer.group(g(FSX_SG)))));
  }

  // ---- network ACLs ----------------------------------------------------------------------------

  @Test
  void aJobAclPassingReturnsOnlyAbove1023GetsOneLustreEntryBelowTheFinalDeny() {
    NetworkSnapshot net = network().networkAcls(List.of(
        acl(JOB_ACL, SUBNET_A, entry(100, false, "6", 1024, 65535, true), entry(100, true, "-1", null, null, true),
            entry(32767, false, "-1", null, null, false), entry(32767, true, "-1", null, null, false)),
        open(FS_ACL, FS_SUBNET))).build();
    Finding f = fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, FSX, JOB_ACL);
    RemediationPlan plan = RemediationPlanner.plan(fsxJob(), net, report(f));

    // replies to 512-1023 and the servers' connections to 988 and 1018-1023: one entry, one step
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.change()).isEqualTo(
          new Change.CreateNetworkAclEntry(JOB_ACL, 32766, false, "tcp", 512, 1023, "10.20.3.0/24", true));
      assertThat(s.operation()).isEqualTo("ec2:CreateNetworkAclEntry");
      assertThat(s.reversible()).isTrue();
      assertThat(s.command()).isEqualTo("aws ec2 create-network-acl-entry --network-acl-id " + JOB_ACL
          + " --ingress --rule-number 32766 --protocol tcp --port-range From=512,To=1023 --cidr-block 10.20.3.0/24"
          + " --rule-action allow");
      assertThat(s.why()).contains("final deny (*)");
    });
  }

  @Test
  void theEntryGoesBelowTheFirstDenyOnTheHighestFreeNumber() {
    NetworkSnapshot net = network().networkAcls(List.of(
        acl(JOB_ACL, SUBNET_A, entry(40, false, "17", 0, 65535, true), entry(49, false, "17", 53, 53, true),
            entry(50, false, "6", 0, 1023, false), entry(100, false, "-1", null, null, true),
            entry(100, true, "-1", null, null, true)),
        open(FS_ACL, FS_SUBNET))).build();
    RemediationPlan plan = RemediationPlanner.plan(fsxJob(), net, report(fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, FSX)));
    assertThat(changes(plan)).containsExactly(
        new Change.CreateNetworkAclEntry(JOB_ACL, 48, false, "tcp", 512, 1023, "10.20.3.0/24", true));
    assertThat(plan.steps().get(0).why()).contains("rule 50, the first entry that denies it", "Rule 48 is free");
  }

  @Test
  void withoutAFreeNumberBelowTheDenyThePlanGivesAdviceNotAChange() {
    NetworkSnapshot net = network().networkAcls(List.of(
        acl(JOB_ACL, SUBNET_A, entry(1, false, "6", 0, 1023, false), entry(100, false, "-1", null, null, true),
            entry(100, true, "-1", null, null, true)),
        open(FS_ACL, FS_SUBNET))).build();
    RemediationPlan plan = RemediationPlanner.plan(fsxJob(), net, report(fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, FSX)));
    assertThat(plan.steps()).singleElement().satisfies(s -> {
      assertThat(s.isAdvice()).isTrue();
      assertThat(s.title()).contains(JOB_ACL, "no free rule number");
      assertThat(s.command()).contains("Renumber the entries of " + JOB_ACL, "below 1", "--port-range From=512,To=1023");
    });
  }

  @Test
  void efsAclsGetNfsAndItsRepliesOnBothSidesNamingTheOtherSidesSubnet() {
    NetworkAcl closed = acl(FS_ACL, FS_SUBNET, entry(32767, false, "-1", null, null, false),
        entry(32767, true, "-1", null, null, false));
    NetworkAcl jobClosed = acl(JOB_ACL, SUBNET_A, entry(200, false, "-1", null, null, false),
        entry(300, true, "6", 443, 443, true));
    NetworkSnapshot net = network().networkAcls(List.of(jobClosed, closed)).build();
    RemediationPlan plan = RemediationPlanner.plan(efsJob(), net, report(fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, EFS)));
    assertThat(changes(plan)).containsExactlyInAnyOrder(
        new Change.CreateNetworkAclEntry(JOB_ACL, 32766, true, "tcp", 2049, 2049, "10.20.3.0/24", true),
        new Change.CreateNetworkAclEntry(JOB_ACL, 199, false, "tcp", 1024, 65535, "10.20.3.0/24", true),
        new Change.CreateNetworkAclEntry(FS_ACL, 32766, false, "tcp", 2049, 2049, "10.20.1.0/24", true),
        new Change.CreateNetworkAclEntry(FS_ACL, 32766, true, "tcp", 1024, 65535, "10.20.1.0/24", true));
  }

  @Test
  void twoJobSubnetsBehindOneAclGetDistinctRuleNumbers() {
    TrainingJobSpec job = efsJob().toBuilder().vpc(v -> v.subnets(SUBNET_A, SUBNET_B)).build();
    NetworkAcl shared = NetworkAcl.builder().networkAclId(FS_ACL).vpcId(VPC).addSubnetId(FS_SUBNET)
        .entries(List.of(entry(100, true, "-1", null, null, true))).build();
    NetworkAcl jobs = NetworkAcl.builder().networkAclId(JOB_ACL).vpcId(VPC).addSubnetId(SUBNET_A).addSubnetId(SUBNET_B)
        .entries(List.of(entry(100, false, "-1", null, null, true), entry(100, true, "-1", null, null, true))).build();
    NetworkSnapshot net = network().networkAcls(List.of(jobs, shared)).build();
    RemediationPlan plan = RemediationPlanner.plan(job, net, report(
        fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, EFS, FS_ACL), fail("fs.nacl.blocked", Severity.ERROR, SUBNET_B, EFS, FS_ACL)));
    assertThat(changes(plan)).containsExactly(
        new Change.CreateNetworkAclEntry(FS_ACL, 32766, false, "tcp", 2049, 2049, "10.20.1.0/24", true),
        new Change.CreateNetworkAclEntry(FS_ACL, 32765, false, "tcp", 2049, 2049, "10.20.2.0/24", true));
  }

  @Test
  void theSameNeedFromTwoFindingsIsOneStepFixingBoth() {
    NetworkSnapshot net = network().networkAcls(List.of(open(JOB_ACL, SUBNET_A),
        acl(FS_ACL, FS_SUBNET, entry(100, true, "-1", null, null, true)))).build();
    Finding a = fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, FSX, FS_ACL);
    Finding again = fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, FSX, FS_ACL, FSX_ENI);
    RemediationPlan plan = RemediationPlanner.plan(fsxJob(), net, report(a, again));
    assertThat(changes(plan)).containsExactly(
        new Change.CreateNetworkAclEntry(FS_ACL, 32766, false, "tcp", 512, 1023, "10.20.1.0/24", true));
  }

  @Test
  void planTextAndJsonShowTheAclEntryLikeAnyChange() throws Exception {
    NetworkSnapshot net = network().networkAcls(List.of(open(JOB_ACL, SUBNET_A),
        acl(FS_ACL, FS_SUBNET, entry(100, true, "-1", null, null, true)))).build();
    RemediationPlan plan = RemediationPlanner.plan(efsJob(), net, report(fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, EFS)));
    assertThat(plan.render()).contains("Let network ACL " + FS_ACL + " pass inbound TCP 2049 from 10.20.1.0/24 (rule 32766)",
        "call: ec2:CreateNetworkAclEntry (reversible)", "command: aws ec2 create-network-acl-entry --network-acl-id " + FS_ACL);
    JsonNode step = new ObjectMapper().readTree(plan.toJson()).get("steps").get(0);
    assertThat(step.get("operation").asText()).isEqualTo("ec2:CreateNetworkAclEntry");
    assertThat(step.get("kind").asText()).isEqualTo("change");
    assertThat(step.get("reversible").asBoolean()).isTrue();
    assertThat(step.get("command").asText()).contains("--ingress --rule-number 32766 --protocol tcp --port-range From=2049,To=2049");
  }

  // ---- the plan, applied to the snapshot, leaves nothing to plan --------------------------------

  @Test
  void afterTheChangesTheSameFindingsNeedNoChange() {
    NetworkSnapshot net = network()
        .securityGroups(List.of(group(SG, List.of(), List.of(tcpCidr(443, 443, "0.0.0.0/0"))),
            group(FSX_SG, List.of(tcp(1018, 1023, FSX_SG)), List.of(tcp(1018, 1023, FSX_SG))),
            group(EFS_SG, List.of(), List.of())))
        .networkAcls(List.of(
            acl(JOB_ACL, SUBNET_A, entry(100, false, "6", 1024, 65535, true), entry(90, true, "6", 0, 1023, false),
                entry(100, true, "-1", null, null, true)),
            acl(FS_ACL, FS_SUBNET, entry(100, true, "-1", null, null, true), entry(100, false, "6", 988, 988, true))))
        .build();
    TrainingJobSpec job = fsxJob().toBuilder()
        .addInputChannel(InputChannel.builder().name("efs").fileSystemId(EFS).fileSystemType("EFS")
            .directoryPath("/data").build()).build();
    PreflightReport report = report(fail("fs.fsx.security-group", Severity.ERROR, SUBNET_A, FSX),
        fail("fs.efs.security-group", Severity.ERROR, SUBNET_A, EFS),
        fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, FSX), fail("fs.nacl.blocked", Severity.ERROR, SUBNET_A, EFS));

    RemediationPlan plan = RemediationPlanner.plan(job, net, report);
    assertThat(changes(plan)).hasSizeGreaterThan(10);
    assertThat(changes(plan)).doesNotHaveDuplicates();
    NetworkSnapshot fixed = applied(net, changes(plan));

    RemediationPlan again = RemediationPlanner.plan(job, fixed, report);
    assertThat(changes(again)).isEmpty();
  }

  /** The snapshot with the plan's rules and entries added, as AWS would hold them after apply. */
  static NetworkSnapshot applied(NetworkSnapshot net, List<Change> changes) {
    Map<String, SecurityGroup> groups = net.securityGroups().orElseThrow().stream()
        .collect(Collectors.toMap(SecurityGroup::groupId, Function.identity()));
    Map<String, NetworkAcl> acls = net.networkAcls().orElseThrow().stream()
        .collect(Collectors.toMap(NetworkAcl::networkAclId, Function.identity()));
    for (Change c : changes) {
      if (c instanceof Change.AuthorizeIngress i) {
        SecurityGroup sg = groups.get(i.group().groupId().orElseThrow());
        groups.put(sg.groupId(), SecurityGroup.builder().from(sg).addIngress(permission(i.rule())).build());
      } else if (c instanceof Change.AuthorizeEgress e) {
        SecurityGroup sg = groups.get(e.group().groupId().orElseThrow());
        groups.put(sg.groupId(), SecurityGroup.builder().from(sg).addEgress(permission(e.rule())).build());
      } else if (c instanceof Change.CreateNetworkAclEntry a) {
        NetworkAcl acl = acls.get(a.networkAclId());
        assertThat(acl.entries()).noneMatch(x -> x.egress() == a.egress() && x.ruleNumber() == a.ruleNumber());
        acls.put(acl.networkAclId(), NetworkAcl.builder().from(acl).addEntry(AclEntry.builder().ruleNumber(a.ruleNumber())
            .egress(a.egress()).protocol(a.protocolNumber()).allow(a.allow()).cidrBlock(a.cidrBlock())
            .portFrom(a.fromPort()).portTo(a.toPort()).build()).build());
      } else {
        throw new AssertionError("unexpected change " + c);
      }
    }
    return NetworkSnapshot.builder().from(net).securityGroups(new ArrayList<>(groups.values()))
        .networkAcls(new ArrayList<>(acls.values())).build();
  }

  static Permission permission(Rule r) {
    Permission.Builder b = Permission.builder().ipProtocol(r.protocol());
    r.fromPort().ifPresent(b::fromPort);
    r.toPort().ifPresent(b::toPort);
    r.peer().group().flatMap(GroupRef::groupId).ifPresent(b::addGroupId);
    r.peer().cidr().ifPresent(b::addIpRange);
    r.peer().prefixListId().ifPresent(b::addPrefixListId);
    return b.build();
  }
}
