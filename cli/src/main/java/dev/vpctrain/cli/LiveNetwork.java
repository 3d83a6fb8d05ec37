package dev.vpctrain.cli;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The hook behind {@code check --live}: discovers a job's network from the live AWS APIs. A build
 * that can talk to AWS registers one implementation in
 * {@code META-INF/services/dev.vpctrain.cli.LiveNetwork}; without one, {@code --live} is a usage
 * error saying so. Implementations create their own SDK clients from the region and profile given.
 */
public interface LiveNetwork {
  /**
   * {@return the snapshot of everything the job's preflight needs} Calls that fail are recorded in the
   * snapshot; throw {@link software.amazon.awssdk.core.exception.SdkException} only when AWS cannot
   * be used at all (exit 69).
   *
   * @param job the training job whose network to discover
   * @param region the {@code --region} given; empty for the default provider chain's
   * @param profile the {@code --profile} given; empty for the default profile
   */
  NetworkSnapshot discover(TrainingJobSpec job, Optional<String> region, Optional<String> profile);

  /**
   * {@return {@code check --simulate}: cross-checks the identity-side decisions of the role rules on
   * {@code snapshot} with IAM's policy simulator} Never throws for a failed call (a note says it).
   *
   * @param job the training job whose role to simulate
   * @param snapshot the snapshot the role rules judged ({@link #discover})
   * @param region the {@code --region} given; empty for the default provider chain's
   * @param profile the {@code --profile} given; empty for the default profile
   */
  default dev.vpctrain.aws.simulate.RoleSimulation simulate(TrainingJobSpec job, NetworkSnapshot snapshot,
      Optional<String> region, Optional<String> profile) {
    return new dev.vpctrain.aws.simulate.RoleSimulation(0, 0, java.util.List.of(),
        java.util.List.of("--simulate is not available in this build."));
  }

  /** {@return the registered implementation, if this build has one} */
  static Optional<LiveNetwork> installed() {
    return ServiceLoader.load(LiveNetwork.class).findFirst();
  }
}
