package dev.vpctrain.aws.audit;

import dev.vpctrain.aws.diagnosis.FailureDiagnoser;
import dev.vpctrain.aws.diagnosis.FailureDiagnosis;
import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.aws.job.ProcessingJobRequests;
import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.aws.job.TuningJobRequests;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ListHyperParameterTuningJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListProcessingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest;

/**
 * The audit of one account-region: list the jobs of each kind in the window (every page), describe them a few at a
 * time, discover the VPCs of all of them in one discovery (each VPC once), and check every job against its own VPC's
 * view of it as {@code check} does. Training jobs a tuning job
 * started are audited through their tuning job. A failed call is a gap of the region (a list) or of the job (a
 * describe); the rest goes on.
 */
final class AuditJobs {
  private static final Logger LOG = LoggerFactory.getLogger(AuditJobs.class);
  /** The words of a diagnosis whose fault is still there. */
  static final String STILL = "the network still has";
  /** The view of a job whose VPC is gone: no VPC, subnet or group of any other VPC in it. */
  private static final String GONE = "vpc-none";

  /** A described job. */
  private record Read(JobKind kind, String name, JobSpec spec, String status, Optional<String> failureReason,
      Optional<Instant> created, Optional<Instant> ended) {}

  private final String account;
  private final String region;
  private final RegionClients clients;
  private final AuditOptions options;
  private final RuleEngine engine;
  private final Clock clock;
  private final Executor calls;
  private final Executor discoveryPool;
  private final Output out;
  private boolean complete = true;

  AuditJobs(String account, String region, RegionClients clients, AuditOptions options, RuleEngine engine, Clock clock,
      Executor calls, Executor discoveryPool, Output out) {
    this.account = account;
    this.region = region;
    this.clients = clients;
    this.options = options;
    this.engine = engine;
    this.clock = clock;
    this.calls = calls;
    this.discoveryPool = discoveryPool;
    this.out = out;
  }

  /** {@return true when every call of the region succeeded (no gap)} */
  boolean run() {
    List<Read> jobs = new ArrayList<>();
    for (JobKind kind : JobKind.values()) {
      if (!options.kinds().contains(kind)) {
        continue;
      }
      List<String> names;
      try {
        names = list(kind);
      } catch (SdkException e) {
        AuditGap gap = Gaps.of(account, Optional.of(region), Optional.empty(), "sagemaker:" + listOperation(kind), e);
        gap(gap);
        if (gap.reason() == GapReason.REGION_NOT_ENABLED) {
          return false;
        }
        continue;
      }
      jobs.addAll(describeAll(kind, names));
    }
    check(jobs);
    return complete;
  }

  private void gap(AuditGap gap) {
    complete = false;
    out.gap(gap);
  }

  private static String listOperation(JobKind kind) {
    return switch (kind) {
      case TRAINING -> "ListTrainingJobs";
      case PROCESSING -> "ListProcessingJobs";
      case TUNING -> "ListHyperParameterTuningJobs";
    };
  }

  private List<String> list(JobKind kind) {
    SageMakerClient sm = clients.sageMaker();
    Instant after = options.since().map(d -> clock.instant().minus(d)).orElse(null);
    Set<String> statuses = options.statuses();
    String only = statuses.size() == 1 ? statuses.iterator().next() : null;
    List<String> names = new ArrayList<>();
    switch (kind) {
      case TRAINING -> sm.listTrainingJobsPaginator(ListTrainingJobsRequest.builder().maxResults(100)
              .creationTimeAfter(after).statusEquals(only).build()).trainingJobSummaries().forEach(s -> {
                if (statuses.isEmpty() || statuses.contains(s.trainingJobStatusAsString())) {
                  names.add(s.trainingJobName());
                }
              });
      case PROCESSING -> sm.listProcessingJobsPaginator(ListProcessingJobsRequest.builder().maxResults(100)
              .creationTimeAfter(after).statusEquals(only).build()).processingJobSummaries().forEach(s -> {
                if (statuses.isEmpty() || statuses.contains(s.processingJobStatusAsString())) {
                  names.add(s.processingJobName());
                }
              });
      case TUNING -> sm.listHyperParameterTuningJobsPaginator(ListHyperParameterTuningJobsRequest.builder()
              .maxResults(100).creationTimeAfter(after).statusEquals(only).build()).hyperParameterTuningJobSummaries()
          .forEach(s -> {
            if (statuses.isEmpty() || statuses.contains(s.hyperParameterTuningJobStatusAsString())) {
              names.add(s.hyperParameterTuningJobName());
            }
          });
    }
    return names;
  }

