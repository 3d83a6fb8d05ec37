/** Findings, the preflight report and its verdict. */
@VpcTrainStyle
package dev.vpctrain.core.report;

import dev.vpctrain.core.VpcTrainStyle;
