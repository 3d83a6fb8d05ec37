/**
 * IAM policy documents and a three-valued evaluator: parse a policy ({@link dev.vpctrain.core.internal.policy.Policy}),
 * describe a request ({@link dev.vpctrain.core.internal.policy.PolicyRequest}), get a
 * {@link dev.vpctrain.core.internal.policy.Decision} that says ALLOW, EXPLICIT_DENY, IMPLICIT_DENY or UNKNOWN
 * and which statement and context key made it so.
 */
@VpcTrainStyle
package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.VpcTrainStyle;
