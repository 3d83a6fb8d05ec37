package dev.vpctrain.cli;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.launch.Progress;
import dev.vpctrain.aws.launch.ProgressKind;
import dev.vpctrain.aws.launch.ProgressListener;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.aws.monitor.HostMetrics;
import dev.vpctrain.aws.monitor.LogLine;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/**
 * Shows a training job while it is awaited: transitions, new log lines, metrics. Logs and metrics
 * are best effort: when they cannot be read (no permission, no log group yet), the display says so
 * once and carries on with the status.
 */
abstract class WatchDisplay implements ProgressListener {
  protected final PrintWriter out;
  protected final TrainingRun run;
  protected final Clock clock;
  protected final Paint paint;
  protected DescribeTrainingJobResponse latest;
  private boolean logsOff;
  private boolean metricsOff;

  WatchDisplay(PrintWriter out, TrainingRun run, Clock clock, Paint paint) {
    this.out = out;
    this.run = run;
    this.clock = clock;
    this.paint = paint;
  }

  @Override
  public void onPoll(DescribeTrainingJobResponse latest) {
    this.latest = latest;
    refresh();
  }

  /** Called after each poll. */
  abstract void refresh();

  /** Shows the outcome (after a last look at the logs). */
  abstract void finish(TrainingOutcome outcome);

  /** A warning shown once. */
  abstract void note(String text);

  List<LogLine> newLogLines() {
    if (logsOff) {
      return List.of();
    }
    try {
      return run.logs().poll();
    } catch (AwsCallException | IllegalStateException e) {
      logsOff = true;
      note("logs unavailable: " + e.getMessage());
      return List.of();
    }
  }

  Optional<Map<String, HostMetrics>> metrics() {
    if (metricsOff || latest == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(run.metrics(latest));
    } catch (AwsCallException | IllegalStateException e) {
      metricsOff = true;
      note("metrics unavailable: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A transition as {@link Progress#toString()} has it, its state coloured. */
  String transition(Progress p) {
    String prefix = p.timestamp().map(Instant::toString).orElse("-") + "  "
        + (p.kind() == ProgressKind.STATUS ? "status " : "");
    return paint.stateAfter(prefix, p.status(), p.toString());
  }

  /** The outcome as {@link TrainingOutcome#render()} has it, its final status coloured. */
  String outcome(TrainingOutcome outcome) {
    return paint.stateAfter("Training job " + outcome.jobName() + " ", outcome.status().name(), outcome.render());
  }

  /** Time since the job was created, until it ended or now. */
  Duration elapsed() {
    if (latest == null || latest.creationTime() == null) {
      return Duration.ZERO;
    }
    Instant end = latest.trainingEndTime() != null ? latest.trainingEndTime() : clock.instant();
    Duration d = Duration.between(latest.creationTime(), end);
    return d.isNegative() ? Duration.ZERO : d;
  }

  static String hms(Duration d) {
    long s = d.toSeconds();
    return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
