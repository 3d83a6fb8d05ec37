/**
 * vpctrain-core: the preflight of Amazon SageMaker training jobs in a VPC, as a pure library (no AWS
 * SDK, no I/O). Describe the job with {@link dev.vpctrain.core.job.TrainingJobSpec}, supply the network
 * as a {@link dev.vpctrain.core.network.NetworkSnapshot}, run the rules with
 * {@link dev.vpctrain.core.rules.RuleEngine}, and read the {@link dev.vpctrain.core.report.PreflightReport}:
 *
 * <pre>{@code
 * PreflightReport report = RuleEngine.standard().evaluate(job, snapshot);
 * if (!report.isReady()) {
 *   RemediationPlan plan = RemediationPlanner.plan(job, snapshot, report);
 * }
 * }</pre>
 *
 * <p>{@code dev.vpctrain.aws} captures snapshots live and launches jobs; {@code dev.vpctrain.testkit}
 * fakes AWS in tests. Every exception vpctrain throws on purpose is a
 * {@link dev.vpctrain.core.VpcTrainException}; {@link dev.vpctrain.core.BuildInfo} names the version.
 * Packages with an {@code internal} segment are not API.
 */
package dev.vpctrain.core;
