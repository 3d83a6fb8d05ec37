package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The job's own instances as {@link Peer}s, and its distinct subnets and groups. */
public final class JobPeers {
  private JobPeers() {}

  /** The job's security groups, distinct, in request order (empty outside a VPC). */
  public static List<String> groups(TrainingJobSpec job) {
    return job.vpc().map(VpcSpec::securityGroups).map(l -> List.copyOf(new LinkedHashSet<>(l))).orElse(List.of());
  }

  /** The job's subnets, distinct, in request order (empty outside a VPC). */
  public static List<String> subnets(TrainingJobSpec job) {
    return job.vpc().map(VpcSpec::subnets).map(l -> List.copyOf(new LinkedHashSet<>(l))).orElse(List.of());
  }

  /** The IPv4 CIDR of {@code subnetId}, when the snapshot has it. */
  public static Optional<Cidr> subnetCidr(NetworkSnapshot network, String subnetId) {
    return network.subnet(subnetId).flatMap(Subnet::cidrBlock).flatMap(Cidr::tryParseIpv4);
  }

  /**
   * Any of the job's instances: interfaces carrying every job group, with addresses anywhere in
   * the job subnets (every address of them counts). When a subnet's CIDR is unknown, the address
   * is one unknown IPv4 address, so CIDR rules decide only when they cover everything.
   */
  public static Peer instances(TrainingJobSpec job, NetworkSnapshot network) {
    List<Cidr> blocks = new ArrayList<>();
    boolean allKnown = true;
    for (String s : subnets(job)) {
      Optional<Cidr> c = subnetCidr(network, s);
      if (c.isPresent()) {
        blocks.add(c.get());
      } else {
        allKnown = false;
      }
    }
    Peer.Builder b = Peer.builder("the job's instances").groups(groups(job));
    return allKnown && !blocks.isEmpty() ? b.every(Ipv4RangeSet.of(blocks)).build() : b.some(Ipv4RangeSet.ALL).build();
  }

  /** The job's instances placed in {@code subnetId}. */
  public static Peer instancesIn(TrainingJobSpec job, NetworkSnapshot network, String subnetId) {
    Optional<Cidr> c = subnetCidr(network, subnetId);
    Peer.Builder b = Peer.builder("the job's instances in " + subnetId).groups(groups(job));
    return c.isPresent() ? b.every(Ipv4RangeSet.of(List.of(c.get()))).build() : b.some(Ipv4RangeSet.ALL).build();
  }
}
