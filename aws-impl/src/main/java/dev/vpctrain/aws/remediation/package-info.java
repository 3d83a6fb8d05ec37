/**
 * Applies remediation plans ({@link dev.vpctrain.core.remediation.RemediationPlan}) with the
 * user's EC2 and S3 clients: dry run by default, idempotent steps, a report of what was done,
 * what failed and what was not started; and the discover → preflight → plan → apply → preflight flow.
 */
@VpcTrainStyle
package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.VpcTrainStyle;
