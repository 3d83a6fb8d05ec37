package dev.vpctrain.cli;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import java.util.List;
import java.util.Optional;

/**
 * {@code check --live}: discovers the job's network with clients built from the region and profile.
 * Partial failures stay in the snapshot (their rules are UNVERIFIED); when neither the job's subnets
 * nor its security groups can be described, AWS is unusable for this check (exit 69).
 */
public final class AwsLiveNetwork implements LiveNetwork {
  @Override
  public NetworkSnapshot discover(TrainingJobSpec job, Optional<String> region, Optional<String> profile) {
    try (AwsClients aws = AwsClients.create(region, profile)) {
      NetworkSnapshot snapshot = aws.discovery().snapshotFor(job);
      return AwsClients.requireNetwork(snapshot, List.of(Section.SUBNETS, Section.SECURITY_GROUPS));
    }
  }
}
