package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.rules.RuleContext;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Where the job's S3 traffic from one subnet is addressed, per the regions of its buckets and the subnet's S3 path. */
final class S3Destinations {
  private S3Destinations() {}

  /** The bucket regions of the job (an unknown region counts as the job's). */
  static Set<String> regions(RuleContext ctx) {
    Set<String> regions = new LinkedHashSet<>();
    for (String b : ctx.job().buckets()) {
      regions.add(S3Buckets.region(ctx, b).orElse(ctx.region()));
    }
    return regions;
  }

  /**
   * The peers S3 traffic from {@code subnet} goes to: the S3 prefix list of the job's region (or
   * the S3 interface endpoint serving it), and S3 of each other bucket region. A subnet whose S3
   * path is an unusable S3 interface endpoint has no S3 destination in the job's region.
   */
  static Set<Peer> from(RuleContext ctx, Reach reach, String vpcId, String subnet, boolean endpointInterfacesInSubnetCount) {
    Set<Peer> peers = new LinkedHashSet<>();
    for (String region : regions(ctx)) {
      if (!region.equals(ctx.region())) {
        peers.add(S3Peers.s3In(region));
        continue;
      }
      Optional<VpcEndpoint> ie = Optional.empty();
      if (subnet != null) {
        S3Path p = reach.s3Path(subnet, region);
        if (p.kind() == S3Path.Kind.INTERFACE_ENDPOINT_UNUSABLE) {
          continue; // no path counts: s3.interface-endpoint.* report why, and nothing here can make it work
        }
        if (p.kind() == S3Path.Kind.INTERFACE_ENDPOINT) {
          ie = p.endpointId().flatMap(id -> reach.network().vpcEndpoint(id));
        }
      }
      if (ie.isPresent()) {
        peers.add(S3Peers.interfaceEndpoint(reach, ie.get(), endpointInterfacesInSubnetCount ? null : subnet));
      } else {
        peers.add(S3Peers.s3(reach, vpcId));
      }
    }
    return peers;
  }
}
