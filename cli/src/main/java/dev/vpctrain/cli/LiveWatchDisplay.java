package dev.vpctrain.cli;

import dev.vpctrain.aws.launch.Progress;
import dev.vpctrain.aws.launch.ProgressKind;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.aws.monitor.HostMetrics;
import dev.vpctrain.aws.monitor.LogLine;
import dev.vpctrain.aws.monitor.MetricSeries;
import dev.vpctrain.aws.monitor.TrainingMetric;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal display: transitions scroll above a block that is redrawn in place after each poll
 * (status, elapsed time, a sparkline and the latest figure per host and metric, the latest log lines).
 */
final class LiveWatchDisplay extends WatchDisplay {
  static final String ERASE_BLOCK_UP = "\033[%dF\033[J";
  private static final int LOG_LINES = 8;
  private static final int MIN_WIDTH = 40;
  private static final int SPARK_POINTS = 16;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final Map<TrainingMetric, String> SHORT = Map.of(
      TrainingMetric.CPU_UTILIZATION, "CPU", TrainingMetric.MEMORY_UTILIZATION, "Mem",
      TrainingMetric.GPU_UTILIZATION, "GPU", TrainingMetric.GPU_MEMORY_UTILIZATION, "GPUMem",
      TrainingMetric.DISK_UTILIZATION, "Disk");

  private final List<String> pending = new ArrayList<>();
  private final Deque<String> tail = new ArrayDeque<>();
  private final int width;
  private Map<String, HostMetrics> metrics = Map.of();
  private int drawn;

  /** {@code width}: the terminal's columns; lines are clipped to it (and to no less than 40). */
  LiveWatchDisplay(PrintWriter out, TrainingRun run, Clock clock, Paint paint, int width) {
    super(out, run, clock, paint);
    this.width = Math.max(MIN_WIDTH, width);
  }

  @Override
  public void onProgress(Progress p) {
    String time = p.timestamp().map(TIME::format).orElse("--:--:--");
    pending.add(time + "  " + (p.kind() == ProgressKind.STATUS ? paint.state(p.status()) : p.status())
        + p.message().map(m -> "  " + clean(m)).orElse(""));
  }

  @Override
  void refresh() {
    for (LogLine l : newLogLines()) {
      tail.addLast(clip("[" + l.host() + "] " + clean(l.message())));
      while (tail.size() > LOG_LINES) {
        tail.removeFirst();
      }
    }
    metrics().ifPresent(m -> metrics = m);
    redraw();
  }

  @Override
  void finish(TrainingOutcome outcome) {
    refresh();
    out.println(outcome(outcome));
    out.flush();
  }

  @Override
  void note(String text) {
    pending.add("note: " + text);
  }

  private void redraw() {
    if (drawn > 0) {
      out.printf(ERASE_BLOCK_UP, drawn);
    }
    pending.forEach(out::println);
    pending.clear();
    List<String> block = new ArrayList<>();
    block.add(paint.bold(run.jobName()) + "  " + status() + "  elapsed " + hms(elapsed()));
    for (HostMetrics h : metrics.values()) {
      StringBuilder sb = new StringBuilder("  ").append(h.host());
      if (h.metrics().values().stream().allMatch(s -> s.values().isEmpty())) {
        sb.append("  no data yet");
      }
      for (MetricSeries s : h.metrics().values()) {
        if (!s.values().isEmpty()) {
          sb.append("  ").append(SHORT.get(s.metric())).append(' ').append(sparkline(s.values()))
              .append(String.format(Locale.ROOT, " %3.0f%%", s.latest().getAsDouble()));
        }
      }
      block.add(clip(sb.toString()));
    }
    tail.forEach(l -> block.add("  " + l));
    block.forEach(out::println);
    drawn = block.size();
    out.flush();
  }

  private String status() {
    if (latest == null) {
      return "";
    }
    return paint.state(latest.trainingJobStatusAsString())
        + (latest.secondaryStatusAsString() == null ? "" : " / " + latest.secondaryStatusAsString());
  }

  /** Eight-level bars of the last points, scaled to 100 % (or to the largest value above it). */
  static String sparkline(List<Double> values) {
    String bars = "▁▂▃▄▅▆▇█";
    List<Double> last = values.subList(Math.max(0, values.size() - SPARK_POINTS), values.size());
    double top = Math.max(100.0, last.stream().mapToDouble(Double::doubleValue).max().orElse(100.0));
    StringBuilder sb = new StringBuilder();
    for (double v : last) {
      int level = (int) Math.round(Math.max(0, v) / top * (bars.length() - 1));
      sb.append(bars.charAt(Math.min(bars.length() - 1, level)));
    }
    return sb.toString();
  }

  private static String clean(String text) {
    return text.replace('\t', ' ').replaceAll("\\p{Cntrl}", "").strip();
  }

  private String clip(String line) {
    return line.length() <= width ? line : line.substring(0, Math.max(0, width - 1)) + "…";
  }
}
