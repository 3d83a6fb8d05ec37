package dev.vpctrain.cli;

import dev.vpctrain.aws.simulate.RoleSimulation;
import dev.vpctrain.aws.simulate.RoleSimulator;
import dev.vpctrain.core.iam.RoleRequest;
import dev.vpctrain.core.rules.RoleRequests;

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
      return DescribedNetwork.require(clients, snapshot, List.of(Section.SUBNETS, Section.SECURITY_GROUPS));
    }
  }

  @Override
  public RoleSimulation simulate(TrainingJobSpec job, NetworkSnapshot snapshot, Optional<String> region,
      Optional<String> profile) {
    List<RoleRequest> requests = RoleRequests.of(job, snapshot);
    if (requests.isEmpty() || job.roleArn().isEmpty()) {
      return new RoleSimulation(0, 0, List.of(), List.of("--simulate: nothing to cross-check (the role was not "
          + "read, so vpctrain decided no request of it)."));
    }
    try (AwsClients clients = new AwsClients(region, profile, Optional.empty())) {
      return new RoleSimulator(clients.iam()).simulate(job.roleArn().get(), requests);
    }
  }

  static LiveNetworkDiscovery discovery(AwsClients clients) {
    return LiveNetworkDiscovery.builder().ec2(clients.ec2()).s3(clients.s3()).efs(clients.efs()).fsx(clients.fsx())
        .iam(clients.iam()).kms(clients.kms())
        .region(clients.region().id()).build();
  }
}
