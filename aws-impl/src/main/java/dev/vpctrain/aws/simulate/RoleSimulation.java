package dev.vpctrain.aws.simulate;

import java.util.List;

/**
 * IAM's policy simulator's answers to vpctrain's identity-side decisions ({@code --simulate}).
 *
 * @param requests the requests compared (vpctrain decided ALLOW or DENY and the simulator answered)
 * @param agreed how many of them the simulator decided the same way
 * @param disagreements the others: a bug to report, never silently resolved
 * @param notes information: the simulator's answer where vpctrain's was UNKNOWN, and calls that failed
 */
public record RoleSimulation(int requests, int agreed, List<Disagreement> disagreements, List<String> notes) {
  /**
   * Copies the lists.
   *
   * @param requests the number of requests compared
   * @param agreed how many the simulator decided the same way
   * @param disagreements the others
   * @param notes information that is not a disagreement
   */
  public RoleSimulation {
    disagreements = List.copyOf(disagreements);
    notes = List.copyOf(notes);
  }

  /** {@return true when some request was decided differently} */
  public boolean hasDisagreements() {
    return !disagreements.isEmpty();
  }

  /**
   * One request decided differently.
   *
   * @param vpctrain {@code ALLOW} or {@code DENY}
   * @param iam the simulator's {@code EvalDecision}: {@code allowed}, {@code implicitDeny}, {@code explicitDeny}
   * @param statement the policy vpctrain's decision came from, and the simulator's matched statements
   */
  public record Disagreement(String rule, String action, String resource, String vpctrain, String iam,
      String statement) {}
}
