package dev.vpctrain.core.remediation;

import java.util.List;
import java.util.Optional;

/**
 * One exact change to an AWS account, or advice for a person. Security groups the plan creates are
 * referred to by a {@link GroupRef} of their {@link NewSecurityGroup} until they exist.
 */
public sealed interface Change
    permits Change.CreateGatewayEndpoint,
        Change.AddEndpointRouteTables,
        Change.SetEndpointPolicy,
        Change.EnableEndpointPrivateDns,
        Change.CreateInterfaceEndpoint,
        Change.CreateSecurityGroup,
        Change.AuthorizeIngress,
        Change.AuthorizeEgress,
        Change.SetBucketPolicy,
        Change.EnableVpcAttribute,
        Change.CreateNetworkAclEntry,
        Change.PutRolePolicy,
        Change.Advice {

  /** {@return the API call, as {@code service:Operation}; empty for advice} */
  String operation();

  /** {@return true when the change can be undone without loss (a rule can be revoked, an association removed)} */
  default boolean reversible() {
    return true;
  }

  /**
   * Creates an S3 gateway endpoint on route tables, with a policy ({@code ec2:CreateVpcEndpoint}).
   *
   * @param vpcId the VPC to create it in
   * @param serviceName the endpoint service, {@code com.amazonaws.<region>.s3}
   * @param routeTableIds the route tables that get the S3 prefix-list route
   * @param policyDocument the endpoint policy, JSON
   */
  record CreateGatewayEndpoint(String vpcId, String serviceName, List<String> routeTableIds, String policyDocument)
      implements Change {
    /**
     * Creates the change, copying the list of route tables.
     *
     * @param vpcId the VPC to create it in
     * @param serviceName the endpoint service, {@code com.amazonaws.<region>.s3}
     * @param routeTableIds the route tables that get the S3 prefix-list route
     * @param policyDocument the endpoint policy, JSON
     */
    public CreateGatewayEndpoint {
      routeTableIds = List.copyOf(routeTableIds);
    }

    @Override
    public String operation() {
      return "ec2:CreateVpcEndpoint";
    }
  }

  /**
   * Adds route tables to an existing gateway endpoint ({@code ec2:ModifyVpcEndpoint}).
   *
   * @param vpcEndpointId the gateway endpoint, {@code vpce-…}
   * @param routeTableIds the route tables to add
   */
  record AddEndpointRouteTables(String vpcEndpointId, List<String> routeTableIds) implements Change {
    /**
     * Creates the change, copying the list of route tables.
     *
     * @param vpcEndpointId the gateway endpoint, {@code vpce-…}
     * @param routeTableIds the route tables to add
     */
    public AddEndpointRouteTables {
      routeTableIds = List.copyOf(routeTableIds);
    }

    @Override
    public String operation() {
      return "ec2:ModifyVpcEndpoint";
    }
  }

  /**
   * Sets an endpoint's policy ({@code ec2:ModifyVpcEndpoint}).
   *
   * @param vpcEndpointId the endpoint, {@code vpce-…}
   * @param currentPolicy the policy the snapshot shows, kept for the diff and for undoing; empty when unknown
   * @param newPolicy the policy to set, JSON
   */
  record SetEndpointPolicy(String vpcEndpointId, Optional<String> currentPolicy, String newPolicy) implements Change {
    @Override
    public String operation() {
      return "ec2:ModifyVpcEndpoint";
    }
  }

  /**
   * Turns on private DNS for an interface endpoint ({@code ec2:ModifyVpcEndpoint}), so that the service's
   * default host name resolves to the endpoint.
   *
   * @param vpcEndpointId the interface endpoint, {@code vpce-…}
   */
  record EnableEndpointPrivateDns(String vpcEndpointId) implements Change {
    @Override
    public String operation() {
      return "ec2:ModifyVpcEndpoint";
    }
  }

  /**
   * Creates an interface endpoint in the given subnets and groups ({@code ec2:CreateVpcEndpoint}).
   *
   * @param vpcId the VPC to create it in
   * @param serviceName the endpoint service, for example {@code com.amazonaws.us-east-1.logs}
   * @param subnetIds the subnets to place its network interfaces in, at most one per Availability Zone
   * @param securityGroups the security groups of its network interfaces, existing or created by the plan
   * @param privateDns true to turn on private DNS
   */
  record CreateInterfaceEndpoint(
      String vpcId, String serviceName, List<String> subnetIds, List<GroupRef> securityGroups, boolean privateDns)
      implements Change {
    /**
     * Creates the change, copying the lists of subnets and security groups.
     *
     * @param vpcId the VPC to create it in
     * @param serviceName the endpoint service, for example {@code com.amazonaws.us-east-1.logs}
     * @param subnetIds the subnets to place its network interfaces in
     * @param securityGroups the security groups of its network interfaces
     * @param privateDns true to turn on private DNS
     */
    public CreateInterfaceEndpoint {
      subnetIds = List.copyOf(subnetIds);
      securityGroups = List.copyOf(securityGroups);
    }

    @Override
    public String operation() {
      return "ec2:CreateVpcEndpoint";
    }
  }

  /**
   * Creates a security group ({@code ec2:CreateSecurityGroup}); found again by VPC and name, so creating it
   * twice is a no-op.
   *
   * @param group the VPC, name and description of the group
   */
  record CreateSecurityGroup(NewSecurityGroup group) implements Change {
    @Override
    public String operation() {
      return "ec2:CreateSecurityGroup";
    }
  }

  /**
   * Adds an inbound rule to a group ({@code ec2:AuthorizeSecurityGroupIngress}).
   *
   * @param group the group, existing or created by the plan
   * @param rule the protocol, ports and source
   */
  record AuthorizeIngress(GroupRef group, Rule rule) implements Change {
    @Override
    public String operation() {
      return "ec2:AuthorizeSecurityGroupIngress";
    }
  }

  /**
   * Adds an outbound rule to a group ({@code ec2:AuthorizeSecurityGroupEgress}).
   *
   * @param group the group, existing or created by the plan
   * @param rule the protocol, ports and destination
   */
  record AuthorizeEgress(GroupRef group, Rule rule) implements Change {
    @Override
    public String operation() {
      return "ec2:AuthorizeSecurityGroupEgress";
    }
  }

  /**
   * Sets a bucket policy ({@code s3:PutBucketPolicy}); the new one keeps every statement of {@code currentPolicy}.
   *
   * @param bucket the bucket name
   * @param currentPolicy the policy the snapshot shows, kept for the diff and for undoing; empty when the
   *     bucket has none
   * @param newPolicy the policy to set, JSON
   */
  record SetBucketPolicy(String bucket, Optional<String> currentPolicy, String newPolicy) implements Change {
    @Override
    public String operation() {
      return "s3:PutBucketPolicy";
    }
  }

  /**
   * Turns on {@code enableDnsSupport} or {@code enableDnsHostnames} ({@code ec2:ModifyVpcAttribute}).
   *
   * @param vpcId the VPC
   * @param attribute the attribute to turn on
   */
  record EnableVpcAttribute(String vpcId, VpcAttribute attribute) implements Change {
    @Override
    public String operation() {
      return "ec2:ModifyVpcAttribute";
    }
  }

  /**
   * Adds an entry to a network ACL: {@code ruleNumber} is free in that direction of the ACL and
   * lower than the first entry that denies the traffic (entries are evaluated in rule-number order,
   * first match wins), so the new entry decides it and no existing entry changes. Undone with
   * {@code DeleteNetworkAclEntry}. {@code protocol} is {@code tcp}, {@code udp} or {@code -1} (every
   * protocol, when the ports are ignored).
   *
   * @param networkAclId the network ACL, {@code acl-…}
   * @param ruleNumber the entry's rule number, 1 to 32766
   * @param egress true for an outbound entry, false for an inbound one
   * @param protocol {@code tcp}, {@code udp} or {@code -1}
   * @param fromPort the first port, 0 to 65535 (ignored for {@code -1})
   * @param toPort the last port, {@code fromPort} to 65535 (ignored for {@code -1})
   * @param cidrBlock the IPv4 range the entry matches
   * @param allow true to allow, false to deny
   */
  record CreateNetworkAclEntry(String networkAclId, int ruleNumber, boolean egress, String protocol, int fromPort,
      int toPort, String cidrBlock, boolean allow) implements Change {
    /**
     * Creates the change, checking the rule number (1 to 32766) and the port range (within 0 to 65535).
     *
     * @param networkAclId the network ACL, {@code acl-…}
     * @param ruleNumber the entry's rule number, 1 to 32766
     * @param egress true for an outbound entry, false for an inbound one
     * @param protocol {@code tcp}, {@code udp} or {@code -1}
     * @param fromPort the first port
     * @param toPort the last port
     * @param cidrBlock the IPv4 range the entry matches
     * @param allow true to allow, false to deny
     * @throws IllegalArgumentException when the rule number or the port range is out of range
     */
    public CreateNetworkAclEntry {
      if (ruleNumber < 1 || ruleNumber > 32766) {
        throw new IllegalArgumentException("expected a rule number 1-32766 but was " + ruleNumber);
      }
      if (fromPort < 0 || toPort > 65535 || fromPort > toPort) {
        throw new IllegalArgumentException("expected a port range within 0-65535 but was " + fromPort + "-" + toPort);
      }
    }

    @Override
    public String operation() {
      return "ec2:CreateNetworkAclEntry";
    }

    /** {@return the API's protocol number: {@code 6} for tcp, {@code 17} for udp, {@code -1} for every protocol} */
    public String protocolNumber() {
      switch (protocol.toLowerCase(java.util.Locale.ROOT)) {
        case "tcp":
          return "6";
        case "udp":
          return "17";
        case "all":
          return "-1";
        default:
          return protocol;
      }
    }

    /** {@return true when the entry has a port range (TCP or UDP)} */
    public boolean hasPorts() {
      String n = protocolNumber();
      return n.equals("6") || n.equals("17");
    }

    /**
     * For example {@code allow inbound tcp 512-1023 from 10.20.1.0/24 as rule 99 of acl-1}.
     *
     * @return a one-line description of the change
     */
    public String describe() {
      String ports = !hasPorts() ? "" : " " + (fromPort == toPort ? Integer.toString(fromPort) : fromPort + "-" + toPort);
      String what = (protocolNumber().equals("-1") ? "all traffic" : protocol + ports);
      return (allow ? "allow " : "deny ") + (egress ? "outbound " + what + " to " : "inbound " + what + " from ")
          + cidrBlock + " as rule " + ruleNumber + " of " + networkAclId;
    }
  }

  /**
   * Puts inline policy {@code policyName} on role {@code roleName}; {@code currentPolicy} is the
   * document of that name the snapshot shows (kept for the diff; the applier reads the live one
   * before putting, to restore it or delete the policy when a later step fails).
   *
   * @param roleName the execution role's name
   * @param policyName the inline policy's name
   * @param currentPolicy the document of that name the snapshot shows; empty when the role has none
   * @param policyDocument the policy to put, JSON
   */
  record PutRolePolicy(String roleName, String policyName, Optional<String> currentPolicy, String policyDocument)
      implements Change {
    @Override
    public String operation() {
      return "iam:PutRolePolicy";
    }
  }

  /**
   * Something vpctrain cannot or should not change itself: what to do and why. Applying a plan skips it.
   *
   * @param text the advice for a person, in sentences
   */
  record Advice(String text) implements Change {
    @Override
    public String operation() {
      return "";
    }
  }

  /** The two DNS attributes of a VPC. */
  enum VpcAttribute {
    /** {@code enableDnsSupport}: the Amazon DNS server answers in the VPC. */
    ENABLE_DNS_SUPPORT("enableDnsSupport"),
    /** {@code enableDnsHostnames}: instances get DNS host names, needed for private DNS of interface endpoints. */
    ENABLE_DNS_HOSTNAMES("enableDnsHostnames");

    private final String apiName;

    VpcAttribute(String apiName) {
      this.apiName = apiName;
    }

    /** {@return the attribute's name in the EC2 API, for example {@code enableDnsSupport}} */
    public String apiName() {
      return apiName;
    }
  }

  /**
   * A security group: an existing one by id, or one the plan creates. Exactly one of the two is present.
   *
   * @param groupId the id of an existing group
   * @param created the group the plan creates
   */
  record GroupRef(Optional<String> groupId, Optional<NewSecurityGroup> created) {
    /**
     * A security group that exists.
     *
     * @param groupId the security group id, {@code sg-…}
     * @return a reference to the group
     */
    public static GroupRef existing(String groupId) {
      return new GroupRef(Optional.of(groupId), Optional.empty());
    }

    /**
     * A security group the plan creates.
     *
     * @param group the VPC, name and description of the group to create
     * @return a reference to the group
     */
    public static GroupRef created(NewSecurityGroup group) {
      return new GroupRef(Optional.empty(), Optional.of(group));
    }

    /** {@return the id, or {@code <new group NAME>} for a group still to be created} */
    public String display() {
      return groupId.orElseGet(() -> "<new group " + created.orElseThrow().name() + ">");
    }
  }

  /**
   * A security group the plan creates, identified by its VPC and name.
   *
   * @param vpcId the VPC to create it in
   * @param name the group name, for example {@link RemediationPlanner#ENDPOINT_GROUP_NAME}
   * @param description the group description
   */
  record NewSecurityGroup(String vpcId, String name, String description) {}

  /**
   * A security-group rule: protocol ({@code -1}, {@code tcp}…), port range, and one peer.
   *
   * @param protocol {@code -1} (all traffic), {@code tcp} or {@code udp}
   * @param fromPort the first port; empty for all traffic
   * @param toPort the last port; empty for all traffic
   * @param peer the source of an inbound rule, the destination of an outbound one
   */
  record Rule(String protocol, Optional<Integer> fromPort, Optional<Integer> toPort, Peer peer) {
    /**
     * A rule for all traffic from or to a peer.
     *
     * @param peer the source of an inbound rule, the destination of an outbound one
     * @return the rule
     */
    public static Rule allTraffic(Peer peer) {
      return new Rule("-1", Optional.empty(), Optional.empty(), peer);
    }

    /**
     * A rule for one TCP port.
     *
     * @param port the TCP port
     * @param peer the source of an inbound rule, the destination of an outbound one
     * @return the rule
     */
    public static Rule tcp(int port, Peer peer) {
      return new Rule("tcp", Optional.of(port), Optional.of(port), peer);
    }

    /**
     * {@return TCP on ports {@code fromPort}-{@code toPort}}
     *
     * @param fromPort the first port
     * @param toPort the last port
     * @param peer the source of an inbound rule, the destination of an outbound one
     */
    public static Rule tcp(int fromPort, int toPort, Peer peer) {
      return new Rule("tcp", Optional.of(fromPort), Optional.of(toPort), peer);
    }

    /**
     * For example {@code all traffic from sg-1} or {@code tcp 443 to pl-63a5400a}.
     *
     * @param direction {@code from} for an inbound rule, {@code to} for an outbound one
     * @return a one-line description of the change
     */
    public String describe(String direction) {
      String what = protocol.equals("-1")
          ? "all traffic"
          : protocol + " " + fromPort.map(String::valueOf).orElse("0")
              + (fromPort.equals(toPort) ? "" : "-" + toPort.map(String::valueOf).orElse("65535"));
      return what + " " + direction + " " + peer.display();
    }
  }

  /**
   * The other side of a security-group rule: a security group, a prefix list or a CIDR block. Exactly
   * one of the three is present.
   *
   * @param group a security group, existing or created by the plan
   * @param prefixListId a prefix list, {@code pl-…}
   * @param cidr an IPv4 CIDR block
   */
  record Peer(Optional<GroupRef> group, Optional<String> prefixListId, Optional<String> cidr) {
    /**
     * A security group peer.
     *
     * @param group the security group, existing or created by the plan
     * @return the peer
     */
    public static Peer group(GroupRef group) {
      return new Peer(Optional.of(group), Optional.empty(), Optional.empty());
    }

    /**
     * A prefix list peer.
     *
     * @param id the prefix list id, for example the region's S3 list {@code pl-63a5400a}
     * @return the peer
     */
    public static Peer prefixList(String id) {
      return new Peer(Optional.empty(), Optional.of(id), Optional.empty());
    }

    /**
     * A CIDR block peer.
     *
     * @param cidr an IPv4 CIDR block, for example {@code 10.20.0.0/16}
     * @return the peer
     */
    public static Peer cidr(String cidr) {
      return new Peer(Optional.empty(), Optional.empty(), Optional.of(cidr));
    }

    /** {@return the peer as a plan shows it: a group id or new group, a prefix list id or a CIDR} */
    public String display() {
      return group.map(GroupRef::display).or(() -> prefixListId).or(() -> cidr).orElse("?");
    }
  }
}
