package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.internal.rules.policy.PolicyJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The remediation of a role rule: a minimal inline policy with exactly the missing statements, and the command that attaches it. */
final class RoleFix {
  private RoleFix() {}

  /** An {@code Allow} statement of {@code actions} on {@code resources}. */
  static Map<String, Object> allow(String sid, List<String> actions, List<String> resources) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Sid", sid);
    s.put("Effect", "Allow");
    s.put("Action", actions.size() == 1 ? actions.get(0) : actions);
    s.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
    return s;
  }

  /**
   * The {@code put-role-policy} command attaching {@code statements} as inline policy
   * {@code policyName}; when an explicit deny caused the miss, the text says that an Allow cannot
   * override it.
   */
  static String attach(IamRole role, String policyName, boolean explicitDeny, List<Map<String, Object>> statements) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    return (explicitDeny ? "Change the Deny statement named above (an Allow cannot override it), and attach: "
        : "Attach this inline policy (it grants exactly the missing actions): ")
        + "aws iam put-role-policy --role-name " + role.roleName() + " --policy-name " + policyName + " "
        + "--policy-document '" + PolicyJson.pretty(doc) + "'";
  }
}
