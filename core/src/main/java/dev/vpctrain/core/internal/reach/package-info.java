/**
 * Route resolution: IPv4 CIDR math, the effective route table of a subnet, longest-prefix match
 * over CIDR and prefix-list routes, NAT gateway health, the S3 and internet paths of a subnet, the
 * route between a subnet and one address both ways ({@link dev.vpctrain.core.internal.reach.AddressRoute})
 * and the network ACLs of one connection ({@link dev.vpctrain.core.internal.reach.FlowAcls}).
 * {@link dev.vpctrain.core.internal.reach.Reach} ties them together, computing each analysis once.
 */
@VpcTrainStyle
package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.VpcTrainStyle;
