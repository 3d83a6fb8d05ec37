/** Rules on traffic between a distributed job's instances: security groups, EFA, network ACLs, encryption. */
package dev.vpctrain.core.internal.rules.cluster;
