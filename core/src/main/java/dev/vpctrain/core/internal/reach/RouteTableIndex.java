package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import java.util.Optional;

/**
 * Which route table governs which subnet: explicit subnet associations and each VPC's main table,
 * as the snapshot indexes them (once per snapshot, linear in the number of associations).
 */
public final class RouteTableIndex {
  private final NetworkSnapshot network;

  private RouteTableIndex(NetworkSnapshot network) {
    this.network = network;
  }

  /** Indexes {@code network}'s route tables. */
  public static RouteTableIndex of(NetworkSnapshot network) {
    return new RouteTableIndex(network);
  }

  /** The VPC's main route table, when the snapshot has it. */
  public Optional<RouteTable> mainTable(String vpcId) {
    return network.mainRouteTable(vpcId);
  }

  /** The table explicitly associated with {@code subnetId}, if any. */
  public Optional<RouteTable> explicitTable(String subnetId) {
    return network.explicitRouteTable(subnetId);
  }

  /** The route table governing {@code subnetId}: its explicit association, else its VPC's main table. */
  public EffectiveRouteTable forSubnet(String subnetId) {
    if (!network.has(Section.ROUTE_TABLES)) {
      String why = network.unknownReason(Section.ROUTE_TABLES);
      return EffectiveRouteTable.unknown(subnetId, why, "their route tables are unknown: " + why);
    }
    RouteTable explicit = network.explicitRouteTable(subnetId).orElse(null);
    if (explicit != null) {
      return EffectiveRouteTable.explicit(subnetId, explicit);
    }
    Optional<Subnet> subnet = network.subnet(subnetId);
    if (subnet.isEmpty()) {
      if (!network.has(Section.SUBNETS)) {
        String why = network.unknownReason(Section.SUBNETS);
        return EffectiveRouteTable.unknown(subnetId, "subnet " + subnetId
            + " has no explicit route table association and its VPC is unknown: " + why,
            "they have no explicit route table association and their VPC is unknown: " + why);
      }
      return EffectiveRouteTable.unknown(subnetId, "subnet " + subnetId + " is not in the snapshot",
          "they are not in the snapshot");
    }
    RouteTable main = network.mainRouteTable(subnet.get().vpcId()).orElse(null);
    if (main == null) {
      return EffectiveRouteTable.unknown(subnetId, "subnet " + subnetId + " has no explicit route table association and the main route table of "
          + subnet.get().vpcId() + " is not in the snapshot", "they have no explicit route table association and the main "
          + "route table of " + subnet.get().vpcId() + " is not in the snapshot");
    }
    return EffectiveRouteTable.main(subnetId, main);
  }
}
