package dev.vpctrain.cli;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.aws.launch.LaunchPolicy;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.ProcessingRun;
import dev.vpctrain.aws.launch.TuningRun;
import dev.vpctrain.aws.monitor.HostMetrics;
import dev.vpctrain.aws.monitor.LogLine;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;

/**
 * {@code vpctrain launch} of a processing or hyperparameter tuning job: the request is sent as the job
 * file holds it, behind the same gate as a training job, and followed until it ends. A class of its
 * own, so that building the command for {@code --help} loads none of the SDK types it uses.
 */
final class RequestLaunch {
  private RequestLaunch() {}

  /** Follows a job to its end, printing its changes; returns the exit code. */
  private interface Follow {
    int follow(PrintWriter out, Paint paint) throws InterruptedException;
  }

  /** A created or attached job, as the command follows it. */
  private record Run(Optional<PreflightReport> preflight, boolean attached, Optional<String> arn, Follow follower) {}

  /** Launches the job of {@code inputs}, of kind {@code kind} (processing or tuning), named {@code name}. */
  static int run(JobKind kind, String name, JobInputs inputs, NetworkFileOption network, LaunchPolicy policy,
      boolean noWait, WatchOptions watch, PrintWriter out) throws IOException, InterruptedException {
    String label = kind == JobKind.TUNING ? "Tuning job" : "Processing job";
    CreateProcessingJobRequest processing = kind == JobKind.PROCESSING ? JobFile.readProcessingRequest(inputs.job()) : null;
    CreateHyperParameterTuningJobRequest tuning = kind == JobKind.TUNING ? JobFile.readTuningRequest(inputs.job()) : null;
    NetworkSnapshot bundle = network.file == null ? null : SnapshotBundle.read(network.file);
    Paint paint = watch.color.paint();
    try (AwsClients clients = watch.clients()) {
      VpcTrain.Builder b = watch.vpcTrain(clients).launchPolicy(policy);
      if (bundle != null) {
        b.networkSource(j -> bundle);
      } else {
        b.ec2(clients.ec2()).s3(clients.s3());
      }
      Run run;
      try {
        run = processing != null ? processing(b.build().launch(processing, inputs.jobOptions::applyTo), name)
            : tuning(b.build().launch(tuning, inputs.jobOptions::applyTo), name);
      } catch (PreflightFailedException e) {
        clients.requireCredentials();
        out.print(TextReport.render(e.report(), watch.color.textOptions(false)));
        out.flush();
        throw e;
      }
      run.preflight().ifPresent(r -> out.print(TextReport.render(r, watch.color.textOptions(false))));
      out.println(run.attached()
          ? label + " " + name + " already exists with the same request; following it."
          : "Created " + label.toLowerCase(java.util.Locale.ROOT) + " " + name + run.arn().map(a -> " (" + a + ")").orElse("")
              + ".");
      out.flush();
      if (noWait) {
        out.println("Not waiting: the job runs on; aws sagemaker "
            + (kind == JobKind.TUNING ? "describe-hyper-parameter-tuning-job --hyper-parameter-tuning-job-name "
                : "describe-processing-job --processing-job-name ") + name + " shows it.");
        out.flush();
        return ExitCodes.READY;
      }
      return run.follower().follow(out, paint);
    }
  }

  /** Follows the existing job {@code name} of kind {@code kind} (processing or tuning), as launch follows it. */
  static int watch(JobKind kind, String name, VpcTrain vpctrain, WatchOptions watch, PrintWriter out)
      throws InterruptedException {
    Run run = kind == JobKind.TUNING ? tuning(vpctrain.watchTuning(name), name)
        : processing(vpctrain.watchProcessing(name), name);
    return run.follower().follow(out, watch.color.paint());
  }

