package dev.vpctrain.testkit.sagemaker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;

/**
 * One simulated hyperparameter tuning job: its training jobs, started in batches of
 * {@code MaxParallelTrainingJobs}, each a {@link SimulatedJob} of its own; the tuning job's state at a
 * moment follows from theirs.
 */
final class SimulatedTuningJob {
  final String name;
  final String arn;
  final CreateHyperParameterTuningJobRequest request;
  final Instant created;
  /** The training jobs, in the order they start, each with the definition it came from. */
  final List<Child> children;
  private Instant stoppedAt;

  /** A training job of the tuning job, its definition's name and its objective value when it completes. */
  record Child(SimulatedJob job, String definition, double objective) {}

  SimulatedTuningJob(String name, String arn, CreateHyperParameterTuningJobRequest request, Instant created,
      List<Child> children) {
    this.name = name;
    this.arn = arn;
    this.request = request;
    this.created = created;
    this.children = List.copyOf(children);
  }

  synchronized void stop(Instant now) {
    stoppedAt = now;
  }

  synchronized Optional<Instant> stoppedAt() {
    return Optional.ofNullable(stoppedAt);
  }

  /** {@code HyperParameterTuningJobStatus} at {@code now}. */
  synchronized String statusAt(Instant now) {
    boolean running = children.stream().anyMatch(c -> !c.job().endedAt(now));
    if (stoppedAt != null) {
      return running ? "Stopping" : "Stopped";
    }
    if (running) {
      return "InProgress";
    }
    return children.stream().anyMatch(c -> c.job().statusAt(now).equals("Completed")) ? "Completed" : "Failed";
  }

  /** The completed training job of the best objective by {@code now} (the largest for Maximize), if any. */
  Optional<Child> bestAt(Instant now, boolean maximize) {
    Optional<Child> best = Optional.empty();
    for (Child c : children) {
      if (!c.job().statusAt(now).equals("Completed")) {
        continue;
      }
      if (best.isEmpty() || (maximize ? c.objective() > best.get().objective() : c.objective() < best.get().objective())) {
        best = Optional.of(c);
      }
    }
    return best;
  }

  /** The earliest step of any training job after {@code now}: where a describe that steps moves the clock. */
  Optional<Instant> nextEventAfter(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (Child c : children) {
      for (SimulatedJob.Step s : c.job().steps()) {
        if (s.start().isAfter(now) && (next.isEmpty() || s.start().isBefore(next.get()))) {
          next = Optional.of(s.start());
        }
      }
    }
    return next;
  }
}
