/**
 * The execution-role rules ({@code role.*}): whether SageMaker can assume the job's role and what the
 * role may do, judged from the snapshot's {@code iam} section with the three-valued
 * {@link dev.vpctrain.core.internal.policy.Authorization}. A snapshot without an {@code iam} section
 * did not ask for the role to be checked: each rule then passes with a message saying it was not
 * evaluated (see {@link dev.vpctrain.core.internal.rules.role.JobRole}).
 */
package dev.vpctrain.core.internal.rules.role;
