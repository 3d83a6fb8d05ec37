/** The training job as vpctrain sees it: its network intent, built fluently or read from a CreateTrainingJob request. */
@VpcTrainStyle
package dev.vpctrain.core.job;

import dev.vpctrain.core.VpcTrainStyle;
