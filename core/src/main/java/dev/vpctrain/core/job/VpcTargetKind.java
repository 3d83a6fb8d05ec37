package dev.vpctrain.core.job;

/** What a {@link VpcTarget} names: one address, every address of a CIDR, an SG's ENIs, or one ENI. */
public enum VpcTargetKind {
  /** One IPv4 address, such as {@code 10.0.3.15}. */
  ADDRESS,
  /** Every address of an IPv4 CIDR block, such as {@code 10.1.0.0/16}: all must be reachable. */
  CIDR,
  /** Every network interface carrying a security group ({@code sg-…}): RDS, ElastiCache. */
  SECURITY_GROUP,
  /** One network interface ({@code eni-…}). */
  NETWORK_INTERFACE
}
