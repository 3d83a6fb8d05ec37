package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.FsEndpoint;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** File-system endpoints (mount targets, FSx interfaces) as {@link Peer}s of security groups and network ACLs. */
public final class FsPeers {
  private FsPeers() {}

  /**
   * One endpoint: its address when known, else one unknown address of its subnet (else of any
   * subnet); its groups when known.
   */
  static Peer endpoint(NetworkSnapshot network, FsEndpoint ep) {
    return of(network, describe(ep), List.of(ep), ep.groups().orElse(null));
  }

  /**
   * Every endpoint of a file system at once (the FSx interfaces: a Lustre client talks to each):
   * interfaces carrying {@code groups}, with every endpoint address.
   */
  public static Peer endpoints(NetworkSnapshot network, String description, List<FsEndpoint> eps, List<String> groups) {
    return of(network, description, eps, groups);
  }

  /**
   * The file system's own side as its security-group rules see it (FSx guide: "from the security
   * group itself or the full subnet CIDR"): interfaces carrying {@code groups}, with every address
   * of {@code subnetId}'s CIDR; one unknown address when the CIDR is unknown.
   */
  public static Peer fileSystemSubnet(NetworkSnapshot network, String description, Optional<String> subnetId, List<String> groups) {
    Optional<Cidr> cidr = subnetId.flatMap(s -> JobPeers.subnetCidr(network, s));
    Peer.Builder b = Peer.builder(description).groups(groups);
    return cidr.isPresent() ? b.every(Ipv4RangeSet.of(List.of(cidr.get()))).build() : b.some(Ipv4RangeSet.ALL).build();
  }

  /** {@code eni-… at 10.20.3.10}, or the bare id. */
  public static String describe(FsEndpoint ep) {
    return ep.address().map(a -> ep.id() + " at " + a).orElse(ep.id());
  }

  private static Peer of(NetworkSnapshot network, String description, List<FsEndpoint> eps, List<String> groups) {
    Peer.Builder b = Peer.builder(description);
    if (groups == null) {
      b.groupsUnknown();
    } else {
      b.groups(groups);
    }
    List<Cidr> hosts = new ArrayList<>();
    List<Cidr> someOf = new ArrayList<>();
    boolean anywhere = false;
    for (FsEndpoint ep : eps) {
      Optional<Cidr> host = ep.address().flatMap(Cidr::tryParseAddress).filter(Cidr::isIpv4);
      if (host.isPresent()) {
        hosts.add(host.get());
        continue;
      }
      Optional<Cidr> subnet = ep.subnetId().flatMap(s -> JobPeers.subnetCidr(network, s));
      if (subnet.isPresent()) {
        someOf.add(subnet.get());
      } else {
        anywhere = true;
      }
    }
    if (anywhere) {
      return b.some(Ipv4RangeSet.ALL).build();
    }
    if (!someOf.isEmpty()) {
      someOf.addAll(hosts);
      return b.some(Ipv4RangeSet.of(someOf)).build();
    }
    return b.every(Ipv4RangeSet.of(hosts)).build();
  }
}
