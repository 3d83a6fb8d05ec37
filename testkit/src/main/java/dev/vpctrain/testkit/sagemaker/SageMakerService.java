package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.aws.job.ProcessingJobRequests;
import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.aws.job.TuningJobRequests;
import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.Pages;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.SageMakerServiceClientConfiguration;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListHyperParameterTuningJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListHyperParameterTuningJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ObjectiveStatusCounters;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatusCounters;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsForHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsForHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.StopHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.StopHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ListProcessingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListProcessingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.StopProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.StopProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelArtifacts;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.StopTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.StopTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.waiters.SageMakerWaiter;

/**
 * The fake SageMaker service: {@code CreateTrainingJob} validates the request as SageMaker does
 * and judges it with the rule engine on the world's network; {@code DescribeTrainingJob},
 * {@code ListTrainingJobs}, {@code StopTrainingJob} and {@code waiter()} follow the simulated jobs.
 * {@code CreateProcessingJob} and its Describe, List and Stop run processing jobs through the same
 * simulation; {@code CreateHyperParameterTuningJob} starts the tuner's training jobs in batches of
 * {@code MaxParallelTrainingJobs}, failing those the subnets have no addresses for.
 * Public for the client proxy only.
 */
@FakeClientOf(value = SageMakerClient.class, name = "FakeSageMakerClient")
public final class SageMakerService {
  private static final Logger LOG = LoggerFactory.getLogger(SageMakerService.class);
  private static final ServiceErrors ERRORS = new ServiceErrors("SageMaker", SageMakerException::builder, Map.of(
      "ResourceInUse", ResourceInUseException::builder,
      "ResourceNotFound", ResourceNotFoundException::builder,
      "ResourceLimitExceeded", ResourceLimitExceededException::builder));
  /** The delay of SageMaker's training-job waiter, spent in virtual time when jobs do not step on describe. */
  static final Duration WAITER_DELAY = Duration.ofMinutes(2);
  private static final java.util.Set<String> TERMINAL = java.util.Set.of("Completed", "Failed", "Stopped");

  private final World world;
  private final FakeSageMaker state;
  private SageMakerClient self;
  private SageMakerWaiter waiter;

  private SageMakerService(World world, FakeSageMaker state) {
    this.world = world;
    this.state = state;
  }

  /** A {@code SageMakerClient} over {@code world} and its SageMaker state. */
  static SageMakerClient client(World world, FakeSageMaker state) {
    SageMakerService service = new SageMakerService(world, state);
    service.self = new FakeSageMakerClient(new ClientDispatch("sagemaker", "api.sagemaker", service, world, ERRORS,
        "x-amzn-RequestId"));
    return service.self;
  }

  /** {@return the service client configuration} */
  public SageMakerServiceClientConfiguration serviceClientConfiguration() {
    return SageMakerServiceClientConfiguration.builder().region(Region.of(world.region())).build();
  }

  /**
   * {@return SageMaker's waiters over this client; their delays pass in virtual time, never in real time}
   * One waiter serves every call (building one costs milliseconds; they are thread-safe).
   */
  public synchronized SageMakerWaiter waiter() {
    if (waiter == null) {
      waiter = newWaiter();
    }
    return waiter;
  }

  private SageMakerWaiter newWaiter() {
    return SageMakerWaiter.builder()
        .client(self)
        .overrideConfiguration(o -> o.backoffStrategyV2(attempt -> {
          if (!state.stepsOnDescribe()) {
            world.clock().advance(WAITER_DELAY);
          }
          return Duration.ZERO;
        }))
        .build();
  }

  /**
   * Answers {@code CreateTrainingJob}.
   *
   * @param r the request
   * @return the response
   */
  public CreateTrainingJobResponse createTrainingJob(CreateTrainingJobRequest r) {
    RequestValidator.checkShape(r);
    String arn = arn(r.trainingJobName());
    if (state.simulated(r.trainingJobName()).isPresent()) {
      throw resourceInUse(arn);
    }
    NetworkSnapshot network = world.network();
    RequestValidator.checkAgainst(r, network);
    JobScript script = state.scriptFor(r.trainingJobName());
    TrainingJobSpec asked = Judgements.spec(r);
    List<HostPort> internet = new ArrayList<>(asked.requiredInternet());
    internet.addAll(script.requiresInternet());
    List<VpcTarget> inVpc = new ArrayList<>(asked.requiredInVpc());
    inVpc.addAll(script.requiresInVpc());
    TrainingJobSpec spec = asked.toBuilder().requiredServices(script.requires()).requiredInternet(internet)
        .requiredInVpc(inVpc).region(world.region()).build();
    PreflightReport report = Judgements.judge(world.ruleEngine(), spec, network);
    refuseUnassumableRole(r, report);
    Plan plan = Planner.plan(report, spec, script, network);
    SimulatedJob job = new SimulatedJob(r.trainingJobName(), arn, r, spec, report, plan, script, world.clock().instant());
    if (state.add(job).isPresent()) {
      throw resourceInUse(arn);
    }
    Telemetry.write(job, world.logs(), world.metrics());
    LOG.debug("Fake training job {} will end {} ({})", job.name, job.statusAt(job.end()),
        plan.cause.map(f -> f.ruleId()).orElse(plan.kind == Plan.Kind.COMPLETE ? "network ready" : "scripted"));
    return CreateTrainingJobResponse.builder().trainingJobArn(arn).build();
  }

