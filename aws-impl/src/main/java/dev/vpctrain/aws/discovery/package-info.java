/**
 * Live discovery: {@link dev.vpctrain.aws.discovery.LiveNetworkDiscovery} reads, with read-only batched
 * Describe calls, the network snapshot a job's rules need (its VPC, subnets, route tables, security
 * groups, endpoints, ACLs, buckets, file systems, interfaces and role); a call that fails becomes a
 * capture error, so the rules that need it are UNVERIFIED.
 */
package dev.vpctrain.aws.discovery;
