package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.Objects;

/**
 * A three-valued answer of an evaluator: the traffic is allowed ({@link Tri#YES}), denied
 * ({@link Tri#NO}) or undecidable ({@link Tri#UNKNOWN}). The part {@link AclDecision} and
 * {@link SgDecision} share.
 */
abstract class AccessDecision {
  private final Tri result;

  AccessDecision(Tri result) {
    this.result = Objects.requireNonNull(result);
  }

  public final Tri result() {
    return result;
  }

  public final boolean allowed() {
    return result == Tri.YES;
  }

  public final boolean denied() {
    return result == Tri.NO;
  }
}
