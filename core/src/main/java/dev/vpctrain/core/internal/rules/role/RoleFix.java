package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.internal.rules.policy.PolicyJson;
import java.util.ArrayList;
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
    String text = text(role, policyName, explicitDeny, statements);
    List<Attached> sink = CAPTURE.get();
    if (sink != null) {
      sink.add(new Attached(role, explicitDeny, List.copyOf(statements), text));
    }
    return text;
  }

  /**
   * Runs {@code body} and returns every remediation {@link #attach} built meanwhile on this thread,
   * in order: how {@link RoleRemedies} learns the statements of a rule's findings without reading
   * their text.
   */
  static List<Attached> capture(Runnable body) {
    List<Attached> previous = CAPTURE.get();
    List<Attached> sink = new ArrayList<>();
    CAPTURE.set(sink);
    try {
      body.run();
    } finally {
      if (previous == null) {
        CAPTURE.remove();
      } else {
        CAPTURE.set(previous);
      }
    }
    return sink;
  }

  /** One remediation {@link #attach} built: the role, whether an explicit deny caused the miss, the statements and the text. */
  record Attached(IamRole role, boolean explicitDeny, List<Map<String, Object>> statements, String text) {}

  private static final ThreadLocal<List<Attached>> CAPTURE = new ThreadLocal<>();

  private static String text(IamRole role, String policyName, boolean explicitDeny, List<Map<String, Object>> statements) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    return (explicitDeny ? "Change the Deny statement named above (an Allow cannot override it), and attach: "
        : "Attach this inline policy (it grants exactly the missing actions): ")
        + "aws iam put-role-policy --role-name " + role.roleName() + " --policy-name " + policyName + " "
        + "--policy-document '" + PolicyJson.pretty(doc) + "'";
  }
}
