package dev.vpctrain.cli;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.aws.launch.LaunchPolicy;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.ProcessingRun;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;

/**
 * {@code vpctrain launch} of a processing job. A class of its own, so that building the command for
 * {@code --help} loads none of the SDK types it uses.
 */
final class ProcessingLaunch {
  private ProcessingLaunch() {}

  /**
   * A processing job: the request sent as the file holds it, behind the same gate; its status changes printed
   * until it ends, and a failure diagnosed.
   */
  static int run(String name, JobInputs inputs, NetworkFileOption network, LaunchPolicy policy, boolean noWait,
      WatchOptions watch, PrintWriter out) throws IOException, InterruptedException {
    CreateProcessingJobRequest request = JobFile.readProcessingRequest(inputs.job());
    NetworkSnapshot bundle = network.file == null ? null : SnapshotBundle.read(network.file);
    Paint paint = watch.color.paint();
    try (AwsClients clients = watch.clients()) {
      VpcTrain.Builder b = watch.vpcTrain(clients).launchPolicy(policy);
      if (bundle != null) {
        b.networkSource(j -> bundle);
      } else {
        b.ec2(clients.ec2()).s3(clients.s3());
      }
      ProcessingRun run;
      try {
        run = b.build().launch(request, inputs.jobOptions::applyTo);
      } catch (PreflightFailedException e) {
        clients.requireCredentials();
        out.print(TextReport.render(e.report(), watch.color.textOptions(false)));
        out.flush();
        throw e;
      }
      run.preflight().ifPresent(r -> out.print(TextReport.render(r, watch.color.textOptions(false))));
      out.println(run.attached()
          ? "Processing job " + name + " already exists with the same request; following it."
          : "Created processing job " + name + run.jobArn().map(a -> " (" + a + ")").orElse("") + ".");
      out.flush();
      if (noWait) {
        out.println("Not waiting: the job runs on; aws sagemaker describe-processing-job --processing-job-name " + name
            + " shows it.");
        out.flush();
        return ExitCodes.READY;
      }
      DescribeProcessingJobResponse end = run.await(d -> {
        out.println("Processing job " + name + ": " + paint.state(d.processingJobStatusAsString())
            + (d.failureReason() == null ? "" : ": " + d.failureReason()));
        out.flush();
      }, null);
      run.diagnose(end).ifPresent(d -> out.println(d.render()));
      out.flush();
      return "Completed".equals(end.processingJobStatusAsString()) ? ExitCodes.READY : ExitCodes.JOB_FAILED;
    }
  }
}
