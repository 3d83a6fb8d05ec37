package dev.vpctrain.cli;

import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Tells a snapshot that saw the network (perhaps partly) from one that could not see it at all. */
final class DescribedNetwork {
  private DescribedNetwork() {}

  /**
   * Returns {@code snapshot} when at least one of the {@code finders} sections (the calls that find
   * the network, such as the job's subnets and groups) was captured; otherwise throws (exit 69) with
   * what failed and why. A credentials failure of any call of {@code clients} comes first: it is the
   * one cause of every failed call, said once ({@link CredentialsFailure}).
   */
  static NetworkSnapshot require(AwsClients clients, NetworkSnapshot snapshot, List<Section> finders) {
    clients.requireCredentials();
    if (finders.stream().anyMatch(snapshot::has)) {
      return snapshot;
    }
    List<CaptureError> why = snapshot.errors().stream()
        .filter(e -> finders.stream().anyMatch(f -> f.operation().equals(e.operation())))
        .collect(Collectors.toList());
    if (why.isEmpty()) {
      return snapshot;
    }
    throw SdkClientException.create("could not describe the network: " + why.stream()
        .map(e -> e.operation() + " failed (" + e.code() + ": " + e.message() + ")")
        .collect(Collectors.joining("; ")));
  }
}
