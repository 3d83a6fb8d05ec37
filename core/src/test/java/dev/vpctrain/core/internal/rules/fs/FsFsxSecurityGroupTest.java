package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.SgFixtures.SG_TRAINING;
import static dev.vpctrain.core.fixtures.SgFixtures.S3_PL;
import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.FSX;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SG_EFS;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SG_FSX;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SUBNET_A;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SUBNET_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FsFsxSecurityGroupTest {
  private final FsFsxSecurityGroup rule = new FsFsxSecurityGroup();

  private List<Finding> run(TrainingJobSpec job, NetworkSnapshot n) {
    return rule.evaluate(RuleContext.of(job, n));
  }

  private List<Finding> runInA(SecurityGroup training, SecurityGroup fsx) {
    return run(FsxFixtures.lustreJobInA().build(), FsxFixtures.network(training, fsx).build());
  }

  private static SecurityGroup fsxIngress(dev.vpctrain.core.network.Permission... ingress) {
    return sg(SG_FSX, List.of(ingress), List.of(all("0.0.0.0/0")));
  }

  @Test
  void passesWhenBothSidesAllowLustre() {
    List<Finding> f = run(FsxFixtures.lustreJob().build(), FsxFixtures.ready());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.PASS);
      assertThat(x.message()).contains(SUBNET_A).contains(SUBNET_B).contains(SG_FSX);
    });
  }

  @Test
  void port988ClosedIsAnErrorWithTheExactCommand() {
    SecurityGroup fsx = fsxIngress(tcp(988, 988, SG_FSX), tcp(1018, 1023, SG_FSX, SG_TRAINING));
    assertThat(runInA(FsxFixtures.trainingGroup(), fsx)).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.resources()).startsWith(SUBNET_A, FSX).contains(SG_FSX, SG_TRAINING);
      assertThat(x.message()).contains("admit no inbound TCP 988 from a job security group");
      assertThat(x.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-ingress --group-id " + SG_FSX
          + " --ip-permissions 'IpProtocol=tcp,FromPort=988,ToPort=988,UserIdGroupPairs=[{GroupId=" + SG_TRAINING + "}]'");
    });
  }

  @Test
  void jobSubnetsWithTheSameMissingRuleAreOneFinding() {
    SecurityGroup fsx = fsxIngress(tcp(988, 988, SG_FSX), tcp(1018, 1023, SG_FSX, SG_TRAINING));
    TrainingJobSpec job = FsxFixtures.lustreJob().build();
    NetworkSnapshot net = FsxFixtures.network(FsxFixtures.trainingGroup(), fsx).build();
    assertThat(run(job, net)).hasSize(2); // the rule judges each job subnet
    PreflightReport report = dev.vpctrain.core.rules.RuleEngine.builder().rules(List.of(rule)).build().evaluate(job, net);
    assertThat(report.problems()).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("cannot be mounted from job subnets " + SUBNET_A).contains(" and " + SUBNET_B + ":")
          .contains("from a job security group or a CIDR covering each of them");
      assertThat(x.resources()).startsWith(SUBNET_A, SUBNET_B).contains(FSX, SG_FSX, SG_TRAINING);
      assertThat(x.remediation().orElseThrow()).contains("--group-id " + SG_FSX).doesNotContain("subnet-");
    });
  }

  @Test
  void onlyPorts1018To1020ClosedIsAWarningThatKeepsTheJobReady() {
    SecurityGroup fsx = fsxIngress(tcp(988, 988, SG_FSX, SG_TRAINING), tcp(1018, 1023, SG_FSX),
        tcp(1021, 1023, SG_TRAINING));
    List<Finding> f = runInA(FsxFixtures.trainingGroup(), fsx);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.ruleId()).isEqualTo("fs.fsx.security-group");
      assertThat(x.message()).contains("TCP 1018-1020");
      assertThat(x.remediation().orElseThrow()).contains("'IpProtocol=tcp,FromPort=1018,ToPort=1020,UserIdGroupPairs=[{GroupId="
          + SG_TRAINING + "}]'").doesNotContain("FromPort=988");
    });
    assertThat(PreflightReport.of("j", "us-east-1", f, 1).verdict()).isEqualTo(Verdict.READY);
  }

  @Test
  void ports1021To1023ClosedIsAnError() {
    SecurityGroup fsx = fsxIngress(tcp(988, 988, SG_FSX, SG_TRAINING), tcp(1018, 1023, SG_FSX),
        tcp(1018, 1020, SG_TRAINING));
    assertThat(runInA(FsxFixtures.trainingGroup(), fsx)).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("TCP 1021-1023");
    });
  }

  @Test
  void aCidrCoveringTheJobSubnetCountsButOneCoveringPartOfItDoesNot() {
    SecurityGroup covering = fsxIngress(tcp(988, 988, SG_FSX, "10.20.0.0/16"), tcp(1018, 1023, SG_FSX, "10.20.1.0/24"));
    assertThat(runInA(FsxFixtures.trainingGroup(), covering)).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
    SecurityGroup partial = fsxIngress(tcp(988, 988, SG_FSX, "10.20.1.0/25"), tcp(1018, 1023, SG_FSX, "10.20.1.0/24"));
    assertThat(runInA(FsxFixtures.trainingGroup(), partial)).singleElement().extracting(Finding::severity)
        .isEqualTo(Severity.ERROR);
  }

  @Test
  void theFileSystemMustAdmitItself() {
    SecurityGroup fsx = fsxIngress(tcp(988, 988, SG_TRAINING), tcp(1018, 1023, SG_TRAINING));
    assertThat(runInA(FsxFixtures.trainingGroup(), fsx)).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("from themselves or the file system's subnet CIDR");
      assertThat(x.remediation().orElseThrow()).contains("--group-id " + SG_FSX
          + " --ip-permissions 'IpProtocol=tcp,FromPort=988,ToPort=988,UserIdGroupPairs=[{GroupId=" + SG_FSX + "}]' "
          + "'IpProtocol=tcp,FromPort=1018,ToPort=1023,UserIdGroupPairs=[{GroupId=" + SG_FSX + "}]'");
    });
  }

  @Test
  void restrictedFsxEgressFailsUnlessItReachesTheJob() {
    SecurityGroup fsx = sg(SG_FSX, FsxFixtures.fsxGroup().ingress(), List.of(tcp(443, 443, "0.0.0.0/0")));
    assertThat(runInA(FsxFixtures.trainingGroup(), fsx)).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("allow no outbound TCP 988, 1018-1023 to the job's instances");
      assertThat(x.remediation().orElseThrow()).contains("authorize-security-group-egress --group-id " + SG_FSX);
    });
    SecurityGroup toJobAndSelf = sg(SG_FSX, FsxFixtures.fsxGroup().ingress(),
        List.of(tcp(988, 988, SG_FSX, SG_TRAINING), tcp(1018, 1023, SG_FSX, SG_TRAINING)));
    assertThat(runInA(FsxFixtures.trainingGroup(), toJobAndSelf)).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void jobGroupsMustAdmitAndReachTheFileSystem() {
    SecurityGroup training = sg(SG_TRAINING, List.of(all(SG_TRAINING)),
        List.of(all(SG_TRAINING), tcp(443, 443, S3_PL), tcp(2049, 2049, SG_EFS)));
    assertThat(runInA(training, FsxFixtures.fsxGroup())).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("the job's security groups (" + SG_TRAINING + ") admit no inbound TCP 988, 1018-1023")
          .contains("allow no outbound TCP 988, 1018-1023 to the FSx security groups");
      assertThat(x.remediation().orElseThrow())
          .contains("aws ec2 authorize-security-group-ingress --group-id " + SG_TRAINING
              + " --ip-permissions 'IpProtocol=tcp,FromPort=988,ToPort=988,UserIdGroupPairs=[{GroupId=" + SG_FSX + "}]'")
          .contains("aws ec2 authorize-security-group-egress --group-id " + SG_TRAINING);
    });
  }

  @Test
  void oneSharedGroupWithAllTrafficToItselfPasses() {
    SecurityGroup shared = sg(SG_TRAINING, List.of(all(SG_TRAINING)), List.of(all(SG_TRAINING)));
    NetworkSnapshot n = FsxFixtures.network(shared, shared)
        .securityGroups(List.of(shared, SgFixtures.endpointGroup(), FsxFixtures.efsGroup())).build();
    assertThat(run(FsxFixtures.lustreJob().build(), n)).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void efaEnabledNeedsAllTrafficBetweenTheGroups() {
    NetworkSnapshot tcpOnly = FsxFixtures.network().fsxFileSystems(List.of(FsxFixtures.fsx().efaEnabled(true).build())).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), tcpOnly)).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("EFA-enabled");
      assertThat(x.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-ingress --group-id " + SG_FSX
          + " --ip-permissions 'IpProtocol=-1,UserIdGroupPairs=[{GroupId=" + SG_TRAINING + "}]'");
    });
    SecurityGroup training = sg(SG_TRAINING, List.of(all(SG_TRAINING, SG_FSX)), List.of(all(SG_TRAINING, SG_FSX)));
    SecurityGroup fsx = sg(SG_FSX, List.of(all(SG_FSX, SG_TRAINING)), List.of(all(SG_FSX, SG_TRAINING)));
    NetworkSnapshot open = FsxFixtures.network(training, fsx)
        .fsxFileSystems(List.of(FsxFixtures.fsx().efaEnabled(true).build())).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), open)).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void unverifiedWhenTheInterfacesOfTheFileSystemAreUnknown() {
    NetworkSnapshot n = FsxFixtures.network().networkInterfaces(Optional.empty()).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), n)).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("DescribeNetworkInterfaces");
      assertThat(x.resources()).contains(FsxFixtures.ENI_1);
    });
  }

  @Test
  void unverifiedWhenTheFsxGroupIsNotInTheSnapshot() {
    NetworkSnapshot n = FsxFixtures.network()
        .securityGroups(List.of(FsxFixtures.trainingGroup(), SgFixtures.endpointGroup(), FsxFixtures.efsGroup())).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), n)).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains(SG_FSX + " is not in the snapshot");
    });
  }

  @Test
  void passesWithoutLustreChannelOrVpc() {
    assertThat(run(FsxFixtures.efsJob().build(), FsxFixtures.ready())).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
    assertThat(run(FsxFixtures.lustreJob().vpc((dev.vpctrain.core.job.VpcSpec) null).build(), FsxFixtures.ready()))
        .singleElement().extracting(Finding::outcome).isEqualTo(Outcome.PASS);
  }
  @Test
  void anUnknownOnlyFor1018To1020IsAnUnverifiedWarning() {
    // 1018-1020 from the job only through a prefix list the snapshot lacks
    SecurityGroup fsx = fsxIngress(tcp(988, 988, SG_FSX, SG_TRAINING), tcp(1018, 1023, SG_FSX),
        tcp(1021, 1023, SG_TRAINING), tcp(1018, 1020, "pl-0a1b2c3d4e5f60999"));
    assertThat(runInA(FsxFixtures.trainingGroup(), fsx)).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.message()).contains("TCP 1018-1020").contains("pl-0a1b2c3d4e5f60999");
    });
  }

  @Test
  void aBlockedRequiredPortNamesTheWarningPortsToo() {
    SecurityGroup fsx = fsxIngress(tcp(1018, 1023, SG_FSX, SG_TRAINING), tcp(988, 988, SG_FSX));
    SecurityGroup training = sg(SG_TRAINING, List.of(all(SG_TRAINING), tcp(988, 988, SG_FSX), tcp(1021, 1023, SG_FSX)),
        FsxFixtures.trainingGroup().egress());
    assertThat(runInA(training, fsx)).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("admit no inbound TCP 988 from a job security group")
          .contains("the job's security groups (" + SG_TRAINING + ") admit no inbound TCP 1018-1020");
      assertThat(x.remediation().orElseThrow())
          .contains("--group-id " + SG_TRAINING + " --ip-permissions 'IpProtocol=tcp,FromPort=1018,ToPort=1020,UserIdGroupPairs=[{GroupId="
              + SG_FSX + "}]'");
    });
  }
}
