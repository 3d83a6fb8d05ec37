package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.internal.rules.fs.FileSystemChannel;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannels;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code request.file-system.input-mode}: an EFS channel in {@code Pipe} mode (the channel's
 * {@code InputMode}, else the job's {@code TrainingInputMode}); SageMaker does not support Pipe mode
 * with EFS as the data source.
 */
public final class RequestFileSystemInputMode extends BaseRule {
  public RequestFileSystemInputMode() {
    super("request.file-system.input-mode", Severity.ERROR, "EFS channels do not use Pipe input mode");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<FileSystemChannel> efs = FileSystemChannels.of(ctx).stream().filter(FileSystemChannel::isEfs).toList();
    if (efs.isEmpty()) {
      return one(pass("The job has no EFS input channel."));
    }
    List<Finding> out = new ArrayList<>();
    for (FileSystemChannel c : efs) {
      if (c.inputMode().map("Pipe"::equalsIgnoreCase).orElse(false)) {
        boolean own = c.channel().inputMode().isPresent();
        out.add(fail("EFS channel " + c.channel().name() + " (" + c.fileSystemId() + ") uses input mode Pipe ("
                + (own ? "InputDataConfig[" + c.index() + "].InputMode" : "AlgorithmSpecification.TrainingInputMode")
                + "); Pipe mode is not supported with EFS as the data source.",
            own ? "Set \"InputMode\": \"File\" on channel " + c.channel().name() + " (InputDataConfig[" + c.index()
                    + "]), or read this data from S3 if you need Pipe mode."
                : "Set \"InputMode\": \"File\" on channel " + c.channel().name() + " (InputDataConfig[" + c.index()
                    + "]), or set AlgorithmSpecification.TrainingInputMode to File.",
            c.fileSystemId()));
      }
    }
    if (out.isEmpty()) {
      return one(pass("No EFS channel uses Pipe input mode; the job has " + efs.size() + (efs.size() == 1 ? " EFS channel." : " EFS channels.")));
    }
    return out;
  }
}
