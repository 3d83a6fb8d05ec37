/**
 * Remediation plans as data: ordered steps, each naming the findings it fixes, the exact AWS change
 * it makes and whether it can be undone. {@link dev.vpctrain.core.remediation.RemediationPlanner}
 * turns a preflight report into a {@link dev.vpctrain.core.remediation.RemediationPlan} of
 * {@link dev.vpctrain.core.remediation.RemediationStep}s, each holding one
 * {@link dev.vpctrain.core.remediation.Change} (or advice for a person):
 *
 * <pre>{@code
 * RemediationPlan plan = RemediationPlanner.plan(job, snapshot, report);
 * System.out.print(plan.render());
 * }</pre>
 *
 * <p>Changes only add: nothing the user made is deleted. Nothing here calls AWS;
 * {@code dev.vpctrain.aws.remediation} applies a plan, and
 * {@link dev.vpctrain.core.remediation.PolicyUpdate} decides what to write when a live policy changed
 * since the plan was made.
 */
package dev.vpctrain.core.remediation;
