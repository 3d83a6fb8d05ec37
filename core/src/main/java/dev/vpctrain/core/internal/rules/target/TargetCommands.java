package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.internal.reach.Traffic;

/** The AWS CLI commands target findings print: security-group rules for the target's protocol and ports. */
final class TargetCommands {
  private TargetCommands() {}

  /** Lets {@code groupId} admit {@code traffic} from members of {@code sourceGroupId}. */
  static String ingressFromGroup(String groupId, Traffic traffic, String sourceGroupId) {
    return "aws ec2 authorize-security-group-ingress --group-id " + groupId + " --ip-permissions '" + ports(traffic)
        + ",UserIdGroupPairs=[{GroupId=" + sourceGroupId + "}]'";
  }

  /** Lets {@code groupId} admit {@code traffic} from {@code cidr}. */
  static String ingressFromCidr(String groupId, Traffic traffic, String cidr) {
    return "aws ec2 authorize-security-group-ingress --group-id " + groupId + " --ip-permissions '" + ports(traffic)
        + ",IpRanges=[{CidrIp=" + cidr + "}]'";
  }

  /** Lets {@code groupId} send {@code traffic} to members of {@code targetGroupId}. */
  static String egressToGroup(String groupId, Traffic traffic, String targetGroupId) {
    return "aws ec2 authorize-security-group-egress --group-id " + groupId + " --ip-permissions '" + ports(traffic)
        + ",UserIdGroupPairs=[{GroupId=" + targetGroupId + "}]'";
  }

  /** Lets {@code groupId} send {@code traffic} to {@code cidr}. */
  static String egressToCidr(String groupId, Traffic traffic, String cidr) {
    return "aws ec2 authorize-security-group-egress --group-id " + groupId + " --ip-permissions '" + ports(traffic)
        + ",IpRanges=[{CidrIp=" + cidr + "}]'";
  }

  /** {@code IpProtocol=tcp,FromPort=5432,ToPort=5432}. */
  static String ports(Traffic traffic) {
    return "IpProtocol=" + (traffic.protocol() == Traffic.UDP ? "udp" : "tcp") + ",FromPort=" + traffic.fromPort()
        + ",ToPort=" + traffic.toPort();
  }
}
