package dev.vpctrain.cli;

import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import java.util.List;
import java.util.Optional;

/**
 * {@code check --live}: live discovery with clients for the given region and profile. Partial
 * failures stay in the snapshot (their rules are UNVERIFIED); when neither the job's subnets nor its
 * security groups can be described, AWS is unusable for this check (exit 69).
 */
public final class AwsLiveNetwork implements LiveNetwork {
  @Override
  public NetworkSnapshot discover(TrainingJobSpec job, Optional<String> region, Optional<String> profile) {
    try (AwsClients clients = new AwsClients(region, profile, Optional.empty())) {
      NetworkSnapshot snapshot = discovery(clients).snapshotFor(job);
      return DescribedNetwork.require(snapshot, List.of(Section.SUBNETS, Section.SECURITY_GROUPS));
    }
  }

  static LiveNetworkDiscovery discovery(AwsClients clients) {
    return LiveNetworkDiscovery.builder().ec2(clients.ec2()).s3(clients.s3()).efs(clients.efs()).fsx(clients.fsx())
        .iam(clients.iam()).kms(clients.kms())
        .region(clients.region().id()).build();
  }
}
