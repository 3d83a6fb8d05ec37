package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.RouteTable;
import java.util.Objects;
import java.util.Optional;

/**
 * The route table that governs a subnet: its explicit association, else its VPC's main table, or
 * unknown with the reason.
 */
public final class EffectiveRouteTable {
  /** How the table was found. */
  public enum Source {
    /** The subnet is explicitly associated with the table. */
    EXPLICIT,
    /** The subnet has no explicit association; the VPC's main table applies. */
    MAIN,
    /** The table cannot be determined from the snapshot. */
    UNKNOWN
  }

  private final String subnetId;
  private final Source source;
  private final RouteTable table;
  private final String unknownReason;
  private final String sharedReason;

  private EffectiveRouteTable(String subnetId, Source source, RouteTable table, String unknownReason,
      String sharedReason) {
    this.subnetId = Objects.requireNonNull(subnetId);
    this.source = source;
    this.table = table;
    this.unknownReason = unknownReason;
    this.sharedReason = sharedReason;
  }

  static EffectiveRouteTable explicit(String subnetId, RouteTable table) {
    return new EffectiveRouteTable(subnetId, Source.EXPLICIT, Objects.requireNonNull(table), null, null);
  }

  static EffectiveRouteTable main(String subnetId, RouteTable table) {
    return new EffectiveRouteTable(subnetId, Source.MAIN, Objects.requireNonNull(table), null, null);
  }

  /**
   * An unknown table: {@code reason} names the subnet, {@code sharedReason} says the same for every
   * subnet of this cause without naming it ({@link #sharedReason()}).
   */
  static EffectiveRouteTable unknown(String subnetId, String reason, String sharedReason) {
    return new EffectiveRouteTable(subnetId, Source.UNKNOWN, null, Objects.requireNonNull(reason),
        Objects.requireNonNull(sharedReason));
  }

  public String subnetId() {
    return subnetId;
  }

  public Source source() {
    return source;
  }

  /** True when the table is known. */
  public boolean isKnown() {
    return table != null;
  }

  /** The table when known. */
  public Optional<RouteTable> table() {
    return Optional.ofNullable(table);
  }

  /** The table's id, or {@code ""} when unknown. */
  public String routeTableId() {
    return table == null ? "" : table.routeTableId();
  }

  /** Why the table is unknown; empty when known. */
  public Optional<String> unknownReason() {
    return Optional.ofNullable(unknownReason);
  }

  /**
   * Why the table is unknown, as a clause about a group of subnets that does not name them, the same
   * for every subnet of one cause, for example {@code their route tables are unknown:
   * ec2:DescribeRouteTables was not captured in the snapshot} or {@code they have no explicit route table
   * association and the main route table of vpc-… is not in the snapshot}; empty when known. Rules
   * use it to report several subnets of one cause as one finding.
   */
  public Optional<String> sharedReason() {
    return Optional.ofNullable(sharedReason);
  }

  /** For messages: {@code route table rtb-… (explicitly associated)} or {@code main route table rtb-…}. */
  public String describe() {
    switch (source) {
      case EXPLICIT:
        return "route table " + table.routeTableId();
      case MAIN:
        return "route table " + table.routeTableId() + ", the VPC's main table, which applies without an explicit association";
      default:
        return "an unknown route table, as " + unknownReason;
    }
  }

  @Override
  public String toString() {
    return subnetId + " -> " + (table == null ? "unknown: " + unknownReason : table.routeTableId() + " (" + source + ")");
  }
}
