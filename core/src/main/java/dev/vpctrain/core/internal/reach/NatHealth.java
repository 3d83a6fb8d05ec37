package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.NatGateway;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a NAT gateway gives a path to the internet: it is {@code available}, of {@code public}
 * connectivity, and its own subnet's route table sends {@code 0.0.0.0/0} to an internet gateway
 * attached to the VPC. Problems found make it UNHEALTHY even when other facts are unknown.
 */
public final class NatHealth {
  /** The three-valued verdict. */
  public enum Status {
    HEALTHY,
    UNHEALTHY,
    UNKNOWN
  }

  private final String natGatewayId;
  private final Status status;
  private final NatGateway nat;
  private final List<String> problems;
  private final List<String> unknowns;
  private final String internetGatewayId;

  NatHealth(String natGatewayId, NatGateway nat, List<String> problems, List<String> unknowns, String internetGatewayId) {
    this.natGatewayId = Objects.requireNonNull(natGatewayId);
    this.nat = nat;
    this.problems = List.copyOf(problems);
    this.unknowns = List.copyOf(unknowns);
    this.internetGatewayId = internetGatewayId;
    this.status = !this.problems.isEmpty() ? Status.UNHEALTHY : !this.unknowns.isEmpty() ? Status.UNKNOWN : Status.HEALTHY;
  }

  public String natGatewayId() {
    return natGatewayId;
  }

  public Status status() {
    return status;
  }

  public boolean isHealthy() {
    return status == Status.HEALTHY;
  }

  /** The NAT gateway, when the snapshot has it. */
  public Optional<NatGateway> natGateway() {
    return Optional.ofNullable(nat);
  }

  /** The NAT gateway's public IPs (empty when unknown). */
  public List<String> publicIps() {
    return nat == null ? List.of() : nat.publicIps();
  }

  /** The NAT's subnet, when known. */
  public Optional<String> subnetId() {
    return nat == null ? Optional.empty() : nat.subnetId();
  }

  /** What is wrong, one clause each (for example {@code its state is failed}). */
  public List<String> problems() {
    return problems;
  }

  /** What could not be decided, one clause each. */
  public List<String> unknowns() {
    return unknowns;
  }

  /** The internet gateway its subnet's default route leads to, when found. */
  public Optional<String> internetGatewayId() {
    return Optional.ofNullable(internetGatewayId);
  }

  /** One sentence for messages. */
  public String describe() {
    switch (status) {
      case HEALTHY:
        return "NAT gateway " + natGatewayId + " is available, public, and its subnet "
            + subnetId().orElse("?") + " routes 0.0.0.0/0 to " + internetGatewayId;
      case UNHEALTHY:
        return "NAT gateway " + natGatewayId + " gives no internet path: " + String.join("; ", problems);
      default:
        return "whether NAT gateway " + natGatewayId + " works is unknown: " + String.join("; ", unknowns);
    }
  }

  @Override
  public String toString() {
    return status + ": " + describe();
  }
}
