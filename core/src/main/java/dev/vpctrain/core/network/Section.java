package dev.vpctrain.core.network;

import java.util.Locale;

/** A part of the snapshot, named after the read call that fills it. */
public enum Section {
  /** The output of {@code ec2:DescribeVpcs}. */
  VPCS("ec2:DescribeVpcs"),
  /** The output of {@code ec2:DescribeVpcAttribute}. */
  VPC_ATTRIBUTES("ec2:DescribeVpcAttribute"),
  /** The output of {@code ec2:DescribeDhcpOptions}. */
  DHCP_OPTIONS("ec2:DescribeDhcpOptions"),
  /** The output of {@code ec2:DescribeSubnets}. */
  SUBNETS("ec2:DescribeSubnets"),
  /** The output of {@code ec2:DescribeSecurityGroups}. */
  SECURITY_GROUPS("ec2:DescribeSecurityGroups"),
  /** The output of {@code ec2:DescribeRouteTables}. */
  ROUTE_TABLES("ec2:DescribeRouteTables"),
  /** The output of {@code ec2:DescribeVpcEndpoints}. */
  VPC_ENDPOINTS("ec2:DescribeVpcEndpoints"),
  /** The output of {@code ec2:DescribeNatGateways}. */
  NAT_GATEWAYS("ec2:DescribeNatGateways"),
  /** The output of {@code ec2:DescribeInternetGateways}. */
  INTERNET_GATEWAYS("ec2:DescribeInternetGateways"),
  /** The output of {@code ec2:DescribeNetworkAcls}. */
  NETWORK_ACLS("ec2:DescribeNetworkAcls"),
  /** The output of {@code ec2:DescribePrefixLists}. */
  PREFIX_LISTS("ec2:DescribePrefixLists"),
  /** Possibly filtered: see {@link NetworkSnapshot#captureFilters()}. */
  NETWORK_INTERFACES("ec2:DescribeNetworkInterfaces"),
  /** The output of {@code elasticfilesystem:DescribeFileSystems}. */
  EFS_FILE_SYSTEMS("elasticfilesystem:DescribeFileSystems", "efs"),
  /** One call per file system: an {@code errors} entry naming a file system as its resource concerns that one only. */
  EFS_MOUNT_TARGETS("elasticfilesystem:DescribeMountTargets", "efs"),
  /** One call per mount target: an {@code errors} entry naming a mount target as its resource concerns that one only. */
  EFS_MOUNT_TARGET_SECURITY_GROUPS("elasticfilesystem:DescribeMountTargetSecurityGroups", "efs"),
  /** One call per file system: an {@code errors} entry naming a file system as its resource concerns that one only. */
  EFS_FILE_SYSTEM_POLICIES("elasticfilesystem:DescribeFileSystemPolicy", "efs"),
  /** The output of {@code fsx:DescribeFileSystems}. */
  FSX_FILE_SYSTEMS("fsx:DescribeFileSystems", "fsx");

  private final String operation;
  private final String bundleService;

  Section(String operation) {
    this(operation, "ec2");
  }

  Section(String operation, String bundleService) {
    this.operation = operation;
    this.bundleService = bundleService;
  }

  /** {@return the call that fills this section, as {@code service:Operation} with the IAM service prefix} */
  public String operation() {
    return operation;
  }

  /** {@return the bundle member that holds this section: {@code ec2}, {@code efs} or {@code fsx}} */
  public String bundleService() {
    return bundleService;
  }

  /** {@return the bundle key under {@link #bundleService()}, for example {@code DescribeSubnets}} */
  public String bundleKey() {
    return operation.substring(operation.indexOf(':') + 1);
  }

  /**
   * {@return true when {@code operation} (from an {@code errors} entry) names this section's call, ignoring
   * case: {@link #operation()}, or the bundle's spelling ({@code efs:DescribeMountTargets})}
   *
   * @param operation the {@code operation} of a capture error, for example {@code ec2:DescribeSubnets}
   */
  public boolean isNamedBy(String operation) {
    String op = operation.toLowerCase(Locale.ROOT);
    return op.equals(this.operation.toLowerCase(Locale.ROOT))
        || op.equals((bundleService + ":" + bundleKey()).toLowerCase(Locale.ROOT));
  }

  /** {@return true for the sections whose calls are made per resource, where an error may concern one resource only} */
  public boolean isPerResource() {
    return this == EFS_MOUNT_TARGETS || this == EFS_MOUNT_TARGET_SECURITY_GROUPS || this == EFS_FILE_SYSTEM_POLICIES;
  }
}
