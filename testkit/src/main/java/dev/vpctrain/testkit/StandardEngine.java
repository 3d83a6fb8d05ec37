package dev.vpctrain.testkit;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.testkit.network.NetworkBuilder;

/** Shared immutable defaults: the standard rule engine and the empty network (building them per test is waste). */
final class StandardEngine {
  private static final RuleEngine ENGINE = RuleEngine.standard();
  private static final NetworkSnapshot EMPTY = NetworkBuilder.create().build();

  private StandardEngine() {}

  static RuleEngine get() {
    return ENGINE;
  }

  /** An empty network in us-east-1 (all sections captured and empty, the region's S3 prefix list). */
  static NetworkSnapshot emptyNetwork() {
    return EMPTY;
  }
}
