package dev.vpctrain.cli;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Where a job's network comes from: {@code --network bundle.json} or {@code --live}, with
 * {@code --region} and {@code --profile} for live discovery. A picocli mixin, declared here once for
 * {@code check} and {@code plan}; {@code launch} (a bundle instead of live discovery) and
 * {@code apply} (always live) word theirs differently.
 */
final class NetworkOptions {
  @Option(names = "--network", paramLabel = "FILE", description = "A snapshot bundle of the network (JSON).")
  Path network;

  @Option(names = "--live", description = "Discover the network from the live AWS APIs.")
  boolean live;

  @Option(names = "--region", paramLabel = "R", description = "AWS region (with --live).")
  String region;

  @Option(names = "--profile", paramLabel = "P", description = "AWS CLI profile (with --live).")
  String profile;

  /** True when neither {@code --network} nor {@code --live} was given. */
  boolean absent() {
    return network == null && !live;
  }

  /**
   * Requires exactly one of {@code --network} and {@code --live}.
   *
   * @param alternatives the end of the message when both are given, e.g. "check against a bundle or live AWS."
   */
  void requireOne(String alternatives) {
    if (network != null && live) {
      throw new UsageException("--network and --live exclude each other: " + alternatives);
    }
    if (absent()) {
      throw new UsageException("give the network: --network bundle.json (a snapshot bundle) or --live.");
    }
  }

  /** {@code --region} and {@code --profile} only with {@code --live}. */
  void requireLiveForAwsOptions() {
    if (!live && (region != null || profile != null)) {
      throw new UsageException("--region and --profile apply only with --live (a bundle names its own region).");
    }
  }

  /** The job's network: the bundle, or what {@code discovery} finds live (it is created only for --live). */
  NetworkSnapshot read(TrainingJobSpec job, Supplier<LiveNetwork> discovery) throws IOException {
    if (live) {
      return discovery.get().discover(job, Optional.ofNullable(region), Optional.ofNullable(profile));
    }
    return SnapshotBundle.read(network);
  }
}
