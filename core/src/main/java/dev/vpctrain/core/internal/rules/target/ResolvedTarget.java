package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.job.VpcTarget;
import java.util.List;
import java.util.Objects;

/** A declared target and what it denotes in the snapshot (rules.md "Declared in-VPC targets", resolution). Immutable. */
public final class ResolvedTarget {
  /** How far the snapshot identifies the target. */
  public enum Status {
    /** The network interfaces it denotes are known. */
    FOUND,
    /** It does not exist: an id absent from a complete list, an address no interface holds, an unused group. */
    NOT_FOUND,
    /** Whether and where it exists cannot be told; the endpoints (if any) are what can still be checked. */
    UNKNOWN,
    /** An address or block outside the VPC's CIDRs: not looked up, the route decides. */
    OUTSIDE,
    /** A CIDR block: every address of it counts, whether or not an interface holds it. */
    BLOCK
  }

  private final VpcTarget target;
  private final Status status;
  private final String detail;
  private final List<TargetEndpoint> endpoints;
  private final List<String> resources;
  /** {@link #describe()}, built on first use (racing threads build equal strings). */
  private volatile String described;

  ResolvedTarget(VpcTarget target, Status status, String detail, List<TargetEndpoint> endpoints, List<String> resources) {
    this.target = Objects.requireNonNull(target);
    this.status = Objects.requireNonNull(status);
    this.detail = Objects.requireNonNull(detail);
    this.endpoints = List.copyOf(endpoints);
    this.resources = List.copyOf(resources);
  }

  public VpcTarget target() {
    return target;
  }

  /** The target's name in findings: its label, else its value. */
  public String name() {
    return target.name();
  }

  public Status status() {
    return status;
  }

  /** One sentence fragment: what the target resolved to, or why it is missing or unknown. */
  public String detail() {
    return detail;
  }

  /** The places to check (empty when not found, or when nothing about it is known). */
  public List<TargetEndpoint> endpoints() {
    return endpoints;
  }

  /** Ids the resolution names (the interfaces, the group, the VPC whose list was searched). */
  public List<String> resources() {
    return resources;
  }

  /** The target's protocol and ports. */
  public Traffic traffic() {
    return traffic(target);
  }

  /** {@code target}'s protocol and port range. */
  public static Traffic traffic(VpcTarget target) {
    return target.protocol().equals("udp")
        ? Traffic.udp(target.fromPort(), target.toPort())
        : Traffic.tcp(target.fromPort(), target.toPort());
  }

  /** {@code features (sg-0123…:5432)} or {@code 10.0.3.15:5432}. */
  public String describe() {
    String d = described;
    if (d == null) {
      d = describeNow();
      described = d;
    }
    return d;
  }

  private String describeNow() {
    return target.label().map(l -> l + " (" + target.value() + ":" + target.ports() + ")")
        .orElse(target.value() + ":" + target.ports()) + (target.protocol().equals("udp") ? "/udp" : "");
  }

  @Override
  public String toString() {
    return status + " " + describe() + ": " + detail;
  }
}
