package dev.vpctrain.core.rules;

import dev.vpctrain.core.iam.RoleRequest;
import dev.vpctrain.core.internal.rules.role.RoleChecks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.List;

/**
 * The requests the ERROR role rules decide for a job's role, each with vpctrain's identity-side
 * decision, for a cross-check with IAM's policy simulator ({@code vpctrain check --simulate}).
 */
public final class RoleRequests {
  private RoleRequests() {}

  /**
   * {@return the requests, in catalogue order, one per (action, resource); empty when the role is not in the snapshot}
   *
   * @param job the training job
   * @param network the network snapshot
   */
  public static List<RoleRequest> of(TrainingJobSpec job, NetworkSnapshot network) {
    return RoleChecks.identitySide(RuleContext.of(job, network));
  }
}
