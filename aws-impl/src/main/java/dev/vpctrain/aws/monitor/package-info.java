/** Watching a training job through CloudWatch: its log streams and its per-host instance metrics. */
@VpcTrainStyle
package dev.vpctrain.aws.monitor;

import dev.vpctrain.core.VpcTrainStyle;
