/**
 * The network as data: an immutable {@link dev.vpctrain.core.network.NetworkSnapshot} of what the EC2,
 * EFS, FSx, S3, IAM and KMS read APIs return for one account and region, with one value type per
 * resource ({@link dev.vpctrain.core.network.Subnet}, {@link dev.vpctrain.core.network.RouteTable},
 * {@link dev.vpctrain.core.network.SecurityGroup}, …) whose accessors name the API members they hold.
 * A snapshot comes from a {@link dev.vpctrain.core.network.NetworkSource}: live discovery, a bundle
 * file, or a fake world in tests.
 *
 * <p>Absent sections are unknown, never empty: an {@code Optional} section that is empty was not
 * captured (or its call failed, see {@link dev.vpctrain.core.network.CaptureError}), and the rules that
 * need it report UNVERIFIED. {@link dev.vpctrain.core.network.Cidr} is the one parser of address ranges.
 */
@VpcTrainStyle
package dev.vpctrain.core.network;

import dev.vpctrain.core.VpcTrainStyle;
