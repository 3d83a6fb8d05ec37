package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Reach;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** S3 as the other end of a flow, for security-group and network-ACL checks. */
public final class S3Peers {
  private S3Peers() {}

  /** The id of the region's S3 prefix list: from the snapshot's prefix lists, else from an S3 gateway endpoint's routes. */
  public static Optional<String> s3PrefixListId(Reach reach, String vpcId) {
    Optional<PrefixList> pl = reach.network().s3PrefixList();
    if (pl.isPresent()) {
      return Optional.of(pl.get().prefixListId());
    }
    NetworkSnapshot n = reach.network();
    for (VpcEndpoint e : reach.s3GatewayEndpoints(vpcId)) {
      for (String rtb : e.routeTableIds()) {
        Optional<RouteTable> t = n.routeTable(rtb);
        for (Route r : t.map(RouteTable::routes).orElse(List.of())) {
          if (r.destinationPrefixListId().isPresent() && r.targetId().equals(e.vpcEndpointId())) {
            return r.destinationPrefixListId();
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * S3 of the job's region: every CIDR of its prefix list when known, else one unknown public
   * address (matched by a reference to the prefix list when its id is known).
   */
  public static Peer s3(Reach reach, String vpcId) {
    Optional<PrefixList> pl = reach.network().s3PrefixList();
    if (pl.isPresent() && !pl.get().cidrs().isEmpty()) {
      return Peer.builder("S3 (" + pl.get().prefixListId() + ")").prefixList(pl.get().prefixListId())
          .every(Ipv4RangeSet.parse(pl.get().cidrs())).build();
    }
    Optional<String> id = s3PrefixListId(reach, vpcId);
    Peer.Builder b = Peer.builder("S3 (" + id.orElse("com.amazonaws." + reach.network().region() + ".s3") + ", CIDRs unknown)")
        .some(Ipv4RangeSet.PUBLIC);
    id.ifPresent(b::prefixList);
    return b.build();
  }

  /**
   * S3 of another region: one unknown public address, never in the snapshot's prefix lists (which
   * are the snapshot region's).
   */
  public static Peer s3In(String region) {
    return Peer.builder("S3 in " + region).some(Ipv4RangeSet.PUBLIC).outsideAwsServiceLists().build();
  }

  /**
   * An S3 interface endpoint: its security groups and one unknown address of its subnets other
   * than {@code except} (no address when it has no interface elsewhere).
   */
  public static Peer interfaceEndpoint(Reach reach, VpcEndpoint e, String except) {
    List<Cidr> blocks = new ArrayList<>();
    for (String s : e.subnetIds()) {
      if (s.equals(except)) {
        continue;
      }
      reach.network().subnet(s).flatMap(x -> x.cidrBlock()).flatMap(Cidr::tryParseIpv4).ifPresent(blocks::add);
    }
    Peer.Builder b = Peer.builder("S3 interface endpoint " + e.vpcEndpointId()).groups(e.groupIds());
    if (!blocks.isEmpty()) {
      b.some(Ipv4RangeSet.of(blocks));
    }
    return b.build();
  }
}