  /** Describes the jobs with {@code callsPerAccount} calls in flight, each lane one call after the other. */
  private List<Read> describeAll(JobKind kind, List<String> names) {
    int lanes = Math.min(options.callsPerAccount(), Math.max(1, names.size()));
    List<CompletableFuture<List<Read>>> running = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      int first = lane;
      running.add(CompletableFuture.supplyAsync(() -> {
        List<Read> reads = new ArrayList<>();
        for (int i = first; i < names.size(); i += lanes) {
          describe(kind, names.get(i)).ifPresent(reads::add);
        }
        return reads;
      }, calls));
    }
    List<Read> all = new ArrayList<>();
    running.forEach(f -> all.addAll(f.join()));
    return all;
  }

  private Optional<Read> describe(JobKind kind, String name) {
    SageMakerClient sm = clients.sageMaker();
    String operation = switch (kind) {
      case TRAINING -> "sagemaker:DescribeTrainingJob";
      case PROCESSING -> "sagemaker:DescribeProcessingJob";
      case TUNING -> "sagemaker:DescribeHyperParameterTuningJob";
    };
    try {
      switch (kind) {
        case TRAINING: {
          DescribeTrainingJobResponse d = sm.describeTrainingJob(r -> r.trainingJobName(name));
          if (d.tuningJobArn() != null) {
            return Optional.empty(); // audited through its tuning job
          }
          return Optional.of(new Read(kind, name, TrainingJobRequests.toSpec(TrainingJobRequests.fromDescribe(d)),
              d.trainingJobStatusAsString(), Optional.ofNullable(d.failureReason()),
              Optional.ofNullable(d.creationTime()), Optional.ofNullable(d.trainingEndTime())));
        }
        case PROCESSING: {
          DescribeProcessingJobResponse d = sm.describeProcessingJob(r -> r.processingJobName(name));
          return Optional.of(new Read(kind, name, ProcessingJobRequests.toSpec(ProcessingJobRequests.fromDescribe(d)),
              d.processingJobStatusAsString(), Optional.ofNullable(d.failureReason()),
              Optional.ofNullable(d.creationTime()), Optional.ofNullable(d.processingEndTime())));
        }
        default: {
          DescribeHyperParameterTuningJobResponse d =
              sm.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(name));
          return Optional.of(new Read(kind, name, TuningJobRequests.toSpec(TuningJobRequests.fromDescribe(d)),
              d.hyperParameterTuningJobStatusAsString(), Optional.ofNullable(d.failureReason()),
              Optional.ofNullable(d.creationTime()), Optional.ofNullable(d.hyperParameterTuningEndTime())));
        }
      }
    } catch (SdkException e) {
      gap(Gaps.of(account, Optional.of(region), Optional.of(name), operation, e));
    } catch (RuntimeException e) {
      LOG.debug("{} {} in {}/{} is unreadable", kind.label(), name, account, region, e);
      gap(Gaps.unreadable(account, region, name, operation, e));
    }
    return Optional.empty();
  }

  /**
   * Discovers the VPCs of all the region's jobs in one discovery (each VPC once, whatever the number of its jobs),
   * then checks every job against its own VPC's view of it ({@link NetworkSnapshot#withinVpc}), as a discovery of
   * that VPC alone would have captured it.
   */
  private void check(List<Read> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    List<TrainingJobSpec> inVpc = jobs.stream().flatMap(j -> j.spec().workloads().stream())
        .filter(w -> w.vpc().isPresent()).toList();
    NetworkSnapshot region = inVpc.isEmpty() ? NetworkSnapshot.builder().region(this.region).capturedAt(clock.instant())
        .build()
        : LiveNetworkDiscovery.builder().ec2(clients.ec2()).s3(clients.s3()).region(this.region)
            .executor(discoveryPool).clock(clock).build().snapshotForJobs(inVpc);
    Map<String, String> vpcOf = new HashMap<>();
    region.subnets().ifPresent(l -> l.forEach(sn -> vpcOf.put(sn.subnetId(), sn.vpcId())));
    region.securityGroups().ifPresent(l -> l.forEach(g -> vpcOf.put(g.groupId(), g.vpcId())));
    Map<String, NetworkSnapshot> views = new HashMap<>();
    for (Read j : jobs) {
      List<String> own = new ArrayList<>(subnets(j));
      boolean noVpc = own.isEmpty();
      j.spec().workloads().stream().flatMap(w -> w.vpc().stream()).forEach(v -> own.addAll(v.securityGroups()));
      // the VPCs of its subnets and groups: one, or several for a tuning job whose definitions run apart
      java.util.SortedSet<String> vpcs = own.stream().map(vpcOf::get).filter(v -> v != null)
          .collect(Collectors.toCollection(java.util.TreeSet::new));
      Optional<String> vpc = vpcs.stream().findFirst();
      boolean gone = !noVpc && vpc.isEmpty() && region.subnets().isPresent();
      NetworkSnapshot view = noVpc ? views.computeIfAbsent("", k -> NetworkSnapshot.builder().region(this.region)
          .capturedAt(clock.instant()).build())
          : views.computeIfAbsent(vpcs.isEmpty() ? GONE : String.join(",", vpcs),
              k -> region.withinVpcs(List.of(k.split(",", -1))));
      PreflightReport report = engine.evaluate(j.spec(), view);
      out.job(AuditedJob.builder().accountId(account).region(this.region).jobName(j.name()).kind(j.kind())
          .status(j.status()).creationTime(j.created()).failureReason(j.failureReason()).vpcId(vpc)
          .verdict(report.verdict()).findings(report.problems()).diagnosis(diagnosis(j, report))
          .note(gone ? Optional.of("None of the job's subnets exists any more: its VPC was deleted or changed since "
              + "the job ran.") : Optional.empty())
          .build());
    }
  }

  private static List<String> subnets(Read j) {
    return j.spec().workloads().stream().map(TrainingJobSpec::vpc).flatMap(Optional::stream)
        .flatMap(v -> v.subnets().stream()).distinct().toList();
  }

  /** What a failed job's failure reason says, and whether today's network still has the fault. */
  private Optional<String> diagnosis(Read j, PreflightReport report) {
    if (!"Failed".equals(j.status()) || j.failureReason().isEmpty()) {
      return Optional.empty();
    }
    FailureDiagnosis d = FailureDiagnoser.withPreflight(w -> report)
        .diagnose(j.failureReason().get(), j.spec().workloads().get(0));
    String head = "failed" + j.ended().or(j::created).map(t -> " " + ago(t)).orElse("") + " with: "
        + d.category().explanation();
    if (!d.category().isNetwork()) {
      return Optional.of(head + " (not a network cause)");
    }
    if (d.findings().isEmpty()) {
      return Optional.of(head + "; the fault is fixed since: rules " + d.category().describeFamilies()
          + " find nothing now");
    }
    return Optional.of(head + "; " + STILL + " " + d.findings().stream()
        .map(f -> f.ruleId() + (f.resources().isEmpty() ? "" : " (" + String.join(", ", f.resources()) + ")"))
        .distinct().collect(Collectors.joining(", ")));
  }

  private String ago(Instant t) {
    Duration d = Duration.between(t, clock.instant());
    long days = d.toDays();
    if (days >= 1) {
      return days + (days == 1 ? " day ago" : " days ago");
    }
    long hours = Math.max(0, d.toHours());
    return hours + (hours == 1 ? " hour ago" : " hours ago");
  }
}
