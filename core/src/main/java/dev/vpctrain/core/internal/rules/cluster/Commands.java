package dev.vpctrain.core.internal.rules.cluster;

import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.internal.reach.Traffic;
import java.util.HashSet;
import java.util.Set;

/** AWS CLI commands that remediations print (quoted so that they paste into a shell). */
public final class Commands {
  private Commands() {}

  /** Allows all traffic into {@code groupId} from members of {@code sourceGroupId}. */
  public static String ingressFromGroup(String groupId, String sourceGroupId) {
    return "aws ec2 authorize-security-group-ingress --group-id " + groupId
        + " --ip-permissions 'IpProtocol=-1,UserIdGroupPairs=[{GroupId=" + sourceGroupId + "}]'";
  }

  /** Allows all traffic out of {@code groupId} to members of {@code targetGroupId}. */
  public static String egressToGroup(String groupId, String targetGroupId) {
    return "aws ec2 authorize-security-group-egress --group-id " + groupId
        + " --ip-permissions 'IpProtocol=-1,UserIdGroupPairs=[{GroupId=" + targetGroupId + "}]'";
  }

  /** Allows TCP {@code port} into {@code groupId} from members of {@code sourceGroupId}. */
  public static String tcpIngressFromGroup(String groupId, int port, String sourceGroupId) {
    return "aws ec2 authorize-security-group-ingress --group-id " + groupId
        + " --ip-permissions 'IpProtocol=tcp,FromPort=" + port + ",ToPort=" + port
        + ",UserIdGroupPairs=[{GroupId=" + sourceGroupId + "}]'";
  }

  /** Allows TCP {@code port} out of {@code groupId} to members of {@code targetGroupId}. */
  public static String tcpEgressToGroup(String groupId, int port, String targetGroupId) {
    return "aws ec2 authorize-security-group-egress --group-id " + groupId
        + " --ip-permissions 'IpProtocol=tcp,FromPort=" + port + ",ToPort=" + port
        + ",UserIdGroupPairs=[{GroupId=" + targetGroupId + "}]'";
  }

  /** Allows TCP {@code port} out of {@code groupId} to {@code cidr}. */
  public static String tcpEgressToCidr(String groupId, int port, String cidr) {
    return "aws ec2 authorize-security-group-egress --group-id " + groupId
        + " --ip-permissions 'IpProtocol=tcp,FromPort=" + port + ",ToPort=" + port
        + ",IpRanges=[{CidrIp=" + cidr + "}]'";
  }

  /**
   * Adds an allow entry for {@code traffic} to {@code acl} that takes effect before the entry
   * numbered {@code beforeRule} ({@code 32767} for the final {@code *} rule).
   */
  public static String aclAllow(NetworkAcl acl, boolean egress, int beforeRule, Traffic traffic, String cidr) {
    String what;
    if (traffic.isAllProtocols()) {
      what = " --protocol -1";
    } else if (traffic.hasPorts()) {
      what = " --protocol " + (traffic.protocol() == Traffic.TCP ? "tcp" : "udp") + " --port-range From="
          + traffic.fromPort() + ",To=" + traffic.toPort();
    } else {
      what = " --protocol " + traffic.protocol();
    }
    return "aws ec2 create-network-acl-entry --network-acl-id " + acl.networkAclId()
        + (egress ? " --egress" : " --ingress") + " --rule-number " + freeRuleNumber(acl, egress, beforeRule)
        + what + " --cidr-block " + cidr + " --rule-action allow";
  }

  /**
   * An unused rule number of the direction below {@code beforeRule}: the nearest free one (for the
   * final {@code *} rule, the next multiple of ten above the highest entry).
   */
  public static int freeRuleNumber(NetworkAcl acl, boolean egress, int beforeRule) {
    Set<Integer> used = new HashSet<>();
    int highest = 0;
    for (AclEntry e : acl.entries()) {
      if (e.egress() == egress && e.ruleNumber() < 32767) {
        used.add(e.ruleNumber());
        highest = Math.max(highest, e.ruleNumber());
      }
    }
    if (beforeRule >= 32767) {
      int n = (highest / 10 + 1) * 10;
      while (used.contains(n) && n < 32766) {
        n++;
      }
      return Math.min(n, 32766);
    }
    for (int n = beforeRule - 1; n >= 1; n--) {
      if (!used.contains(n)) {
        return n;
      }
    }
    return 1;
  }
}
