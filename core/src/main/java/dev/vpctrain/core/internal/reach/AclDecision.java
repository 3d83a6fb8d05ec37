package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.AclEntry;
import java.util.Optional;

/**
 * The answer of {@link NetworkAclEvaluator} for one direction of one ACL: allowed, denied (naming
 * the entry that denies, or the implicit final deny), or undecidable (naming why).
 */
public final class AclDecision extends AccessDecision {
  private final String networkAclId;
  private final boolean egress;
  private final Traffic traffic;
  private final String peer;
  private final Optional<AclEntry> denyingEntry;
  private final Optional<String> unknownReason;

  AclDecision(Tri result, String networkAclId, boolean egress, Traffic traffic, String peer,
      Optional<AclEntry> denyingEntry, Optional<String> unknownReason) {
    super(result);
    this.networkAclId = networkAclId;
    this.egress = egress;
    this.traffic = traffic;
    this.peer = peer;
    this.denyingEntry = denyingEntry;
    this.unknownReason = unknownReason;
  }

  public String networkAclId() {
    return networkAclId;
  }

  /** True for the outbound direction. */
  public boolean egress() {
    return egress;
  }

  public Traffic traffic() {
    return traffic;
  }

  /** The entry that denies (when denied); empty for the implicit final deny ({@code *}). */
  public Optional<AclEntry> denyingEntry() {
    return denyingEntry;
  }

  /** The number of the denying rule, {@code *} for the implicit deny, empty unless denied. */
  public Optional<String> denyingRule() {
    if (!denied()) {
      return Optional.empty();
    }
    return Optional.of(denyingEntry.map(e -> e.ruleNumber() == 32767 ? "*" : Integer.toString(e.ruleNumber())).orElse("*"));
  }

  /** Why it is undecidable (when UNKNOWN). */
  public Optional<String> unknownReason() {
    return unknownReason;
  }

  /**
   * One sentence fragment for messages, for example
   * {@code network ACL acl-0a1 rule 90 denies outbound TCP 443 to S3}.
   */
  public String describe() {
    String dir = egress ? "outbound " + traffic + " to " + peer : "inbound " + traffic + " from " + peer;
    switch (result()) {
      case YES:
        return "network ACL " + networkAclId + " allows " + dir;
      case NO:
        String rule = denyingRule().orElse("*");
        return "network ACL " + networkAclId + (rule.equals("*") ? " denies " + dir + " by its final rule *"
            : " rule " + rule + " denies " + dir);
      default:
        return "whether network ACL " + networkAclId + " allows " + dir + " is unknown: " + unknownReason.orElse("");
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
