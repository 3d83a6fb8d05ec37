package dev.vpctrain.cli;

import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.Optional;

/** {@code --live} with the AWS SDK: {@link LiveNetworkDiscovery} on the clients of {@link AwsClients}. */
public final class SdkLiveNetwork implements LiveNetwork {
  @Override
  public NetworkSnapshot discover(TrainingJobSpec job, Optional<String> region, Optional<String> profile) {
    try (AwsClients clients = AwsClients.create(region, profile)) {
      return LiveNetworkDiscovery.builder().ec2(clients.ec2).s3(clients.s3).region(clients.region).build().snapshotFor(job);
    }
  }
}