  /**
   * SageMaker assumes the role while it creates the job: a role that does not exist, or whose trust
   * policy does not let {@code sagemaker.amazonaws.com} assume it, is refused synchronously (the
   * rule engine's {@code role.not-found} / {@code role.trust.sagemaker} verdicts decide it).
   */
  private static void refuseUnassumableRole(CreateTrainingJobRequest r, PreflightReport report) {
    for (String rule : List.of("role.not-found", "role.trust.sagemaker")) {
      if (report.findings(rule).stream().anyMatch(f -> f.isFail())) {
        throw AwsError.client("ValidationException", "Could not assume role " + r.roleArn()
            + ". Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role.");
      }
    }
  }

  /**
   * Answers {@code DescribeTrainingJob}.
   *
   * @param r the request
   * @return the response
   */
  public DescribeTrainingJobResponse describeTrainingJob(DescribeTrainingJobRequest r) {
    SimulatedJob job = job(r.trainingJobName());
    Instant before = world.clock().instant();
    if (state.stepsOnDescribe()) {
      job.nextStepToShow(before).ifPresent(t -> world.clock().advanceTo(t));
    }
    Instant now = world.clock().instant();
    if (!TERMINAL.contains(job.statusAt(before))) {
      state.realSleeps().polled(job.name, before, now);
    }
    job.observe(now);
    return describe(job, now);
  }

