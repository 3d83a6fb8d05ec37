package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.testkit.internal.monitoring.LogStore;
import dev.vpctrain.testkit.internal.monitoring.MetricStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * What a simulated job writes while it runs: one log stream per instance in
 * {@code /aws/sagemaker/TrainingJobs} ({@code <job>/algo-N-<epoch>}) and, every minute, the
 * instance metrics SageMaker publishes under {@code /aws/sagemaker/TrainingJobs} with dimension
 * {@code Host=<job>/algo-N}. Everything is written at creation, dated in virtual time; readers see
 * only what is due.
 */
final class Telemetry {
  static final String NAMESPACE = "/aws/sagemaker/TrainingJobs";
  static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";
  private static final DateTimeFormatter TOOLKIT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(ZoneOffset.UTC);

  private Telemetry() {}

  static void write(SimulatedJob job, LogStore logs, MetricStore metrics) {
    logs.createGroup(LOG_GROUP, job.created);
    int hosts = Math.max(1, job.spec.totalInstanceCount());
    job.trainingPhaseStart().ifPresent(t -> {
      for (int h = 1; h <= hosts; h++) {
        writeLog(job, logs, h, hosts, t);
      }
    });
    List<SimulatedJob.Step> steps = job.steps();
    Instant runStart = steps.stream().filter(s -> s.status().equals("Downloading")).map(s -> s.start()).findFirst().orElse(null);
    if (runStart == null) {
      return;
    }
    boolean gpu = job.spec.instanceTypes().stream().anyMatch(Telemetry::isGpu);
    Instant trainingStart = job.trainingPhaseStart().orElse(job.end());
    for (int h = 1; h <= hosts; h++) {
      String host = job.name + "/algo-" + h;
      MetricStore.Key cpu = key(host, "CPUUtilization");
      MetricStore.Key memory = key(host, "MemoryUtilization");
      MetricStore.Key disk = key(host, "DiskUtilization");
      MetricStore.Key gpuUse = key(host, "GPUUtilization");
      MetricStore.Key gpuMemory = key(host, "GPUMemoryUtilization");
      for (Instant t = runStart; t.isBefore(job.end()); t = t.plus(Duration.ofMinutes(1))) {
        boolean training = !t.isBefore(trainingStart);
        boolean busy = training && job.plan.kind != Plan.Kind.HANG;
        long minute = Duration.between(runStart, t).toMinutes();
        long seed = host.hashCode() * 0x9E3779B97F4A7C15L;
        put(metrics, cpu, t, busy ? 70 + 25 * noise(seed, 1, minute) : 2 + 8 * noise(seed, 1, minute), job);
        put(metrics, memory, t, (busy ? 35 : 8) + 10 * noise(seed, 2, minute), job);
        put(metrics, disk, t, 12 + Math.min(20, minute * 0.2) + noise(seed, 3, minute), job);
        if (gpu) {
          put(metrics, gpuUse, t, busy ? 85 + 14 * noise(seed, 4, minute) : 0, job);
          put(metrics, gpuMemory, t, busy ? 60 + 15 * noise(seed, 5, minute) : 0, job);
        }
      }
    }
  }

  private static void writeLog(SimulatedJob job, LogStore logs, int host, int hosts, Instant t) {
    String stream = job.name + "/algo-" + host + "-" + t.getEpochSecond();
    Appender log = (at, line) -> logs.append(LOG_GROUP, stream, t, at, line, job.name);
    log.add(t.plusSeconds(1), "bash: cannot set terminal process group (-1): Inappropriate ioctl for device");
    log.add(t.plusSeconds(1), "bash: no job control in this shell");
    log.add(t.plusSeconds(3), toolkit(t.plusSeconds(3), "INFO", "Imported framework sagemaker_training.training"));
    log.add(t.plusSeconds(4), toolkit(t.plusSeconds(4), "INFO", "Invoking user script"));
    log.add(t.plusSeconds(4), "Training Env: {\"current_host\": \"algo-" + host + "\", \"hosts\": " + hostList(hosts)
        + ", \"job_name\": \"" + job.name + "\"}");
    Instant end = job.end();
    if (job.plan.kind == Plan.Kind.HANG) {
      String peer = host == 1 ? "algo-2" : "algo-1";
      log.add(t.plusSeconds(5), toolkit(t.plusSeconds(5), "INFO", "Waiting for MPI workers to establish their SSH connections"));
      for (Instant at = t.plusSeconds(10); at.isBefore(end); at = at.plus(Duration.ofMinutes(1))) {
        log.add(at, toolkit(at, "INFO", "Cannot connect to host " + peer + " at port 22"));
      }
      log.add(end, toolkit(end, "ERROR", "Reporting training FAILURE"));
      log.add(end, "TimeoutError: Cannot connect to host " + peer + " at port 22 after " + Planner.HANG.toSeconds() + " seconds");
      return;
    }
    boolean failsInTraining = job.plan.kind == Plan.Kind.FAIL && job.plan.phase == Phase.TRAINING;
    Instant trainingEnd = failsInTraining ? end : t.plus(job.script.trainingTime());
    List<String> userLines = job.script.logLines();
    long span = Duration.between(t, trainingEnd).toSeconds();
    for (int i = 0; i < userLines.size(); i++) {
      log.add(t.plusSeconds(5 + (span - 10) * (i + 1) / (userLines.size() + 1)), userLines.get(i));
    }
    int epochs = 5;
    for (int e = 1; e <= epochs; e++) {
      Instant at = t.plusSeconds(span * e / (epochs + 1));
      if (!at.isBefore(trainingEnd)) {
        break;
      }
      long loss = Math.round((2.5 / (e + 1) + 0.01 * noise(job.name.hashCode(), 6, e)) * 10_000);
      log.add(at, "epoch " + e + "/" + epochs + ": loss=" + loss / 10_000 + "." + String.valueOf(10_000 + loss % 10_000).substring(1));
    }
    if (failsInTraining) {
      job.plan.failureLog.forEach(line -> log.add(trainingEnd, line));
      log.add(trainingEnd, toolkit(trainingEnd, "ERROR", "Reporting training FAILURE"));
    } else if (!trainingEnd.isAfter(end)) {
      log.add(trainingEnd.minusSeconds(1), toolkit(trainingEnd.minusSeconds(1), "INFO", "Reporting training SUCCESS"));
    }
  }

  private interface Appender {
    void add(Instant at, String line);
  }

  private static String toolkit(Instant at, String level, String message) {
    return TOOLKIT_TIME.format(at) + " sagemaker-training-toolkit " + (level + "        ").substring(0, 8) + " " + message;
  }

  private static String hostList(int hosts) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 1; i <= hosts; i++) {
      sb.append(i > 1 ? ", " : "").append("\"algo-").append(i).append('"');
    }
    return sb.append(']').toString();
  }

  private static MetricStore.Key key(String host, String name) {
    return new MetricStore.Key(NAMESPACE, name, Map.of("Host", host));
  }

  private static void put(MetricStore metrics, MetricStore.Key key, Instant at, double value, SimulatedJob job) {
    metrics.put(key, at, Math.round(value * 100) / 100.0, job.name);
  }

  /** GPU instance families (their instances publish the GPU metrics). */
  static boolean isGpu(String instanceType) {
    return instanceType.startsWith("ml.p") || instanceType.startsWith("ml.g");
  }

  /** A deterministic value in [0, 1) for a seed (a host), a series and a minute. */
  static double noise(long seed, int series, long minute) {
    long z = seed + series * 0x632BE59BD9B4E019L + minute * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
    z ^= z >>> 29;
    return (z >>> 11) / (double) (1L << 53);
  }
}
