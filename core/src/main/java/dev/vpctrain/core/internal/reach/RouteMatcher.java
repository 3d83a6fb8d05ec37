package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A route table compiled for longest-prefix match over IPv4 destinations. Prefix-list routes are
 * expanded through the snapshot's prefix lists (a gateway-endpoint route covers each CIDR of its
 * list). Ties between equally specific routes follow AWS route priority: static CIDR routes, then
 * prefix-list routes, then propagated routes. IPv6 routes are ignored. Immutable and thread-safe.
 */
public final class RouteMatcher {
  private static final Comparator<RouteMatch> PRIORITY = Comparator
      .comparingInt((RouteMatch m) -> -m.cidr().prefixLength())
      .thenComparingInt(RouteMatcher::rank);

  private final RouteTable table;
  private final RouteMatch[] entries;
  private final List<Route> unexpanded;

  private RouteMatcher(RouteTable table, RouteMatch[] entries, List<Route> unexpanded) {
    this.table = table;
    this.entries = entries;
    this.unexpanded = List.copyOf(unexpanded);
  }

  /** Compiles {@code table}, expanding prefix-list routes through {@code network}'s prefix lists. */
  public static RouteMatcher compile(RouteTable table, NetworkSnapshot network) {
    Objects.requireNonNull(table, "table");
    List<RouteMatch> entries = new ArrayList<>();
    List<Route> unexpanded = new ArrayList<>();
    for (Route r : table.routes()) {
      if (r.destinationCidrBlock().isPresent()) {
        Cidr.tryParseIpv4(r.destinationCidrBlock().get()).ifPresent(c -> entries.add(new RouteMatch(r, c, null)));
      } else if (r.destinationPrefixListId().isPresent()) {
        String pl = r.destinationPrefixListId().get();
        Optional<PrefixList> list = network.prefixList(pl);
        if (list.isEmpty() || list.get().cidrs().isEmpty()) {
          unexpanded.add(r);
          continue;
        }
        for (String cidr : list.get().cidrs()) {
          Cidr.tryParseIpv4(cidr).ifPresent(c -> entries.add(new RouteMatch(r, c, pl)));
        }
      }
    }
    RouteMatch[] sorted = entries.toArray(new RouteMatch[0]);
    Arrays.sort(sorted, PRIORITY);
    return new RouteMatcher(table, sorted, unexpanded);
  }

  private static int rank(RouteMatch m) {
    boolean propagated = m.route().origin().map("EnableVgwRoutePropagation"::equalsIgnoreCase).orElse(false);
    if (propagated) {
      return 2;
    }
    return m.prefixListId().isPresent() ? 1 : 0;
  }

  public RouteTable table() {
    return table;
  }

  /** The route that carries traffic to {@code address}: the longest prefix match, blackhole routes included. */
  public Optional<RouteMatch> match(int address) {
    for (RouteMatch e : entries) {
      if (e.cidr().contains(address)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The route for the dotted-quad {@code address}. */
  public Optional<RouteMatch> match(String address) {
    return match(Cidr.parseIpv4Address(address));
  }

  /**
   * How traffic to every address of {@code destination} is routed: the most specific route covering
   * the whole block, plus any more specific routes inside it (which win for their part).
   */
  public RangeRouting route(Cidr destination) {
    RouteMatch covering = null;
    List<RouteMatch> inner = new ArrayList<>(0);
    for (RouteMatch e : entries) {
      if (e.cidr().covers(destination)) {
        covering = e;
        break;
      }
      if (destination.covers(e.cidr())) {
        inner.add(e);
      }
    }
    return new RangeRouting(destination, covering, inner);
  }

  /** The {@code 0.0.0.0/0} route, when the table has one (first by priority). */
  public Optional<RouteMatch> defaultRoute() {
    for (RouteMatch e : entries) {
      if (e.cidr().isDefault()) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Every compiled entry, most preferred first. */
  public List<RouteMatch> entries() {
    return List.of(entries);
  }

  /** Routes to prefix lists the snapshot cannot expand (list not captured or empty). */
  public List<Route> unexpandedPrefixListRoutes() {
    return unexpanded;
  }

  /** Routes whose destination is {@code prefixListId}, expanded or not. */
  public List<Route> routesToPrefixList(String prefixListId) {
    List<Route> out = new ArrayList<>();
    for (Route r : table.routes()) {
      if (r.destinationPrefixListId().map(prefixListId::equals).orElse(false)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The routing of one block of addresses. */
  public static final class RangeRouting {
    private final Cidr destination;
    private final RouteMatch covering;
    private final List<RouteMatch> inner;

    RangeRouting(Cidr destination, RouteMatch covering, List<RouteMatch> inner) {
      this.destination = destination;
      this.covering = covering;
      this.inner = List.copyOf(inner);
    }

    public Cidr destination() {
      return destination;
    }

    /** The most specific route covering the whole block; empty when part of it has no route. */
    public Optional<RouteMatch> covering() {
      return Optional.ofNullable(covering);
    }

    /** More specific routes inside the block, most preferred first. */
    public List<RouteMatch> inner() {
      return inner;
    }

    /** True when one route carries the whole block. */
    public boolean isUniform() {
      return covering != null && inner.isEmpty();
    }

    /** Every route that carries part of the block, most preferred first ({@code covering} last). */
    public List<RouteMatch> all() {
      List<RouteMatch> all = new ArrayList<>(inner);
      if (covering != null) {
        all.add(covering);
      }
      return all;
    }
  }
}
