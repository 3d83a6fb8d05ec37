package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
public final class Peer {
  /** How a peer's addresses are known. */
  public enum AddressMode {
    EVERY,
    SOME,
    NONE
  }

  private final String description;
  private final Set<String> groupIds;
  private final boolean groupsKnown;
  private final Optional<String> prefixListId;
  private final AddressMode mode;
  private final Ipv4RangeSet addresses;
  private final boolean outsideAwsServiceLists;

  private Peer(Builder b) {
    this.outsideAwsServiceLists = b.outsideAwsServiceLists;
    this.description = Objects.requireNonNull(b.description, "description");
    this.groupIds = Set.copyOf(b.groupIds);
    this.groupsKnown = b.groupsKnown;
    this.prefixListId = Optional.ofNullable(b.prefixListId);
    if (b.mode != AddressMode.NONE && b.addresses.isEmpty()) {
      this.mode = AddressMode.NONE;
      this.addresses = Ipv4RangeSet.EMPTY;
    } else {
      this.mode = b.mode;
      this.addresses = b.mode == AddressMode.NONE ? Ipv4RangeSet.EMPTY : b.addresses;
    }
  }

  public static Builder builder(String description) {
    return new Builder(description);
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
    Builder b = builder(host).some(Ipv4RangeSet.PUBLIC);
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
    Builder b = builder("prefix list " + prefixListId).prefixList(prefixListId);
    if (cidrs.isPresent()) {
      b.every(Ipv4RangeSet.parse(cidrs.get()));
    } else {
      b.some(Ipv4RangeSet.PUBLIC);
    }
    return b.build();
  }

  /** For messages, for example {@code the job's instances} or {@code S3 (pl-63a5400a)}. */
  public String description() {
    return description;
  }

  public Set<String> groupIds() {
    return groupIds;
  }

  /** False when the peer's groups are unknown: a group reference then may or may not match. */
  public boolean groupsKnown() {
    return groupsKnown;
  }

  public Optional<String> prefixListId() {
    return prefixListId;
  }

  public AddressMode mode() {
    return mode;
  }

  /** The address set (empty for {@link AddressMode#NONE}). */
  public Ipv4RangeSet addresses() {
    return addresses;
  }

  /**
   * True when the peer is known not to be an AWS service address (an internet host named by the
   * user), so AWS-managed prefix lists ({@code com.amazonaws.…}) never contain it.
   */
  public boolean outsideAwsServiceLists() {
    return outsideAwsServiceLists;
  }

  /** How far {@code allowed} admits this peer's addresses. */
  Tri admittedBy(Ipv4RangeSet allowed) {
    switch (mode) {
      case EVERY:
        return Tri.of(allowed.containsAll(addresses));
      case SOME:
        if (allowed.containsAll(addresses)) {
          return Tri.YES;
        }
        return allowed.intersects(addresses) ? Tri.UNKNOWN : Tri.NO;
      default:
        return Tri.NO;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Peer)) {
      return false;
    }
    Peer p = (Peer) o;
    return p.groupsKnown == groupsKnown && p.mode == mode && p.outsideAwsServiceLists == outsideAwsServiceLists && p.description.equals(description)
        && p.groupIds.equals(groupIds) && p.prefixListId.equals(prefixListId) && p.addresses.equals(addresses);
  }

  @Override
  public int hashCode() {
    return Objects.hash(description, groupIds, groupsKnown, prefixListId, mode, addresses, outsideAwsServiceLists);
  }

  @Override
  public String toString() {
    return description;
  }

  /** Builds a {@link Peer}. */
  public static final class Builder {
    private final String description;
    private final Set<String> groupIds = new LinkedHashSet<>();
    private boolean groupsKnown = true;
    private String prefixListId;
    private AddressMode mode = AddressMode.NONE;
    private Ipv4RangeSet addresses = Ipv4RangeSet.EMPTY;
    private boolean outsideAwsServiceLists;

    private Builder(String description) {
      this.description = description;
    }

    /** The groups the peer's interfaces carry. */
    public Builder groups(Collection<String> ids) {
      groupIds.addAll(ids);
      return this;
    }

    /** Marks the peer's groups as unknown. */
    public Builder groupsUnknown() {
      groupsKnown = false;
      return this;
    }

    public Builder prefixList(String id) {
      prefixListId = id;
      return this;
    }

    /** Every address of {@code set} must be allowed. */
    public Builder every(Ipv4RangeSet set) {
      mode = AddressMode.EVERY;
      addresses = set;
      return this;
    }

    /** One unknown address of {@code set}. */
    public Builder some(Ipv4RangeSet set) {
      mode = AddressMode.SOME;
      addresses = set;
      return this;
    }

    /** Marks the peer as not an AWS service address (see {@link Peer#outsideAwsServiceLists()}). */
    public Builder outsideAwsServiceLists() {
      outsideAwsServiceLists = true;
      return this;
    }

    public Peer build() {
      return new Peer(this);
    }
  }
}
