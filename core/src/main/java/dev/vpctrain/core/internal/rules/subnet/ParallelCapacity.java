package dev.vpctrain.core.internal.rules.subnet;

import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How many of a tuning job's training jobs fit in its subnets at once (rules.md, {@code subnet.ip-capacity}):
 * each training job is placed in one subnet, so a subnet with {@code free} IPs holds
 * ⌊free ÷ need⌋ of them, and the subnets together hold the sum. Definitions that share a subnet are
 * counted together: the subnet holds at most ⌊free ÷ the smallest need among them⌋ (the most
 * favourable mix, {@code most}) and at least ⌊free ÷ the largest⌋ ({@code least}). With one
 * definition, or definitions of one need, the two are equal.
 */
final class ParallelCapacity {
  /** One subnet: its free IPs (empty when unknown) and the smallest and largest need placed there. */
  record Slot(String subnet, OptionalInt free, long minNeed, long maxNeed) {
    long most() {
      return free.isPresent() ? free.getAsInt() / minNeed : 0;
    }

    long least() {
      return free.isPresent() ? free.getAsInt() / maxNeed : 0;
    }
  }

  final int parallel;
  final List<Slot> slots;
  final long most;
  final long least;
  final List<String> unknown;
  final long minNeed;
  final long maxNeed;

  private ParallelCapacity(int parallel, List<Slot> slots) {
    this.parallel = parallel;
    this.slots = slots;
    long m = 0;
    long l = 0;
    long lo = Long.MAX_VALUE;
    long hi = 0;
    List<String> u = new ArrayList<>();
    for (Slot s : slots) {
      m += s.most();
      l += s.least();
      lo = Math.min(lo, s.minNeed);
      hi = Math.max(hi, s.maxNeed);
      if (s.free.isEmpty()) {
        u.add(s.subnet);
      }
    }
    this.most = m;
    this.least = l;
    this.unknown = List.copyOf(u);
    this.minNeed = lo;
    this.maxNeed = hi;
  }

  /** The capacity of {@code ctx}'s tuning job, once per preflight; empty for other jobs. */
  static java.util.Optional<ParallelCapacity> of(RuleContext ctx) {
    return ctx.tuning().map(t -> ctx.cachedForNetwork(new Key(t), k -> compute(ctx, k.tuning())));
  }

  private record Key(TuningJobSpec tuning) {}

  private static ParallelCapacity compute(RuleContext ctx, TuningJobSpec tuning) {
    Map<String, long[]> needs = new LinkedHashMap<>();
    for (TrainingJobSpec d : tuning.definitions()) {
      long need = Math.max(1, IpNeed.of(d));
      for (String s : JobPeers.subnets(d)) {
        needs.merge(s, new long[] {need, need}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      }
    }
    List<Slot> slots = new ArrayList<>();
    needs.forEach((s, n) -> slots.add(new Slot(s, IpNeed.available(ctx, s), n[0], n[1])));
    return new ParallelCapacity(tuning.maxParallelTrainingJobs(), List.copyOf(slots));
  }

  /** {@return the subnets, each with its free IPs and the jobs it holds, for messages} */
  String describe(RuleContext ctx) {
    List<String> parts = new ArrayList<>();
    for (Slot s : slots) {
      String room = s.free.isEmpty() ? "" : s.minNeed == s.maxNeed
          ? ", room for " + s.most()
          : ", room for " + s.least() + " to " + s.most();
      parts.add(JobSubnets.label(ctx, s.subnet) + " has " + IpNeed.describe(ctx, s.subnet) + room);
    }
    return String.join("; ", parts);
  }

  /** {@return the need of one training job: {@code 10 IPs}, or {@code 4 to 10 IPs} when definitions differ} */
  String need() {
    return (minNeed == maxNeed ? "" : minNeed + " to ") + maxNeed + " IPs";
  }

  String[] subnets() {
    return slots.stream().map(Slot::subnet).toArray(String[]::new);
  }
}
