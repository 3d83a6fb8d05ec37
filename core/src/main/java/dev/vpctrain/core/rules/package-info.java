/** The rule contract, the engine and the built-in catalogue. */
@VpcTrainStyle
package dev.vpctrain.core.rules;

import dev.vpctrain.core.VpcTrainStyle;
