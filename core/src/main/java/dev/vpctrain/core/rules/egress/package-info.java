/** Rules on resources outside the VPC: interface endpoints and NAT paths. */
package dev.vpctrain.core.rules.egress;
