package dev.vpctrain.testkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.audit.AuditGap;
import dev.vpctrain.aws.audit.AuditListener;
import dev.vpctrain.aws.audit.AuditOptions;
import dev.vpctrain.aws.audit.AuditRecord;
import dev.vpctrain.aws.audit.AuditSummary;
import dev.vpctrain.aws.audit.AuditedJob;
import dev.vpctrain.aws.audit.GapReason;
import dev.vpctrain.aws.audit.Shard;
import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobDefinition;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.FakeOrganization;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.network.NetworkBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code VpcTrain.audit} over a {@link FakeOrganization}: several accounts in one fake world. */
class FakeOrganizationAuditTest {
  static final String READY = "111122223333";
  static final String BROKEN = "222233334444";
  static final String DENIED = "333344445555";

  static void train(FakeAws aws, Scenario scenario, String name) {
    TrainingJobSpec job = scenario.job().toBuilder().name(name).build();
    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(job));
  }

  static FakeOrganization organization() {
    FakeOrganization org = FakeOrganization.create();
    FakeAws ready = org.account(READY, "us-east-1", Scenarios.readyPrivateEndpoints().network());
    train(ready, Scenarios.readyPrivateEndpoints(), "resnet-a");
    train(ready, Scenarios.readyPrivateEndpoints(), "resnet-b");
    train(ready, Scenarios.readyPrivateEndpoints(), "resnet-c");
    FakeAws broken = org.account(BROKEN, "us-east-1", Scenarios.privateVpcWithoutS3Endpoint().network());
    train(broken, Scenarios.privateVpcWithoutS3Endpoint(), "bert-1");
    org.denyAssumeRole(DENIED).advance(Duration.ofDays(3).plusHours(2));
    return org;
  }

  static AuditOptions options(FakeOrganization org) {
    return AuditOptions.builder().accounts(org.accountIds()).addRegions("us-east-1").build();
  }

  static final class Collect implements AuditListener {
    final List<AuditedJob> jobs = new ArrayList<>();
    final List<AuditGap> gaps = new ArrayList<>();

    @Override
    public void onJob(AuditedJob job) {
      jobs.add(job);
    }

    @Override
    public void onGap(AuditGap gap) {
      gaps.add(gap);
    }
  }

  @Test
  void everyJobIsCheckedAndAFailedOneDiagnosedAgainstTodaysNetwork() throws Exception {
    FakeOrganization org = organization();
    Collect c = new Collect();
    AuditSummary summary = org.vpcTrain().build().audit(options(org), org.auditClients(), c);

    assertThat(c.jobs).extracting(AuditedJob::jobName).containsExactlyInAnyOrder("resnet-a", "resnet-b", "resnet-c",
        "bert-1");
    assertThat(c.jobs).filteredOn(j -> j.accountId().equals(READY)).allSatisfy(j -> {
      assertThat(j.verdict()).isNotEqualTo(Verdict.NOT_READY);
      assertThat(j.kind()).isEqualTo(JobKind.TRAINING);
      assertThat(j.vpcId()).isPresent();
    });
    AuditedJob bert = c.jobs.stream().filter(j -> j.jobName().equals("bert-1")).findFirst().orElseThrow();
    assertThat(bert.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(bert.status()).isEqualTo("Failed");
    assertThat(bert.findings()).extracting(Finding::ruleId).anyMatch(r -> r.startsWith("s3.route"));
    assertThat(bert.diagnosis()).hasValueSatisfying(d -> assertThat(d).startsWith("failed 3 days ago with: ")
        .contains("the network still has s3.route"));

    // the account whose role cannot be assumed is listed, and the audit is incomplete
    assertThat(c.gaps).singleElement().satisfies(g -> {
      assertThat(g.accountId()).isEqualTo(DENIED);
      assertThat(g.reason()).isEqualTo(GapReason.ROLE_NOT_ASSUMABLE);
      assertThat(g.operation()).isEqualTo("sts:AssumeRole");
      assertThat(g.errorCode()).isEqualTo("AccessDenied");
    });
    assertThat(summary.complete()).isFalse();
    assertThat(summary.accounts()).isEqualTo(3);
    assertThat(summary.jobs()).isEqualTo(4);
    assertThat(summary.byVerdict()).containsEntry(Verdict.NOT_READY, 1L);
    assertThat(summary.failedStillBroken()).isEqualTo(1);
    assertThat(summary.byAccount()).containsOnlyKeys(READY, BROKEN);
    assertThat(summary.byRule().keySet()).anyMatch(r -> r.startsWith("s3.route"));
  }

  @Test
  void theVpcOfManyJobsIsDiscoveredOnce() throws Exception {
    FakeOrganization org = organization();
    org.vpcTrain().build().audit(options(org), org.auditClients(), new Collect());
    FakeAws ready = org.account(READY, "us-east-1");
    assertThat(ready.calls("ec2:DescribeVpcs")).hasSize(1);
    assertThat(ready.calls("ec2:DescribeRouteTables")).hasSize(1);
    assertThat(ready.calls("sagemaker:DescribeTrainingJob")).hasSize(3);
    // the discovery's two: the jobs' subnets (round one, to learn the VPC) and the VPC's (round two)
    assertThat(ready.calls("ec2:DescribeSubnets")).hasSize(2);
  }

  @Test
  void aDisabledRegionAndADeletedVpcAreReportedNotSkipped() throws Exception {
    FakeOrganization org = organization();
    org.disableRegion(READY, "eu-west-1");
    // the broken account's VPC is deleted after its job ran
    org.account(BROKEN, "us-east-1").load(NetworkBuilder.create().region("us-east-1").account(BROKEN).build());
    Collect c = new Collect();
    AuditOptions options = AuditOptions.builder().accounts(List.of(READY, BROKEN)).addRegions("us-east-1", "eu-west-1")
        .build();
    AuditSummary summary = org.vpcTrain().build().audit(options, org.auditClients(), c);

    assertThat(c.gaps).singleElement().satisfies(g -> {
      assertThat(g.accountId()).isEqualTo(READY);
      assertThat(g.region()).hasValue("eu-west-1");
      assertThat(g.reason()).isEqualTo(GapReason.REGION_NOT_ENABLED);
      assertThat(g.message()).contains("opt-in region");
    });
    AuditedJob bert = c.jobs.stream().filter(j -> j.jobName().equals("bert-1")).findFirst().orElseThrow();
    assertThat(bert.note()).hasValueSatisfying(n -> assertThat(n).contains("VPC was deleted"));
    assertThat(bert.verdict()).isNotEqualTo(Verdict.READY);
    assertThat(summary.regionsRead()).isEqualTo(3);
  }

  @Test
  void shardsCoverEveryAccountExactlyOnce() throws Exception {
    FakeOrganization org = FakeOrganization.create();
    for (int i = 0; i < 40; i++) {
      org.denyAssumeRole(String.format("%012d", 500000000000L + i * 7919L)); // each account shows as its gap
    }
    List<String> seen = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      AuditOptions options = AuditOptions.builder().organization(true).addRegions("us-east-1").shard(new Shard(i, 3))
          .build();
      Collect c = new Collect();
      AuditSummary s = org.vpcTrain().build().audit(options, org.auditClients(), c);
      assertThat(s.accounts()).isEqualTo(c.gaps.size()).isBetween(5, 25);
      c.gaps.forEach(g -> seen.add(g.accountId()));
    }
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(org.accountIds());
  }

  @Test
  void theStreamGivesTheSameRecords() {
    FakeOrganization org = organization();
    Set<String> names;
    try (Stream<AuditRecord> records = org.vpcTrain().build().audit(options(org), org.auditClients())) {
      names = records.map(r -> r instanceof AuditedJob j ? j.jobName() : "gap:" + r.accountId())
          .collect(Collectors.toSet());
    }
    assertThat(names).containsExactlyInAnyOrder("resnet-a", "resnet-b", "resnet-c", "bert-1", "gap:" + DENIED);
  }

  @Test
  void anAuditAsTheDocsShowIt() {
    FakeOrganization org = organization();
    List<AuditedJob> notReady = new ArrayList<>();
    // tag::audit[]
    AuditOptions options = AuditOptions.builder()
        .accounts(List.of("111122223333", "222233334444"))
        .addRegions("us-east-1", "eu-west-1")
        .since(Duration.ofDays(30))
        .build();
    try (Stream<AuditRecord> records = org.vpcTrain().build().audit(options, org.auditClients())) {
      records.filter(r -> r instanceof AuditedJob j && j.verdict() == Verdict.NOT_READY)
          .forEach(r -> notReady.add((AuditedJob) r));
    }
    // end::audit[]
    assertThat(notReady).extracting(AuditedJob::jobName).containsExactly("bert-1");
  }

  @Test
  void aTuningJobWhoseDefinitionsRunInTwoVpcsIsCheckedAgainstBoth() throws Exception {
    String vpc2 = "vpc-0b1b2c3d4e5f60002";
    String subnet2 = "subnet-0b1b2c3d4e5f60201";
    String group2 = "sg-0b1b2c3d4e5f60201";
    String table2 = "rtb-0b1b2c3d4e5f60201";
    NetworkSnapshot network = NetworkBuilder.from(Scenarios.readyPrivateEndpoints().network())
        .vpc(vpc2, v -> v.cidr("10.30.0.0/16").dhcpOptions("dopt-0a1b2c3d4e5f60001"))
        .subnet(subnet2, n -> n.vpc(vpc2).cidr("10.30.1.0/24").az("us-east-1a").azId("use1-az1").availableIps(240))
        .securityGroup(group2, g -> g.vpc(vpc2).name("training-2").description("training").selfIngress())
        .routeTable(table2, r -> r.vpc(vpc2).associate(subnet2, "rtbassoc-0b1b2c3d4e5f60201"))
        .s3GatewayEndpoint("vpce-0b1b2c3d4e5f60201", e -> e.vpc(vpc2).routeTables(table2))
        .networkAcl("acl-0b1b2c3d4e5f60201", a -> a.vpc(vpc2).asDefault().allowAll().associate(subnet2))
        .build();
    FakeOrganization org = FakeOrganization.create();
    FakeAws aws = org.account(READY, "us-east-1", network);
    CreateTrainingJobRequest t = TrainingJobRequests.toRequest(Scenarios.readyPrivateEndpoints().job());
    HyperParameterTrainingJobDefinition one = HyperParameterTrainingJobDefinition.builder().definitionName("first")
        .roleArn(t.roleArn())
        .algorithmSpecification(a -> a.trainingImage(t.algorithmSpecification().trainingImage()).trainingInputMode("File"))
        .inputDataConfig(t.inputDataConfig()).outputDataConfig(t.outputDataConfig()).resourceConfig(t.resourceConfig())
        .vpcConfig(t.vpcConfig()).stoppingCondition(t.stoppingCondition())
        .build();
    HyperParameterTrainingJobDefinition two = one.toBuilder().definitionName("second")
        .vpcConfig(v -> v.subnets(subnet2).securityGroupIds(group2)).build();
    aws.sageMakerClient().createHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("two-vpcs")
        .hyperParameterTuningJobConfig(c -> c.strategy("Random")
            .resourceLimits(l -> l.maxParallelTrainingJobs(2).maxNumberOfTrainingJobs(2)))
        .trainingJobDefinitions(one, two));
    org.advance(Duration.ofDays(1));

    Collect c = new Collect();
    org.vpcTrain().build().audit(AuditOptions.builder().addAccounts(READY).addRegions("us-east-1").build(),
        org.auditClients(), c);
    AuditedJob tuning = c.jobs.stream().filter(j -> j.jobName().equals("two-vpcs")).findFirst().orElseThrow();
    assertThat(tuning.kind()).isEqualTo(JobKind.TUNING);
    assertThat(tuning.findings()).extracting(Finding::ruleId)
        .noneMatch(r -> r.startsWith("vpc.resource") || r.startsWith("s3.route"));
    assertThat(tuning.note()).isEmpty();
    // the other definition's VPC is in its view, and nothing else: the group of the second definition is found
    assertThat(tuning.findings()).extracting(Finding::message).noneMatch(m -> m.contains(group2 + " does not exist"));
  }
}
