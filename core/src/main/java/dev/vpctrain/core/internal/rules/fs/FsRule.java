package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.function.Predicate;

/**
 * A rule about the job's file-system channels (all of them, or the kind it selects): PASS for a job
 * without any, or outside a VPC ({@code request.file-system.no-vpc} reports that); else judged on
 * its channels.
 */
abstract class FsRule extends BaseRule {
  private final Predicate<FileSystemChannel> selects;
  private final String noneSelected;

  /** A rule about every file-system channel. */
  FsRule(String id, Severity severity, String title) {
    this(id, severity, title, c -> true, "The job has no file-system input channels.");
  }

  /** A rule about the channels {@code selects} picks; {@code noneSelected} is its PASS message without any. */
  FsRule(String id, Severity severity, String title, Predicate<FileSystemChannel> selects, String noneSelected) {
    super(id, severity, title);
    this.selects = selects;
    this.noneSelected = noneSelected;
  }

  @Override
  public final List<Finding> evaluate(RuleContext ctx) {
    List<FileSystemChannel> channels = FileSystemChannels.of(ctx).stream().filter(selects).toList();
    if (channels.isEmpty()) {
      return one(pass(noneSelected));
    }
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC (request.file-system.no-vpc reports its file-system channels)."));
    }
    return evaluate(ctx, channels);
  }

  /** Evaluates the rule for a job in a VPC with at least one selected file-system channel. */
  abstract List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels);
}
