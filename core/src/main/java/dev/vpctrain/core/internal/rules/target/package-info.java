/**
 * Rules for the in-VPC targets a job declares ({@code --requires [label=]ADDR|CIDR|sg-…|eni-…:PORTS},
 * {@code requiresInVpc}): whether each target exists, and the route, security groups and network
 * ACLs between every job subnet and it. {@link dev.vpctrain.core.internal.rules.target.VpcTargets}
 * resolves each target once per evaluation; {@link dev.vpctrain.core.internal.rules.target.TargetChecks}
 * decides one job subnet and one target endpoint with the shared analyses of
 * {@code dev.vpctrain.core.internal.reach}.
 */
package dev.vpctrain.core.internal.rules.target;
