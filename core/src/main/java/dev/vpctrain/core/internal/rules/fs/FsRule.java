package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/**
 * A rule about the job's file-system channels: PASS for a job without any, or outside a VPC
 * ({@code request.file-system.no-vpc} reports that); else judged on its channels.
 */
abstract class FsRule extends BaseRule {
  FsRule(String id, Severity severity, String title) {
    super(id, severity, title);
  }

  @Override
  public final List<Finding> evaluate(RuleContext ctx) {
    List<FileSystemChannel> channels = FileSystemChannels.of(ctx);
    if (channels.isEmpty()) {
      return one(pass("The job has no file-system input channels."));
    }
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC (request.file-system.no-vpc reports its file-system channels)."));
    }
    return evaluate(ctx, channels);
  }

  /** Evaluates the rule for a job in a VPC with at least one file-system channel. */
  abstract List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels);
}
