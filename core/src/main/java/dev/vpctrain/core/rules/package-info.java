/**
 * The rule contract, the engine and the built-in catalogue. {@link dev.vpctrain.core.rules.RuleEngine}
 * runs the {@link dev.vpctrain.core.rules.Rule}s of {@link dev.vpctrain.core.rules.RuleCatalogue} over a
 * job and its network snapshot and returns a {@code PreflightReport}. Every rule returns PASS, FAIL or
 * UNVERIFIED: missing data is UNVERIFIED, never PASS, and a rule fires only where AWS says the job
 * fails. The rules' implementations live in {@code dev.vpctrain.core.internal.rules} and are not API;
 * their ids, severities and semantics are documented in {@code docs/rules/}.
 */
@VpcTrainStyle
package dev.vpctrain.core.rules;

import dev.vpctrain.core.VpcTrainStyle;
