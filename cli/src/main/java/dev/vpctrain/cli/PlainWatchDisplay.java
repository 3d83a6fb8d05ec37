package dev.vpctrain.cli;

import dev.vpctrain.aws.launch.Progress;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.aws.monitor.HostMetrics;
import dev.vpctrain.aws.monitor.LogLine;
import java.io.PrintWriter;
import java.time.Clock;

/** Plain lines for logs and pipes: each transition and each log line once, a metrics summary at the end. */
final class PlainWatchDisplay extends WatchDisplay {
  PlainWatchDisplay(PrintWriter out, TrainingRun run, Clock clock, Paint paint) {
    super(out, run, clock, paint);
  }

  @Override
  public void onProgress(Progress progress) {
    out.println(transition(progress));
    out.flush();
  }

  @Override
  void refresh() {
    printLogs();
  }

  @Override
  void finish(TrainingOutcome outcome) {
    printLogs();
    metrics().ifPresent(byHost -> {
      if (byHost.values().stream().anyMatch(h -> h.metrics().values().stream().anyMatch(s -> !s.values().isEmpty()))) {
        out.println("metrics (per host, over the job):");
        for (HostMetrics h : byHost.values()) {
          out.println("  " + h.summary());
        }
      }
    });
    out.println(outcome(outcome));
    out.flush();
  }

  @Override
  void note(String text) {
    out.println("note: " + text);
    out.flush();
  }

  private void printLogs() {
    for (LogLine line : newLogLines()) {
      out.println(line);
    }
    out.flush();
  }
}
