/**
 * Remediation plans as data: ordered steps, each naming the findings it fixes, the exact AWS change
 * it makes and whether it can be undone. Nothing here calls AWS; {@code dev.vpctrain.aws.remediation}
 * applies a plan.
 */
package dev.vpctrain.core.remediation;
