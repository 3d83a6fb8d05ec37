package dev.vpctrain.cli;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a job's network comes from: {@code --network bundle.json} ({@link NetworkFileOption}) or
 * {@code --live}, with {@code --region} and {@code --profile} ({@link RegionProfileOptions}) for live
 * discovery. A picocli mixin of {@code check}, {@code plan} and {@code apply} (which works only live
 * and hides {@code --network}).
 */
final class NetworkOptions {
  @Mixin
  NetworkFileOption bundle = new NetworkFileOption();

  @Option(names = "--live", description = "Discover the network from the live AWS APIs.")
  boolean live;

  @Mixin
  RegionProfileOptions account = new RegionProfileOptions();

  /** The {@code --network} bundle, or null. */
  Path bundle() {
    return bundle.file;
  }

  /** True when neither {@code --network} nor {@code --live} was given. */
  boolean absent() {
    return bundle() == null && !live;
  }

  /**
   * Requires exactly one of {@code --network} and {@code --live}.
   *
   * @param alternatives the end of the message when both are given, e.g. "check against a bundle or live AWS."
   */
  void requireOne(String alternatives) {
    if (bundle() != null && live) {
      throw new UsageException("--network and --live exclude each other: " + alternatives);
    }
    if (absent()) {
      throw new UsageException("give the network: --network bundle.json (a snapshot bundle) or --live.");
    }
  }

  /** {@code --region} and {@code --profile} only with {@code --live}. */
  void requireLiveForAwsOptions() {
    if (!live && account.given()) {
      throw new UsageException("--region and --profile apply only with --live (a bundle names its own region).");
    }
  }

  /** The job's network: the bundle, or what {@code discovery} finds live (it is created only for --live). */
  NetworkSnapshot read(TrainingJobSpec job, Supplier<LiveNetwork> discovery) throws IOException {
    if (live) {
      return discovery.get().discover(job, account.region(), account.profile());
    }
    return SnapshotBundle.read(bundle());
  }
}
