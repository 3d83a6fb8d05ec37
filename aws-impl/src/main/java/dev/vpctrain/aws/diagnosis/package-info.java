/** Why a training job failed: its FailureReason classified, and the preflight findings that name the likely resource. */
@VpcTrainStyle
package dev.vpctrain.aws.diagnosis;

import dev.vpctrain.core.VpcTrainStyle;
