/**
 * The audit of every SageMaker job of many accounts and regions ({@code vpctrain audit}): roles assumed per account,
 * jobs listed and described per region, each VPC discovered once for all its jobs, every job checked as
 * {@code check} checks it, failed jobs diagnosed, results streamed as they come.
 */
@VpcTrainStyle
package dev.vpctrain.aws.audit;

import dev.vpctrain.core.VpcTrainStyle;
