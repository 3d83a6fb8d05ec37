/** Launching a training job behind the preflight gate, and watching it to its outcome. */
@VpcTrainStyle
package dev.vpctrain.aws.launch;

import dev.vpctrain.core.VpcTrainStyle;
