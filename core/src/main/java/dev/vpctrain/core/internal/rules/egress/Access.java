package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.List;
import java.util.Objects;

/** A three-valued answer with the reason in words and the resources it rests on. */
public final class Access {
  private final Tri result;
  private final String reason;
  private final List<String> resources;

  private Access(Tri result, String reason, List<String> resources) {
    this.result = Objects.requireNonNull(result);
    this.reason = Objects.requireNonNull(reason);
    this.resources = List.copyOf(resources);
  }

  public static Access of(Tri result, String reason, String... resources) {
    return new Access(result, reason, List.of(resources));
  }

  public static Access of(Tri result, String reason, List<String> resources) {
    return new Access(result, reason, resources);
  }

  public Tri result() {
    return result;
  }

  public boolean isYes() {
    return result == Tri.YES;
  }

  public boolean isNo() {
    return result == Tri.NO;
  }

  public boolean isUnknown() {
    return result == Tri.UNKNOWN;
  }

  /** What was found, or why it is unknown; a sentence fragment. */
  public String reason() {
    return reason;
  }

  /** The resource ids the answer rests on (endpoint, route table, NAT gateway, ACL…). */
  public List<String> resources() {
    return resources;
  }

  /** Disjunction: the first YES, else the first UNKNOWN, else {@code this} (both reasons kept for NO). */
  public Access or(Access other) {
    if (isYes()) {
      return this;
    }
    if (other.isYes()) {
      return other;
    }
    if (isUnknown()) {
      return this;
    }
    if (other.isUnknown()) {
      return other;
    }
    List<String> res = new java.util.ArrayList<>(resources);
    other.resources.stream().filter(r -> !res.contains(r)).forEach(res::add);
    return new Access(Tri.NO, reason + ", and " + other.reason, res);
  }

  /** Conjunction: the first NO, else the first UNKNOWN, else {@code this}. */
  public Access and(Access other) {
    if (isNo()) {
      return this;
    }
    if (other.isNo()) {
      return other;
    }
    if (isUnknown()) {
      return this;
    }
    return other.isUnknown() ? other : this;
  }

  @Override
  public String toString() {
    return result + ": " + reason;
  }
}
