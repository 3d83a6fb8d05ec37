package dev.vpctrain.cli;

import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.Optional;

/** {@code check --live}: live discovery with clients for the given region and profile. */
public final class AwsLiveNetwork implements LiveNetwork {
  @Override
  public NetworkSnapshot discover(TrainingJobSpec job, Optional<String> region, Optional<String> profile) {
    try (AwsClients clients = new AwsClients(region, profile, Optional.empty())) {
      return LiveNetworkDiscovery.builder().ec2(clients.ec2()).s3(clients.s3()).region(clients.region().id()).build()
          .snapshotFor(job);
    }
  }
}