  /**
   * Answers {@code ListTrainingJobs}.
   *
   * @param r the request
   * @return the response
   */
  public ListTrainingJobsResponse listTrainingJobs(ListTrainingJobsRequest r) {
    Instant now = world.clock().instant();
    if (r.maxResults() != null && (r.maxResults() < 1 || r.maxResults() > 100)) {
      throw AwsError.client("ValidationException", "1 validation error detected: Value '" + r.maxResults()
          + "' at 'maxResults' failed to satisfy constraint: Member must have value "
          + (r.maxResults() < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    List<SimulatedJob> jobs = new ArrayList<>();
    for (SimulatedJob j : state.all()) {
      Instant modified = j.stepAt(now).start();
      if ((r.nameContains() != null && !j.name.toLowerCase(Locale.ROOT).contains(r.nameContains().toLowerCase(Locale.ROOT)))
          || (r.statusEqualsAsString() != null && !j.statusAt(now).equals(r.statusEqualsAsString()))
          || (r.creationTimeAfter() != null && !j.created.isAfter(r.creationTimeAfter()))
          || (r.creationTimeBefore() != null && !j.created.isBefore(r.creationTimeBefore()))
          || (r.lastModifiedTimeAfter() != null && !modified.isAfter(r.lastModifiedTimeAfter()))
          || (r.lastModifiedTimeBefore() != null && !modified.isBefore(r.lastModifiedTimeBefore()))) {
        continue;
      }
      jobs.add(j);
    }
    Comparator<SimulatedJob> order;
    String sortBy = r.sortByAsString() == null ? "CreationTime" : r.sortByAsString();
    switch (sortBy) {
      case "Name":
        order = Comparator.comparing(j -> j.name);
        break;
      case "Status":
        order = Comparator.comparing(j -> j.statusAt(now));
        break;
      default:
        order = Comparator.comparing(j -> j.created);
    }
    if ("Descending".equals(r.sortOrderAsString())) {
      order = order.reversed();
    }
    jobs.sort(order);
    Pages.Page<SimulatedJob> page = Pages.slice(jobs, r.maxResults() == null ? 10 : r.maxResults(), r.nextToken(),
        "ListTrainingJobs", t -> AwsError.client("ValidationException", "Invalid pagination token " + t));
    List<TrainingJobSummary> summaries = new ArrayList<>();
    for (SimulatedJob j : page.items()) {
      SimulatedJob.Step step = j.stepAt(now);
      summaries.add(TrainingJobSummary.builder()
          .trainingJobName(j.name)
          .trainingJobArn(j.arn)
          .creationTime(j.created)
          .lastModifiedTime(step.start())
          .trainingEndTime(j.endedAt(now) ? step.start() : null)
          .trainingJobStatus(j.statusAt(now))
          .secondaryStatus(step.status())
          .build());
    }
    return ListTrainingJobsResponse.builder().trainingJobSummaries(summaries).nextToken(page.nextToken()).build();
  }

  /**
   * Answers {@code StopTrainingJob}.
   *
   * @param r the request
   * @return the response
   */
  public StopTrainingJobResponse stopTrainingJob(StopTrainingJobRequest r) {
    SimulatedJob job = job(r.trainingJobName());
    Instant now = stop(job, "training job");
    world.logs().dropAfter(job.name, now);
    world.metrics().dropAfter(job.name, now);
    return StopTrainingJobResponse.builder().build();
  }

  private DescribeTrainingJobResponse describe(SimulatedJob job, Instant now) {
    DescribeTrainingJobResponse.Builder b = DescribeTrainingJobResponse.builder();
    copyRequest(job.request, b);
    List<SimulatedJob.Step> steps = job.steps();
    int current = job.indexAt(now);
    List<SecondaryStatusTransition> transitions = new ArrayList<>();
    for (int i = 0; i <= current; i++) {
      SimulatedJob.Step s = steps.get(i);
      boolean last = i == steps.size() - 1;
      transitions.add(SecondaryStatusTransition.builder()
          .status(s.status())
          .statusMessage(s.message())
          .startTime(s.start())
          .endTime(i < current ? steps.get(i + 1).start() : last ? s.start() : null)
          .build());
    }
    SimulatedJob.Step step = steps.get(current);
    String status = SimulatedJob.primary(step.status());
    boolean ended = job.endedAt(now);
    Optional<Instant> runStart = job.trainingStartAt(now);
    b.trainingJobName(job.name)
        .trainingJobArn(job.arn)
        .trainingJobStatus(status)
        .secondaryStatus(step.status())
        .failureReason(job.failureReasonAt(now).orElse(null))
        .creationTime(job.created)
        .lastModifiedTime(step.start())
        .trainingStartTime(runStart.orElse(null))
        .trainingEndTime(ended ? step.start() : null)
        .secondaryStatusTransitions(transitions)
        .enableNetworkIsolation(Boolean.TRUE.equals(job.request.enableNetworkIsolation()))
        .enableInterContainerTrafficEncryption(Boolean.TRUE.equals(job.request.enableInterContainerTrafficEncryption()))
        .enableManagedSpotTraining(Boolean.TRUE.equals(job.request.enableManagedSpotTraining()));
    if (ended && runStart.isPresent()) {
      long seconds = Duration.between(runStart.get(), step.start()).toSeconds();
      b.trainingTimeInSeconds((int) seconds).billableTimeInSeconds((int) seconds * Math.max(1, job.spec.totalInstanceCount()));
    }
    if (status.equals("Completed") && job.request.outputDataConfig() != null) {
      String out = job.request.outputDataConfig().s3OutputPath();
      b.modelArtifacts(ModelArtifacts.builder()
          .s3ModelArtifacts((out.endsWith("/") ? out : out + "/") + job.name + "/output/model.tar.gz").build());
    }
    return b.build();
  }

  private static final Map<String, SdkField<?>> DESCRIBE_FIELDS = new HashMap<>();

  static {
    for (SdkField<?> f : DescribeTrainingJobResponse.builder().sdkFields()) {
      DESCRIBE_FIELDS.put(f.memberName(), f);
    }
  }

  /** Copies every request member that {@code DescribeTrainingJob} returns (all but Tags). */
  private static void copyRequest(CreateTrainingJobRequest request, DescribeTrainingJobResponse.Builder b) {
    for (SdkField<?> f : request.sdkFields()) {
      SdkField<?> target = DESCRIBE_FIELDS.get(f.memberName());
      if (target == null || f.memberName().equals("TrainingJobName")) {
        continue;
      }
      Object value = f.getValueOrDefault(request);
      if (value != null) {
        target.set(b, value);
      }
    }
  }

  /**
   * Answers {@code CreateProcessingJob}: the request is judged on its workload (a cluster of more than
   * one instance is distributed) and runs through the same simulation as a training job, so a
   * processing job in a broken VPC fails as a training job would.
   *
   * @param r the request
   * @return the response
   */
  public CreateProcessingJobResponse createProcessingJob(CreateProcessingJobRequest r) {
    checkProcessingShape(r);
    String arn = processingArn(r.processingJobName());
    if (state.simulatedProcessing(r.processingJobName()).isPresent()) {
      throw processingInUse(arn);
    }
    NetworkSnapshot network = world.network();
    RequestValidator.checkVpc(r.networkConfig() == null ? null : r.networkConfig().vpcConfig(), network);
    JobScript script = state.scriptFor(r.processingJobName());
    TrainingJobSpec asked = ProcessingJobRequests.toSpec(r).workload();
    List<HostPort> internet = new ArrayList<>(asked.requiredInternet());
    internet.addAll(script.requiresInternet());
    List<VpcTarget> inVpc = new ArrayList<>(asked.requiredInVpc());
    inVpc.addAll(script.requiresInVpc());
    java.util.Set<dev.vpctrain.core.job.AwsService> services = new java.util.TreeSet<>(asked.requiredServices());
    services.addAll(script.requires());
    TrainingJobSpec spec = asked.toBuilder().requiredServices(services).requiredInternet(internet)
        .requiredInVpc(inVpc).region(world.region()).build();
    PreflightReport report = Judgements.judge(world.ruleEngine(), spec, network);
    for (String rule : List.of("role.not-found", "role.trust.sagemaker")) {
      if (report.findings(rule).stream().anyMatch(f -> f.isFail())) {
        throw AwsError.client("ValidationException", "Could not assume role " + r.roleArn()
            + ". Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role.");
      }
    }
    Plan plan = Planner.plan(report, spec, script, network);
    SimulatedJob job = new SimulatedJob(r.processingJobName(), arn, r, spec, report, plan, script, world.clock().instant());
    if (state.addProcessing(job).isPresent()) {
      throw processingInUse(arn);
    }
    LOG.debug("Fake processing job {} will end {} ({})", job.name, job.statusAt(job.end()),
        plan.cause.map(f -> f.ruleId()).orElse(plan.kind == Plan.Kind.COMPLETE ? "network ready" : "scripted"));
    return CreateProcessingJobResponse.builder().processingJobArn(arn).build();
  }

  /** The members CreateProcessingJob requires, refused as the service's validation refuses them. */
  private static void checkProcessingShape(CreateProcessingJobRequest r) {
    List<String> violations = new ArrayList<>();
    if (r.processingJobName() == null || !r.processingJobName().matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}")) {
      violations.add("Value '" + r.processingJobName() + "' at 'processingJobName' failed to satisfy constraint: "
          + "Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    }
    if (r.roleArn() == null) {
      violations.add("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
    }
    if (r.appSpecification() == null || r.appSpecification().imageUri() == null) {
      violations.add("Value null at 'appSpecification.imageUri' failed to satisfy constraint: Member must not be null");
    }
    if (r.processingResources() == null || r.processingResources().clusterConfig() == null) {
      violations.add("Value null at 'processingResources.clusterConfig' failed to satisfy constraint: Member must not be null");
    } else {
      Integer n = r.processingResources().clusterConfig().instanceCount();
      if (n == null || n < 1 || n > 100) {
        violations.add("Value '" + n + "' at 'processingResources.clusterConfig.instanceCount' failed to satisfy "
            + "constraint: Member must have value " + (n != null && n > 100 ? "less than or equal to 100" : "greater than or equal to 1"));
      }
    }
    if (!violations.isEmpty()) {
      throw AwsError.client("ValidationException", violations.size() + " validation error" + (violations.size() == 1 ? "" : "s")
          + " detected: " + String.join("; ", violations));
    }
  }

  /**
   * Answers {@code DescribeProcessingJob}; each call of a running job moves it one step, as for training jobs.
   *
   * @param r the request
   * @return the response
   */
  public DescribeProcessingJobResponse describeProcessingJob(DescribeProcessingJobRequest r) {
    SimulatedJob job = processingJob(r.processingJobName());
    Instant before = world.clock().instant();
    if (state.stepsOnDescribe()) {
      job.nextStepToShow(before).ifPresent(t -> world.clock().advanceTo(t));
    }
    Instant now = world.clock().instant();
    if (!TERMINAL.contains(job.statusAt(before))) {
      state.realSleeps().polled(job.name, before, now);
    }
    job.observe(now);
    CreateProcessingJobRequest q = job.processing;
    SimulatedJob.Step step = job.stepAt(now);
    boolean ended = job.endedAt(now);
    Optional<Instant> start = job.trainingStartAt(now);
    return DescribeProcessingJobResponse.builder()
        .processingJobName(job.name)
        .processingJobArn(job.arn)
        .processingJobStatus(job.statusAt(now))
        .failureReason(job.failureReasonAt(now).orElse(null))
        .exitMessage(step.status().equals("MaxRuntimeExceeded") ? "Job stopped because max runtime exceeded" : null)
        .creationTime(job.created)
        .lastModifiedTime(step.start())
        .processingStartTime(start.orElse(null))
        .processingEndTime(ended ? step.start() : null)
        .processingInputs(q.processingInputs())
        .processingOutputConfig(q.processingOutputConfig())
        .processingResources(q.processingResources())
        .stoppingCondition(q.stoppingCondition())
        .appSpecification(q.appSpecification())
        .environment(q.environment())
        .networkConfig(q.networkConfig())
        .roleArn(q.roleArn())
        .experimentConfig(q.experimentConfig())
        .build();
  }

  /**
   * Answers {@code ListProcessingJobs}, newest first by default, with {@code NameContains}, {@code StatusEquals}
   * and the creation-time filters, in pages.
   *
   * @param r the request
   * @return the response
   */
  public ListProcessingJobsResponse listProcessingJobs(ListProcessingJobsRequest r) {
    Instant now = world.clock().instant();
    List<SimulatedJob> jobs = new Listing<SimulatedJob>(j -> j.name, j -> j.statusAt(now), j -> j.created).select(
        state.allProcessing(), r.nameContains(), r.statusEqualsAsString(), r.creationTimeAfter(), r.creationTimeBefore(),
        r.sortByAsString(), r.sortOrderAsString());
    Pages.Page<SimulatedJob> page = Pages.slice(jobs, r.maxResults() == null ? 10 : r.maxResults(), r.nextToken(),
        "ListProcessingJobs", t -> AwsError.client("ValidationException", "Invalid pagination token " + t));
    List<ProcessingJobSummary> summaries = new ArrayList<>();
    for (SimulatedJob j : page.items()) {
      SimulatedJob.Step step = j.stepAt(now);
      summaries.add(ProcessingJobSummary.builder()
          .processingJobName(j.name)
          .processingJobArn(j.arn)
          .creationTime(j.created)
          .lastModifiedTime(step.start())
          .processingEndTime(j.endedAt(now) ? step.start() : null)
          .processingJobStatus(j.statusAt(now))
          .failureReason(j.failureReasonAt(now).orElse(null))
          .build());
    }
    return ListProcessingJobsResponse.builder().processingJobSummaries(summaries).nextToken(page.nextToken()).build();
  }

  /**
   * Answers {@code StopProcessingJob}: Stopping, then Stopped.
   *
   * @param r the request
   * @return the response
   */
  public StopProcessingJobResponse stopProcessingJob(StopProcessingJobRequest r) {
    stop(processingJob(r.processingJobName()), "processing job");
    return StopProcessingJobResponse.builder().build();
  }

  /** Stops {@code job}, refused as SageMaker refuses it unless the job is in progress; {@return the time of the stop} */
  private Instant stop(SimulatedJob job, String kind) {
    Instant now = world.clock().instant();
    synchronized (job) {
      String status = job.statusAt(now);
      if (!status.equals("InProgress")) {
        throw AwsError.client("ValidationException", "The request was rejected because the " + kind + " is in status "
            + status + ".");
      }
      job.stop(now);
    }
    return now;
  }

  /**
   * Answers {@code CreateHyperParameterTuningJob}: the tuner's training jobs, {@code MaxNumberOfTrainingJobs}
   * of them (or {@code MaxParallelTrainingJobs} when that is not given), start in batches of
   * {@code MaxParallelTrainingJobs}, the definitions taken in turn. Each is placed in one subnet of its
   * definition that still has the free addresses it needs while the others of its batch run; one that
   * finds none fails Starting with SageMaker's insufficient-addresses reason. The others run through the
   * same simulation as any training job (and are described, listed and stopped as training jobs).
   *
   * @param r the request
   * @return the response
   */
  public CreateHyperParameterTuningJobResponse createHyperParameterTuningJob(CreateHyperParameterTuningJobRequest r) {
    String name = r.hyperParameterTuningJobName();
    if (name == null || !name.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}")) {
      throw AwsError.client("ValidationException", "1 validation error detected: Value '" + name
          + "' at 'hyperParameterTuningJobName' failed to satisfy constraint: Member must satisfy regular expression "
          + "pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}");
    }
    if (r.hyperParameterTuningJobConfig() == null || r.hyperParameterTuningJobConfig().resourceLimits() == null
        || r.hyperParameterTuningJobConfig().resourceLimits().maxParallelTrainingJobs() == null) {
      throw AwsError.client("ValidationException", "1 validation error detected: Value null at "
          + "'hyperParameterTuningJobConfig.resourceLimits.maxParallelTrainingJobs' failed to satisfy constraint: "
          + "Member must not be null");
    }
    if (r.trainingJobDefinition() == null && !r.hasTrainingJobDefinitions()) {
      throw AwsError.client("ValidationException", "Either TrainingJobDefinition or TrainingJobDefinitions must be "
          + "specified.");
    }
    String arn = "arn:aws:sagemaker:" + world.region() + ":" + world.accountId() + ":hyper-parameter-tuning-job/"
        + name.toLowerCase(Locale.ROOT);
    if (state.simulatedTuning(name).isPresent()) {
      throw AwsError.client("ResourceInUse", "Hyperparameter tuning job names must be unique within an AWS account and "
          + "region, and a tuning job with this name already exists (" + arn + ")");
    }
    NetworkSnapshot network = world.network();
    TuningJobSpec tuning = TuningJobRequests.toSpec(r);
    for (TrainingJobSpec d : tuning.definitions()) {
      RequestValidator.checkVpc(TrainingJobRequests.toRequest(d).vpcConfig(), network);
    }
    int parallel = tuning.maxParallelTrainingJobs();
    Integer limit = r.hyperParameterTuningJobConfig().resourceLimits().maxNumberOfTrainingJobs();
    int total = limit == null ? parallel : limit;
    List<SimulatedTuningJob.Child> children = new ArrayList<>();
    Instant batchStart = world.clock().instant();
    for (int first = 0; first < total; first += parallel) {
      Map<String, Integer> free = new HashMap<>();
      Instant batchEnd = batchStart;
      for (int i = first; i < Math.min(total, first + parallel); i++) {
        TrainingJobSpec d = tuning.definitions().get(i % tuning.definitions().size());
        String child = childName(name, i);
        TrainingJobSpec spec = d.toBuilder().name(child).kind(null).definitionName(null).region(world.region()).build();
        CreateTrainingJobRequest request = TrainingJobRequests.toRequest(spec);
        JobScript script = state.scriptFor(child);
        PreflightReport report = Judgements.judge(world.ruleEngine(), spec, network);
        Plan plan = placed(spec, network, free) ? Planner.plan(report, spec, script, network)
            : Plan.fail(Phase.STARTING, FailureReasons.insufficientIps(spec.vpc().map(v -> v.subnets()).orElse(List.of()),
                spec.totalInstanceCount(), spec.instanceType().orElse("?"), spec.isEfa() ? 5 : 2), null,
                SimulatedJob.STARTING, List.of());
        SimulatedJob job = new SimulatedJob(child, arn(child), request, spec, report, plan, script, batchStart);
        children.add(new SimulatedTuningJob.Child(job, d.definitionName().orElse(null), objective(child)));
        batchEnd = job.end().isAfter(batchEnd) ? job.end() : batchEnd;
      }
      batchStart = batchEnd;
    }
    SimulatedTuningJob job = new SimulatedTuningJob(name, arn, r, world.clock().instant(), children);
    if (!state.addTuning(job)) {
      throw AwsError.client("ResourceInUse", "A training job of tuning job " + name + " already exists");
    }
    children.forEach(c -> Telemetry.write(c.job(), world.logs(), world.metrics()));
    LOG.debug("Fake tuning job {}: {} training jobs, {} at once", name, total, parallel);
    return CreateHyperParameterTuningJobResponse.builder().hyperParameterTuningJobArn(arn).build();
  }

  /**
   * Places a training job of {@code spec} in the first of its subnets that still has the addresses it
   * needs while the others of its batch run ({@code free}, filled from the network on first use); false
   * when none has. Subnets whose free addresses are unknown hold any job.
   */
  private static boolean placed(TrainingJobSpec spec, NetworkSnapshot network, Map<String, Integer> free) {
    long need = (long) spec.totalInstanceCount() * (spec.isEfa() ? 5 : 2);
    List<String> subnets = spec.vpc().map(v -> v.subnets()).orElse(List.of());
    if (subnets.isEmpty()) {
      return true;
    }
    for (String s : subnets) {
      Optional<Integer> known = network.subnet(s).flatMap(x -> x.availableIpAddressCount());
      if (known.isEmpty()) {
        return true;
      }
      int left = free.computeIfAbsent(s, k -> known.get());
      if (left >= need) {
        free.put(s, (int) (left - need));
        return true;
      }
    }
    return false;
  }

  /** The tuner's name for its {@code i}th training job: the tuning job's name, a number and a suffix. */
  private static String childName(String tuning, int i) {
    return tuning + "-" + String.format(Locale.ROOT, "%03d", i + 1) + "-"
        + String.format(Locale.ROOT, "%08x", (tuning + "/" + i).hashCode());
  }

  /** A deterministic objective value in [0.5, 0.9) for a training job. */
  private static double objective(String child) {
    return 0.5 + Math.floorMod(child.hashCode(), 400) / 1000.0;
  }

  /**
   * Answers {@code DescribeHyperParameterTuningJob}: the status follows the training jobs (InProgress while
   * one runs, then Completed when one completed, else Failed), with their counters and the best completed one.
   * Each call of a running tuning job moves the clock to its next training job's next status.
   *
   * @param r the request
   * @return the response
   */
  public DescribeHyperParameterTuningJobResponse describeHyperParameterTuningJob(DescribeHyperParameterTuningJobRequest r) {
    SimulatedTuningJob job = tuningJob(r.hyperParameterTuningJobName());
    Instant before = world.clock().instant();
    if (state.stepsOnDescribe() && job.statusAt(before).equals("InProgress")) {
      job.nextEventAfter(before).ifPresent(t -> world.clock().advanceTo(t));
    }
    Instant now = world.clock().instant();
    int completed = 0;
    int running = 0;
    int stopped = 0;
    int failed = 0;
    for (SimulatedTuningJob.Child c : job.children) {
      if (c.job().created.isAfter(now)) {
        continue; // a later batch: not started yet, not counted
      }
      switch (c.job().statusAt(now)) {
        case "Completed":
          completed++;
          break;
        case "Failed":
          failed++;
          break;
        case "Stopped":
          stopped++;
          break;
        default:
          running++;
      }
    }
    String status = job.statusAt(now);
    boolean maximize = job.request.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective() == null
        || !"Minimize".equals(job.request.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective().typeAsString());
    String metric = job.request.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective() == null ? "objective"
        : job.request.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective().metricName();
    DescribeHyperParameterTuningJobResponse.Builder b = DescribeHyperParameterTuningJobResponse.builder()
        .hyperParameterTuningJobName(job.name)
        .hyperParameterTuningJobArn(job.arn)
        .hyperParameterTuningJobConfig(job.request.hyperParameterTuningJobConfig())
        .trainingJobDefinition(job.request.trainingJobDefinition())
        .trainingJobDefinitions(job.request.trainingJobDefinitions())
        .hyperParameterTuningJobStatus(status)
        .creationTime(job.created)
        .trainingJobStatusCounters(TrainingJobStatusCounters.builder().completed(completed).inProgress(running)
            .stopped(stopped).nonRetryableError(failed).retryableError(0).build())
        .objectiveStatusCounters(ObjectiveStatusCounters.builder().succeeded(completed).pending(running)
            .failed(failed + stopped).build());
    if (status.equals("Failed")) {
      b.failureReason("All training jobs failed: " + job.children.get(0).job().failureReasonAt(now).orElse(""));
    }
    if (!status.equals("InProgress") && !status.equals("Stopping")) {
      b.hyperParameterTuningEndTime(job.children.stream().map(c -> c.job().end()).max(Instant::compareTo).orElse(now));
    }
    job.bestAt(now, maximize).ifPresent(best -> b.bestTrainingJob(summary(job, best, now, metric)));
    return b.build();
  }

  /**
   * Answers {@code ListTrainingJobsForHyperParameterTuningJob}, in start order, in pages.
   *
   * @param r the request
   * @return the response
   */
  public ListTrainingJobsForHyperParameterTuningJobResponse listTrainingJobsForHyperParameterTuningJob(
      ListTrainingJobsForHyperParameterTuningJobRequest r) {
    SimulatedTuningJob job = tuningJob(r.hyperParameterTuningJobName());
    Instant now = world.clock().instant();
    String metric = job.request.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective() == null ? "objective"
        : job.request.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective().metricName();
    List<SimulatedTuningJob.Child> children = new ArrayList<>();
    for (SimulatedTuningJob.Child c : job.children) {
      if (c.job().created.isAfter(now)) {
        continue; // a later batch: not started yet
      }
      if (r.statusEqualsAsString() == null || c.job().statusAt(now).equals(r.statusEqualsAsString())) {
        children.add(c);
      }
    }
    Pages.Page<SimulatedTuningJob.Child> page = Pages.slice(children, r.maxResults() == null ? 10 : r.maxResults(),
        r.nextToken(), "ListTrainingJobsForHyperParameterTuningJob",
        t -> AwsError.client("ValidationException", "Invalid pagination token " + t));
    List<HyperParameterTrainingJobSummary> out = new ArrayList<>();
    page.items().forEach(c -> out.add(summary(job, c, now, metric)));
    return ListTrainingJobsForHyperParameterTuningJobResponse.builder().trainingJobSummaries(out)
        .nextToken(page.nextToken()).build();
  }

  /**
   * Answers {@code ListHyperParameterTuningJobs}, newest first by default, with {@code NameContains},
   * {@code StatusEquals} and the creation-time filters, in pages.
   *
   * @param r the request
   * @return the response
   */
  public ListHyperParameterTuningJobsResponse listHyperParameterTuningJobs(ListHyperParameterTuningJobsRequest r) {
    Instant now = world.clock().instant();
    List<SimulatedTuningJob> jobs = new Listing<SimulatedTuningJob>(j -> j.name, j -> j.statusAt(now), j -> j.created)
        .select(state.allTuning(), r.nameContains(), r.statusEqualsAsString(), r.creationTimeAfter(), r.creationTimeBefore(),
            r.sortByAsString(), r.sortOrderAsString());
    Pages.Page<SimulatedTuningJob> page = Pages.slice(jobs, r.maxResults() == null ? 10 : r.maxResults(), r.nextToken(),
        "ListHyperParameterTuningJobs", t -> AwsError.client("ValidationException", "Invalid pagination token " + t));
    List<HyperParameterTuningJobSummary> out = new ArrayList<>();
    for (SimulatedTuningJob j : page.items()) {
      out.add(HyperParameterTuningJobSummary.builder()
          .hyperParameterTuningJobName(j.name)
          .hyperParameterTuningJobArn(j.arn)
          .hyperParameterTuningJobStatus(j.statusAt(now))
          .strategy(j.request.hyperParameterTuningJobConfig().strategy())
          .creationTime(j.created)
          .build());
    }
    return ListHyperParameterTuningJobsResponse.builder().hyperParameterTuningJobSummaries(out)
        .nextToken(page.nextToken()).build();
  }

  /**
   * Answers {@code StopHyperParameterTuningJob}: every running training job of it stops.
   *
   * @param r the request
   * @return the response
   */
  public StopHyperParameterTuningJobResponse stopHyperParameterTuningJob(StopHyperParameterTuningJobRequest r) {
    SimulatedTuningJob job = tuningJob(r.hyperParameterTuningJobName());
    Instant now = world.clock().instant();
    if (!job.statusAt(now).equals("InProgress")) {
      throw AwsError.client("ValidationException", "The request was rejected because the tuning job is in status "
          + job.statusAt(now) + ".");
    }
    job.stop(now);
    for (SimulatedTuningJob.Child c : job.children) {
      synchronized (c.job()) {
        if (!c.job().endedAt(now)) {
          c.job().stop(now);
        }
      }
    }
    return StopHyperParameterTuningJobResponse.builder().build();
  }

  private static HyperParameterTrainingJobSummary summary(SimulatedTuningJob tuning, SimulatedTuningJob.Child c,
      Instant now, String metric) {
    String status = c.job().statusAt(now);
    HyperParameterTrainingJobSummary.Builder b = HyperParameterTrainingJobSummary.builder()
        .trainingJobName(c.job().name)
        .trainingJobArn(c.job().arn)
        .tuningJobName(tuning.name)
        .trainingJobDefinitionName(c.definition())
        .creationTime(c.job().created)
        .trainingJobStatus(status)
        .tunedHyperParameters(Map.of())
        .failureReason(c.job().failureReasonAt(now).orElse(null));
    if (status.equals("Completed")) {
      b.finalHyperParameterTuningJobObjectiveMetric(m -> m.metricName(metric).value((float) c.objective()))
          .objectiveStatus("Succeeded");
    }
    return b.build();
  }

  private SimulatedTuningJob tuningJob(String name) {
    return state.simulatedTuning(name == null ? "" : name).orElseThrow(() -> AwsError.client("ResourceNotFound",
        "Amazon SageMaker can't find a tuning job with name " + name));
  }

  private SimulatedJob processingJob(String name) {
    if (name == null) {
      throw AwsError.client("ValidationException",
          "1 validation error detected: Value null at 'processingJobName' failed to satisfy constraint: Member must not be null");
    }
    return state.simulatedProcessing(name).orElseThrow(() -> AwsError.client("ResourceNotFound",
        "Could not find processing job '" + processingArn(name) + "'."));
  }

  private AwsError processingInUse(String arn) {
    return AwsError.client("ResourceInUse", "Processing job names must be unique within an AWS account and region, and a "
        + "processing job with this name already exists (" + arn + ")");
  }

  private String processingArn(String name) {
    return "arn:aws:sagemaker:" + world.region() + ":" + world.accountId() + ":processing-job/"
        + (name == null ? "" : name.toLowerCase(Locale.ROOT));
  }

  private SimulatedJob job(String name) {
    if (name == null) {
      throw AwsError.client("ValidationException",
          "1 validation error detected: Value null at 'trainingJobName' failed to satisfy constraint: Member must not be null");
    }
    return state.simulated(name).orElseThrow(() -> AwsError.client("ValidationException", "Requested resource not found."));
  }

  private AwsError resourceInUse(String arn) {
    return AwsError.client("ResourceInUse", "Training job names must be unique within an AWS account and region, and a "
        + "training job with this name already exists (" + arn + ")");
  }

  private String arn(String name) {
    return "arn:aws:sagemaker:" + world.region() + ":" + world.accountId() + ":training-job/" + name.toLowerCase(Locale.ROOT);
  }
}
