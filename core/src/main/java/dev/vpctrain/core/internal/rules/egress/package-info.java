/** Rules on reaching resources outside the VPC: AWS services through interface endpoints or NAT, internet destinations. */
package dev.vpctrain.core.internal.rules.egress;
