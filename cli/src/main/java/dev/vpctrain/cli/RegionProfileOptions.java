package dev.vpctrain.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --region} and {@code --profile}: where and as whom the AWS calls go. A picocli mixin, declared
 * here once and nested in {@link AwsOptions} (launch, watch, snapshot) and {@link NetworkOptions}
 * (check, plan, apply).
 */
final class RegionProfileOptions {
  @Option(names = "--region", paramLabel = "R", description = "The AWS region (default: AWS_REGION, else the profile's region).")
  String region;

  @Option(names = "--profile", paramLabel = "P", description = "The AWS CLI profile for credentials and region (default: AWS_PROFILE, else the default chain).")
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
