/**
 * IAM's policy simulator as a cross-check of the role rules: the identity-policy decisions vpctrain
 * made are asked again with {@code iam:SimulatePrincipalPolicy}, and disagreements are reported.
 */
package dev.vpctrain.aws.simulate;
