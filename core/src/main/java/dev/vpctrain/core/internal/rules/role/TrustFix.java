package dev.vpctrain.core.internal.rules.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.internal.rules.policy.PolicyJson;
import dev.vpctrain.core.rules.RuleContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The trust-policy remediations: the statement that lets SageMaker assume the role, and the commands that set it. */
final class TrustFix {
  static final String SAGEMAKER = "sagemaker.amazonaws.com";

  private TrustFix() {}

  /** Created when a trust policy is rewritten, not when the class is first used (start-up of every check). */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** {@code {"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole", …aws:SourceAccount}}. */
  static Map<String, Object> statement(String account) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Sid", "AllowSageMakerToAssume");
    s.put("Effect", "Allow");
    s.put("Principal", Map.of("Service", SAGEMAKER));
    s.put("Action", "sts:AssumeRole");
    s.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", account)));
    return s;
  }

  /** A trust policy document of the statement alone. */
  static Map<String, Object> document(String account) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("Version", "2012-10-17");
    d.put("Statement", List.of(statement(account)));
    return d;
  }

  /**
   * The role's trust policy {@code current} with the statement added (its other statements kept,
   * since update-assume-role-policy replaces the whole document), or the statement alone when the
   * current one cannot be read.
   */
  static Map<String, Object> withStatement(Optional<String> current, String account) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("Version", "2012-10-17");
    List<Object> statements = new ArrayList<>();
    if (current.isPresent()) {
      try {
        JsonNode s = Json.MAPPER.readTree(current.get()).path("Statement");
        if (s.isArray()) {
          s.forEach(n -> statements.add(Json.MAPPER.convertValue(n, Object.class)));
        } else if (s.isObject()) {
          statements.add(Json.MAPPER.convertValue(s, Object.class));
        }
      } catch (IOException e) {
        statements.clear();
      }
    }
    statements.add(statement(account));
    d.put("Statement", statements);
    return d;
  }

  static String updateCommand(String roleName, Map<String, Object> document) {
    return "aws iam update-assume-role-policy --role-name " + roleName + " --policy-document '"
        + PolicyJson.pretty(document) + "'";
  }

  static String createRoleCommand(RuleContext ctx, String roleArn) {
    String name = Caller.isRoleArn(roleArn) ? Caller.assumedRole(roleArn).roleName().orElseThrow() : "<name>";
    String account = account(ctx, roleArn);
    return "aws iam create-role --role-name " + name + " --assume-role-policy-document '"
        + PolicyJson.pretty(document(account)) + "'";
  }

  /** The job's account: the snapshot's, else the role ARN's. */
  static String account(RuleContext ctx, String roleArn) {
    return ctx.network().accountId().orElseGet(() -> Caller.isRoleArn(roleArn)
        ? Caller.assumedRole(roleArn).account().orElseThrow() : "<account>");
  }
}
