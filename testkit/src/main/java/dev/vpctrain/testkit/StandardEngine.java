package dev.vpctrain.testkit;

import dev.vpctrain.core.rules.RuleEngine;

/** One shared standard rule engine (engines are immutable and thread-safe; building one per test is waste). */
final class StandardEngine {
  private static final RuleEngine ENGINE = RuleEngine.standard();

  private StandardEngine() {}

  static RuleEngine get() {
    return ENGINE;
  }
}
