package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.network.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Decides {@link NatHealth} from a snapshot. */
public final class NatHealthCheck {
  private final NetworkSnapshot network;
  private final RouteTableIndex tables;
  private final Function<RouteTable, RouteMatcher> matchers;
  private final Map<String, InternetGateway> igws = new HashMap<>();

  /** A check over {@code network}, reusing {@code tables} and compiled {@code matchers}. */
  public NatHealthCheck(NetworkSnapshot network, RouteTableIndex tables, Function<RouteTable, RouteMatcher> matchers) {
    this.network = network;
    this.tables = tables;
    this.matchers = matchers;
    network.internetGateways().ifPresent(l -> l.forEach(g -> igws.putIfAbsent(g.internetGatewayId(), g)));
  }

  /** A standalone check over {@code network}. */
  public static NatHealthCheck of(NetworkSnapshot network) {
    return new NatHealthCheck(network, RouteTableIndex.of(network), t -> RouteMatcher.compile(t, network));
  }

  /** The health of NAT gateway {@code natGatewayId}. */
  public NatHealth evaluate(String natGatewayId) {
    List<String> problems = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    if (!network.has(Section.NAT_GATEWAYS)) {
      unknowns.add(network.unknownReason(Section.NAT_GATEWAYS));
      return new NatHealth(natGatewayId, null, problems, unknowns, null);
    }
    Optional<NatGateway> found = network.natGateway(natGatewayId);
    if (found.isEmpty()) {
      problems.add("it does not exist in the snapshot (deleted?)");
      return new NatHealth(natGatewayId, null, problems, unknowns, null);
    }
    NatGateway nat = found.get();
    if (nat.state().isEmpty()) {
      unknowns.add("its state was not captured");
    } else if (!nat.isAvailable()) {
      problems.add("its state is " + nat.state().get() + ", not available");
    }
    if (!nat.isPublic()) {
      problems.add("its connectivity type is " + nat.connectivityType().orElse("private")
          + " (a private NAT gateway cannot reach the internet)");
    }
    String igw = null;
    if (nat.subnetId().isEmpty()) {
      unknowns.add("its subnet was not captured");
    } else {
      String subnet = nat.subnetId().get();
      EffectiveRouteTable ert = tables.forSubnet(subnet);
      if (!ert.isKnown()) {
        unknowns.add("the route table of its subnet " + subnet + " is unknown (" + ert.unknownReason().orElse("") + ")");
      } else {
        RouteTable t = ert.table().get();
        Optional<RouteMatch> def = matchers.apply(t).defaultRoute();
        if (def.isEmpty()) {
          problems.add("its subnet " + subnet + " uses route table " + t.routeTableId() + ", which has no 0.0.0.0/0 route");
        } else if (!def.get().isActive()) {
          problems.add("the 0.0.0.0/0 route of its subnet's route table " + t.routeTableId() + " is a blackhole: " + def.get().describe());
        } else if (def.get().targetKind() != RouteTargetKind.INTERNET_GATEWAY) {
          problems.add("its subnet " + subnet + " uses route table " + t.routeTableId() + ", which sends 0.0.0.0/0 to "
              + def.get().targetId() + ", not to an internet gateway");
        } else {
          igw = def.get().targetId();
          checkIgw(igw, nat.vpcId().orElse(t.vpcId()), problems, unknowns);
        }
      }
    }
    return new NatHealth(natGatewayId, nat, problems, unknowns, igw);
  }

  private void checkIgw(String igwId, String vpcId, List<String> problems, List<String> unknowns) {
    if (!network.has(Section.INTERNET_GATEWAYS)) {
      unknowns.add("whether internet gateway " + igwId + " is attached is unknown: " + network.unknownReason(Section.INTERNET_GATEWAYS));
      return;
    }
    InternetGateway g = igws.get(igwId);
    if (g == null) {
      problems.add("internet gateway " + igwId + " does not exist in the snapshot");
    } else if (!g.isAttachedTo(vpcId)) {
      problems.add("internet gateway " + igwId + " is not attached to " + vpcId);
    }
  }
}
