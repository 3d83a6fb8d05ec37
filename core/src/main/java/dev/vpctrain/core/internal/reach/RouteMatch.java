package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTargetKind;
import java.util.Objects;
import java.util.Optional;

/**
 * A route chosen for a destination: the route, the CIDR it matched with (for a prefix-list route,
 * the prefix-list entry) and the prefix list when the route has one.
 */
public final class RouteMatch {
  private final Route route;
  private final Cidr cidr;
  private final String prefixListId;

  RouteMatch(Route route, Cidr cidr, String prefixListId) {
    this.route = Objects.requireNonNull(route);
    this.cidr = Objects.requireNonNull(cidr);
    this.prefixListId = prefixListId;
  }

  public Route route() {
    return route;
  }

  /** The CIDR the route matched with. */
  public Cidr cidr() {
    return cidr;
  }

  /** The route's destination prefix list, when it is a prefix-list route. */
  public Optional<String> prefixListId() {
    return Optional.ofNullable(prefixListId);
  }

  public RouteTargetKind targetKind() {
    return route.targetKind();
  }

  public String targetId() {
    return route.targetId();
  }

  /** False for a {@code blackhole} route. */
  public boolean isActive() {
    return route.isActive();
  }

  /** The route's destination as written: its CIDR or its prefix list id. */
  public String destination() {
    return prefixListId != null ? prefixListId : route.destinationCidrBlock().orElseGet(cidr::toString);
  }

  /** For messages: {@code 0.0.0.0/0 -> nat-…} (with {@code (blackhole)} when so). */
  public String describe() {
    return destination() + " -> " + targetId() + (isActive() ? "" : " (blackhole)");
  }

  @Override
  public String toString() {
    return describe();
  }
}
