package dev.vpctrain.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --region} and {@code --profile}: where and as whom the AWS calls go. A picocli mixin, declared
 * here once and nested in {@link AwsOptions} (launch, watch, snapshot) and {@link NetworkOptions}
 * (check, plan, apply).
 */
final class RegionProfileOptions {
  @Option(names = "--region", paramLabel = "R", description = "AWS region (default: the profile's or the environment's).")
  String region;

  @Option(names = "--profile", paramLabel = "P", description = "AWS CLI profile for credentials (default: the default chain).")
  String profile;

  Optional<String> region() {
    return Optional.ofNullable(region);
  }

  Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  /** True when {@code --region} or {@code --profile} was given. */
  boolean given() {
    return region != null || profile != null;
  }
}
