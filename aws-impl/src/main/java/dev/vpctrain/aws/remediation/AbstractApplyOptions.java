package dev.vpctrain.aws.remediation;

import org.immutables.value.Value;

/** How to apply a plan: a dry run (the default) or for real, with or without optional hardening. */
@Value.Immutable
abstract class AbstractApplyOptions {
  /** {@return true (the default): change nothing, use EC2 {@code DryRun} where the API has it} */
  @Value.Default
  public boolean dryRun() {
    return true;
  }

  /**
   * Also run optional hardening steps (INFO findings that narrow access). Off by default.
   *
   * @return whether optional hardening steps run
   */
  @Value.Default
  public boolean includeOptional() {
    return false;
  }

  /**
   * Also put the execution role's inline policy ({@code iam:PutRolePolicy}). Off by default.
   *
   * @return whether the role's inline policy is put
   */
  @Value.Default
  public boolean includeIam() {
    return false;
  }
}
