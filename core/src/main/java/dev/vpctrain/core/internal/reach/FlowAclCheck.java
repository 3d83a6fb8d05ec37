package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.NetworkAcl;
import java.util.Optional;

/** Decides {@link FlowAcls} with a {@link NetworkAclEvaluator}: two subnets, four directions. */
final class FlowAclCheck {
  private FlowAclCheck() {}

  static FlowAcls evaluate(NetworkAclEvaluator acls, String sourceSubnet, Peer source, Optional<String> destinationSubnet,
      Peer destination, Traffic traffic, Traffic replies) {
    String dest = destinationSubnet.orElse(null);
    if (sourceSubnet.equals(dest)) {
      return new FlowAcls(sourceSubnet, dest, traffic, replies, null, null);
    }
    FlowAcls.Side src = side(acls, sourceSubnet, true, traffic, replies, destination);
    FlowAcls.Side dst = dest == null
        ? new FlowAcls.Side(null, null, null, null, "the subnet of " + destination.description() + " is not known, so its network ACL cannot be checked")
        : side(acls, dest, false, traffic, replies, source);
    return new FlowAcls(sourceSubnet, dest, traffic, replies, src, dst);
  }

  /** The ACL of {@code subnet}: at the source the request goes out and the replies come in; at the destination the reverse. */
  private static FlowAcls.Side side(NetworkAclEvaluator acls, String subnet, boolean atSource, Traffic traffic, Traffic replies,
      Peer remote) {
    Optional<NetworkAcl> acl = acls.aclOf(subnet);
    if (acl.isEmpty()) {
      return new FlowAcls.Side(subnet, null, null, null, "the network ACL of " + subnet + " is unknown: " + acls.whyNoAcl(subnet));
    }
    NetworkAcl a = acl.get();
    return atSource
        ? new FlowAcls.Side(subnet, a, acls.outbound(a, traffic, remote), acls.inbound(a, replies, remote), null)
        : new FlowAcls.Side(subnet, a, acls.inbound(a, traffic, remote), acls.outbound(a, replies, remote), null);
  }
}