  private static Run processing(ProcessingRun run, String name) {
    return new Run(run.preflight(), run.attached(), run.jobArn(), (out, paint) -> {
      DescribeProcessingJobResponse end = run.await(d -> {
        out.println("Processing job " + name + ": " + paint.state(d.processingJobStatusAsString())
            + (d.failureReason() == null ? "" : ": " + d.failureReason()));
        out.flush();
      }, logPrinter(() -> run.logs().poll().stream().map(LogLine::toString).toList(), out), null); // [algo-1] the line
      printMetrics("metrics (per host, over the job):", () -> run.metrics(end), out);
      run.diagnose(end).ifPresent(d -> out.println(d.render()));
      out.flush();
      return "Completed".equals(end.processingJobStatusAsString()) ? ExitCodes.READY : ExitCodes.JOB_FAILED;
    });
  }

  private static Run tuning(TuningRun run, String name) {
    return new Run(run.preflight(), run.attached(), run.jobArn(), (out, paint) -> {
      DescribeHyperParameterTuningJobResponse end = run.await(d -> {
        String line = TuningRun.summary(d);
        String status = d.hyperParameterTuningJobStatusAsString();
        out.println("Tuning job " + name + ": " + paint.state(status) + line.substring(status.length())
            + (d.failureReason() == null ? "" : "; " + d.failureReason()));
        out.flush();
      }, logPrinter(() -> run.pollLogs().stream() // [resnet-hpo-001-1a2b3c4d/algo-1] the line
          .map(l -> "[" + l.stream().substring(0, l.stream().lastIndexOf('/') + 1) + l.host() + "] " + l.message())
          .toList(), out), null);
      try {
        diagnoseFailed(run, out);
      } catch (AwsCallException e) {
        out.println("note: training jobs unavailable: " + e.getMessage());
      }
      HyperParameterTrainingJobSummary best = end.bestTrainingJob();
      if (best != null) {
        printMetrics("metrics of the best training job " + best.trainingJobName() + " (per host):",
            () -> run.metrics(best), out);
      }
      out.flush();
      return "Completed".equals(end.hyperParameterTuningJobStatusAsString()) ? ExitCodes.READY : ExitCodes.JOB_FAILED;
    });
  }

  /**
   * A poll of the new log lines, printed; after the first failure (no logs client, a call that fails) a note, and
   * no more polls.
   */
  private static Runnable logPrinter(Supplier<List<String>> newLines, PrintWriter out) {
    boolean[] off = {false};
    return () -> {
      if (off[0]) {
        return;
      }
      try {
        newLines.get().forEach(out::println);
      } catch (AwsCallException | IllegalStateException e) {
        off[0] = true;
        out.println("note: logs unavailable: " + e.getMessage());
      }
      out.flush();
    };
  }

  /** The per-host metrics under {@code heading} when a host has data; a note when they cannot be read. */
  private static void printMetrics(String heading, Supplier<Map<String, HostMetrics>> metrics, PrintWriter out) {
    try {
      Map<String, HostMetrics> byHost = metrics.get();
      if (byHost.values().stream().anyMatch(h -> h.metrics().values().stream().anyMatch(m -> !m.values().isEmpty()))) {
        out.println(heading);
        byHost.values().forEach(h -> out.println("  " + h.summary()));
      }
    } catch (AwsCallException | IllegalStateException e) {
      out.println("note: metrics unavailable: " + e.getMessage());
    }
  }

  /** Diagnoses the failed training jobs of a tuning job, once for each definition and failure reason. */
  private static void diagnoseFailed(TuningRun run, PrintWriter out) {
    Map<String, List<HyperParameterTrainingJobSummary>> byReason = new LinkedHashMap<>();
    for (HyperParameterTrainingJobSummary j : run.trainingJobs()) {
      if ("Failed".equals(j.trainingJobStatusAsString()) && j.failureReason() != null) {
        byReason.computeIfAbsent(j.trainingJobDefinitionName() + "\n" + j.failureReason(), k -> new ArrayList<>()).add(j);
      }
    }
    for (List<HyperParameterTrainingJobSummary> jobs : byReason.values()) {
      HyperParameterTrainingJobSummary first = jobs.get(0);
      out.println("Training job " + first.trainingJobName()
          + (jobs.size() == 1 ? "" : " and " + (jobs.size() - 1) + " more with the same reason") + " failed:");
      run.diagnose(first).ifPresent(d -> out.println(d.render()));
    }
  }
}
