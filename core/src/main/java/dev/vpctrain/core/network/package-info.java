/** The network as data: an immutable snapshot of what the EC2 and S3 read APIs return. Absent sections are unknown, never empty. */
@VpcTrainStyle
package dev.vpctrain.core.network;

import dev.vpctrain.core.VpcTrainStyle;
