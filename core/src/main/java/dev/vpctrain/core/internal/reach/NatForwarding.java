package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the network ACL of a NAT gateway's own subnet passes what the gateway forwards for one
 * job subnet to one destination (rules.md {@code egress.nat.nacl-blocked}): the request in from
 * the job subnet and out to the destination, the replies in from the destination on the ephemeral
 * ports and out to the job subnet on 1024–65535. Immutable.
 */
public final class NatForwarding {
  private final String natGatewayId;
  private final String natSubnetId;
  private final String sourceSubnetId;
  private final String destination;
  private final Traffic traffic;
  private final String networkAclId;
  private final Tri result;
  private final List<AclDecision> decisions;
  private final String unknownReason;

  NatForwarding(String natGatewayId, String natSubnetId, String sourceSubnetId, String destination, Traffic traffic,
      String networkAclId, List<AclDecision> decisions, String unknownReason) {
    this.natGatewayId = Objects.requireNonNull(natGatewayId);
    this.natSubnetId = natSubnetId;
    this.sourceSubnetId = Objects.requireNonNull(sourceSubnetId);
    this.destination = Objects.requireNonNull(destination);
    this.traffic = Objects.requireNonNull(traffic);
    this.networkAclId = networkAclId;
    this.decisions = List.copyOf(decisions);
    this.unknownReason = unknownReason;
    Tri r = unknownReason != null ? Tri.UNKNOWN : Tri.YES;
    for (AclDecision d : this.decisions) {
      r = r.and(d.result());
    }
    this.result = r;
  }

  public String natGatewayId() {
    return natGatewayId;
  }

  /** The NAT gateway's subnet, when known. */
  public Optional<String> natSubnetId() {
    return Optional.ofNullable(natSubnetId);
  }

  /** The job subnet whose traffic is forwarded. */
  public String sourceSubnetId() {
    return sourceSubnetId;
  }

  /** The destination, for messages ({@code S3 (pl-63a5400a)}, {@code pypi.org}). */
  public String destination() {
    return destination;
  }

  /** The request (for example TCP 443). */
  public Traffic traffic() {
    return traffic;
  }

  /** The ACL of the NAT gateway's subnet, when known. */
  public Optional<String> networkAclId() {
    return Optional.ofNullable(networkAclId);
  }

  public Tri result() {
    return result;
  }

  public boolean allowed() {
    return result == Tri.YES;
  }

  public boolean blocked() {
    return result == Tri.NO;
  }

  /** The four directional decisions (empty when the ACL is unknown). */
  public List<AclDecision> decisions() {
    return decisions;
  }

  /** The decisions that deny. */
  public List<AclDecision> denials() {
    List<AclDecision> out = new ArrayList<>();
    decisions.forEach(d -> {
      if (d.denied()) {
        out.add(d);
      }
    });
    return out;
  }

  /** One sentence fragment for messages. */
  public String describe() {
    String where = "the network ACL" + (networkAclId == null ? "" : " " + networkAclId) + " of NAT gateway " + natGatewayId
        + "'s subnet" + (natSubnetId == null ? "" : " " + natSubnetId);
    switch (result) {
      case YES:
        return where + " passes " + traffic + " from " + sourceSubnetId + " to " + destination + " and its replies";
      case NO: {
        List<String> parts = new ArrayList<>();
        denials().forEach(d -> parts.add(d.describe()));
        return where + " blocks what the NAT gateway forwards from " + sourceSubnetId + " to " + destination + ": "
            + String.join("; ", parts);
      }
      default: {
        List<String> parts = new ArrayList<>();
        if (unknownReason != null) {
          parts.add(unknownReason);
        }
        decisions.stream().filter(d -> d.result() == Tri.UNKNOWN).forEach(d -> parts.add(d.describe()));
        return "whether " + where + " passes " + traffic + " from " + sourceSubnetId + " to " + destination
            + " is unknown: " + String.join("; ", parts);
      }
    }
  }

  @Override
  public String toString() {
    return result + ": " + describe();
  }
}
