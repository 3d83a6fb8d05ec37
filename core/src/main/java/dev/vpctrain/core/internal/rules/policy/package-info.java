/**
 * What the policy rules share: policies parsed once per preflight, the job's caller and request
 * context, and the policy documents vpctrain recommends.
 */
package dev.vpctrain.core.internal.rules.policy;
