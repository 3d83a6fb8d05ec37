package dev.vpctrain.core.internal.policy;

/** A statement's effect. */
public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String apiName;

  Effect(String apiName) {
    this.apiName = apiName;
  }

  /** {@code Allow} or {@code Deny}, as written in policies. */
  public String apiName() {
    return apiName;
  }
}
