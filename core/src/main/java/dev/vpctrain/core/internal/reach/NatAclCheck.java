package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides {@link NatForwarding}: a network ACL applies at every subnet boundary a packet crosses,
 * so the ACL of the NAT gateway's own subnet sees the job's request arrive (from the job subnet),
 * leave (to the destination), and the replies come back (from the destination to the gateway's
 * ephemeral ports) and go on (to the job subnet on 1024–65535).
 */
final class NatAclCheck {
  private final NetworkSnapshot network;
  private final NetworkAclEvaluator acls;

  NatAclCheck(NetworkSnapshot network) {
    this.network = network;
    this.acls = NetworkAclEvaluator.of(network);
  }

  NatForwarding evaluate(NatHealth nat, String sourceSubnet, Traffic traffic, Peer destination) {
    String natId = nat.natGatewayId();
    String dest = destination.description();
    if (nat.subnetId().isEmpty()) {
      return new NatForwarding(natId, null, sourceSubnet, dest, traffic, null, List.of(),
          nat.natGateway().isEmpty() ? "NAT gateway " + natId + " is not in the snapshot, so its subnet is unknown"
              : "the subnet of NAT gateway " + natId + " was not captured");
    }
    String natSubnet = nat.subnetId().get();
    Optional<NetworkAcl> acl = acls.aclOf(natSubnet);
    if (acl.isEmpty()) {
      return new NatForwarding(natId, natSubnet, sourceSubnet, dest, traffic, null, List.of(),
          "the network ACL of " + natSubnet + " is unknown: " + acls.whyNoAcl(natSubnet));
    }
    NetworkAcl a = acl.get();
    List<AclDecision> ds = new ArrayList<>();
    Peer source = jobSubnet(sourceSubnet);
    boolean crossesIn = !natSubnet.equals(sourceSubnet);
    if (crossesIn) {
      ds.add(acls.inbound(a, traffic, source));
    }
    ds.add(acls.outbound(a, traffic, destination));
    ds.add(acls.inbound(a, traffic.returnTraffic(), destination));
    if (crossesIn) {
      ds.add(acls.outbound(a, traffic.returnTraffic(), source));
    }
    return new NatForwarding(natId, natSubnet, sourceSubnet, dest, traffic, a.networkAclId(), ds, null);
  }

  /** The job's instances in {@code subnetId}: every address of its CIDR, or one unknown address. */
  private Peer jobSubnet(String subnetId) {
    Optional<Cidr> c = JobPeers.subnetCidr(network, subnetId);
    return c.isPresent()
        ? Peer.addresses("job subnet " + subnetId + " (" + c.get() + ")", Ipv4RangeSet.of(List.of(c.get())))
        : Peer.someAddressIn("job subnet " + subnetId + " (CIDR unknown)", Ipv4RangeSet.ALL);
  }
}
