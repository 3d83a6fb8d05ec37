package dev.vpctrain.core.internal.rules.fs;

import java.util.ArrayList;
import java.util.List;

/** AWS CLI commands for file-system remediations (quoted so that they paste into a shell). */
final class FsCommands {
  private FsCommands() {}

  /** Allows TCP on each of {@code ranges} into {@code groupId} from members of {@code sourceGroupId}. */
  static String tcpIngressFromGroup(String groupId, List<int[]> ranges, String sourceGroupId) {
    return "aws ec2 authorize-security-group-ingress --group-id " + groupId + " --ip-permissions "
        + permissions(ranges, sourceGroupId);
  }

  /** Allows TCP on each of {@code ranges} out of {@code groupId} to members of {@code targetGroupId}. */
  static String tcpEgressToGroup(String groupId, List<int[]> ranges, String targetGroupId) {
    return "aws ec2 authorize-security-group-egress --group-id " + groupId + " --ip-permissions "
        + permissions(ranges, targetGroupId);
  }

  private static String permissions(List<int[]> ranges, String groupId) {
    List<String> out = new ArrayList<>();
    for (int[] r : ranges) {
      out.add("'IpProtocol=tcp,FromPort=" + r[0] + ",ToPort=" + r[1] + ",UserIdGroupPairs=[{GroupId=" + groupId + "}]'");
    }
    return String.join(" ", out);
  }
}
