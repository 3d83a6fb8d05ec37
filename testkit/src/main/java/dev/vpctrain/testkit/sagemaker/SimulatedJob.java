package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.PreflightReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/**
 * One simulated training job: its request, the verdict it was judged with, and its timeline of
 * secondary statuses in virtual time. The job's state at any moment is the last step at or before
 * it; {@link #observed} remembers what {@code DescribeTrainingJob} already showed, so that each
 * call moves the job one step.
 */
final class SimulatedJob {
  static final Duration STARTING = Duration.ofMinutes(3);
  static final Duration DOWNLOADING = Duration.ofMinutes(1);
  static final Duration UPLOADING = Duration.ofMinutes(1);
  static final Duration STOPPING = Duration.ofSeconds(30);

  /** One secondary status transition. */
  record Step(String status, String message, Instant start) {}

  final String name;
  final String arn;
  /** The CreateTrainingJob request; null for a processing job. */
  final CreateTrainingJobRequest request;
  /** The CreateProcessingJob request; null for a training job. */
  final CreateProcessingJobRequest processing;
  final TrainingJobSpec spec;
  final PreflightReport report;
  final Plan plan;
  final JobScript script;
  final Instant created;
  private final List<Step> steps = new ArrayList<>();
  private String failureReason;
  private int observed = -1;

  SimulatedJob(String name, String arn, CreateTrainingJobRequest request, TrainingJobSpec spec, PreflightReport report,
      Plan plan, JobScript script, Instant created) {
    this(name, arn, request, null, spec, report, plan, script, created);
  }

  /** A processing job: the same timeline, judged on the request's workload. */
  SimulatedJob(String name, String arn, CreateProcessingJobRequest processing, TrainingJobSpec spec, PreflightReport report,
      Plan plan, JobScript script, Instant created) {
    this(name, arn, null, processing, spec, report, plan, script, created);
  }

  private SimulatedJob(String name, String arn, CreateTrainingJobRequest request, CreateProcessingJobRequest processing,
      TrainingJobSpec spec, PreflightReport report, Plan plan, JobScript script, Instant created) {
    this.name = name;
    this.arn = arn;
    this.request = request;
    this.processing = processing;
    this.spec = spec;
    this.report = report;
    this.plan = plan;
    this.script = script;
    this.created = created;
    schedule();
  }

  private void schedule() {
    Instant t = created;
    steps.add(new Step("Starting", Phase.STARTING.statusMessage(), t));
    if (failsIn(Phase.STARTING)) {
      fail(t.plus(plan.after));
      return;
    }
    t = t.plus(STARTING);
    Instant runStart = t;
    steps.add(new Step("Downloading", Phase.DOWNLOADING.statusMessage(), t));
    if (failsIn(Phase.DOWNLOADING)) {
      fail(t.plus(plan.after));
      return;
    }
    t = t.plus(DOWNLOADING);
    steps.add(new Step("Training", Phase.TRAINING.statusMessage(), t));
    Optional<Instant> limit = spec.maxRuntimeInSeconds().map(s -> runStart.plusSeconds(s));
    if (plan.kind == Plan.Kind.HANG || failsIn(Phase.TRAINING)) {
      Instant end = t.plus(plan.after);
      if (limit.isPresent() && limit.get().isBefore(end)) {
        maxRuntimeExceeded(limit.get());
      } else {
        fail(end);
      }
      return;
    }
    t = t.plus(script.trainingTime());
    if (limit.isPresent() && limit.get().isBefore(t)) {
      maxRuntimeExceeded(limit.get());
      return;
    }
    steps.add(new Step("Uploading", Phase.UPLOADING.statusMessage(), t));
    if (failsIn(Phase.UPLOADING)) {
      fail(t.plus(plan.after));
      return;
    }
    steps.add(new Step("Completed", "Training job completed", t.plus(UPLOADING)));
  }

  private boolean failsIn(Phase phase) {
    return plan.kind == Plan.Kind.FAIL && plan.phase == phase;
  }

  private void fail(Instant at) {
    steps.add(new Step("Failed", "Training job failed", at));
    failureReason = plan.failureReason;
  }

  private void maxRuntimeExceeded(Instant at) {
    steps.add(new Step("MaxRuntimeExceeded", "Job stopped because max runtime exceeded", at));
  }

  /** The planned (or, after a stop, actual) steps. */
  synchronized List<Step> steps() {
    return List.copyOf(steps);
  }

  /** The index of the step in force at {@code now}. */
  synchronized int indexAt(Instant now) {
    int i = 0;
    for (int k = 0; k < steps.size(); k++) {
      if (!steps.get(k).start().isAfter(now)) {
        i = k;
      }
    }
    return i;
  }

  /**
   * Where the clock must go for a {@code DescribeTrainingJob} to show the next step: empty when the
   * step in force was not shown yet, or the job has ended.
   */
  synchronized Optional<Instant> nextStepToShow(Instant now) {
    int current = indexAt(now);
    if (current > observed || current == steps.size() - 1) {
      return Optional.empty();
    }
    return Optional.of(steps.get(current + 1).start());
  }

  /** Remembers that the state at {@code now} was shown. */
  synchronized void observe(Instant now) {
    observed = Math.max(observed, indexAt(now));
  }

  synchronized Step stepAt(Instant now) {
    return steps.get(indexAt(now));
  }

  /** The primary status at {@code now}. */
  synchronized String statusAt(Instant now) {
    return primary(stepAt(now).status());
  }

  synchronized boolean endedAt(Instant now) {
    String s = statusAt(now);
    return s.equals("Completed") || s.equals("Failed") || s.equals("Stopped");
  }

  /** The time the job ends (its last step). */
  synchronized Instant end() {
    return steps.get(steps.size() - 1).start();
  }

  synchronized Optional<String> failureReasonAt(Instant now) {
    return stepAt(now).status().equals("Failed") ? Optional.ofNullable(failureReason) : Optional.empty();
  }

  /** When the instances were up (Downloading began), if they got that far by {@code now}. */
  synchronized Optional<Instant> trainingStartAt(Instant now) {
    return steps.stream().filter(s -> s.status().equals("Downloading") && !s.start().isAfter(now)).map(s -> s.start()).findFirst();
  }

  /** When the Training phase began, if planned. */
  synchronized Optional<Instant> trainingPhaseStart() {
    return steps.stream().filter(s -> s.status().equals("Training")).map(s -> s.start()).findFirst();
  }

  /** Stops the job at {@code now}: Stopping, then Stopped 30 seconds later; later steps are dropped. */
  synchronized void stop(Instant now) {
    steps.removeIf(s -> s.start().isAfter(now));
    failureReason = null;
    steps.add(new Step("Stopping", "Stopping the training job", now));
    steps.add(new Step("Stopped", "Training job stopped", now.plus(STOPPING)));
  }

  static String primary(String secondary) {
    switch (secondary) {
      case "Completed":
        return "Completed";
      case "Failed":
        return "Failed";
      case "Stopping":
        return "Stopping";
      case "Stopped":
      case "MaxRuntimeExceeded":
        return "Stopped";
      default:
        return "InProgress";
    }
  }
}
