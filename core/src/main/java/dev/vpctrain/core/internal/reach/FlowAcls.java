package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.NetworkAcl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the stateless network ACLs do to one connection between two subnets (rules.md
 * {@code target.nacl.blocked}, {@code fs.nacl.blocked}): the source subnet's ACL lets the request
 * out and the replies in, the destination subnet's ACL lets the request in and the replies out.
 * Traffic inside one subnet crosses no ACL. Immutable.
 */
public final class FlowAcls {
  private final String sourceSubnet;
  private final String destinationSubnet;
  private final Traffic traffic;
  private final Traffic replies;
  private final Side source;
  private final Side destination;

  FlowAcls(String sourceSubnet, String destinationSubnet, Traffic traffic, Traffic replies, Side source, Side destination) {
    this.sourceSubnet = Objects.requireNonNull(sourceSubnet);
    this.destinationSubnet = destinationSubnet;
    this.traffic = Objects.requireNonNull(traffic);
    this.replies = Objects.requireNonNull(replies);
    this.source = source;
    this.destination = destination;
  }

  /** One subnet's ACL and its two decisions (request and replies), or why the ACL is unknown. */
  public static final class Side {
    private final String subnetId;
    private final NetworkAcl acl;
    private final AclDecision request;
    private final AclDecision replies;
    private final String unknownReason;

    Side(String subnetId, NetworkAcl acl, AclDecision request, AclDecision replies, String unknownReason) {
      this.subnetId = subnetId;
      this.acl = acl;
      this.request = request;
      this.replies = replies;
      this.unknownReason = unknownReason;
    }

    /** The subnet, when known. */
    public Optional<String> subnetId() {
      return Optional.ofNullable(subnetId);
    }

    /** The ACL, when known. */
    public Optional<NetworkAcl> acl() {
      return Optional.ofNullable(acl);
    }

    /** The ACL's id, when known. */
    public Optional<String> networkAclId() {
      return acl().map(NetworkAcl::networkAclId);
    }

    /** The request's direction (outbound at the source, inbound at the destination); empty when the ACL is unknown. */
    public Optional<AclDecision> request() {
      return Optional.ofNullable(request);
    }

    /** The replies' direction (inbound at the source, outbound at the destination); empty when the ACL is unknown. */
    public Optional<AclDecision> replies() {
      return Optional.ofNullable(replies);
    }

    /** Both directions as one decision: the first that denies, else the first unknown; empty when the ACL is unknown. */
    public Optional<AclDecision> both() {
      return request == null ? Optional.empty() : Optional.of(NetworkAclEvaluator.both(request, replies));
    }

    /** Why the ACL is unknown; empty when known. */
    public Optional<String> unknownReason() {
      return Optional.ofNullable(unknownReason);
    }

    public Tri result() {
      return request == null ? Tri.UNKNOWN : request.result().and(replies.result());
    }

    List<AclDecision> decisions() {
      return request == null ? List.of() : List.of(request, replies);
    }
  }

  public String sourceSubnet() {
    return sourceSubnet;
  }

  /** The destination's subnet, when known. */
  public Optional<String> destinationSubnet() {
    return Optional.ofNullable(destinationSubnet);
  }

  /** The request (for example TCP 2049). */
  public Traffic traffic() {
    return traffic;
  }

  /** The replies (for example TCP 1024-65535, or TCP 0-1023 for Lustre). */
  public Traffic replies() {
    return replies;
  }

  /** True when both ends are in one subnet: no ACL applies. */
  public boolean sameSubnet() {
    return source == null;
  }

  /** The source subnet's ACL; empty within one subnet. */
  public Optional<Side> source() {
    return Optional.ofNullable(source);
  }

  /** The destination subnet's ACL; empty within one subnet. */
  public Optional<Side> destination() {
    return Optional.ofNullable(destination);
  }

  /** YES within one subnet; else the conjunction of the four directions (UNKNOWN for an unknown ACL). */
  public Tri result() {
    return source == null ? Tri.YES : source.result().and(destination.result());
  }

  /** The directions that deny, source side first. */
  public List<AclDecision> denials() {
    List<AclDecision> out = new ArrayList<>();
    for (AclDecision d : decisions()) {
      if (d.denied()) {
        out.add(d);
      }
    }
    return out;
  }

  /** Every decided direction, source side first (request, replies), then the destination side. */
  public List<AclDecision> decisions() {
    List<AclDecision> out = new ArrayList<>();
    if (source != null) {
      out.addAll(source.decisions());
      out.addAll(destination.decisions());
    }
    return out;
  }

  /** Why the result is unknown, one clause each (unknown ACLs and undecidable directions). */
  public List<String> unknowns() {
    List<String> out = new ArrayList<>();
    if (source == null) {
      return out;
    }
    for (Side s : List.of(source, destination)) {
      s.unknownReason().ifPresent(out::add);
      s.decisions().stream().filter(d -> d.result() == Tri.UNKNOWN).forEach(d -> out.add(d.describe()));
    }
    return out;
  }

  /** One sentence fragment for messages. */
  public String describe() {
    if (source == null) {
      return "both ends are in " + sourceSubnet + ", so no network ACL applies";
    }
    switch (result()) {
      case YES:
        return "the network ACLs pass " + traffic + " from " + sourceSubnet + " to " + destinationSubnet + " and its replies ("
            + replies + ")";
      case NO: {
        List<String> parts = new ArrayList<>();
        denials().forEach(d -> parts.add(d.describe()));
        return String.join("; ", parts);
      }
      default:
        return "whether the network ACLs pass " + traffic + " from " + sourceSubnet + " and its replies is unknown: "
            + String.join("; ", unknowns());
    }
  }

  @Override
  public String toString() {
    return result() + ": " + describe();
  }
}
