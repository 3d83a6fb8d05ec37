package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.List;

/**
 * The answer of {@link SecurityGroupEvaluator}: whether the groups allow the traffic, which groups'
 * rules allow it, and why it could not be decided when {@link #result()} is UNKNOWN.
 */
public final class SgDecision extends AccessDecision {
  private final List<String> groupIds;
  private final List<String> allowedBy;
  private final List<String> unknowns;

  SgDecision(Tri result, List<String> groupIds, List<String> allowedBy, List<String> unknowns) {
    super(result);
    this.groupIds = List.copyOf(groupIds);
    this.allowedBy = List.copyOf(allowedBy);
    this.unknowns = List.copyOf(unknowns);
  }

  /** The groups that were evaluated. */
  public List<String> groupIds() {
    return groupIds;
  }

  /** The groups whose rules allow the traffic (when allowed). */
  public List<String> allowedBy() {
    return allowedBy;
  }

  /** Why the answer is not known (when UNKNOWN), one sentence fragment each. */
  public List<String> unknowns() {
    return unknowns;
  }

  /** {@link #unknowns()} joined with "; ". */
  public String unknownReason() {
    return String.join("; ", unknowns);
  }

  @Override
  public String toString() {
    return result() + (allowedBy.isEmpty() ? "" : " by " + allowedBy) + (unknowns.isEmpty() ? "" : " " + unknowns);
  }
}
