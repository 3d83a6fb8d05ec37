package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The other end of a flow, as security groups and network ACLs see it: the groups its network
 * interfaces carry (matched by group references), the prefix list it is (matched by prefix-list
 * references), and its IPv4 addresses (matched by CIDRs).
 *
 * <p>Addresses come in three kinds: {@link AddressMode#EVERY} — every address of a set must be
 * allowed (the job subnets, a prefix list's CIDRs); {@link AddressMode#SOME} — one address of a set
 * whose exact value is unknown (an internet host, an endpoint interface somewhere in its subnets):
 * allowed if the whole set is, denied if none of it is, otherwise undecidable;
 * {@link AddressMode#NONE} — not IP traffic (EFA), so CIDR rules never match.
 */
@Value.Immutable(prehash = true)
public abstract class AbstractPeer {
  /** How a peer's addresses are known. */
  public enum AddressMode {
    EVERY,
    SOME,
    NONE
  }

  AbstractPeer() {}

  /** A builder of a peer described as {@code description} in messages. */
  public static Peer.Builder builder(String description) {
    return Peer.builder().description(description);
  }

  /** Interfaces carrying {@code groupIds}, with no IP address considered (EFA self traffic). */
  public static Peer groups(Collection<String> groupIds) {
    return builder(String.join(", ", groupIds)).groups(groupIds).build();
  }

  /** Every address of {@code cidrs}. */
  public static Peer addresses(String description, Ipv4RangeSet cidrs) {
    return builder(description).every(cidrs).build();
  }

  /** One unknown address within {@code cidrs}. */
  public static Peer someAddressIn(String description, Ipv4RangeSet cidrs) {
    return builder(description).some(cidrs).build();
  }

  /** One unknown public address, such as an internet host. */
  public static Peer anyPublicAddress(String description) {
    return someAddressIn(description, Ipv4RangeSet.PUBLIC);
  }

  /**
   * An internet host named by the user: one unknown public address, outside the AWS-managed
   * prefix lists unless the name is an {@code amazonaws.com} one.
   */
  public static Peer internetHost(String host) {
    Peer.Builder b = builder(host).some(Ipv4RangeSet.PUBLIC);
    String h = host.toLowerCase(java.util.Locale.ROOT);
    if (!h.endsWith(".amazonaws.com") && !h.endsWith(".amazonaws.com.cn") && !h.endsWith(".aws")) {
      b.outsideAwsServiceLists();
    }
    return b.build();
  }

  /**
   * The destinations of prefix list {@code prefixListId}: every one of {@code cidrs} when known,
   * else one unknown public address.
   */
  public static Peer prefixList(String prefixListId, Optional<List<String>> cidrs) {
    Peer.Builder b = builder("prefix list " + prefixListId).prefixList(prefixListId);
    if (cidrs.isPresent()) {
      b.every(Ipv4RangeSet.parse(cidrs.get()));
    } else {
      b.some(Ipv4RangeSet.PUBLIC);
    }
    return b.build();
  }

  /** For messages, for example {@code the job's instances} or {@code S3 (pl-63a5400a)}. */
  public abstract String description();

  public abstract Set<String> groupIds();

  /** False when the peer's groups are unknown: a group reference then may or may not match. */
  @Value.Default
  public boolean groupsKnown() {
    return true;
  }

  public abstract Optional<String> prefixListId();

  @Value.Default
  public AddressMode mode() {
    return AddressMode.NONE;
  }

  /** The address set (empty for {@link AddressMode#NONE}). */
  @Value.Default
  public Ipv4RangeSet addresses() {
    return Ipv4RangeSet.EMPTY;
  }

  /**
   * True when the peer is known not to be an AWS service address (an internet host named by the
   * user), so AWS-managed prefix lists ({@code com.amazonaws.…}) never contain it.
   */
  @Value.Default
  public boolean outsideAwsServiceLists() {
    return false;
  }

  /** A peer without addresses is not IP traffic ({@link AddressMode#NONE}), and one of mode NONE has no addresses. */
  @Value.Check
  protected AbstractPeer normalize() {
    if (mode() != AddressMode.NONE && addresses().isEmpty()) {
      return Peer.copyOf(this).withMode(AddressMode.NONE);
    }
    if (mode() == AddressMode.NONE && !addresses().equals(Ipv4RangeSet.EMPTY)) {
      return Peer.copyOf(this).withAddresses(Ipv4RangeSet.EMPTY);
    }
    return this;
  }

  /** How far {@code allowed} admits this peer's addresses. */
  Tri admittedBy(Ipv4RangeSet allowed) {
    switch (mode()) {
      case EVERY:
        return Tri.of(allowed.containsAll(addresses()));
      case SOME:
        if (allowed.containsAll(addresses())) {
          return Tri.YES;
        }
        return allowed.intersects(addresses()) ? Tri.UNKNOWN : Tri.NO;
      default:
        return Tri.NO;
    }
  }

  @Override
  public String toString() {
    return description();
  }

  /** The generated builder's conveniences, named as the rules read. */
  abstract static class Builder {
    abstract Peer.Builder addAllGroupIds(Iterable<String> elements);

    abstract Peer.Builder groupsKnown(boolean groupsKnown);

    abstract Peer.Builder prefixListId(String prefixListId);

    abstract Peer.Builder mode(AddressMode mode);

    abstract Peer.Builder addresses(Ipv4RangeSet addresses);

    abstract Peer.Builder outsideAwsServiceLists(boolean outside);

    /** The groups the peer's interfaces carry (added to those given before). */
    public Peer.Builder groups(Collection<String> ids) {
      return addAllGroupIds(ids);
    }

    /** Marks the peer's groups as unknown. */
    public Peer.Builder groupsUnknown() {
      return groupsKnown(false);
    }

    public Peer.Builder prefixList(String id) {
      return prefixListId(id);
    }

    /** Every address of {@code set} must be allowed. */
    public Peer.Builder every(Ipv4RangeSet set) {
      mode(AddressMode.EVERY);
      return addresses(set);
    }

    /** One unknown address of {@code set}. */
    public Peer.Builder some(Ipv4RangeSet set) {
      mode(AddressMode.SOME);
      return addresses(set);
    }

    /** Marks the peer as not an AWS service address (see {@link Peer#outsideAwsServiceLists()}). */
    public Peer.Builder outsideAwsServiceLists() {
      return outsideAwsServiceLists(true);
    }
  }
}
