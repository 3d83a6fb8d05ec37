/**
 * The evidence the execution-role rules judge, as data: IAM roles with their trust policy, inline
 * and attached managed policies and permissions boundary ({@link dev.vpctrain.core.iam.IamEvidence}),
 * KMS keys and aliases, and organisation policies a user supplied. A package of its own because none
 * of it is the network: it is account-wide (IAM is global), while {@code core.network} is one VPC's
 * region. {@link dev.vpctrain.core.network.NetworkSnapshot} carries it, as it is one capture.
 * Absent is unknown, never empty: an {@code Optional} list missing, a policy document missing.
 */
@VpcTrainStyle
package dev.vpctrain.core.iam;

import dev.vpctrain.core.VpcTrainStyle;
