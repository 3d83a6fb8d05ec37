package dev.vpctrain.aws.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.testing.LoopbackAuditClients;
import dev.vpctrain.aws.testing.SimulatedOrganization;
import dev.vpctrain.core.report.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The audit against a simulated organisation over loopback HTTP, with the real wire protocols of STS,
 * Organizations, SageMaker, EC2 and S3: pagination of every List call, a role that cannot be assumed, an opt-in
 * region not enabled, a VPC deleted since, throttling storms, each VPC discovered once, shards.
 */
class AuditWireTest {
  static final class Collect implements AuditListener {
    final List<AuditedJob> jobs = Collections.synchronizedList(new ArrayList<>());
    final List<AuditGap> gaps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onJob(AuditedJob job) {
      jobs.add(job);
    }

    @Override
    public void onGap(AuditGap gap) {
      gaps.add(gap);
    }
  }

  static Audit audit(SimulatedOrganization org, LoopbackAuditClients clients) {
    return Audit.builder().clients(clients).clock(Clock.fixed(org.now(), ZoneOffset.UTC)).build();
  }

  static String account(int i) {
    return String.format("%012d", 111100000000L + i);
  }

  @Test
  void everyJobOfEveryReadableAccountRegionIsAuditedAndTheRestListed() throws Exception {
    try (SimulatedOrganization org = SimulatedOrganization.builder().accounts(6).regions("us-east-1", "eu-west-1")
        .jobsPerRegion(12).pageSize(5).denyAssumeRole(account(2)).disabledRegion(account(3), "eu-west-1")
        .deletedVpc(account(4), "us-east-1").start()) {
      LoopbackAuditClients clients = LoopbackAuditClients.fast(org.endpoint());
      Collect c = new Collect();
      AuditOptions options = AuditOptions.builder().organization(true).addRegions("us-east-1", "eu-west-1")
          .concurrency(4).build();
      AuditSummary summary = audit(org, clients).run(options, c);

      // the gaps: the account whose role cannot be assumed, the region not enabled; nothing else
      assertThat(c.gaps).extracting(g -> g.accountId() + " " + g.region().orElse("-") + " " + g.reason())
          .containsExactlyInAnyOrder(account(2) + " - ROLE_NOT_ASSUMABLE", account(3) + " eu-west-1 REGION_NOT_ENABLED");
      assertThat(summary.complete()).isFalse();
      assertThat(summary.accounts()).isEqualTo(6);

      // every job of every readable account-region, found through pages of 5 (ListAccounts and every List*)
      Set<String> expected = new HashSet<>();
      for (String a : org.accountIds()) {
        for (String r : List.of("us-east-1", "eu-west-1")) {
          if (!a.equals(account(2)) && !(a.equals(account(3)) && r.equals("eu-west-1"))) {
            org.jobs(a, r).forEach(j -> expected.add(a + "/" + r + "/" + j.name()));
          }
        }
      }
      assertThat(c.jobs).extracting(j -> j.accountId() + "/" + j.region() + "/" + j.jobName())
          .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
      assertThat(org.calls().get("ListTrainingJobs")).as("pages of 5").isGreaterThan(10);
      assertThat(c.jobs).extracting(AuditedJob::kind).contains(dev.vpctrain.core.job.JobKind.values());

      // the deleted VPC's jobs say so; failed jobs are diagnosed
      assertThat(c.jobs).filteredOn(j -> j.accountId().equals(account(4)) && j.region().equals("us-east-1")
          && j.note().isPresent()).isNotEmpty().allSatisfy(j -> {
            assertThat(j.note().get()).contains("VPC was deleted");
            assertThat(j.verdict()).isNotEqualTo(Verdict.READY);
          });
      assertThat(c.jobs).filteredOn(j -> j.status().equals("Failed")).isNotEmpty()
          .allSatisfy(j -> assertThat(j.diagnosis()).isPresent());
      assertThat(c.jobs).filteredOn(j -> j.verdict() == Verdict.NOT_READY).isNotEmpty();
      clients.close();
    }
  }

  @Test
  void eachVpcIsDiscoveredOnceAndCallsDoNotGrowWithSubnets() throws Exception {
    long[] calls = new long[2];
    long[] vpcs = new long[2];
    int[] subnets = {2, 40};
    for (int i = 0; i < 2; i++) {
      try (SimulatedOrganization org = SimulatedOrganization.builder().accounts(2).regions("us-east-1")
          .vpcsPerRegion(3).subnetsPerVpc(subnets[i]).jobsPerRegion(20).start()) {
        LoopbackAuditClients clients = LoopbackAuditClients.fast(org.endpoint());
        AuditSummary s = audit(org, clients).run(AuditOptions.builder().accounts(org.accountIds())
            .addRegions("us-east-1").build(), new Collect());
        assertThat(s.complete()).isTrue();
        calls[i] = org.totalCalls();
        vpcs[i] = org.calls().get("DescribeVpcs");
        // one discovery per VPC in use: at most 3 per account-region, however many jobs share them
        assertThat(org.calls().get("DescribeRouteTables")).isEqualTo(vpcs[i]).isLessThanOrEqualTo(2 * 3);
        assertThat(org.calls().get("DescribeTrainingJob") + org.calls().get("DescribeProcessingJob")
            + org.calls().get("DescribeHyperParameterTuningJob")).isEqualTo(2 * 20);
        clients.close();
      }
    }
    assertThat(calls[1]).isEqualTo(calls[0]);
    assertThat(vpcs[1]).isEqualTo(vpcs[0]);
  }

