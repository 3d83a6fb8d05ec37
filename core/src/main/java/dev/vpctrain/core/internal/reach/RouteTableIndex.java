package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which route table governs which subnet: explicit subnet associations and each VPC's main table,
 * indexed once per snapshot (linear in the number of associations).
 */
public final class RouteTableIndex {
  private final NetworkSnapshot network;
  private final Map<String, RouteTable> bySubnet = new HashMap<>();
  private final Map<String, RouteTable> mainByVpc = new HashMap<>();

  private RouteTableIndex(NetworkSnapshot network) {
    this.network = network;
    for (RouteTable t : network.routeTables().orElse(java.util.List.of())) {
      for (RouteTableAssociation a : t.associations()) {
        if (!isAssociated(a)) {
          continue;
        }
        if (a.main()) {
          mainByVpc.putIfAbsent(t.vpcId(), t);
        }
        a.subnetId().ifPresent(s -> bySubnet.putIfAbsent(s, t));
      }
    }
  }

  /** Indexes {@code network}'s route tables. */
  public static RouteTableIndex of(NetworkSnapshot network) {
    return new RouteTableIndex(network);
  }

  private static boolean isAssociated(RouteTableAssociation a) {
    return a.state().map(s -> s.equalsIgnoreCase("associated") || s.equalsIgnoreCase("associating")).orElse(true);
  }

  /** The VPC's main route table, when the snapshot has it. */
  public Optional<RouteTable> mainTable(String vpcId) {
    return Optional.ofNullable(mainByVpc.get(vpcId));
  }

  /** The table explicitly associated with {@code subnetId}, if any. */
  public Optional<RouteTable> explicitTable(String subnetId) {
    return Optional.ofNullable(bySubnet.get(subnetId));
  }

  /** The route table governing {@code subnetId}: its explicit association, else its VPC's main table. */
  public EffectiveRouteTable forSubnet(String subnetId) {
    if (!network.has(Section.ROUTE_TABLES)) {
      return EffectiveRouteTable.unknown(subnetId, network.unknownReason(Section.ROUTE_TABLES));
    }
    RouteTable explicit = bySubnet.get(subnetId);
    if (explicit != null) {
      return EffectiveRouteTable.explicit(subnetId, explicit);
    }
    Optional<Subnet> subnet = network.subnet(subnetId);
    if (subnet.isEmpty()) {
      if (!network.has(Section.SUBNETS)) {
        return EffectiveRouteTable.unknown(subnetId, "subnet " + subnetId
            + " has no explicit route table association and its VPC is unknown: " + network.unknownReason(Section.SUBNETS));
      }
      return EffectiveRouteTable.unknown(subnetId, "subnet " + subnetId + " is not in the snapshot");
    }
    RouteTable main = mainByVpc.get(subnet.get().vpcId());
    if (main == null) {
      return EffectiveRouteTable.unknown(subnetId, "subnet " + subnetId + " has no explicit route table association and the main route table of "
          + subnet.get().vpcId() + " is not in the snapshot");
    }
    return EffectiveRouteTable.main(subnetId, main);
  }
}
