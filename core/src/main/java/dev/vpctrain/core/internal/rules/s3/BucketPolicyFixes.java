package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.policy.Condition;
import dev.vpctrain.core.internal.policy.Statement;
import dev.vpctrain.core.report.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How to change a bucket-policy statement that denies the job's requests over a path. */
final class BucketPolicyFixes {
  private BucketPolicyFixes() {}

  /**
   * One sentence (with a JSON fragment where it helps) for {@code statement} denying requests that
   * arrive {@code via}; {@code roleArn} is the job's role ARN, null when not known.
   */
  static String fix(Statement statement, PathContext via, String role, String roleArn, String request) {
    String label = statement.label();
    for (Condition c : statement.conditions()) {
      String key = c.key().toLowerCase(Locale.ROOT);
      if (key.equals("aws:sourcevpce")) {
        if (via.endpointId() != null && c.isNegated()) {
          return "add " + via.endpointId() + " to the aws:SourceVpce values of " + label + ": "
              + fragment(c, via.endpointId());
        }
        if (via.natGatewayId() != null) {
          return label + " requires aws:SourceVpce, which requests through NAT gateway " + via.natGatewayId()
              + " do not carry: route the job's subnets to S3 through a gateway endpoint named there, or exempt "
              + role + " from " + label;
        }
      }
      if (key.equals("aws:sourcevpc") && via.vpcId() != null && c.isNegated()) {
        return "add " + via.vpcId() + " to the aws:SourceVpc values of " + label + ": " + fragment(c, via.vpcId());
      }
      if (key.equals("aws:sourceip")) {
        if (via.endpointId() != null) {
          return "requests through a VPC endpoint carry no aws:SourceIp, so " + label + " matches them; condition it on the "
              + "endpoint instead: \"Condition\": {\"StringNotEquals\": {\"aws:SourceVpce\": " + JsonWriter.quoted(via.endpointId()) + "}}";
        }
        if (via.sourceIp() != null && c.isNegated()) {
          return "add " + via.sourceIp() + "/32 (NAT gateway " + via.natGatewayId() + ") to the aws:SourceIp values of " + label + ": "
              + fragment(c, via.sourceIp() + "/32");
        }
      }
    }
    if (statement.isNotPrincipal() && roleArn != null) {
      return label + " exempts principals with NotPrincipal, which does not exempt the job: S3 sees a session of the role "
          + "(arn:…:sts::…:assumed-role/…/<session>) whose name SageMaker picks, and a Deny exempts a session only when "
          + "NotPrincipal names its account, its role and the session itself; exempt the role by a condition instead: "
          + "\"Principal\": \"*\" and \"Condition\": {\"ArnNotEquals\": {\"aws:PrincipalArn\": "
          + JsonWriter.quoted(roleArn) + "}} (aws:PrincipalArn of a role session is the role's ARN)";
    }
    return "remove " + label + " or narrow it so that it no longer matches " + role + "'s " + request;
  }

  /** {@code "Condition": {"Op": {"key": [old…, added]}}}. */
  private static String fragment(Condition c, String added) {
    List<String> values = new ArrayList<>(c.values());
    if (!values.contains(added)) {
      values.add(added);
    }
    StringBuilder b = new StringBuilder("\"Condition\": {");
    b.append(JsonWriter.quoted(c.operator()));
    b.append(": {");
    b.append(JsonWriter.quoted(c.key()));
    b.append(": [");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(JsonWriter.quoted(values.get(i)));
    }
    return b.append("]}}").toString();
  }
}