  @Test
  void aThrottlingStormSlowsTheAuditDownInsteadOfFailingIt() throws Exception {
    try (SimulatedOrganization org = SimulatedOrganization.builder().accounts(3).regions("us-east-1")
        .jobsPerRegion(16).throttle(10, 4).start()) {
      LoopbackAuditClients clients = new LoopbackAuditClients(org.endpoint(), c -> c.retryStrategy(
          AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(10)
              .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(20), Duration.ofMillis(500)))
              .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(1)))
              .build()).apiCallAttemptTimeout(Duration.ofSeconds(5)));
      Collect c = new Collect();
      AuditSummary s = audit(org, clients).run(AuditOptions.builder().accounts(org.accountIds())
          .addRegions("us-east-1").callsPerAccount(8).build(), c);
      long throttled = org.throttled().values().stream().mapToLong(Long::longValue).sum();
      assertThat(throttled).as("the storm happened").isPositive();
      assertThat(s.complete()).as("gaps: %s", c.gaps).isTrue();
      assertThat(c.jobs).hasSize(3 * 16);
      // the clients saw the throttles and retried them, and backed off: far fewer throttles than calls
      assertThat(s.throttles()).isEqualTo(throttled);
      assertThat(s.retries()).isGreaterThanOrEqualTo(throttled);
      assertThat(throttled).isLessThan(s.calls());
      clients.close();
    }
  }

  @Test
  void shardsCoverEveryAccountExactlyOnce() throws Exception {
    try (SimulatedOrganization org = SimulatedOrganization.builder().accounts(25).regions("us-east-1")
        .jobsPerRegion(1).pageSize(7).start()) {
      LoopbackAuditClients clients = LoopbackAuditClients.fast(org.endpoint());
      List<String> seen = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        Collect c = new Collect();
        AuditSummary s = audit(org, clients).run(AuditOptions.builder().organization(true).addRegions("us-east-1")
            .shard(new Shard(i, 4)).build(), c);
        Set<String> accounts = c.jobs.stream().map(AuditedJob::accountId).collect(Collectors.toSet());
        assertThat(accounts).hasSize(s.accounts());
        seen.addAll(accounts);
      }
      assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(org.accountIds());
      clients.close();
    }
  }

  @Test
  void aJobsViewOfTheRegionsDiscoveryIsWhatADiscoveryOfItsVpcAloneSees() throws Exception {
    try (SimulatedOrganization org = SimulatedOrganization.builder().accounts(3).regions("us-east-1")
        .jobsPerRegion(24).start()) {
      LoopbackAuditClients clients = LoopbackAuditClients.fast(org.endpoint());
      RuleEngine engine = RuleEngine.standard();
      int compared = 0;
      for (String account : org.accountIds()) {
        AwsCredentialsProvider assumed = StaticCredentialsProvider.create(
            AwsSessionCredentials.create("ASIA" + account + "SIMU", "secret", "token"));
        try (RegionClients c = clients.region(assumed, "us-east-1", null)) {
          Map<Integer, List<TrainingJobSpec>> byVpc = new TreeMap<>();
          for (SimulatedOrganization.JobFacts f : org.jobs(account, "us-east-1", SimulatedOrganization.JobKind.TRAINING)) {
            DescribeTrainingJobResponse d = c.sageMaker().describeTrainingJob(r -> r.trainingJobName(f.name()));
            byVpc.computeIfAbsent(f.vpcIndex(), k -> new ArrayList<>())
                .add(TrainingJobRequests.toSpec(TrainingJobRequests.fromDescribe(d)));
          }
          LiveNetworkDiscovery discovery = LiveNetworkDiscovery.builder().ec2(c.ec2()).s3(c.s3()).region("us-east-1")
              .build();
          NetworkSnapshot region = discovery.snapshotForJobs(byVpc.values().stream().flatMap(List::stream).toList());
          assertThat(region.vpcs()).hasValueSatisfying(v -> assertThat(v).hasSize(byVpc.size()));
          for (List<TrainingJobSpec> jobs : byVpc.values()) {
            NetworkSnapshot alone = discovery.snapshotForJobs(jobs);
            String vpcId = alone.vpcs().orElseThrow().get(0).vpcId();
            for (TrainingJobSpec job : jobs) {
              PreflightReport expected = engine.evaluate(job, alone);
              PreflightReport seen = engine.evaluate(job, region.withinVpc(vpcId));
              assertThat(seen.findings()).as(job.name()).isEqualTo(expected.findings());
              compared++;
            }
          }
        }
      }
      assertThat(compared).isGreaterThan(40);
      clients.close();
    }
  }

  @Test
  void allRegionsAreTheRegionsEachAccountHasEnabled() throws Exception {
    try (SimulatedOrganization org = SimulatedOrganization.builder().accounts(3).regions("us-east-1", "eu-west-1")
        .jobsPerRegion(4).disabledRegion(account(1), "eu-west-1").start()) {
      LoopbackAuditClients clients = LoopbackAuditClients.fast(org.endpoint());
      Collect c = new Collect();
      AuditSummary s = audit(org, clients).run(AuditOptions.builder().accounts(org.accountIds()).allRegions(true)
          .build(), c);
      assertThat(c.gaps).singleElement().satisfies(g -> {
        assertThat(g.accountId()).isEqualTo(account(1));
        assertThat(g.region()).hasValue("eu-west-1");
        assertThat(g.reason()).isEqualTo(GapReason.REGION_NOT_ENABLED);
        assertThat(g.operation()).isEqualTo("ec2:DescribeRegions");
      });
      assertThat(org.calls().get("DescribeRegions")).isEqualTo(3);
      assertThat(s.regionsRead()).isEqualTo(5);
      assertThat(c.jobs).hasSize(5 * 4);
      assertThat(c.jobs).noneMatch(j -> j.accountId().equals(account(1)) && j.region().equals("eu-west-1"));
      clients.close();
    }
  }
}
